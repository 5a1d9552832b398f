"""``casegraph docs`` (HTML documentation of the vocabularies) and the w3id.org redirect rules.

The rules in ``docs/w3id/.htaccess`` are run here by a small mod_rewrite interpreter (the
subset they use: ``RewriteCond %{HTTP_ACCEPT}``, ``RewriteRule`` with ``$N``, ``%{ENV:…}``,
``E=``, ``R=303``, ``NE``, ``L``), and every redirect into the documentation must land on a
file ``casegraph docs`` writes, on the anchor of the term it names.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pyoxigraph as ox
import pytest
from markupsafe import escape
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS
from support import nt_lines

from casegraph import __version__
from casegraph.cli.main import main
from casegraph.core.errors import CasegraphError
from casegraph.core.namespaces import BASE, CG
from casegraph.core.resources import ontology_dir, project_root
from casegraph.core.schemes import ALL_SCHEMES
from casegraph.rdfio import vocabdocs

HTACCESS = project_root() / "docs" / "w3id" / ".htaccess"
HTML, TURTLE, JSONLD = ("text/html,application/xhtml+xml,*/*;q=0.8", "text/turtle",
                        "application/ld+json")


@pytest.fixture(scope="module")
def site() -> dict[str, bytes]:
    return vocabdocs.site_files()


def _page(site: dict[str, bytes], rel: str) -> str:
    return site[rel].decode("utf-8")


# --- the documentation -----------------------------------------------------------------------

def test_every_term_and_concept_has_its_section(site: dict[str, bytes]) -> None:
    onto = Graph().parse(ontology_dir() / vocabdocs.ONTOLOGY_FILE)
    page = _page(site, "ontology.html")
    terms = {str(s)[len(str(CG)):] for s in onto.subjects(RDF.type, None) if str(s).startswith(str(CG))}
    assert len(terms) > 40
    for local in terms:
        assert f'<section class="term" id="{local}">' in page, local
    for scheme in ALL_SCHEMES:
        g = Graph().parse(ontology_dir() / scheme.file)
        html = _page(site, f"concept/{scheme.name}.html")
        for c in g.subjects(SKOS.inScheme, URIRef(scheme.iri)):
            slug = str(c)[len(scheme.namespace):]
            assert f'<section class="term" id="{slug}">' in html, (scheme.name, slug)
            assert str(escape(str(g.value(c, SKOS.prefLabel)))) in html
        assert f'href="concept/{scheme.name}.html"' in _page(site, "index.html")


def test_files_for_content_negotiation_are_the_vocabularies(site: dict[str, bytes]) -> None:
    """Turtle is the shipped file itself; JSON-LD (compacted) reads as the same graph."""
    pairs = [("ontology", ontology_dir() / vocabdocs.ONTOLOGY_FILE)] + [
        (f"concept/{s.name}", ontology_dir() / s.file) for s in ALL_SCHEMES]
    for stem, source in pairs:
        assert site[f"{stem}.ttl"] == source.read_bytes()
        assert site[f"{__version__}/{stem}.ttl"] == source.read_bytes()
        expected = nt_lines(ox.parse(source.read_bytes(), format=ox.RdfFormat.TURTLE))
        assert nt_lines(ox.parse(site[f"{stem}.jsonld"], format=ox.RdfFormat.JSON_LD)) == expected


def test_pages_escape_what_the_vocabulary_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A definition is text, never markup (INVENTED definition in a copy of the ontology)."""
    home = tmp_path / "home"
    shutil.copytree(ontology_dir(), home / "ontology")
    (home / "queries").mkdir()
    themes = home / "ontology" / "themes.ttl"
    text = themes.read_text(encoding="utf-8")
    text, n = re.subn(r'(skos:definition ")', r"\1<script>alert(1)</script> & ", text, count=1)
    assert n == 1
    themes.write_text(text, encoding="utf-8")
    monkeypatch.setenv("CASEGRAPH_HOME", str(home))
    html = vocabdocs.site_files()["concept/themes.html"].decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in html and "<script>" not in html


def test_cli_writes_the_docs_and_replaces_only_its_own_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "docs"
    assert main(["docs", "--out", str(out)]) == 0
    assert (out / "index.html").is_file() and (out / "concept" / "risk-factors.html").is_file()
    assert "docs" in capsys.readouterr().out
    (out / "stale.html").write_text("from an older run", encoding="utf-8")
    assert main(["docs", "--out", str(out)]) == 0  # its own folder: replaced whole
    assert not (out / "stale.html").exists()
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("a user's file", encoding="utf-8")
    with pytest.raises(CasegraphError, match="not written by casegraph"):
        vocabdocs.write_docs(mine)
    assert main(["docs", "--out", str(mine)]) == 2
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "a user's file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "mine"]  # no staging left


# --- the w3id.org rules ----------------------------------------------------------------------

@dataclass
class Rule:
    line: int
    pattern: re.Pattern[str]
    target: str
    flags: dict[str, str]
    accept: list[re.Pattern[str]] = field(default_factory=list)


def _rules(text: str) -> list[Rule]:
    rules: list[Rule] = []
    conds: list[re.Pattern[str]] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#") or line.split()[0] in ("Options", "RewriteEngine"):
            continue
        parts = line.split()
        if parts[0] == "RewriteCond":
            assert parts[1] == "%{HTTP_ACCEPT}", f"line {n}: only Accept conditions are interpreted"
            conds.append(re.compile(parts[2]))
            continue
        assert parts[0] == "RewriteRule" and len(parts) == 4, f"line {n}: {line}"
        flags = {f.partition("=")[0]: f.partition("=")[2] for f in parts[3].strip("[]").split(",")}
        rules.append(Rule(n, re.compile(parts[1]), parts[2], flags, conds))
        conds = []
    return rules


RULES = _rules(HTACCESS.read_text(encoding="utf-8"))


def resolve(path: str, accept: str) -> str | None:
    """Where w3id.org sends ``https://w3id.org/casegraph/<path>`` (None: no rule applies)."""
    return _resolve(path, accept)[1]


def _resolve(path: str, accept: str) -> tuple[int | None, str | None]:
    """The line of the rule that answers, and its redirect."""
    env: dict[str, str] = {}
    for rule in RULES:
        m = rule.pattern.search(path)
        if not m or not all(c.search(accept) for c in rule.accept):
            continue
        if "E" in rule.flags:
            name, value = rule.flags["E"].split(":", 1)
            env[name] = value
        if rule.target == "-":
            continue
        out = re.sub(r"%\{ENV:(\w+)\}", lambda e: env[e.group(1)], rule.target)
        out = re.sub(r"\$(\d)", lambda g, m=m: m.group(int(g.group(1))), out)
        assert rule.flags.get("R") == "303" and "L" in rule.flags, f"line {rule.line}"
        return rule.line, out.replace("\\%", "%")
    return None, None


def _env() -> dict[str, str]:
    return dict(r.flags["E"].split(":", 1) for r in RULES if "E" in r.flags)  # type: ignore[misc]


def _in_docs(target: str | None, site: dict[str, bytes]) -> tuple[str, str]:
    """The docs file (and anchor) a redirect lands on; the file must exist."""
    assert target is not None
    docs = _env()["CG_DOCS"] + "/"
    assert target.startswith(docs), target
    rel, _, anchor = target[len(docs):].partition("#")
    assert rel in site, f"redirect to {rel}, which casegraph docs does not write"
    return rel, anchor


def test_the_ontology_and_its_terms_resolve(site: dict[str, bytes]) -> None:
    for accept, rel in ((HTML, "ontology.html"), (TURTLE, "ontology.ttl"), (JSONLD, "ontology.jsonld")):
        assert _in_docs(resolve("ontology", accept), site) == (rel, "")
        assert _in_docs(resolve(f"ontology/{__version__}", accept), site)[0] in (
            rel, f"{__version__}/{rel}")
    # a term IRI is ontology#Term: the browser keeps the fragment and finds the section
    assert 'id="CaseReview"' in _page(site, "ontology.html")
    assert _in_docs(resolve("", HTML), site) == ("index.html", "")
    assert _in_docs(resolve("context.jsonld", HTML), site) == ("context.jsonld", "")
    assert _in_docs(resolve("shapes", TURTLE), site) == ("shapes/shapes.ttl", "")
    assert _in_docs(resolve("shapes/vocabulary", TURTLE), site) == ("shapes/vocabulary-shapes.ttl", "")


@pytest.mark.parametrize("scheme", ALL_SCHEMES, ids=[s.name for s in ALL_SCHEMES])
def test_every_scheme_and_concept_resolves(scheme, site: dict[str, bytes]) -> None:  # type: ignore[no-untyped-def]
    path = scheme.iri.removeprefix(BASE)
    for accept, ext in ((HTML, "html"), (TURTLE, "ttl"), (JSONLD, "jsonld")):
        assert _in_docs(resolve(path, accept), site) == (f"concept/{scheme.name}.{ext}", "")
        versioned = _in_docs(resolve(f"{path}/{__version__}", accept), site)[0]
        assert versioned == (f"concept/{scheme.name}.html" if ext == "html"
                             else f"{__version__}/concept/{scheme.name}.{ext}")
    g = Graph().parse(ontology_dir() / scheme.file)
    for c in g.subjects(SKOS.inScheme, URIRef(scheme.iri)):
        rel, anchor = _in_docs(resolve(str(c).removeprefix(BASE), HTML), site)
        assert f'id="{anchor}"' in _page(site, rel) and rel == f"concept/{scheme.name}.html"
        assert _in_docs(resolve(str(c).removeprefix(BASE), TURTLE), site) == (
            f"concept/{scheme.name}.ttl", "")


INSTANCES = [
    ("id/review/2023-child-a", "2023-child-a"),
    ("id/child/2023-child-a-c1", "2023-child-a"),
    ("id/harm/2019-testshire-child-17-h1", "2019-testshire-child-17"),
    ("id/learning/2023-child-a-l12", "2023-child-a"),
    ("id/recommendation/2023-child-a-r3", "2023-child-a"),
    ("id/mention/2023-child-a-m40", "2023-child-a"),
    ("id/evidence/2023-child-a-rf-da-1", None),
    ("id/area/testshire", None),
    ("id/dataset/casegraph", None),
]


@pytest.mark.parametrize("path,page", INSTANCES)
def test_instances_resolve_to_the_report_and_to_a_description(path: str, page: str | None) -> None:
    """INVENTED slugs ("Child A", "Child 17")."""
    env = _env()
    html = resolve(path, HTML)
    for accept in (TURTLE, JSONLD) + (() if page else (HTML,)):
        target = resolve(path, accept)
        assert target is not None and target.startswith(env["CG_SPARQL"] + "?")
        query = parse_qs(urlsplit(target).query)["query"][0]
        assert unquote(query) == f"DESCRIBE <{BASE}{path}>"
    if page:
        assert html == f"{env['CG_REPORT']}/reviews/{page}.html"


def test_unknown_paths_are_not_redirected() -> None:
    for path in ("nothing/here", "ontology/latest", "concept/Risk-Factors", "id/review/a/b"):
        assert resolve(path, HTML) is None, path


def test_every_rule_is_reached() -> None:
    """Each redirect rule answers at least one of the IRIs the tests above resolve: no rule is
    dead (shadowed by an earlier one, or a pattern no casegraph IRI has)."""
    paths = ["", "context.jsonld", "shapes", "shapes/vocabulary", "ontology", f"ontology/{__version__}",
             *(p for p, _ in INSTANCES)]
    for s in ALL_SCHEMES:
        path = s.iri.removeprefix(BASE)
        paths += [path, f"{path}/{__version__}", f"{path}/some-concept"]
    used = {_resolve(p, a)[0] for p in paths for a in (HTML, TURTLE, JSONLD)}
    redirects = {r.line for r in RULES if r.target != "-"}
    assert redirects <= used, f"rules never reached: lines {sorted(redirects - used)}"
