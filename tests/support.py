"""Helpers shared by several test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pyoxigraph as ox

from casegraph.core.terms import to_ox

if TYPE_CHECKING:
    from casegraph.core.model import Review
    from casegraph.extract.vocab import Vocabulary
    from casegraph.pipeline.build import BuildResult

ROOT = Path(__file__).resolve().parents[1]


#: The invented account the layout tests of new file types write into each file they build: one
#: home for its words (sessions 74-78 each had a copy).  INVENTED test data: Child K is no child.
INVENTED_NOTE = "Invented test data for casegraph: not a real review. Child K is not a real child."
INVENTED_ACCOUNT = ("Local Child Safeguarding Practice Review: Child K\nChild K is a six-year-old boy who "
                    "was neglected for two years.\n" + INVENTED_NOTE)


def debian_tool(name: str) -> str:
    """A Debian tool's path (the disk, archive and signing tools files are made with for the
    readers' tests); CI (``CASEGRAPH_REQUIRE_DISK_TOOLS``, set by ``.ci/run``, which installs
    them) fails without it, elsewhere the test is skipped."""
    import os

    import pytest

    found = shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    if found is None:
        if os.environ.get("CASEGRAPH_REQUIRE_DISK_TOOLS"):
            pytest.fail(f"{name} is not installed (.ci/run installs it from Debian)")
        pytest.skip(f"{name} is not installed")
    return found


def load_synthetic() -> ModuleType:
    """The synthetic corpus generator (an importable module: ``casegraph.synthetic``)."""
    from casegraph import synthetic

    return synthetic


def nt_lines(triples: object) -> set[str]:
    """Canonical N-Triples lines (Oxigraph's writer) of Oxigraph triples/quads or rdflib
    triples: the yardstick for comparing graphs across parsers."""
    out = set()
    for t in triples:  # type: ignore[attr-defined]
        if isinstance(t, ox.Triple | ox.Quad):
            out.add(str(ox.Triple(t.subject, t.predicate, t.object)))
        else:
            s, p, o = t[:3]
            out.add(str(ox.Triple(to_ox(s), to_ox(p), to_ox(o))))
    return out


def build_then_add(tmp: Path, first: Path, new: Path,
                   while_rebuilding: Callable[[], AbstractContextManager[object]] = nullcontext,
                   ) -> dict[str, BuildResult]:
    """The rebuild tests' builds: ``first`` built into ``tmp/out`` ("first"), ``new`` added and
    the same output rebuilt inside ``while_rebuilding`` ("rebuilt"), and both pages built cold
    into ``tmp/cold`` ("cold"): a rebuild must write what the cold build writes."""
    from casegraph.pipeline.build import build

    src = tmp / "src"
    src.mkdir()
    shutil.copy(first, src)
    out = {"first": build([src], tmp / "out")}
    shutil.copy(new, src)
    with while_rebuilding():
        out["rebuilt"] = build([src], tmp / "out")
    out["cold"] = build([src], tmp / "cold")
    return out


def index_contents(index: bytes) -> dict[str, object]:
    """What a search index answers with, for comparing a rebuilt index with a cold one: its
    meta table, its rows, each term's row and token counts (FTS5's own statistics, kept through
    deletes), and the full result (rows, scores, snippets, order) of searching its terms.  Its
    FTS5 integrity check must pass.  Rowids, pages and segments are left out: they depend on
    the order of writes, which no search shows (DECISIONS 59)."""
    import sqlite3

    from casegraph.search.index import search

    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(index)
        conn.execute("INSERT INTO texts(texts, rank) VALUES ('integrity-check', 1)")
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, texts, 'row')")
        terms = conn.execute("SELECT term, doc, cnt FROM temp.terms ORDER BY term").fetchall()
        probes = [t for k, (t, _, _) in enumerate(terms) if k % 7 == 0 and t.isalpha()]
        probes += [t for t, _, _ in sorted(terms, key=lambda r: -r[1])[:10] if t.isalpha()]
        return {"meta": sorted(conn.execute("SELECT key, value FROM meta").fetchall()),
                "rows": sorted(conn.execute("SELECT review, kind, coalesce(position, -1), text "
                                            "FROM texts").fetchall()),
                "terms": terms,
                "searches": {p: [tuple(map(str, row)) for row in search(conn, p, limit=0).rows]
                             for p in probes}}
    finally:
        conn.close()


def same_outputs(a: Path, b: Path) -> None:
    """The build files in ``a`` are those in ``b``: byte for byte, except the search index,
    which must answer every search alike (:func:`index_contents`; DECISIONS 59)."""
    from casegraph.pipeline.outputs import BUILD_FILES, SEARCH_FILE

    for name in BUILD_FILES:
        assert (a / name).exists() == (b / name).exists(), name
        if not (b / name).exists():
            continue
        if name == SEARCH_FILE:
            assert index_contents((a / name).read_bytes()) == index_contents((b / name).read_bytes())
        else:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def reviews_of_page(folder: Path, name: str, text: str, vocab: Vocabulary) -> list[Review]:
    """The reviews extracted from an invented page written to ``folder/name`` (the rule tests'
    one step: a page, then what casegraph reads from it)."""
    from casegraph.pipeline.build import extract_reviews

    page = folder / name
    page.write_text(text, encoding="utf-8")
    reviews, _, _ = extract_reviews([page], vocab)
    return reviews


#: The note the rule tests put at the top of each invented page.
RULE_PAGE_NOTE = "[Invented test data for casegraph: not a real review.]"


def review_of_account(folder: Path, vocab: Vocabulary, heading: str, account: str) -> Review:
    """The one review of an invented page: the rule tests' note, its heading, then its account."""
    (review,) = reviews_of_page(folder, "a.txt", f"{RULE_PAGE_NOTE}\n\n{heading}\n\n{account}\n", vocab)
    return review


def facts_of(review: Review) -> set[str]:
    """The notations a review's mentions state as facts (not those only mentioned)."""
    return {m.notation for m in review.mentions if m.fact}


def reviews_by_page(paths: list[Path], vocab: Vocabulary) -> dict[str, list[Review]]:
    """The reviews extracted from ``paths``, by the name of the page each came from (a set's
    new file types read together, each page's reviews asserted apart)."""
    from casegraph.pipeline.build import extract_reviews

    by_page: dict[str, list[Review]] = {}
    for review in extract_reviews(paths, vocab)[0]:
        by_page.setdefault(Path(review.sources[0].path).name, []).append(review)
    return by_page


def tarred(members: dict[str, str], mode: str = "w:gz", pax_comment: str | None = None) -> bytes:
    """A tar of invented pages (name -> text), compressed as ``mode`` says; with ``pax_comment``,
    a pax global header carrying it, as ``git archive`` writes one."""
    import io
    import tarfile

    buffer = io.BytesIO()
    headers = {"comment": pax_comment} if pax_comment else {}
    with tarfile.open(fileobj=buffer, mode=mode, format=tarfile.PAX_FORMAT, pax_headers=headers) as tar:
        for name, text in members.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zipped(members: dict[str, str] | dict[str, bytes] | dict[str, str | bytes]) -> bytes:
    """A zip package of the given members (name -> text or bytes), as the tests of packaged
    formats and archives build their invented fixtures."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in members.items():
            package.writestr(name, text)
    return buffer.getvalue()


def refused_in_one_line(page: Path, data: bytes) -> None:
    """Write ``data`` to ``page`` and check that reading it is refused with one line naming it."""
    import pytest

    from casegraph.core.errors import CasegraphError
    from casegraph.ingest.sources import read_source

    page.write_bytes(data)
    with pytest.raises(CasegraphError) as caught:
        read_source(page)
    assert page.name in str(caught.value) and "\n" not in str(caught.value)


def read_or_one_line_when_damaged(sources: list[Path], folder: Path, seed: int, rounds: int,
                                  wrap: Callable[[bytes], bytes] | None = None) -> int:
    """Change 1 to 12 bytes at random (seeded) in each source, ``rounds`` times: every copy is
    read or refused in one line naming it; nothing else is raised (a reader's crash would be).
    ``wrap`` makes the page of the damaged bytes (session 73: a Base file's data member damaged,
    the package rebuilt around it so that its checksum does not refuse it first).  Returns how
    many copies were refused."""
    import random

    from casegraph.core.errors import CasegraphError
    from casegraph.ingest.sources import read_source

    rnd = random.Random(seed)
    refused = 0
    for source in sources:
        good = source.read_bytes()
        page = folder / source.name
        for _ in range(rounds):
            data = bytearray(good)
            for _ in range(rnd.randint(1, 12)):
                data[rnd.randrange(len(data))] = rnd.randrange(256)
            page.write_bytes(wrap(bytes(data)) if wrap else bytes(data))
            try:
                read_source(page)
            except CasegraphError as exc:
                assert source.name in str(exc) and "\n" not in str(exc)
                refused += 1
    return refused


def read_or_one_line_when_cut(pages: Iterable[tuple[str, bytes]], folder: Path) -> None:
    """Each file cut short at every tenth of its length, written to ``folder`` under the name
    paired with it: every copy is read or refused in one line naming it; nothing else is raised
    (the one home of this check, for every reader's layout tests)."""
    from casegraph.core.errors import CasegraphError
    from casegraph.ingest.sources import read_source

    for name, good in pages:
        page = folder / name
        for tenth in range(1, 10):
            page.write_bytes(good[:len(good) * tenth // 10])
            try:
                read_source(page)
            except CasegraphError as exc:
                assert page.name in str(exc) and "\n" not in str(exc)
