"""``casegraph docs``: HTML documentation of the ontology and of every concept scheme.

One page for the ontology (``ontology.html``: every class and property, anchored by its local
name, so ``https://w3id.org/casegraph/ontology#CaseReview`` lands on its section), one page per
concept scheme (``concept/<scheme>.html``, each concept anchored by its slug, the hierarchy at the
top), and an index.  Beside every page the same vocabulary as Turtle (the shipped file, byte for
byte) and as JSON-LD (compacted with the shipped context), so that the w3id.org redirect rules
(``docs/w3id/.htaccess``) can answer each IRI by content negotiation; the release's files are
copied under ``<version>/`` too, for the ``owl:versionIRI`` of each vocabulary.

Why not pyLODE: pyLODE 3 needs ``kurra``, and the release it works with (3.0.5) requires Python
3.12, while casegraph supports 3.11.  This generator reads the same metadata pyLODE would
(DECISIONS 41) with rdflib and renders it with Jinja2 (autoescaped), which casegraph already uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from casegraph import __version__
from casegraph.core.errors import CasegraphError
from casegraph.core.fsutil import write_folder
from casegraph.core.namespaces import BASE, CG, DCTERMS, OWL, RDF, RDFS, SKOS, VANN, VS
from casegraph.core.prefixes import PREFIXES
from casegraph.core.resources import ontology_dir
from casegraph.core.schemes import ALL_SCHEMES
from casegraph.rdfio.formats import jsonld_context_path, serialise

#: Marks a folder as written by ``casegraph docs`` (only such a folder is ever replaced).
MARKER = ".casegraph-docs"
ONTOLOGY_FILE = "casegraph.ttl"
SHAPES_FILES = ("shapes.ttl", "vocabulary-shapes.ttl")
_TEMPLATES = Path(__file__).with_name("templates") / "vocabdocs"
_KINDS = ((OWL.Class, "Classes", "class"), (OWL.ObjectProperty, "Object properties", "object property"),
          (OWL.DatatypeProperty, "Datatype properties", "datatype property"))


@dataclass(frozen=True)
class Link:
    """A term named on a page: its text, its address, and whether it is another site's."""

    text: str
    href: str
    external: bool = False


@dataclass
class Term:
    """A class or property of the ontology as the page shows it."""

    iri: str
    anchor: str
    kind: str
    label: str
    comment: str
    status: str
    notes: list[str] = field(default_factory=list)
    facts: list[tuple[str, list[Link]]] = field(default_factory=list)


@dataclass
class Concept:
    iri: str
    anchor: str
    notation: str
    label: str
    definition: str
    status: str
    alt_labels: list[str]
    hidden_labels: list[str]
    notes: list[str]
    broader: list[Link]
    narrower: list[Link]


@dataclass
class Vocabulary:
    """The ontology or one scheme: its metadata, its terms, and where its files go."""

    iri: str
    title: str
    description: str
    page: str  #: the HTML page, relative to the docs folder
    turtle: str
    jsonld: str
    metadata: list[tuple[str, list[Link]]]
    version: str
    terms: dict[str, list[Term]] = field(default_factory=dict)  #: section title -> terms
    concepts: list[Concept] = field(default_factory=list)
    tree: list[tuple[int, Concept]] = field(default_factory=list)  #: (depth, concept), top first

    @property
    def statuses(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for t in [*(t for ts in self.terms.values() for t in ts), *self.concepts]:
            counts[t.status] = counts.get(t.status, 0) + 1
        return dict(sorted(counts.items()))


def _text(g: Graph, s: Node, p: URIRef) -> str:
    """The English (or untagged) value of ``p``, else any; empty when there is none."""
    values = [o for o in g.objects(s, p) if isinstance(o, Literal)]
    for o in values:
        if o.language in (None, "en") or (o.language or "").startswith("en-"):
            return str(o)
    return str(values[0]) if values else ""


def _texts(g: Graph, s: Node, p: URIRef) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal))


def _curie(iri: str) -> str:
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default="")
    if not best or iri == best:
        return iri
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


class _Linker:
    """Where a term is documented: an anchor on one of these pages, else its own IRI."""

    def __init__(self, local: dict[str, str]):
        self.local = local  #: IRI -> href (relative to the docs folder)

    def link(self, node: Node, here: str) -> Link:
        iri = str(node)
        if isinstance(node, Literal):
            return Link(iri, "")
        href = self.local.get(iri)
        if href is not None:
            depth = here.count("/")
            return Link(_curie(iri), "../" * depth + href)
        return Link(_curie(iri), iri, external=True)

    def links(self, nodes: Iterable[Node], here: str) -> list[Link]:
        return sorted((self.link(n, here) for n in nodes), key=lambda x: x.text)


def _metadata(g: Graph, iri: URIRef, linker: _Linker, here: str) -> list[tuple[str, list[Link]]]:
    rows = [("IRI", [Link(str(iri), str(iri), external=True)]),
            ("Version", [Link(_text(g, iri, OWL.versionInfo), "")]),
            ("This version", linker.links(g.objects(iri, OWL.versionIRI), here)),
            ("Preferred prefix", [Link(f"{_text(g, iri, VANN.preferredNamespacePrefix)}:", "")]),
            ("Namespace", [Link(_text(g, iri, VANN.preferredNamespaceUri), "")]),
            ("Created", [Link(_text(g, iri, DCTERMS.created), "")]),
            ("Modified", [Link(_text(g, iri, DCTERMS.modified), "")]),
            ("Creator", linker.links(g.objects(iri, DCTERMS.creator), here)),
            ("Publisher", linker.links(g.objects(iri, DCTERMS.publisher), here)),
            ("Licence", linker.links(g.objects(iri, DCTERMS.license), here))]
    return [(name, [x for x in links if x.text]) for name, links in rows if any(x.text for x in links)]


def _ontology(g: Graph, linker: _Linker) -> Vocabulary:
    iri = URIRef(str(CG)[:-1])
    page = "ontology.html"
    vocab = Vocabulary(str(iri), _text(g, iri, DCTERMS.title) or "casegraph ontology",
                       _text(g, iri, DCTERMS.description), page, "ontology.ttl", "ontology.jsonld",
                       _metadata(g, iri, linker, page), _text(g, iri, OWL.versionInfo))
    facts = (("Subclass of", RDFS.subClassOf), ("Subproperty of", RDFS.subPropertyOf),
             ("Domain", RDFS.domain), ("Range", RDFS.range))
    for cls, title, kind in _KINDS:
        terms = []
        for s in sorted(set(g.subjects(RDF.type, cls)), key=str):
            if not str(s).startswith(str(CG)):
                continue
            local = str(s)[len(str(CG)):]
            rows = [(name, linker.links(g.objects(s, p), page)) for name, p in facts]
            if (s, RDF.type, OWL.FunctionalProperty) in g:
                rows.append(("Characteristics", [Link("functional (at most one value)", "")]))
            used_by = [x for x in g.subjects(RDFS.domain, s)]
            rows.append(("Properties with this domain", linker.links(used_by, page)))
            terms.append(Term(str(s), local, kind, _text(g, s, RDFS.label), _text(g, s, RDFS.comment),
                              _text(g, s, VS.term_status), _texts(g, s, SKOS.scopeNote),
                              [(n, links) for n, links in rows if links]))
        vocab.terms[title] = terms
    return vocab


def _scheme(g: Graph, scheme, linker: _Linker) -> Vocabulary:  # type: ignore[no-untyped-def]
    iri = URIRef(scheme.iri)
    page = f"concept/{scheme.name}.html"
    vocab = Vocabulary(scheme.iri, _text(g, iri, SKOS.prefLabel) or scheme.name,
                       _text(g, iri, DCTERMS.description), page, f"concept/{scheme.name}.ttl",
                       f"concept/{scheme.name}.jsonld", _metadata(g, iri, linker, page),
                       _text(g, iri, OWL.versionInfo))
    by_iri: dict[str, Concept] = {}
    for c in sorted(set(g.subjects(SKOS.inScheme, iri)), key=str):
        by_iri[str(c)] = Concept(
            str(c), str(c)[len(scheme.namespace):], _text(g, c, SKOS.notation), _text(g, c, SKOS.prefLabel),
            _text(g, c, SKOS.definition), _text(g, c, VS.term_status), _texts(g, c, SKOS.altLabel),
            _texts(g, c, SKOS.hiddenLabel), _texts(g, c, SKOS.editorialNote) + _texts(g, c, SKOS.scopeNote),
            linker.links(g.objects(c, SKOS.broader), page),
            linker.links(set(g.subjects(SKOS.broader, c)) | set(g.objects(c, SKOS.narrower)), page))
    vocab.concepts = sorted(by_iri.values(), key=lambda c: c.notation)
    children: dict[str, list[Concept]] = {}
    for c in vocab.concepts:
        for b in g.objects(URIRef(c.iri), SKOS.broader):
            children.setdefault(str(b), []).append(c)

    def walk(c: Concept, depth: int, seen: frozenset[str]) -> None:
        vocab.tree.append((depth, c))
        for child in children.get(c.iri, []):
            if child.iri not in seen:  # a cycle is a shape violation, never an endless page
                walk(child, depth + 1, seen | {child.iri})

    for c in vocab.concepts:
        if not any(str(b) in by_iri for b in g.objects(URIRef(c.iri), SKOS.broader)):
            walk(c, 0, frozenset({c.iri}))
    return vocab


def _read(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except FileNotFoundError:
        raise CasegraphError("vocabulary file is missing", path) from None
    except Exception as exc:  # rdflib raises several unrelated types
        raise CasegraphError(f"cannot parse: {exc}".splitlines()[0], path) from None


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def site_files() -> dict[str, bytes]:
    """Every file of the documentation, by path relative to the docs folder."""
    directory = ontology_dir()
    ontology = _read(directory / ONTOLOGY_FILE)
    schemes = [(s, _read(directory / s.file)) for s in ALL_SCHEMES]
    local = {str(CG)[:-1]: "ontology.html"}
    local.update({str(s): f"ontology.html#{str(s)[len(str(CG)):]}"
                  for s in ontology.subjects() if str(s).startswith(str(CG))})
    for s, g in schemes:
        local[s.iri] = f"concept/{s.name}.html"
        local.update({str(c): f"concept/{s.name}.html#{str(c)[len(s.namespace):]}"
                      for c in g.subjects(SKOS.inScheme, URIRef(s.iri))})
    linker = _Linker(local)
    vocabularies = [_ontology(ontology, linker)] + [_scheme(g, s, linker) for s, g in schemes]
    env = _environment()
    common = {"version": __version__, "base": BASE}
    files: dict[str, bytes] = {}
    files["index.html"] = env.get_template("index.html").render(
        title="casegraph vocabularies", root="", vocabularies=vocabularies, **common).encode()
    sources = [(vocabularies[0], directory / ONTOLOGY_FILE, ontology)] + [
        (v, directory / s.file, g) for v, (s, g) in zip(vocabularies[1:], schemes, strict=True)]
    for v, path, g in sources:
        root = "../" * v.page.count("/")
        template = "ontology.html" if v is vocabularies[0] else "scheme.html"
        files[v.page] = env.get_template(template).render(title=v.title, root=root, v=v, **common).encode()
        files[v.turtle] = path.read_bytes()
        files[v.jsonld] = serialise(g, "jsonld")
    for name in SHAPES_FILES:
        files[f"shapes/{name}"] = (directory / name).read_bytes()
    files["context.jsonld"] = jsonld_context_path().read_bytes()
    # The release's own copy, for each vocabulary's owl:versionIRI (<iri>/<version>).
    release = {f"{__version__}/{rel}": data for rel, data in files.items()
               if rel.endswith((".ttl", ".jsonld")) and not rel.startswith("shapes/")}
    return {**files, **release}


def write_docs(out: Path) -> int:
    """Write the documentation to ``out`` (replacing an earlier one); returns the page count."""
    files = site_files()
    write_folder(out, files, MARKER)
    return sum(1 for rel in files if rel.endswith(".html"))
