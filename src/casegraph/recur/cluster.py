"""Average-linkage clustering of texts at a similarity threshold, exact up to 20,000 texts.

The method (docs/DECISIONS.md, entry 39) is agglomerative clustering with average linkage over
the cosine similarity of TF-IDF vectors, stopped where the best remaining average similarity
falls below ``threshold``.  What makes it fit 80,000 items (entry 46):

* Identical wordings are one point (their items always share a cluster), so boilerplate repeated
  by a thousand reviews costs one row.
* Two groups of texts between which every pair is less similar than ``threshold`` can never be
  merged (an average of values below the threshold is below it), so the clustering of the whole
  equals the clustering of each connected component of the graph "similarity >= threshold",
  done separately, on that component's own similarity matrix.
* The pairs of that graph are found without an n x n matrix: sparse products of row blocks
  with the whole matrix, keeping only the pairs above the threshold, up to
  :data:`EXACT_PAIRS` texts; beyond, where templated wording makes those products nearly
  dense (every text shares common words with every other), an inverted-file index over
  k-means cells compares each text only with the texts of its nearest cells (approximate).
* A component of more than :data:`EXACT_COMPONENT` texts is split at a higher level first
  (approximate, and only for thousands of alike texts).

Small corpora (every build of a few pages, every test) run in pure Python, so a build never
imports numpy or SciPy for them; large ones use sparse matrices and SciPy.  The engines give
the same clusters on the labelled sets (``tests/test_recurrence.py``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from casegraph.recur.features import Vector, cosine

#: Unique texts from which the sparse engine is used (below, importing it costs more than it saves).
SPARSE_FROM = 400
#: Texts up to which every pair is compared (sparse products); beyond, an inverted-file index
#: with :data:`PROBES` cells visited per text, keeping its :data:`NEIGHBOURS` best in each.
EXACT_PAIRS = 20000
PROBES = 3
NEIGHBOURS = 15
KMEANS_ROUNDS = 6
#: Cells of one similarity block (rows x columns): about 80 MB of float64 at most.
BLOCK_CELLS = 10_000_000
#: The largest component clustered as one (its similarity matrix is dense: 4000^2 floats, 128 MB).
EXACT_COMPONENT = 4000


@dataclass
class Group:
    """One cluster of unique texts (indexes into the input) and how central each one is."""

    members: list[int]
    centrality: list[float]  # mean similarity of each member to the others, in ``members`` order


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self, n: int) -> list[list[int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(n):
            groups[self.find(i)].append(i)
        return [g for g in groups.values() if len(g) > 1]


def average_linkage(n: int, sims: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Flat clusters of ``n`` points: merge the two clusters of highest average similarity while
    that average is at least ``threshold``.  ``sims`` holds every nonzero similarity (i < j).

    Cluster ids are never reused, so a heap entry is stale exactly when one of its clusters has
    been merged away; the sums between two live clusters never change.
    """
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in sims.items():
        sums[i][j] = sums[j][i] = s
    size = dict.fromkeys(range(n), 1)
    members = {i: [i] for i in range(n)}
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in size or b not in size:
            continue
        c, next_id = next_id, next_id + 1
        size[c] = size.pop(a) + size.pop(b)
        members[c] = members.pop(a) + members.pop(b)
        row_a, row_b = sums.pop(a, {}), sums.pop(b, {})
        for x in (set(row_a) | set(row_b)) - {a, b}:
            s = row_a.get(x, 0.0) + row_b.get(x, 0.0)
            sums[x].pop(a, None)
            sums[x].pop(b, None)
            sums[c][x] = sums[x][c] = s
            avg = s / (size[c] * size[x])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(c, x), max(c, x)))
    return [sorted(m) for m in members.values() if len(m) > 1]


def _centrality(group: list[int], sim) -> list[float]:  # type: ignore[no-untyped-def]
    return [sum(sim(i, j) for j in group if j != i) / (len(group) - 1) for i in group]


def cluster_python(vectors: Sequence[Vector], threshold: float) -> list[Group]:
    """The pure-Python engine: an inverted index gives every nonzero similarity (fine for a few
    thousand short texts), then average linkage on each component of the threshold graph."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for term in v:
            postings[term].append(i)
    sims: dict[tuple[int, int], float] = {}
    uf = _UnionFind(len(vectors))
    for i, v in enumerate(vectors):
        candidates = {j for term in v for j in postings[term] if j > i}
        for j in candidates:
            s = cosine(v, vectors[j])
            if s > 0.0:
                sims[i, j] = s
                if s >= threshold:
                    uf.union(i, j)
    inner: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for (i, j), s in sims.items():
        root = uf.find(i)
        if root == uf.find(j):
            inner[root][i, j] = s

    def sim(i: int, j: int) -> float:
        return sims.get((min(i, j), max(i, j)), 0.0)

    groups: list[Group] = []
    for comp in uf.components(len(vectors)):
        local = {g: k for k, g in enumerate(comp)}
        pairs = {(local[i], local[j]): s for (i, j), s in inner[comp[0]].items()}
        for flat in average_linkage(len(comp), pairs, threshold):
            members = [comp[k] for k in flat]
            groups.append(Group(members, _centrality(members, sim)))
    return groups


def cluster_sparse(vectors: Sequence[Vector], threshold: float) -> list[Group]:
    """The engine for large corpora: sparse matrices, SciPy, and no n x n matrix anywhere.

    The pairs at or above ``threshold`` come from :func:`_pairs_exact` up to :data:`EXACT_PAIRS`
    texts and from :func:`_pairs_ivf` beyond; average linkage then runs on each component of
    the graph they make (:func:`_pieces`), on that component's own similarity matrix.  Up to
    :data:`EXACT_PAIRS` texts, and while no component outgrows :data:`EXACT_COMPONENT`, this is
    exact, like :func:`cluster_python` (docs/DECISIONS.md, entries 39 and 46).
    """
    import numpy as np

    x = _matrix(vectors)
    n = x.shape[0]
    if n < 2:
        return []
    ci, cj, ev = (_pairs_exact if n <= EXACT_PAIRS else _pairs_ivf)(x, threshold)
    groups: list[Group] = []
    for comp in _pieces(ci, cj, ev, threshold, np.arange(n)):
        sub = x[comp]
        block = (sub @ sub.T).toarray()
        for flat in _linkage_dense(block, threshold):
            members = [int(comp[k]) for k in flat]
            inner = block[np.ix_(flat, flat)]
            centrality = ((inner.sum(axis=1) - np.diag(inner)) / (len(flat) - 1)).tolist()
            groups.append(Group(members, centrality))
    return groups


def _matrix(vectors: Sequence[Vector]):  # type: ignore[no-untyped-def]
    """The vectors as one CSR matrix (rows already L2-normalised by :func:`tfidf`)."""
    import numpy as np
    from scipy import sparse

    col: dict[str, int] = {}
    cols = [col.setdefault(term, len(col)) for v in vectors for term in v]
    vals = [w for v in vectors for w in v.values()]
    indptr = np.concatenate(([0], np.cumsum([len(v) for v in vectors])))
    return sparse.csr_matrix((np.array(vals, dtype=np.float64), np.array(cols, dtype=np.int64), indptr),
                             shape=(len(vectors), max(len(col), 1)))


def _above(block, rows, cols, threshold: float, symmetric: bool = True):  # type: ignore[no-untyped-def]
    """The pairs (i < j, as global indexes) of a similarity block at or above ``threshold``;
    ``symmetric`` when the block's other half is computed too (so only i < j is kept)."""
    import numpy as np

    if hasattr(block, "tocoo"):
        coo = block.tocoo()
        bi, bj, bv = coo.row, coo.col, coo.data
        keep = bv >= threshold
        bi, bj, bv = bi[keep], bj[keep], bv[keep]
    else:
        bi, bj = np.nonzero(block >= threshold)
        bv = block[bi, bj]
    i, j = rows[bi], cols[bj]
    if not symmetric:
        i, j = np.minimum(i, j), np.maximum(i, j)
    keep = i < j
    return i[keep], j[keep], bv[keep]


def _pairs_exact(x, threshold: float):  # type: ignore[no-untyped-def]
    """Every pair at or above ``threshold``: sparse products of row blocks with the whole matrix,
    of about :data:`BLOCK_CELLS` cells each, keeping only the pairs above the threshold."""
    import numpy as np

    n = x.shape[0]
    xt = x.T.tocsc()
    step = max(1, BLOCK_CELLS // n)
    everything = np.arange(n)
    found = [_above(x[s:s + step] @ xt, everything[s:s + step], everything, threshold)
             for s in range(0, n, step)]
    return _joined(found)


def _pairs_ivf(x, threshold: float):  # type: ignore[no-untyped-def]
    """The pairs at or above ``threshold`` among likely neighbours (approximate).

    An inverted-file index, as in Faiss's IVF, with spherical k-means for the cells: each text
    lives in the cell of its nearest centre and is compared with the texts of its
    :data:`PROBES` nearest cells, keeping its :data:`NEIGHBOURS` most similar there.  A pair
    whose texts share no such cell is missed; on templated text every row's neighbours are many
    and alike, so the components, and the linkage run on each with every pair, hardly change.
    """
    import numpy as np

    n = x.shape[0]
    cells = max(2, int(np.sqrt(n)))
    centres = _kmeans(x, cells)
    sims = np.asarray(x @ centres.T)
    home = sims.argmax(axis=1)
    probes = np.argpartition(-sims, PROBES - 1, axis=1)[:, :PROBES]
    lives = _grouped(home, cells)
    visits = _grouped(probes.ravel(), cells, np.repeat(np.arange(n), PROBES))
    found = []
    for cell in range(cells):
        hosts, guests = lives[cell], visits[cell]
        if len(hosts) == 0 or len(guests) == 0:
            continue
        ht = x[hosts].T.tocsc()
        step = max(1, BLOCK_CELLS // len(hosts))
        for s in range(0, len(guests), step):
            rows = guests[s:s + step]
            block = (x[rows] @ ht).toarray()
            if block.shape[1] > NEIGHBOURS:  # all but each row's best NEIGHBOURS set to zero
                cut = np.partition(block, -NEIGHBOURS, axis=1)[:, -NEIGHBOURS][:, None]
                block[block < cut] = 0.0
            found.append(_above(block, rows, hosts, threshold, symmetric=False))
    ci, cj, ev = _joined(found)
    _, first = np.unique(ci * n + cj, return_index=True)
    return ci[first], cj[first], ev[first]


def _kmeans(x, cells: int):  # type: ignore[no-untyped-def]
    """Unit centres of ``cells`` spherical k-means cells (fixed seed, so runs repeat)."""
    import numpy as np
    from scipy import sparse

    n = x.shape[0]
    rng = np.random.default_rng(12)
    centres = x[rng.choice(n, cells, replace=False)].toarray()
    for _ in range(KMEANS_ROUNDS):
        home = np.asarray(x @ centres.T).argmax(axis=1)
        assign = sparse.csr_matrix((np.ones(n), (home, np.arange(n))), shape=(cells, n))
        summed = np.asarray((assign @ x).todense())
        norms = np.linalg.norm(summed, axis=1)
        empty = norms == 0
        summed[empty] = x[rng.choice(n, int(empty.sum()), replace=False)].toarray()
        norms[empty] = 1.0
        centres = summed / norms[:, None]
    return centres


def _grouped(keys, size: int, values=None):  # type: ignore[no-untyped-def]
    """``values`` (default: positions) grouped by ``keys`` in 0..size-1, each group sorted."""
    import numpy as np

    values = np.arange(len(keys)) if values is None else values
    order = np.argsort(keys, kind="stable")
    bounds = np.searchsorted(keys[order], np.arange(size + 1))
    return [values[order[bounds[k]:bounds[k + 1]]] for k in range(size)]


def _joined(found):  # type: ignore[no-untyped-def]
    import numpy as np

    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    return (np.concatenate([f[0] for f in found]).astype(np.int64),
            np.concatenate([f[1] for f in found]).astype(np.int64),
            np.concatenate([f[2] for f in found]))


def _pieces(ci, cj, ev, level: float, nodes):  # type: ignore[no-untyped-def]
    """The components (of two or more of the sorted ``nodes``) of the graph of pairs at ``level``
    or above; one larger than :data:`EXACT_COMPONENT` is split by its own pairs at a higher
    level, so that no similarity matrix outgrows memory (an approximation only for such
    thousands of alike texts).  Each call sees only the pairs inside its nodes, so splitting
    costs their number."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    strong = ev >= level
    ci, cj, ev = ci[strong], cj[strong], ev[strong]
    local = np.zeros(int(nodes[-1]) + 1, dtype=np.int64)
    local[nodes] = np.arange(len(nodes))
    li, lj = local[ci], local[cj]
    m = len(nodes)
    graph = sparse.coo_matrix((np.ones(len(li), dtype=np.int8), (li, lj)), shape=(m, m))
    count, labels = connected_components(graph, directed=False)
    sizes = np.bincount(labels, minlength=count)
    members = np.argsort(labels, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(sizes)))
    large = sizes > EXACT_COMPONENT
    if large.any() and level < 0.99:  # the pairs of each large component, grouped once
        edge_labels = labels[li]
        by_label = np.argsort(edge_labels, kind="stable")
        edge_bounds = np.searchsorted(edge_labels[by_label], np.arange(count + 1))
    for label in np.flatnonzero(sizes > 1):
        comp = nodes[members[bounds[label]:bounds[label + 1]]]
        if large[label] and level < 0.99:
            inside = by_label[edge_bounds[label]:edge_bounds[label + 1]]
            yield from _pieces(ci[inside], cj[inside], ev[inside], level + 0.05, comp)
        else:
            yield comp


def _linkage_dense(block, threshold: float) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Average linkage on one component's similarity matrix: pure Python for small components
    (a SciPy call costs more there), SciPy's (the NN-chain algorithm, the same one
    scikit-learn calls) for large ones."""
    m = block.shape[0]
    if m <= 64:
        sims = {(i, j): float(block[i, j]) for i in range(m) for j in range(i + 1, m) if block[i, j] > 0}
        return average_linkage(m, sims, threshold)
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - block, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # SciPy keeps merges at a height <= t; ours merges at similarity >= threshold.
    labels = fcluster(tree, 1.0 - threshold + 1e-9, criterion="distance")
    flat: dict[int, list[int]] = defaultdict(list)
    for k, label in enumerate(labels):
        flat[int(label)].append(k)
    return [g for g in flat.values() if len(g) > 1]


def cluster(vectors: Sequence[Vector], threshold: float, engine: str = "auto") -> list[Group]:
    """Clusters of two or more of ``vectors`` (see the module docstring); ``engine`` is
    ``"python"``, ``"sparse"`` or ``"auto"`` (sparse from :data:`SPARSE_FROM` vectors)."""
    if engine == "auto":
        engine = "sparse" if len(vectors) >= SPARSE_FROM else "python"
    return (cluster_sparse if engine == "sparse" else cluster_python)(vectors, threshold)
