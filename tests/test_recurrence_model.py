"""The build's recurrence method (DECISIONS 53): the shipped pair model is what its script fits,
its features are what their definitions say, and only candidate pairs are scored.

Why: the model file is data fitted from the labelled sets, which the wheel does not ship; if
the sets, the features or the fitting changed without the file being regenerated, builds would
silently apply a model nobody measured.  Texts below are invented.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from casegraph.core.errors import CasegraphError
from casegraph.recur import METHODS, find_recurrences
from casegraph.recur.cluster import candidate_pairs
from casegraph.recur.features import embed, terms, tfidf, themes
from casegraph.recur.learned import FEATURES, MODEL_FILE, Corpus, PairTable, pair_model

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "fit_pair_model.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_pair_model", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow  # extracts the five labelled sets and fits six models: 12 CPU-s here
def test_the_shipped_model_is_what_the_script_fits() -> None:
    assert MODEL_FILE.read_text(encoding="utf-8") == _script().model_json()


def test_the_shipped_model_is_read_whole() -> None:
    model = pair_model()
    assert model.features == FEATURES
    assert 0.0 < model.threshold < 1.0 and 0.0 < model.candidates < model.threshold
    assert model.neighbours > 0
    assert METHODS["learned"].learned and find_recurrences.__defaults__[-1] == "learned"  # type: ignore[index]


def test_a_model_of_other_features_is_refused(tmp_path: Path) -> None:
    doc = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    doc["model"]["features"] = doc["model"]["features"][::-1]
    path = tmp_path / "pair-model.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CasegraphError, match="other features"):
        pair_model(path)


#: Invented items: 0 and 1 share every word but one; 2 shares none with 0; 3 is 0's words only.
TEXTS = ["police should tell schools about domestic abuse incidents quickly",
         "police should tell social care about domestic abuse incidents quickly",
         "give fathers advice about infant crying",
         "police tell schools about domestic abuse incidents"]


def test_pair_features_follow_their_definitions() -> None:
    corpus = Corpus(TEXTS, tfidf(TEXTS))
    assert np.allclose(corpus.dense, embed(TEXTS))  # the static rows are the build's
    table = PairTable(corpus, range(4),
                      [{"AG-POLICE", "AG-PART"}, {"AG-POLICE"}, {"AG-HEALTH"}, {"AG-PART"}],
                      ["recommendation"] * 4)
    f = table.features(np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert f["shared_n"].tolist() == [float(len(set(terms(TEXTS[0])) & set(terms(TEXTS[j]))))
                                      for j in (1, 2, 3)]
    assert f["shared_n"][1] == 0.0 and f["shared_n"][2] >= 5
    assert f["residual"][2] == 1.0  # item 3 has no word item 0 lacks
    assert -1.0 <= f["residual"][0] < 1.0  # "schools" against "social care"
    assert f["agency_same"].tolist() == [1.0, 0.0, 0.0]  # the partnership is no shared agency
    assert f["agency_diff"].tolist() == [0.0, 1.0, 0.0]
    assert f["lead_same"].tolist() == [1.0, 0.0, 1.0]  # "tell", after the addressee
    assert f["wc"][0] > f["wc"][1] and f["wcdc"][0] == pytest.approx(f["wc"][0] * f["dc"][0])
    assert f["only_max"][2] > 0 and f["shared_max"][1] == 0.0


def test_candidates_are_each_texts_nearest_and_never_of_one_review() -> None:
    """With a cap of k neighbours, every candidate is among the k most similar of one of its
    texts; texts of one review are never candidates (invented texts, one template)."""
    texts = [f"offer safe sleep advice to parents at every visit about topic{k % 5} and room{k}"
             for k in range(30)]
    sources = [frozenset({f"r{k // 2}"}) for k in range(30)]
    vectors, dense = tfidf(texts), embed(texts)
    _, ci, cj, _ = candidate_pairs(vectors, 0.1, dense, sources, neighbours=3)
    _, ai, aj, av = candidate_pairs(vectors, 0.1, dense, sources)
    assert 0 < len(ci) < len(ai)
    assert not any(sources[i] & sources[j] for i, j in zip(ci.tolist(), cj.tolist(), strict=True))
    sim = {(i, j): v for i, j, v in zip(ai.tolist(), aj.tolist(), av.tolist(), strict=True)}
    for i, j in zip(ci.tolist(), cj.tolist(), strict=True):
        def rank(a: int, b: int) -> int:
            mine = sim[min(a, b), max(a, b)]
            return sum(v > mine for (x, y), v in sim.items() if a in (x, y))
        assert min(rank(i, j), rank(j, i)) < 3


def test_theme_features_need_one_theme_in_common() -> None:
    """Two wordings of one theme of themes.yaml that share no content word are the same theme;
    two themes are a difference; an item naming no theme is neither (invented texts)."""
    texts = ["roll out the Graded Care Profile 2 to every agency",  # neglect tool
             "use the neglect assessment tool when worried about a family",  # neglect tool
             "book a qualified interpreter for parents",  # interpreters (a synonym token)
             "review the transport policy"]  # no theme
    assert themes(texts[0]) == themes(texts[1]) == {"neglect-tool"}
    assert themes(texts[2]) == {"interpreters"} and themes(texts[3]) == frozenset()
    table = PairTable(Corpus(texts, tfidf(texts)), range(4), [set()] * 4, ["recommendation"] * 4)
    f = table.features(np.array([0, 0, 0]), np.array([1, 2, 3]))
    assert f["theme_same"].tolist() == [1.0, 0.0, 0.0]
    assert f["theme_diff"].tolist() == [0.0, 1.0, 0.0]
