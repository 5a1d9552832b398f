"""Recurrence clusters (issue 12): scored on the labelled sets, near-misses kept apart, items
of one review never together, stable IRIs, the clustering engines agree, and the contract query
answers on a build.

The labelled sets in ``recurrence/`` are invented pages with hand-written gold clusters.  All
five (``dev``, ``heldout``, ``heldout2``, ``heldout3``, ``heldout4``) are development data: the
build's method (DECISIONS 53 and 56, the learned pair scorer) was fitted on all five, so the
floors below guard its leave-one-set-out figures and are no estimate of unseen text (blind
sets, kept outside the repository, are that).
"""

from __future__ import annotations

import csv
import io
import random
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from casegraph.core import iris
from casegraph.core.model import Review
from casegraph.core.namespaces import CG, RDF_TYPE
from casegraph.extract.vocab import Vocabulary
from casegraph.pipeline.build import BuildResult, build, extract_reviews
from casegraph.recur import find_recurrences, items_of, recurrence_triples
from casegraph.recur.cluster import average_linkage, cluster, cluster_python, cluster_sparse
from casegraph.recur.features import embed, normalised, tfidf
from casegraph.recur.score import load_gold, predicted_groups, score
from casegraph.store.engines import OxigraphEngine
from casegraph.store.queries import bind_values, saved_queries
from casegraph.store.results import render

HERE = Path(__file__).parent / "recurrence"
#: The module (the package exports a function of the same name).
cluster_module = sys.modules["casegraph.recur.cluster"]
HELD_OUT = HERE / "heldout"
#: Items that look alike but must never share a cluster (the issue's own examples among them).
NEAR_MISSES = [
    ("Child H1 R1", "Child H6 R2"),  # interpreters for parents / for 999 call handlers
    ("Child H6 R1", "Child H6 R2"),
    ("Child H11 R1", "Child H6 R2"),
    ("Child H7 R1", "Child H7 R2"),  # safe sleep at every visit / safe storage of medicines
    ("Child H2 R2", "Child H7 R2"),
    ("Child H12 R1", "Child H7 R2"),
    ("Child H16 R1", "Child H7 R2"),
    ("Child H2 R1", "Child H8 R2"),  # crying advice for fathers / fathers' postnatal depression
]


@pytest.fixture(scope="module")
def held_out(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The held-out pages built, validated and written like any build."""
    return build([HELD_OUT], tmp_path_factory.mktemp("recur"), curations=None)


@pytest.fixture(scope="module")
def held_out_2(vocab: Vocabulary) -> list[Review]:
    """The second held-out set's reviews (written by another hand, after the method was frozen)."""
    reviews, _, _ = extract_reviews([HERE / "heldout2"], vocab)
    return reviews


def load_gold_refs(result: BuildResult, refs: list[str]) -> list[tuple[str, str, int]]:
    """Item keys of references written as in the gold files ("Child H1 R2")."""
    by_child = {c.pseudonym: r for r in result.reviews for c in r.children}
    out = []
    for ref in refs:
        title, item = ref.rsplit(" ", 1)
        kind = "learning" if item[0] == "L" else "recommendation"
        out.append((kind, by_child[title].slug, int(item[1:])))
    return out


@pytest.fixture(scope="module")
def dev_set(vocab: Vocabulary) -> list[Review]:
    reviews, _, _ = extract_reviews([HERE / "dev"], vocab)
    return reviews


#: set: (gold pairs counted by hand from the gold file, precision floor, recall floor), floors
#: 0.03 under the lower of the learned method's leave-one-set-out figure (DECISIONS 56: each set
#: scored by a model and threshold chosen on the other four: dev 0.74 / 0.80, heldout 0.79 /
#: 0.77, heldout2 0.80 / 0.62, heldout3 0.74 / 0.75, heldout4 0.68 / 0.55) and the shipped
#: model's in-sample figure (it saw all five sets: 0.78 / 0.84, 0.81 / 0.77, 0.88 / 0.62,
#: 0.73 / 0.72, 0.74 / 0.53).
SCORE_FLOORS = {"dev": (25, 0.71, 0.77),  # 15 groups of 2 and 3
                "heldout": (44, 0.76, 0.74),  # 11 groups of 3, 4 and 2
                "heldout2": (58, 0.77, 0.59),  # 17 groups of 2 to 5
                "heldout3": (53, 0.70, 0.69),  # 20 groups of 2 to 4
                "heldout4": (47, 0.65, 0.50)}  # 24 groups of 2 to 4


@pytest.mark.parametrize("name", sorted(SCORE_FLOORS))
def test_labelled_sets_scores_hold(name: str, vocab: Vocabulary, held_out: BuildResult,
                                   held_out_2: list[Review], dev_set: list[Review]) -> None:
    reviews = {"dev": dev_set, "heldout": held_out.reviews, "heldout2": held_out_2}.get(name) \
        or extract_reviews([HERE / name], vocab)[0]
    pairs, precision, recall = SCORE_FLOORS[name]
    got = score(predicted_groups(find_recurrences(reviews)),
                load_gold(HERE / f"{name}-gold.yaml", reviews))
    assert got.gold_pairs == pairs
    assert got.precision >= precision and got.recall >= recall, got


def test_the_static_method_beats_words_alone(held_out: BuildResult, held_out_2: list[Review],
                                             dev_set: list[Review]) -> None:
    """Over the three sets together, words + static embeddings find more of the gold pairs than
    words alone at the threshold of DECISIONS 46, with a better F1 (49: 0.68 against 0.51)."""
    sets = (("dev", dev_set), ("heldout", held_out.reviews), ("heldout2", held_out_2))
    totals = {}
    for method in ("words", "static"):
        hit = predicted = wanted = 0
        for name, reviews in sets:
            got = score(predicted_groups(find_recurrences(reviews, method=method)),
                        load_gold(HERE / f"{name}-gold.yaml", reviews))
            hit, predicted, wanted = (hit + got.correct_pairs, predicted + got.predicted_pairs,
                                      wanted + got.gold_pairs)
        totals[method] = (hit / wanted, 2 * hit / (predicted + wanted))  # recall, F1
    assert totals["static"][0] > totals["words"][0] + 0.2, totals
    assert totals["static"][1] > totals["words"][1], totals


@pytest.mark.xfail(strict=True, reason="the learned pair scorer with themes reaches 0.79 / 0.77 "
                   "on the held-out set and 0.80 / 0.62 on the second left out (0.81 / 0.77 and "
                   "0.88 / 0.62 in-sample; DECISIONS 56)")
def test_held_out_meets_the_issue_target(held_out: BuildResult, held_out_2: list[Review]) -> None:
    for name, reviews in (("heldout", held_out.reviews), ("heldout2", held_out_2)):
        gold = load_gold(HERE / f"{name}-gold.yaml", reviews)
        got = score(predicted_groups(find_recurrences(reviews)), gold)
        assert got.precision >= 0.85 and got.recall >= 0.75, (name, got)


@pytest.mark.parametrize("a,b", NEAR_MISSES)
def test_near_misses_are_not_merged(held_out: BuildResult, a: str, b: str) -> None:
    ka, kb = load_gold_refs(held_out, [a, b])
    together = [g for g in predicted_groups(find_recurrences(held_out.reviews)) if ka in g and kb in g]
    assert not together


def test_a_recurring_theme_is_found_whole(held_out: BuildResult) -> None:
    """Safe sleep at every contact, in four wordings over 2016-2022, is one cluster of its own."""
    want = set(load_gold_refs(held_out, ["Child H2 R2", "Child H7 R1", "Child H12 R1", "Child H16 R1"]))
    clusters = [c for c in find_recurrences(held_out.reviews) if c.kind == "recommendation"
                and want & {("recommendation", s, p) for s, p in c.members}]
    assert len(clusters) == 1
    (c,) = clusters
    assert {("recommendation", s, p) for s, p in c.members} == want
    assert (c.first_year, c.last_year, c.reviews) == (2016, 2022, 4)


def test_cluster_iris_are_stable(held_out: BuildResult, vocab: Vocabulary) -> None:
    """The same items give the same triples in any review order; the IRI names the members."""
    forward = set(recurrence_triples(held_out.reviews, vocab))
    backward = set(recurrence_triples(list(reversed(held_out.reviews)), vocab))
    assert forward and forward == backward
    members = ["https://w3id.org/casegraph/id/recommendation/x-r1",
               "https://w3id.org/casegraph/id/recommendation/y-r2"]
    assert iris.cluster_iri("recommendation", members) == iris.cluster_iri("recommendation",
                                                                          members[::-1])
    assert iris.cluster_iri("recommendation", members) != iris.cluster_iri("recommendation",
                                                                          members[:1])


def test_built_graph_holds_valid_clusters(held_out: BuildResult) -> None:
    assert held_out.report.conforms
    typed = [t for t in held_out.triples
             if t.predicate.value == RDF_TYPE and t.object == ox.NamedNode(str(CG.RecurrenceCluster))]
    assert len(typed) == len(find_recurrences(held_out.reviews)) > 0


def test_recurring_recommendations_query(held_out: BuildResult, vocab: Vocabulary) -> None:
    """One row per member of a recommendation cluster spanning two or more reviews; each row's
    year, position and text are those of its review and item."""
    assert held_out.out is not None
    engine = OxigraphEngine()
    engine.load_file(held_out.out / "casegraph.ttl")
    q = saved_queries()["recurring-recommendations"]
    rows = list(csv.DictReader(io.StringIO(render(engine.select(q.text, bind_values(q, {}, vocab)),
                                                  "csv"))))
    assert rows
    by_slug = {r.slug: r for r in held_out.reviews}
    reviews_per_cluster: dict[str, set[str]] = {}
    for row in rows:
        slug = row["review"].rsplit("/", 1)[1]
        review = by_slug[slug]
        position = int(row["position"])
        assert row["recommendation"] == iris.recommendation_iri(slug, position)
        assert row["text"] == review.recommendations[position - 1].text
        assert int(row["publication_year"]) == review.publication_year
        reviews_per_cluster.setdefault(row["cluster"], set()).add(slug)
    assert all(len(s) >= 2 for s in reviews_per_cluster.values())
    labels = {row["cluster"]: row["label"] for row in rows}
    for cluster_iri, label in labels.items():
        texts = [row["text"] for row in rows if row["cluster"] == cluster_iri]
        assert any(t.startswith(label.removesuffix(" …")) for t in texts)


@pytest.mark.parametrize("route", ["every pair", "inverted file"])
def test_engines_agree_on_the_labelled_sets(held_out: BuildResult, route: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python engine (small builds) and the sparse one (large builds) give the same
    clusters, whether the sparse one compares every pair or only the texts of nearby k-means
    cells (its route beyond EXACT_PAIRS texts); the labelled pages of both sets are the input."""
    if route == "inverted file":
        monkeypatch.setattr(cluster_module, "EXACT_PAIRS", 0)
    pieces = {part for page in (HERE / "dev").glob("*.txt")
              for part in page.read_text(encoding="utf-8").split(";")}
    texts = sorted({normalised(it.text) for it in items_of(held_out.reviews)}
                   | {normalised(p) for p in pieces})
    vectors = tfidf(texts)
    for threshold in (0.15, 0.25, 0.4):
        small = sorted(sorted(g.members) for g in cluster_python(vectors, threshold))
        large = sorted(sorted(g.members) for g in cluster_sparse(vectors, threshold))
        if route == "every pair":
            assert small and small == large
        else:  # approximate by design: a pair in cells the texts do not visit is missed
            same = pairs(small) & pairs(large)
            assert small and len(same) >= 0.97 * max(len(pairs(small)), len(pairs(large)))


def pairs(groups: list[list[int]]) -> set[tuple[int, int]]:
    return {(a, b) for g in groups for a in g for b in g if a < b}


def test_the_inverted_file_with_static_vectors_finds_the_exact_pairs(
        held_out: BuildResult, monkeypatch: pytest.MonkeyPatch) -> None:
    """With static embeddings (the build's method), the inverted file (cells made of the dense
    vectors) still finds the clusters that comparing every pair finds, within 3% of pairs."""
    texts = sorted({normalised(it.text) for it in items_of(held_out.reviews)})
    vectors, dense = tfidf(texts), embed(texts)
    exact = sorted(sorted(g.members) for g in cluster_sparse(vectors, 0.25, dense))
    monkeypatch.setattr(cluster_module, "EXACT_PAIRS", 0)
    approximate = sorted(sorted(g.members) for g in cluster_sparse(vectors, 0.25, dense))
    same = pairs(exact) & pairs(approximate)
    assert exact and len(same) >= 0.97 * max(len(pairs(exact)), len(pairs(approximate)))


#: Invented items: two of review "a" say nearly the same thing, and one of review "b" too.
ONE_REVIEW = ["offer safe sleep advice to parents at every visit",
              "offer safe sleep advice to parents at each home visit",
              "give parents safe sleep advice at every visit",
              "review the neglect strategy"]


@pytest.mark.parametrize("engine", ["python", "sparse"])
def test_items_of_one_review_never_share_a_cluster(engine: str) -> None:
    """Texts naming one review are kept apart, and so is any group holding them (average
    linkage sees CONFLICT); without sources the first three are one cluster."""
    vectors = tfidf(ONE_REVIEW)
    sources = [frozenset({"a"}), frozenset({"a"}), frozenset({"b"}), frozenset({"c"})]
    together = [sorted(g.members) for g in cluster(vectors, 0.25, engine)]
    apart = [sorted(g.members) for g in cluster(vectors, 0.25, engine, sources=sources)]
    assert together == [[0, 1, 2]]
    assert apart and all(not {0, 1} <= set(g) for g in apart)
    assert any(2 in g for g in apart)  # review b's item still joins one of review a's


def test_static_vectors_are_read_from_the_package_offline() -> None:
    """Unit rows, a zero row for a text without content words, the same row for the same text in
    any company; the ``wordllama`` package is never imported (only its data files are read), and
    a paraphrase with no shared word is nearer than an unrelated item (invented texts)."""
    texts = ["fathers should get advice on infant crying",
             "dads need guidance about a baby who will not stop crying",
             "publish the annual neglect report",
             "the and of"]
    rows = embed(texts)
    norms = [float((r * r).sum()) ** 0.5 for r in rows]
    assert [round(x, 6) for x in norms] == [1.0, 1.0, 1.0, 0.0]
    assert float(rows[0] @ rows[1]) > float(rows[0] @ rows[2]) + 0.2
    alone = embed(texts[1:2])
    assert abs(float(alone[0] @ rows[1]) - 1.0) < 1e-6
    assert "wordllama" not in sys.modules


def test_a_large_component_is_split_not_clustered_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A component over EXACT_COMPONENT texts is split at a higher level before linkage, so no
    similarity matrix grows with the corpus (invented texts: one template, one word varied)."""
    import numpy as np

    seen: list[int] = []
    real = cluster_module._linkage_dense

    def spy(block, threshold):  # type: ignore[no-untyped-def]
        seen.append(block.shape[0])
        return real(block, threshold)

    monkeypatch.setattr(cluster_module, "EXACT_COMPONENT", 40)
    monkeypatch.setattr(cluster_module, "_linkage_dense", spy)
    texts = [f"offer safe sleep advice to parents at every visit about topic{k % 7} and room{k}"
             for k in range(120)]
    groups = cluster_sparse(tfidf(texts), 0.25)
    assert groups and seen and max(seen) <= 40
    assert sorted(m for g in groups for m in g.members) == sorted(set(
        m for g in groups for m in g.members))  # no text in two clusters
    assert np.all(np.array(seen) >= 2)


def test_large_components_use_scipy_with_the_same_result() -> None:
    """Average linkage on one component: our heap version and SciPy's agree (random data)."""
    import numpy as np

    from casegraph.recur.cluster import _linkage_dense

    rng = random.Random(12)
    n = 90  # above the size at which SciPy takes over
    points = np.array([[rng.gauss(0, 1) for _ in range(6)] for _ in range(n)])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    block = np.clip(points @ points.T, 0.0, None)
    sims = {(i, j): float(block[i, j]) for i in range(n) for j in range(i + 1, n) if block[i, j] > 0}
    ours = sorted(average_linkage(n, sims, 0.6))
    theirs = sorted(sorted(g) for g in _linkage_dense(block, 0.6))
    assert ours and ours == theirs


def test_small_builds_import_no_numerical_library() -> None:
    """A few hundred items cluster on word vectors alone (the "words" method) without importing
    numpy, SciPy or scikit-learn; the build's method needs numpy for its dense vectors."""
    code = ("import sys\n"
            "from casegraph.recur.cluster import cluster\n"
            "from casegraph.recur.features import tfidf\n"
            "texts = [('safe sleep advice at every contact ', 'advice on safe sleep at each visit ')[i % 2]\n"
            "         + f'room{i // 2}' for i in range(300)]\n"
            "assert cluster(tfidf(texts), 0.25)\n"
            "print(sorted(m for m in ('numpy', 'scipy', 'sklearn') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
