"""SHACL validation with pyshacl, and a report a person can act on.

The data graph is validated together with the concept schemes, because several shapes check
that a coded concept belongs to the right scheme.  Results are grouped by the review they
concern (a child, item or evidence node is traced back to its review).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF

from .errors import CasegraphError
from .namespaces import CG, SH, bind_prefixes
from .paths import ontology_dir


@dataclass(frozen=True)
class Finding:
    severity: str  # "Violation" | "Warning" | "Info"
    review: str | None
    focus: str
    path: str | None
    value: str | None
    message: str

    def line(self) -> str:
        where = f" {self.path}" if self.path else ""
        val = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}{val}"


@dataclass
class Report:
    conforms: bool
    findings: list[Finding]
    graph: Graph

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity != "Violation"]

    def text(self) -> str:
        """Readable report, grouped by review."""
        if not self.findings:
            return "conforms: no violations, no warnings"
        groups: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            groups[f.review or "(not part of a review)"].append(f)
        out = [f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s)"]
        for review in sorted(groups):
            out.append(f"review {review}:")
            out.extend("  " + f.line() for f in sorted(groups[review], key=Finding.line))
        return "\n".join(out)


@lru_cache(maxsize=1)
def shapes_graph(path: Path | None = None) -> Graph:
    path = path or ontology_dir() / "shapes.ttl"
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except Exception as exc:
        raise CasegraphError(f"cannot parse SHACL shapes: {exc}".splitlines()[0], path) from None
    return g


def _short(graph: Graph, node) -> str:  # type: ignore[no-untyped-def]
    if isinstance(node, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(node)
        except Exception:
            return f"<{node}>"
    return str(node)


def _review_of(data: Graph, node) -> str | None:  # type: ignore[no-untyped-def]
    if (node, RDF.type, CG.CaseReview) in data:
        return str(data.value(node, DCTERMS.identifier) or node)
    for pred, inverse in ((CG.itemOf, False), (CG.annotates, False), (CG.aboutChild, True),
                          (CG.hasHarmEvent, True)):
        other = data.value(object=node, predicate=pred) if inverse else data.value(node, pred)
        if other is not None:
            return _review_of(data, other) if other != node else None
    return None


def validate_graph(data: Graph, vocab_graph: Graph | None = None) -> Report:
    """Validate ``data`` (plus the vocabulary) against the project shapes."""
    import pyshacl

    full = Graph()
    bind_prefixes(full)
    for t in data:
        full.add(t)
    if vocab_graph is not None:
        for t in vocab_graph:
            full.add(t)
    _conforms, results, _ = pyshacl.validate(
        full, shacl_graph=shapes_graph(), inference="none", advanced=True,
        allow_warnings=True, abort_on_first=False)
    bind_prefixes(results)
    findings: list[Finding] = []
    for res in results.subjects(RDF.type, SH.ValidationResult):
        sev = results.value(res, SH.resultSeverity)
        focus = results.value(res, SH.focusNode)
        path = results.value(res, SH.resultPath)
        value = results.value(res, SH.value)
        msg = results.value(res, SH.resultMessage)
        findings.append(Finding(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            review=_review_of(full, focus),
            focus=_short(full, focus),
            path=_short(full, path) if path is not None else None,
            value=_short(full, value) if value is not None else None,
            message=str(msg) if msg else "constraint not met"))
    findings.sort(key=lambda f: (f.review or "", f.line()))
    has_violation = any(f.severity == "Violation" for f in findings)
    return Report(conforms=not has_violation, findings=findings, graph=results)
