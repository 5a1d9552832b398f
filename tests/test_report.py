"""The offline report: pages for every review and concept, n/N with Wilson intervals, links that
resolve, text escaped, nothing fetched from a network, and a real headless Chromium that renders
the charts with no console error."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import RDF

from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import CG
from casegraph.core.resources import default_sources
from casegraph.report.site import MARKER, write_report
from casegraph.report.stats import wilson
from casegraph.store.engines import open_engine

CHROMIUM = Path("/usr/bin/chromium")


class Links(HTMLParser):
    """Every href/src of a page, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.refs += [v for k, v in attrs if k in ("href", "src") and v]
        if a.get("id"):
            self.ids.add(str(a["id"]))
        self.scripts += tag == "script"


@pytest.fixture(scope="module")
def report(built_ttl: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site"
    write_report(open_engine("oxigraph", built_ttl), out, sources=[default_sources()])
    return out


def parsed(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_wilson_interval_matches_published_values() -> None:
    # Newcombe (1998), table I: 81/263 -> 0.2553 to 0.3662; and the edge cases 0/10 and 10/10
    low, high = wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)
    assert wilson(0, 10)[0] == 0.0 and round(wilson(0, 10)[1], 4) == 0.2775
    assert round(wilson(10, 10)[0], 4) == 0.7225 and wilson(10, 10)[1] == 1.0


def test_every_review_and_concept_has_a_page(report: Path, built_ttl: Path) -> None:
    graph = rdflib.Graph().parse(built_ttl)
    slugs = {str(s).rsplit("/", 1)[-1] for s in graph.subjects(RDF.type, CG.CaseReview)}
    assert slugs, "the seed build has reviews"
    assert {p.stem for p in (report / "reviews").glob("*.html")} == slugs
    assert (report / "concepts" / "risk-factors" / "RF-DA.html").exists()
    assert (report / MARKER).exists()


def test_every_link_resolves_and_nothing_comes_from_a_network(report: Path) -> None:
    pages = list(report.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        links = parsed(page)
        assert links.scripts == 0, page
        for ref in links.refs:
            assert not re.match(r"[a-z]+://", ref) or ref.startswith("data:"), (page, ref)
            if ref.startswith("data:"):
                continue
            target, _, frag = ref.partition("#")
            dest = (page.parent / target).resolve() if target else page
            assert dest.is_file(), f"{page.relative_to(report)}: broken link {ref}"
            if frag:
                assert frag in parsed(dest).ids, f"{page.relative_to(report)}: no #{frag} in {target}"


def test_prevalence_rows_agree_with_the_review_pages(report: Path) -> None:
    """n in the index's risk-factor table is the number of review pages listing that factor as
    a fact (narrower factors count for broader ones), and N is the number of reviews."""
    index = (report / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'href="concepts/risk-factors/([A-Z-]+)\.html">[^<]*</a> <code>[^<]*</code></td>\s*'
                      r'<td class="num">(\d+)/(\d+)</td>', index)
    assert rows, "the index has a risk-factor table with n/N"
    reviews = list((report / "reviews").glob("*.html"))
    for notation, n, total in rows:
        listing = [p for p in reviews if f'risk-factors/{notation}.html"' in
                   p.read_text(encoding="utf-8").split("Mentions that are not facts")[0]]
        assert int(total) == len(reviews)
        assert int(n) >= len(listing), notation  # roll-up may add reviews coded with a narrower one
    assert any(int(n) > 0 for _, n, _ in rows)


def test_recurring_recommendations_are_listed_with_their_reviews(report: Path,
                                                                  built_ttl: Path) -> None:
    """Every member of the recurring-recommendations query is on the index, linked to its review."""
    import html

    from casegraph.report.gather import Gatherer

    rows = Gatherer(open_engine("oxigraph", built_ttl)).rows("recurring-recommendations")
    index = html.unescape((report / "index.html").read_text(encoding="utf-8"))
    section = index.split('id="recurring"')[1].split('id="reviews"')[0]
    assert rows, "the seed build has recommendations that recur"
    for row in rows:
        assert str(row["text"]) in section
        slug = str(row["review"]).rsplit("/", 1)[-1]
        assert f'reviews/{slug}.html' in section


def test_evidence_sentences_mark_the_matched_words(report: Path) -> None:
    marked = 0
    for page in (report / "reviews").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        marked += len(re.findall(r"“[^”]*<mark>[^<]+</mark>[^”]*”", html))
    assert marked >= 10


def test_text_from_pages_is_escaped(tmp_path: Path) -> None:
    page = tmp_path / "digest.txt"
    page.write_text("[Invented test page.]\nCase reviews published in May 2023\n\n"
                    "Child Z <script>alert(1)</script>\nLocal child safeguarding practice review\n"
                    "Summary\nA 3-year-old boy died; his mother's drug misuse was known.\n",
                    encoding="utf-8")
    from casegraph.pipeline.build import build

    result = build([page], tmp_path / "out")
    assert result.out is not None
    out = tmp_path / "site"
    write_report(open_engine("oxigraph", result.out / "casegraph.ttl"), out, sources=[tmp_path])
    for html in out.rglob("*.html"):
        assert "<script>" not in html.read_text(encoding="utf-8"), html
    assert any("&lt;script&gt;" in h.read_text(encoding="utf-8") for h in out.rglob("*.html"))


def test_never_replaces_a_directory_that_is_not_a_report(built_ttl: Path, tmp_path: Path) -> None:
    mine = tmp_path / "documents"
    mine.mkdir()
    (mine / "letter.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(CasegraphError, match="was not written by casegraph"):
        write_report(open_engine("oxigraph", built_ttl), mine)
    assert (mine / "letter.txt").read_text(encoding="utf-8") == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["documents"]  # no staging left behind


def test_a_failed_report_leaves_the_previous_one(report: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(report, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))

    class Broken:
        def select(self, text: str, bindings: dict) -> object:
            raise CasegraphError("the server went away")

    with pytest.raises(CasegraphError):
        write_report(Broken(), site)  # type: ignore[arg-type]
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.browser
def test_chromium_renders_the_report_offline_with_no_console_error(report: Path) -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CASEGRAPH_REQUIRE_BROWSER"):
            pytest.fail("CASEGRAPH_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("headless Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    review = sorted((report / "reviews").glob("*.html"))[0]
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning")
                    else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
            page.on("request", lambda r: problems.append(f"network: {r.url}")
                    if not r.url.startswith(("file:", "data:")) else None)
            page.goto(review.as_uri())
            assert page.locator("mark").count() > 0
            page.goto((report / "index.html").as_uri())
            assert page.locator("figure svg").count() >= 6
            assert page.locator("svg[role=img] .mark-rect, svg[role=img] path").count() > 0
            assert page.get_by_text(re.compile(r"^\d+/\d+$")).count() > 0  # n/N cells rendered
            page.set_viewport_size({"width": 1280, "height": 900})
            page.screenshot(path=str(report / "screenshot.png"), full_page=False)
            assert problems == []
        finally:
            browser.close()


def test_links_the_vocabulary_documentation_beside_it(built_ttl: Path, tmp_path: Path) -> None:
    from casegraph.cli.main import main

    assert main(["docs", "--out", str(tmp_path / "docs")]) == 0
    write_report(open_engine("oxigraph", built_ttl), tmp_path / "report")
    index = tmp_path / "report" / "index.html"
    refs = [r for r in parsed(index).refs if "docs/index.html" in r]
    assert refs and (index.parent / refs[0]).resolve().is_file()
