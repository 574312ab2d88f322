"""The ontology's own SHACL shapes, checked; each result becomes a located finding.

A shape's ``sh:name`` is the finding's code (``missing-label-en``), its
``sh:message`` the message and its ``sh:severity`` the severity, so authors
add a rule in Turtle without touching Python.

The shapes are evaluated by :mod:`kamgraph.checks.shacl_core` (SHACL Core in
Python, a few milliseconds for KAM) whenever it implements everything they
use; otherwise by pySHACL, imported only then, which gives the same rows
(importing and running it used to be half of a small build). The results
depend only on the files' text, so they are also kept in a cache keyed by that
content (:func:`results_key`): an unchanged ontology is not validated again.
Locating the results and filtering them always runs afresh.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path
from typing import cast

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.checks.content import repeats_a_language_in_one_file
from kamgraph.checks.context import CheckContext
from kamgraph.checks.shacl_core import Unsupported, evaluate
from kamgraph.checks.shapes import ShapesRefused, quiet_pyshacl, usable_shapes
from kamgraph.errors import KamgraphError
from kamgraph.findings import CODES, Finding, Position, Severity
from kamgraph.names import local_name
from kamgraph.namespaces import RDF, SH, SKOS
from kamgraph.output import write_atomic
from kamgraph.sources.triples import TripleIndex

_SEVERITIES = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}
CACHE_FORMAT = "2"  # bump when ShapeResult or the way results are read changes
CACHE_KEEP = 32  # result files kept (the most recent)


@dataclass(frozen=True)
class ShapeResult:
    """One validation result, as plain data (what the cache keeps)."""

    focus: str
    focus_kind: str  # "iri", "blank" or "literal"
    code: str
    severity: str
    message: str
    unique_preflabel_language: bool  # sh:uniqueLang on skos:prefLabel: may be another check's to report
    path: str | None = None  # sh:resultPath, when it is a plain property
    value: str | None = None  # sh:value, the offending value, as N-Triples (a literal keeps its tag and datatype)
    hint: str | None = None  # the shape's sh:description, when it has one

    def focus_node(self) -> Node:
        return {"iri": URIRef, "blank": BNode}.get(self.focus_kind, Literal)(self.focus)

    def value_node(self) -> Node | None:
        """The offending value as an rdflib term (from its N-Triples form)."""
        if self.value is None:
            return None
        from rdflib.util import from_n3

        return cast(Node, from_n3(self.value))


def shacl_findings(context: CheckContext) -> list[Finding]:
    findings = []
    for result in shape_results(context):
        focus = result.focus_node()
        if result.unique_preflabel_language and not repeats_a_language_in_one_file(context, cast(URIRef, focus)):
            continue  # labels of one language from two files: conflicting-labels says so, naming both
        name = context.name(focus) if isinstance(focus, URIRef) else str(focus)
        position = _position(context, focus, result)
        # An ontology's own shapes may bring codes the registry does not know, so no make_finding here.
        findings.append(Finding(position.file if position else None, position.line if position else None,
                                position.column if position else None, Severity(result.severity), result.code,
                                f"{name} {result.message.rstrip('.')}", subject=name, hint=_hint(result)))
    return findings


def _position(context: CheckContext, focus: Node, result: ShapeResult) -> Position | None:
    """At the offending value when there is one (``"Prijs"`` without a tag, ``kamo:origin "sourse"``), else at
    the focus node's description (a property that is missing has no place of its own)."""
    value = result.value_node()
    if isinstance(focus, URIRef) and result.path and value is not None:
        found = context.at_statement(focus, URIRef(result.path), value)
        if found is not None and found.line is not None:
            return found
    return context.at_subject(focus)


def _hint(result: ShapeResult) -> str | None:
    """The shape's own ``sh:description``, else the registry's fix for its code (as plain text)."""
    if result.hint:
        return result.hint
    known = CODES.get(result.code)
    return known.fix.replace("`", "") if known else None


def shape_results(context: CheckContext) -> list[ShapeResult]:
    """pySHACL's results for this ontology: from the cache when the same content was validated before."""
    key = results_key(context)
    folder = cache_folder()
    path = folder / f"{key}.json" if key and folder else None
    if path is not None:
        try:
            return [ShapeResult(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            pass  # no usable cached results: validate
    results = run_shapes(context)
    if path is not None:
        try:
            write_atomic(path, json.dumps([asdict(r) for r in results], ensure_ascii=False))
            for old in sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[CACHE_KEEP:]:
                old.unlink(missing_ok=True)
        except (OSError, KamgraphError):
            pass  # a cache that cannot be written only costs time
    return results


def cache_folder() -> Path | None:
    """Where validation results are kept: ``$KAMGRAPH_CACHE_DIR`` (empty: no cache), else the user's cache folder."""
    given = os.environ.get("KAMGRAPH_CACHE_DIR")
    if given is not None:
        return Path(given) / "shacl" if given else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kamgraph" / "shacl"


def results_key(context: CheckContext) -> str | None:
    """A hash of everything pySHACL's results depend on: each file's text and base IRI, which files are shapes,
    the concepts the vocabulary found (added to the data as ``skos:Concept``) and pySHACL's version.

    ``None`` when a file has no text (read from a SPARQL store): such results are not cached.
    """
    if any(not source.text for source in context.ontology.files):
        return None
    digest = hashlib.sha256(f"{CACHE_FORMAT}\0{version('pyshacl')}\0".encode())
    for source in context.ontology.files:
        digest.update(f"{source.path.resolve().as_uri()}\0{source.is_shapes}\0{len(source.text)}\0".encode())
        digest.update(source.text.encode("utf-8"))
    for concept in sorted(context.vocabulary.concept_categories):
        digest.update(f"\0{concept}".encode())
    return digest.hexdigest()


def run_shapes(context: CheckContext) -> list[ShapeResult]:
    """Validate the data against the shapes: in Python (:mod:`kamgraph.checks.shacl_core`) when it implements
    everything the shapes use, else with pySHACL; both give the same rows (tests/checks/test_shacl_core.py)."""
    shapes = usable_shapes(context.ontology)
    # Concepts typed only by a category class are still concepts: say so explicitly,
    # rather than paying for RDFS inference over the whole graph.
    typed: dict[Node, Node] = dict.fromkeys(context.vocabulary.concept_categories, SKOS.Concept)
    try:
        return native_rows(shapes, context.data, typed)
    except Unsupported:
        target = context.ontology.union()
        for concept, cls in typed.items():
            target.add((concept, RDF.type, cls))
        return pyshacl_rows(shapes, target)


def native_rows(shapes: Graph, data: TripleIndex, typed: Mapping[Node, Node]) -> list[ShapeResult]:
    """The shapes' results by kamgraph's own evaluator; raises ``Unsupported`` when the shapes need pySHACL."""
    return [ShapeResult(
        focus=str(r.focus), focus_kind=_kind(r.focus), code=r.shape.code or _component_code(r.component),
        severity=_SEVERITIES.get(cast(URIRef, r.shape.severity), Severity.ERROR).value,
        message=r.shape.message or "does not conform to its shape",
        unique_preflabel_language=r.component == SH.UniqueLangConstraintComponent and r.shape.path == SKOS.prefLabel,
        path=str(r.shape.path) if r.shape.path is not None else None,
        value=r.value.n3() if isinstance(r.value, (URIRef, Literal)) else None, hint=r.shape.hint)
        for r in evaluate(shapes, data, typed)]


def _kind(node: Node) -> str:
    return "iri" if isinstance(node, URIRef) else "blank" if isinstance(node, BNode) else "literal"


def pyshacl_rows(shapes: Graph, target: Graph) -> list[ShapeResult]:
    """The shapes' results by pySHACL (imported here, only when needed); ``target`` is validated in place."""
    from pyshacl import validate as shacl_validate
    from pyshacl.errors import ReportableRuntimeError

    try:
        with quiet_pyshacl():
            # inplace: the target is the caller's own copy, so pySHACL need not clone it (a tenth of its run)
            _, results, _ = shacl_validate(target, shacl_graph=shapes, inference="none", advanced=True,
                                           allow_warnings=True, inplace=True)
    except ReportableRuntimeError as refused:  # the shapes themselves are wrong: located by checks.shapes
        raise ShapesRefused(str(refused)) from refused
    rows = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        component = results.value(result, SH.sourceConstraintComponent)
        rows.append(ShapeResult(
            focus=str(focus), focus_kind=_kind(focus),
            code=_shape_code(shapes, results.value(result, SH.sourceShape)) or _component_code(component),
            severity=_SEVERITIES.get(results.value(result, SH.resultSeverity), Severity.ERROR).value,
            message=str(results.value(result, SH.resultMessage) or "does not conform to its shape"),
            unique_preflabel_language=(component == SH.UniqueLangConstraintComponent
                                       and results.value(result, SH.resultPath) == SKOS.prefLabel),
            path=str(path) if isinstance(path := results.value(result, SH.resultPath), URIRef) else None,
            value=value.n3() if isinstance(value := results.value(result, SH.value), (URIRef, Literal)) else None,
            hint=_description(shapes, results.value(result, SH.sourceShape))))
    return rows


def _description(shapes: Graph, shape: Node | None) -> str | None:
    description = shapes.value(shape, SH.description) if shape is not None else None
    return " ".join(str(description).split()) if isinstance(description, Literal) else None


def _shape_code(shapes: Graph, shape: Node | None) -> str | None:
    name = shapes.value(shape, SH.name) if shape is not None else None
    return str(name) if isinstance(name, Literal) else None


def _component_code(component: Node | None) -> str:
    words = re.findall(r"[A-Z][a-z]*", local_name(component or "Shape").removesuffix("ConstraintComponent"))
    return "-".join(w.lower() for w in words) or "shape"
