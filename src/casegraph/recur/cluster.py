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

Entry 49 adds two things.  Each text may also have a dense unit vector (a static embedding,
:func:`casegraph.recur.features.embed`); a pair's similarity is then the mean of the word
cosine and the dense cosine (:data:`casegraph.recur.features.WORDS`), computed block by block
as a sparse product plus a dense one, never as one n x n matrix.  And each text may name the
reviews it comes from: two texts from one review never share a cluster (a review does not make
the same recommendation twice, so such a merge is always wrong; on the seed digest six of the
nine words-only clusters were of one review).  That is a similarity of :data:`CONFLICT` below
anything for those pairs, which average linkage then never merges, nor any two groups holding
them.

Entry 53 (the build's method, :mod:`casegraph.recur.learned`) reuses the same search at a
lower level, capped at each text's nearest neighbours (:func:`candidate_pairs`), to find the
pairs its model scores, and clusters on those scores (:func:`cluster_scored`): the components
and the linkage are the same, on a sparse matrix of probabilities instead of similarities.

Word vectors alone on small corpora run in pure Python (no numpy or SciPy import); dense
vectors, and large corpora, use numpy and SciPy.  The engines give the same clusters on the
labelled sets (``tests/test_recurrence.py``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from casegraph.recur.features import WORDS, Vector, cosine

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
#: The similarity given to two texts of one review: average linkage never merges groups holding
#: such a pair, since no average of similarities of at most 1 can make up for it.
CONFLICT = -1e9


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


def cluster_python(vectors: Sequence[Vector], threshold: float,
                   sources: Sequence[frozenset[str]] | None = None) -> list[Group]:
    """The pure-Python engine: an inverted index gives every nonzero similarity (fine for a few
    thousand short texts), then average linkage on each component of the threshold graph; two
    texts sharing a source get :data:`CONFLICT`."""
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
    for i, j in _conflicts(sources):
        sims[i, j] = CONFLICT
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


def _conflicts(sources: Sequence[frozenset[str]] | None) -> set[tuple[int, int]]:
    """The pairs (i < j) of texts that share a source."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i, names in enumerate(sources or ()):
        for name in names:
            by_source[name].append(i)
    return {(a, b) for idx in by_source.values() for k, a in enumerate(idx) for b in idx[k + 1:]}


class _Rows:
    """Texts as rows of a similarity: sparse word vectors and, if given, dense unit vectors; two
    rows' similarity is their word cosine, or ``share`` x it + (1 - ``share``) x their dense
    cosine.  ``sources`` is a sparse incidence matrix (text x review) or None."""

    def __init__(self, words, dense=None, sources=None, share: float = WORDS) -> None:  # type: ignore[no-untyped-def]
        self.words, self.dense, self.sources, self.share = words, dense, sources, share
        self._wt = None

    @property
    def n(self) -> int:
        return int(self.words.shape[0])

    def __getitem__(self, rows) -> _Rows:  # type: ignore[no-untyped-def]
        return _Rows(self.words[rows], None if self.dense is None else self.dense[rows],
                     None if self.sources is None else self.sources[rows], self.share)

    def gram(self, other: _Rows):  # type: ignore[no-untyped-def]
        """The similarities of every row here with every row of ``other``: a sparse matrix for
        words alone, a dense array with dense vectors."""
        if other._wt is None:
            other._wt = other.words.T.tocsc()
        words = self.words @ other._wt
        if self.dense is None:
            return words
        block = words.toarray()  # templated text makes the word product nearly dense anyway
        block *= self.share
        block += (1.0 - self.share) * (self.dense @ other.dense.T)
        return block

    def points(self):  # type: ignore[no-untyped-def]
        """What k-means cells are made of: the dense vectors if any (short and meaningful),
        else the word vectors."""
        return self.words if self.dense is None else self.dense

    def conflicting(self, ci, cj):  # type: ignore[no-untyped-def]
        """Which of the pairs (ci[k], cj[k]) share a source."""
        import numpy as np

        if self.sources is None or len(ci) == 0:
            return np.zeros(len(ci), dtype=bool)
        return np.asarray(self.sources[ci].multiply(self.sources[cj]).sum(axis=1)).ravel() > 0


def _incidence(sources: Sequence[frozenset[str]] | None, n: int):  # type: ignore[no-untyped-def]
    import numpy as np
    from scipy import sparse

    if sources is None:
        return None
    col: dict[str, int] = {}
    cols = [col.setdefault(name, len(col)) for names in sources for name in sorted(names)]
    indptr = np.concatenate(([0], np.cumsum([len(names) for names in sources])))
    return sparse.csr_matrix((np.ones(len(cols)), np.array(cols, dtype=np.int64), indptr),
                             shape=(n, max(len(col), 1)))


def cluster_sparse(vectors: Sequence[Vector], threshold: float, dense=None,  # type: ignore[no-untyped-def]
                   sources: Sequence[frozenset[str]] | None = None, words: float = WORDS
                   ) -> list[Group]:
    """The engine for large corpora, and for any with dense vectors: sparse matrices, SciPy,
    and no n x n matrix anywhere.

    The pairs at or above ``threshold`` come from :func:`_pairs_exact` up to :data:`EXACT_PAIRS`
    texts and from :func:`_pairs_ivf` beyond; average linkage then runs on each component of
    the graph they make (:func:`_pieces`), on that component's own similarity matrix.  Up to
    :data:`EXACT_PAIRS` texts, and while no component outgrows :data:`EXACT_COMPONENT`, this is
    exact, like :func:`cluster_python` (docs/DECISIONS.md, entries 39 and 46).
    """
    n = len(vectors)
    if n < 2:
        return []
    x, ci, cj, ev = candidate_pairs(vectors, threshold, dense, sources, words)
    return _linked(n, ci, cj, ev, threshold, lambda comp: _dense(x[comp].gram(x[comp])), x.sources)


def candidate_pairs(vectors: Sequence[Vector], level: float, dense=None,  # type: ignore[no-untyped-def]
                    sources: Sequence[frozenset[str]] | None = None, words: float = WORDS,
                    neighbours: int | None = None):
    """The texts as rows, and the pairs (i < j) whose similarity is at least ``level`` and whose
    texts share no source, with that similarity: every such pair up to :data:`EXACT_PAIRS`
    texts (:func:`_pairs_exact`), likely neighbours beyond (:func:`_pairs_ivf`).  With
    ``neighbours``, a pair is kept only if one of its texts has it among its ``neighbours``
    most similar (ties kept; texts of a shared source never count).  The learned pair scorer
    (:mod:`casegraph.recur.learned`) scores only these, found at a level below its own
    threshold: on templated text nearly every pair passes a low level, so the cap is what
    keeps their number linear in the texts."""
    import numpy as np

    x = _Rows(_matrix(vectors), None if dense is None else np.asarray(dense, dtype=np.float32),
              _incidence(sources, len(vectors)), words)
    if x.n <= EXACT_PAIRS:
        ci, cj, ev = _pairs_exact(x, level, neighbours)
    else:
        ci, cj, ev = _pairs_ivf(x, level, neighbours)
    apart = x.conflicting(ci, cj)  # never merged, so no edge of the components either
    return x, ci[~apart], cj[~apart], ev[~apart]


def cluster_scored(n: int, ci, cj, scores, threshold: float, sources=None  # type: ignore[no-untyped-def]
                   ) -> list[Group]:
    """Average linkage over ``scores`` given for the pairs (ci[k], cj[k]) of ``n`` texts only
    (every other pair counts as 0); ``sources`` is the incidence matrix of
    :func:`candidate_pairs`' rows (two texts sharing a source never share a cluster).  Scores
    lie in [0, 1], so the split into components at ``threshold`` is exact as for similarities."""
    import numpy as np
    from scipy import sparse

    if n < 2 or len(ci) == 0:
        return []
    both = sparse.csr_matrix((np.concatenate([scores, scores]).astype(np.float64),
                              (np.concatenate([ci, cj]), np.concatenate([cj, ci]))), shape=(n, n))
    return _linked(n, ci, cj, np.asarray(scores), threshold,
                   lambda comp: both[comp][:, comp].toarray(), sources)


def _linked(n: int, ci, cj, ev, threshold: float, block_of, sources) -> list[Group]:  # type: ignore[no-untyped-def]
    """Average linkage on each component of the graph of pairs at ``threshold`` or above, on
    the component's own similarity matrix (``block_of(component)``), two texts sharing a
    source set to :data:`CONFLICT`; each member's centrality is its mean similarity to the
    others."""
    import numpy as np

    groups: list[Group] = []
    for comp in _pieces(ci, cj, ev, threshold, np.arange(n)):
        block = block_of(comp)
        if sources is not None:
            sub = sources[comp]
            shared = (sub @ sub.T).toarray() > 0
            np.fill_diagonal(shared, False)
            block[shared] = CONFLICT
        for flat in _linkage_dense(block, threshold):
            members = [int(comp[k]) for k in flat]
            inner = block[np.ix_(flat, flat)]
            centrality = ((inner.sum(axis=1) - np.diag(inner)) / (len(flat) - 1)).tolist()
            groups.append(Group(members, centrality))
    return groups


def _dense(block):  # type: ignore[no-untyped-def]
    import numpy as np

    return block.toarray() if hasattr(block, "toarray") else np.asarray(block)


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


def _pairs_exact(x, threshold: float, neighbours: int | None = None):  # type: ignore[no-untyped-def]
    """Every pair at or above ``threshold``: sparse products of row blocks with the whole matrix,
    of about :data:`BLOCK_CELLS` cells each, keeping only the pairs above the threshold (and,
    with ``neighbours``, among a row's best, see :func:`candidate_pairs`)."""
    import numpy as np

    n = x.n
    step = max(1, BLOCK_CELLS // n)
    everything = np.arange(n)
    if neighbours is None:
        found = [_above(x[s:s + step].gram(x), everything[s:s + step], everything, threshold)
                 for s in range(0, n, step)]
        return _joined(found)
    found = []
    for s in range(0, n, step):
        rows = everything[s:s + step]
        block = _dense(x[rows].gram(x))
        block[np.arange(len(rows)), rows] = -np.inf  # a text is not its own neighbour
        if x.sources is not None:
            shared = (x.sources[rows] @ x.sources.T).tocoo()
            block[shared.row, shared.col] = -np.inf
        found.append(_above(_best_of_rows(block, neighbours), rows, everything, threshold, symmetric=False))
    return _unique_pairs(*_joined(found), n)


def _best_of_rows(block, k: int):  # type: ignore[no-untyped-def]
    """``block`` with all but each row's ``k`` largest values (ties kept) set to zero."""
    import numpy as np

    if block.shape[1] > k:
        cut = np.partition(block, -k, axis=1)[:, -k][:, None]
        block[block < cut] = 0.0
    return block


def _unique_pairs(ci, cj, ev, n: int):  # type: ignore[no-untyped-def]
    import numpy as np

    _, first = np.unique(ci * n + cj, return_index=True)
    return ci[first], cj[first], ev[first]


def _pairs_ivf(x, threshold: float, neighbours: int | None = None):  # type: ignore[no-untyped-def]
    """The pairs at or above ``threshold`` among likely neighbours (approximate).

    An inverted-file index, as in Faiss's IVF, with spherical k-means for the cells: each text
    lives in the cell of its nearest centre and is compared with the texts of its
    :data:`PROBES` nearest cells, keeping its :data:`NEIGHBOURS` most similar there.  A pair
    whose texts share no such cell is missed; on templated text every row's neighbours are many
    and alike, so the components, and the linkage run on each with every pair, hardly change.
    """
    import numpy as np

    n = x.n
    cells = max(2, int(np.sqrt(n)))
    points = x.points()
    centres = _kmeans(points, cells)
    sims = np.asarray(points @ centres.T)
    home = sims.argmax(axis=1)
    probes = np.argpartition(-sims, PROBES - 1, axis=1)[:, :PROBES]
    lives = _grouped(home, cells)
    visits = _grouped(probes.ravel(), cells, np.repeat(np.arange(n), PROBES))
    found = []
    for cell in range(cells):
        hosts, guests = lives[cell], visits[cell]
        if len(hosts) == 0 or len(guests) == 0:
            continue
        host_rows = x[hosts]
        step = max(1, BLOCK_CELLS // len(hosts))
        for s in range(0, len(guests), step):
            rows = guests[s:s + step]
            block = _best_of_rows(_dense(x[rows].gram(host_rows)), min(NEIGHBOURS, neighbours or NEIGHBOURS))
            found.append(_above(block, rows, hosts, threshold, symmetric=False))
    return _unique_pairs(*_joined(found), n)


def _kmeans(x, cells: int):  # type: ignore[no-untyped-def]
    """Unit centres of ``cells`` spherical k-means cells of the rows of ``x`` (sparse or
    dense; fixed seed, so runs repeat)."""
    import numpy as np
    from scipy import sparse

    n = x.shape[0]
    rng = np.random.default_rng(12)
    centres = _dense(x[rng.choice(n, cells, replace=False)])
    for _ in range(KMEANS_ROUNDS):
        home = np.asarray(x @ centres.T).argmax(axis=1)
        assign = sparse.csr_matrix((np.ones(n), (home, np.arange(n))), shape=(cells, n))
        summed = _dense(assign @ x).astype(centres.dtype, copy=False)
        norms = np.linalg.norm(summed, axis=1)
        empty = norms == 0
        summed[empty] = _dense(x[rng.choice(n, int(empty.sum()), replace=False)])
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
        sims = {(i, j): float(block[i, j]) for i in range(m) for j in range(i + 1, m) if block[i, j] != 0}
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


def cluster(vectors: Sequence[Vector], threshold: float, engine: str = "auto", dense=None,  # type: ignore[no-untyped-def]
            sources: Sequence[frozenset[str]] | None = None, words: float = WORDS) -> list[Group]:
    """Clusters of two or more of ``vectors`` (see the module docstring); ``engine`` is
    ``"python"``, ``"sparse"`` or ``"auto"`` (sparse from :data:`SPARSE_FROM` vectors, or with
    ``dense``: unit rows, one per vector, whose cosine has the share 1 - ``words``);
    ``sources`` names each vector's reviews (two vectors sharing one are never clustered
    together)."""
    if engine == "auto":
        engine = "sparse" if len(vectors) >= SPARSE_FROM or dense is not None else "python"
    if engine == "sparse":
        return cluster_sparse(vectors, threshold, dense, sources, words)
    if dense is not None:
        raise ValueError("the pure-Python engine takes no dense vectors")
    return cluster_python(vectors, threshold, sources)
