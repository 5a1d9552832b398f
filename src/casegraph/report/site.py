"""Write the report: an index, one page per review, per concept and per source page.

Pages are rendered with Jinja2 (autoescaping on: every text comes from published pages and must
never become markup) and written with :func:`casegraph.core.fsutil.write_folder`, which replaces
``out`` only when every page is written and never replaces a folder casegraph did not write.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from casegraph.core.errors import CasegraphError
from casegraph.core.fsutil import write_folder
from casegraph.core.schemes import NAMES
from casegraph.ingest.sources import discover, read_source
from casegraph.report import charts
from casegraph.report.gather import Gatherer, Row
from casegraph.report.stats import Prevalence
from casegraph.store.engines import Engine

MARKER = ".casegraph-report"  #: marks a directory as ours, so replacing it can never delete a user's folder
PREVALENCE_SCHEMES = ("risk-factors", "harm-types", "agencies", "themes")
FACT_SCHEMES = ("harm-types", "risk-factors")  #: the schemes whose mentions may or may not be facts
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,80}")


def safe_name(text: str) -> str:
    """A file name for ``text``: itself when harmless, else a short digest (never a path)."""
    if _SAFE.fullmatch(text) and ".." not in text:
        return text
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def review_file(iri: str) -> str:
    return f"reviews/{safe_name(iri.rstrip('/').rsplit('/', 1)[-1])}.html"


def concept_file(scheme: str, notation: str) -> str:
    return f"concepts/{safe_name(scheme)}/{safe_name(notation)}.html"


def source_file(name: str) -> str:
    return f"sources/{safe_name(name)}.html"


def highlight(sentence: str | None, quote: str | None) -> tuple[str, str, str]:
    """``sentence`` split around the first occurrence of ``quote`` (any case) for <mark>."""
    text = sentence or quote or ""
    if not quote:
        return (text, "", "")
    at = text.find(quote)
    if at < 0:
        at = text.lower().find(quote.lower())
    if at < 0:
        return (text, "", "")
    return (text[:at], text[at:at + len(quote)], text[at + len(quote):])


@dataclass
class Review:
    """Everything one review page shows, gathered from the saved queries."""

    iri: str
    title: str
    year: int | None = None
    review_type: str | None = None
    area: str | None = None
    children: list[Row] = field(default_factory=list)
    facts: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    evidence: list[Row] = field(default_factory=list)
    items: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    sources: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return review_file(self.iri)

    @property
    def pseudonyms(self) -> str:
        return ", ".join(str(c["pseudonym"]) for c in self.children if c.get("pseudonym"))


def _group(rows: Iterable[Row], key: str) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        out[str(row[key])].append(row)
    return out


def load_reviews(g: Gatherer) -> dict[str, Review]:
    """Reviews keyed by IRI, in the order of the ``cases`` query."""
    reviews: dict[str, Review] = {}
    for row in g.rows("cases"):
        iri = str(row["review"])
        r = reviews.setdefault(iri, Review(iri, str(row["title"] or iri),
                                           row["publication_year"], row["review_type"],
                                           row["area"]))
        r.children.append(row)
    for iri, rows in _group(g.rows("case-concepts"), "review").items():
        for row in rows:
            if iri in reviews:
                reviews[iri].facts[str(row["scheme"])].append(row)
    for iri, rows in _group(g.rows("evidence"), "review").items():
        if iri in reviews:
            reviews[iri].evidence = rows
    for iri, rows in _group(g.rows("item-codes"), "review").items():
        if iri in reviews:
            for item, coded in _group(rows, "item").items():
                reviews[iri].items[str(coded[0]["kind"])].append(
                    {**coded[0], "codes": [c for c in coded if c["notation"]], "iri": item})
    for iri, rows in _group(g.rows("sources"), "review").items():
        if iri in reviews:
            reviews[iri].sources = sorted({str(r["name"]) for r in rows})
    return reviews


def prevalences(g: Gatherer, reviews: dict[str, Review]) -> dict[str, list[Prevalence]]:
    """Per scheme, each concept's prevalence as a fact (the ``prevalence`` query) and the number
    of reviews that only mention it (the ``evidence`` query's mentions), most frequent first."""
    mentioned: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in reviews.values():
        for ev in r.evidence:
            if ev["kind"] == "mention":
                mentioned[(str(ev["scheme"]), str(ev["notation"]))].add(r.iri)
    facts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in reviews.values():
        for scheme, rows in r.facts.items():
            for row in rows:
                facts[(scheme, str(row["notation"]))].add(r.iri)
    out: dict[str, list[Prevalence]] = {}
    for scheme in PREVALENCE_SCHEMES:
        rows = [Prevalence(scheme, str(p["notation"]), str(p["label"]), int(p["n"] or 0),
                           int(p["N"] or 0),
                           len(mentioned[(scheme, str(p["notation"]))]
                               - facts[(scheme, str(p["notation"]))]))
                for p in g.rows("prevalence", {"scheme": scheme})]
        out[scheme] = [p for p in rows if p.n or p.mentioned_only]
    return out


@dataclass
class SourcePage:
    """A local source page that is byte-for-byte the one the graph was built from."""

    name: str
    text: str
    marks: list[tuple[int, int]]

    def pieces(self) -> list[Piece]:
        """The text cut into runs, each marked or not, with the anchors that start at it.

        Evidence spans may overlap ("domestic abuse" inside "history of domestic abuse"):
        overlapping spans are marked as one run, and every span keeps its own anchor, so each
        link from a review page lands on its words."""
        spans = sorted({(a, b) for a, b in self.marks if 0 <= a < b <= len(self.text)})
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        anchors = sorted({a for a, _ in spans})
        cuts = sorted({0, len(self.text), *anchors, *(x for m in merged for x in m)})
        out = []
        for a, b in itertools.pairwise(cuts):
            marked = any(m0 <= a and b <= m1 for m0, m1 in merged)
            out.append(Piece(self.text[a:b], marked, [x for x in anchors if x == a]))
        return out


@dataclass
class Piece:
    """A run of a source page: its text, whether it is evidence, and the anchors at its start."""

    text: str
    marked: bool
    anchors: list[int]


def find_sources(reviews: dict[str, Review], g: Gatherer, roots: Sequence[Path],
                 warn: Callable[[str], None]) -> dict[str, SourcePage]:
    """Source pages found under ``roots`` whose SHA-256 matches the graph's record of them."""
    wanted = {str(r["name"]): str(r["sha256"]) for r in g.rows("sources")}
    marks: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for r in reviews.values():
        for ev in r.evidence:
            if ev["source"] and isinstance(ev["start"], int) and isinstance(ev["end"], int):
                marks[str(ev["source"])].append((ev["start"], ev["end"]))
    found: dict[str, SourcePage] = {}
    for path in discover([p for p in roots if p.exists()]):
        if path.name in wanted and path.name not in found:
            text = read_source(path)
            if text.sha256 == wanted[path.name]:
                found[path.name] = SourcePage(path.name, text.text, marks[path.name])
            else:
                warn(f"{path}: not the page the graph was built from (its SHA-256 differs); "
                     "evidence is shown without a link to it")
    return found


SCHEME_TITLES = {
    "review-types": "Review types", "harm-types": "Harm types", "risk-factors": "Risk factors",
    "agencies": "Agencies", "themes": "Learning themes",
    "mention-sections": "Mention sections", "mention-experiencers": "Mention experiencers",
    "mention-assertions": "Mention assertions",
}
SCHEME_NOTES = {
    "risk-factors": "Facts only: stated in the account of the case, of a fitting person. A review "
                    "coded with a narrower factor counts for the broader one too.",
    "harm-types": "Facts only: the account of the case states the harm happened to the child.",
    "agencies": "Agencies the review names, in the case or as addressees of its learning and "
                "recommendations.",
    "themes": "Learning themes of the review's learning points and recommendations.",
}


def age_text(months: int | None) -> str:
    if months is None:
        return "not stated"
    years, rest = divmod(int(months), 12)
    if years == 0:
        return f"{rest} month{'s' if rest != 1 else ''}"
    return f"{years} year{'s' if years != 1 else ''}" + (f" {rest} months" if rest else "")


def incident_text(year: int | None, month: int | None) -> str:
    if not year:
        return "not stated"
    return f"{year}-{int(month):02d}" if month else str(year)


def environment() -> jinja2.Environment:
    """Templates from the package, autoescaped, with the helpers the pages call."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("casegraph.report", "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    env.globals.update(highlight=highlight, concept_file=concept_file, source_file=source_file,
                       age=age_text, incident=incident_text, scheme_titles=SCHEME_TITLES,
                       scheme_notes=SCHEME_NOTES, fact_schemes=FACT_SCHEMES, schemes=NAMES)
    return env


def evidence_of(r: Review, kind: str, scheme: str | None, notation: str | None) -> list[Row]:
    """A review's evidence rows of one kind, optionally for one concept."""
    return [ev for ev in r.evidence if ev["kind"] == kind
            and (scheme is None or (ev["scheme"] == scheme and ev["notation"] == notation))]


@dataclass
class Figure:
    svg: str
    caption: str


def overview(g: Gatherer) -> list[Figure]:
    """Reviews by year, by review type and by area; children by sex."""
    by_year: dict[str, int] = defaultdict(int)
    by_type: dict[str, int] = defaultdict(int)
    for row in g.rows("reviews-by-type-and-year"):
        by_year[str(row["publication_year"] or "not stated")] += int(row["reviews"] or 0)
        by_type[str(row["label"] or "not stated")] += int(row["reviews"] or 0)
    years = sorted(by_year.items(), key=lambda kv: (not kv[0].isdigit(), kv[0]))
    types = sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0]))
    areas = [(str(r["area"]), int(r["reviews"] or 0)) for r in g.rows("reviews-by-area")]
    sexes = [(str(r["sex"]), int(r["children"] or 0)) for r in g.rows("children-by-sex")]
    return [Figure(charts.bars(years, "Reviews by year of publication", vertical=True),
                   "Reviews by the year the review was published."),
            Figure(charts.bars(types, "Reviews by review type"), "Reviews by review type."),
            Figure(charts.bars(areas, "Reviews by area"), "Reviews by partnership or area."),
            Figure(charts.bars(sexes, "Children by sex", axis="children"), "Children by sex.")]


def age_bands(g: Gatherer, bands: str) -> tuple[list[Row], Figure]:
    """Children and deaths per age band, from the age-band queries with the chosen band set."""
    children = g.rows("children-by-age-band", {"bands": bands})
    deaths = {r["band"]: r["children"] for r in g.rows("deaths-by-age-band", {"bands": bands})}
    rows: list[Row] = [{"band": r["band"], "children": r["children"],
                        "deaths": deaths.get(r["band"], 0)} for r in children]
    fig = Figure(charts.bars([(str(r["band"]), int(r["children"] or 0)) for r in rows],
                             f"Children by age band ({bands} bands)", axis="children"),
                 "Children by age band.")
    return rows, fig


@dataclass
class Cluster:
    """A recommendation made again in other reviews: its label and its members."""

    label: str
    members: list[Row]

    @property
    def years(self) -> list[int]:
        return sorted({int(m["publication_year"]) for m in self.members
                       if isinstance(m["publication_year"], int)})

    @property
    def reviews(self) -> int:
        return len({m["review"] for m in self.members})


def recurring(g: Gatherer, reviews: dict[str, Review]) -> tuple[list[Cluster], str | None]:
    """Clusters of the ``recurring-recommendations`` query (rank order) and their timeline."""
    clusters: dict[str, Cluster] = {}
    for row in g.rows("recurring-recommendations"):
        review = reviews.get(str(row["review"]))
        member = {**row, "review_file": review.file if review else None,
                  "review_title": review.title if review else row["review"]}
        clusters.setdefault(str(row["cluster"]), Cluster(str(row["label"]), [])).members.append(member)
    ordered = list(clusters.values())
    points = []
    for n, c in enumerate(ordered, start=1):
        per_year: dict[int, set] = defaultdict(set)
        for m in c.members:
            if isinstance(m["publication_year"], int):
                per_year[m["publication_year"]].add(m["review"])
        points += [(f"{n}. {c.label[:60]}", year, len(rs)) for year, rs in sorted(per_year.items())]
    order = [f"{n}. {c.label[:60]}" for n, c in enumerate(ordered, start=1)]
    chart = charts.timeline(points, order, "Recurring recommendations by year") if points else None
    return ordered, chart


def cooccurrence(g: Gatherer) -> str | None:
    cells = [(str(r["first"]), str(r["second"]), int(r["reviews"] or 0))
             for r in g.rows("risk-factor-pairs", {"min_reviews": "1"})]
    if not cells:
        return None
    order = sorted({a for a, _, _ in cells} | {b for _, b, _ in cells})
    return charts.heatmap(cells, order, "Risk factors that occur together")


def write_report(engine: Engine, out: Path, *, sources: Sequence[Path] = (),
                 bands: str = "national", graph_name: str = "the graph",
                 warn: Callable[[str], None] = lambda _m: None) -> int:
    """Write the report for the graph behind ``engine`` to ``out``; returns the page count."""
    from casegraph import __version__

    g = Gatherer(engine)
    reviews = load_reviews(g)
    if not reviews:
        raise CasegraphError("the graph has no reviews to report on (run 'casegraph build')",
                             Path(graph_name))
    linked = find_sources(reviews, g, sources, warn)
    env = environment()
    # the vocabulary documentation (casegraph docs) is linked when it sits beside the report
    docs = (out.parent / "docs" / "index.html").is_file()
    common = {"version": __version__, "graph_name": graph_name, "linked": linked, "docs": docs}
    pages: dict[str, str] = {}
    pages["index.html"] = render_index(env, g, reviews, bands, common)
    for r in reviews.values():
        pages[r.file] = env.get_template("review.html").render(
            title=r.title, r=r, root="../", evidence=evidence_of, **common)
    pages.update(concept_pages(env, g, reviews, common))
    for name, page in linked.items():
        pages[source_file(name)] = env.get_template("source.html").render(
            title=name, page=page, root="../", **common)
    write_folder(out, {rel: html.encode("utf-8") for rel, html in pages.items()}, MARKER)
    return len(pages)


def render_index(env: jinja2.Environment, g: Gatherer, reviews: dict[str, Review], bands: str,
                 common: dict) -> str:
    prevalence = prevalences(g, reviews)
    band_rows, band_fig = age_bands(g, bands)
    charts_by_scheme = {s: charts.prevalence(rows, SCHEME_TITLES[s]) if rows else None
                        for s, rows in prevalence.items() if s in FACT_SCHEMES}
    years = sorted({r.year for r in reviews.values() if isinstance(r.year, int)})
    recurring_clusters, recurring_chart = recurring(g, reviews)
    return env.get_template("index.html").render(
        title="Child safeguarding case reviews", root="", reviews=list(reviews.values()),
        children=sum(len(r.children) for r in reviews.values()), years=years,
        source_count=len({s for r in reviews.values() for s in r.sources}),
        overview=[*overview(g), band_fig], bands=band_rows, prevalence=prevalence,
        prevalence_charts=charts_by_scheme | {s: None for s in prevalence if s not in FACT_SCHEMES},
        heatmap=cooccurrence(g), recurring=recurring_clusters, recurring_chart=recurring_chart,
        **common)


def concept_pages(env: jinja2.Environment, g: Gatherer, reviews: dict[str, Review],
                  common: dict) -> dict[str, str]:
    """One page per concept of the five schemes, and the concepts index."""
    concepts = [c for c in g.rows("vocabulary") if c["scheme"] in NAMES]
    facts: dict[tuple[str, str], list[Review]] = defaultdict(list)
    mentions: dict[tuple[str, str], list[Review]] = defaultdict(list)
    items: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in reviews.values():
        for scheme, rows in r.facts.items():
            for row in rows:
                facts[(scheme, str(row["notation"]))].append(r)
        for key in sorted({(str(e["scheme"]), str(e["notation"])) for e in r.evidence
                           if e["kind"] == "mention"}):
            if r not in facts[key]:
                mentions[key].append(r)
        for kind_items in r.items.values():
            for item in kind_items:
                for c in item["codes"]:
                    items[(str(c["scheme"]), str(c["notation"]))].append(
                        {**item, "review_file": r.file, "review_title": r.title})
    tmpl = env.get_template("concept.html")
    pages = {concept_file(str(c["scheme"]), str(c["notation"])): tmpl.render(
        title=c["label"], c=c, root="../../", fact_reviews=facts[(c["scheme"], c["notation"])],
        mention_reviews=mentions[(c["scheme"], c["notation"])],
        items=items[(c["scheme"], c["notation"])], **common) for c in concepts}
    by_scheme: dict[str, list[Row]] = defaultdict(list)
    for c in concepts:
        by_scheme[str(c["scheme"])].append(c)
    counts = {k: len(v) for k, v in facts.items()}
    pages["concepts/index.html"] = env.get_template("concepts.html").render(
        title="Concepts", root="../", by_scheme=dict(by_scheme), counts=counts, **common)
    return pages
