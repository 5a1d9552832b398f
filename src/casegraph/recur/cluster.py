"""Average-linkage clustering of texts at a similarity threshold, exact at any scale.

The method (docs/DECISIONS.md, entry 39) is agglomerative clustering with average linkage over
the cosine similarity of TF-IDF vectors, stopped where the best remaining average similarity
falls below ``threshold``.  Two things make it fit 80,000 items:

* Identical wordings are one point (their items always share a cluster), so boilerplate repeated
  by a thousand reviews costs one row.
* Two groups of texts between which every pair is less similar than ``threshold`` can never be
  merged (an average of values below the threshold is below it), so the clustering of the whole
  equals the clustering of each connected component of the graph "similarity >= threshold",
  done separately.  Only those edges are searched for, with prefix filtering (Bayardo et al.,
  "Scaling up all pairs similarity search", 2007): each vector is indexed only by its rarer terms,
  leaving out a prefix of common terms whose norm is below the threshold, so a pair that shares
  none of the indexed terms cannot reach it and is never compared.

Small corpora (every build of a few pages, every test) run in pure Python, so a build never
imports numpy, SciPy or scikit-learn for them; large ones use sparse matrices and scikit-learn's
``AgglomerativeClustering`` on the components.  The two engines give the same clusters
(``tests/test_recurrence.py``).
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from casegraph.recur.features import Vector, cosine

#: Unique texts from which the sparse engine is used (below, importing it costs more than it saves).
SPARSE_FROM = 400
#: Candidates kept per text by the sparse engine, and the largest component clustered as one.
NEIGHBOURS = 30
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
    """The engine for large corpora, with sparse matrices and scikit-learn.

    Each text keeps its :data:`NEIGHBOURS` best candidates (by their score on the indexed terms)
    for the threshold graph, and a component larger than :data:`EXACT_COMPONENT` texts is split
    at a higher threshold before average linkage (scikit-learn) runs on each piece.  Both matter
    only where a text has more than that many similar texts (templated text); otherwise this is
    exact, like :func:`cluster_python` (docs/DECISIONS.md, entry 39).
    """
    import numpy as np

    n = len(vectors)
    x, suffix = _matrices(vectors, threshold)
    pair_i: list[np.ndarray] = []
    pair_j: list[np.ndarray] = []
    step = 1024
    for start in range(0, n, step):
        block = (x[start:start + step] @ suffix).tocsr()
        block.eliminate_zeros()
        rows = np.repeat(np.arange(block.shape[0]), np.diff(block.indptr))
        # The NEIGHBOURS best candidates of each row, by their score on the indexed terms (a
        # lower bound of the similarity): one sort of (row, -score) per block.
        order = np.argsort(rows - block.data * 0.5, kind="stable")
        rank = np.arange(len(order)) - block.indptr[rows[order]]
        keep = order[rank < NEIGHBOURS]
        ii, jj = rows[keep] + start, block.indices[keep]
        mask = ii != jj
        pair_i.append(np.minimum(ii[mask], jj[mask]))
        pair_j.append(np.maximum(ii[mask], jj[mask]))
    if not pair_i:
        return []
    packed = np.unique(np.concatenate(pair_i).astype(np.int64) * n + np.concatenate(pair_j))
    ci, cj = packed // n, packed % n
    exact = np.empty(len(ci))
    for start in range(0, len(ci), 200_000):
        sl = slice(start, start + 200_000)
        exact[sl] = np.asarray(x[ci[sl]].multiply(x[cj[sl]]).sum(axis=1)).ravel()
    strong = exact >= threshold
    ci, cj, ev = ci[strong], cj[strong], exact[strong]
    groups: list[Group] = []
    for comp in _pieces(np.arange(n), ci, cj, ev, threshold):
        sub = x[comp]
        block = (sub @ sub.T).toarray()
        for flat in _linkage_dense(block, threshold):
            members = [int(comp[k]) for k in flat]
            inner = block[np.ix_(flat, flat)]
            centrality = ((inner.sum(axis=1) - np.diag(inner)) / (len(flat) - 1)).tolist()
            groups.append(Group(members, centrality))
    return groups


def _pieces(nodes, ci, cj, ev, level: float):  # type: ignore[no-untyped-def]
    """The components (of two or more nodes) of the graph of edges at ``level`` or above; one
    larger than :data:`EXACT_COMPONENT` is split at a higher level, so that no dense block
    outgrows memory (an approximation only for such thousands of near-identical texts)."""
    import numpy as np
    from scipy import sparse
    from scipy.sparse.csgraph import connected_components

    local = {int(v): k for k, v in enumerate(nodes)}
    inside = np.isin(ci, nodes) & np.isin(cj, nodes) & (ev >= level)
    li = np.array([local[int(v)] for v in ci[inside]], dtype=np.int64)
    lj = np.array([local[int(v)] for v in cj[inside]], dtype=np.int64)
    graph = sparse.coo_matrix((np.ones(len(li)), (li, lj)), shape=(len(nodes), len(nodes)))
    _, labels = connected_components(graph, directed=False)
    order = np.argsort(labels, kind="stable")
    for comp in np.split(order, np.flatnonzero(np.diff(labels[order])) + 1):
        if len(comp) < 2:
            continue
        if len(comp) > EXACT_COMPONENT and level < 0.99:
            yield from _pieces(nodes[comp], ci, cj, ev, level + 0.05)
        else:
            yield nodes[comp]


def _matrices(vectors: Sequence[Vector], threshold: float):  # type: ignore[no-untyped-def]
    """The TF-IDF matrix, and the transposed matrix of each row's indexed (rarer) terms: a row's
    most common terms stay out of the index while their norm is below the threshold, since a
    pair meeting only there cannot reach it (prefix filtering)."""
    from scipy import sparse

    df: dict[str, int] = defaultdict(int)
    for v in vectors:
        for term in v:
            df[term] += 1
    col = {term: k for k, term in enumerate(sorted(df, key=lambda t: (-df[t], t)))}
    rows, cols, vals, srows, scols, svals = [], [], [], [], [], []
    limit = threshold * threshold
    for i, v in enumerate(vectors):
        prefix = 0.0
        for term, w in sorted(v.items(), key=lambda tw: col[tw[0]]):
            rows.append(i)
            cols.append(col[term])
            vals.append(w)
            prefix += w * w
            if prefix >= limit:
                srows.append(i)
                scols.append(col[term])
                svals.append(w)
    shape = (len(vectors), len(col))
    x = sparse.csr_matrix((vals, (rows, cols)), shape=shape)
    suffix = sparse.csr_matrix((svals, (srows, scols)), shape=shape).T.tocsc()
    return x, suffix


def _linkage_dense(block, threshold: float) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Average linkage on one component's similarity matrix: pure Python for small components
    (a scikit-learn call costs about a millisecond), scikit-learn for large ones."""
    m = block.shape[0]
    if m <= 64:
        sims = {(i, j): float(block[i, j]) for i in range(m) for j in range(i + 1, m) if block[i, j] > 0}
        return average_linkage(m, sims, threshold)
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering

    distance = np.clip(1.0 - block, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    # scikit-learn merges while the distance is below the threshold; ours merges at >= threshold.
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold + 1e-9)
    labels = model.fit_predict(distance)
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
