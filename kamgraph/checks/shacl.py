"""The ontology's own SHACL shapes, run by pySHACL; each result becomes a located finding.

A shape's ``sh:name`` is the finding's code (``missing-label-en``), its
``sh:message`` the message and its ``sh:severity`` the severity, so authors
add a rule in Turtle without touching Python.
"""

from __future__ import annotations

import re

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.checks.content import repeats_a_language_in_one_file
from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding, Severity
from kamgraph.names import local_name
from kamgraph.namespaces import RDF, SH, SKOS

_SEVERITIES = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


def shacl_findings(context: CheckContext) -> list[Finding]:
    shapes = context.ontology.shapes
    # Concepts typed only by a category class are still concepts: say so explicitly,
    # rather than paying for RDFS inference over the whole graph.
    target = context.ontology.union()
    for concept in context.vocabulary.concept_categories:
        target.add((concept, RDF.type, SKOS.Concept))
    _, results, _ = shacl_validate(target, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        severity = _SEVERITIES.get(results.value(result, SH.resultSeverity), Severity.ERROR)
        component = results.value(result, SH.sourceConstraintComponent)
        if (component == SH.UniqueLangConstraintComponent and results.value(result, SH.resultPath) == SKOS.prefLabel
                and not repeats_a_language_in_one_file(context, focus)):
            continue  # labels of one language from two files: conflicting-labels says so, naming both
        code = _shape_code(shapes, shape) or _component_code(component)
        message = str(results.value(result, SH.resultMessage) or "does not conform to its shape")
        name = context.name(focus) if isinstance(focus, URIRef) else str(focus)
        position = context.at_subject(focus)
        # An ontology's own shapes may bring codes the registry does not know, so no make_finding here.
        findings.append(Finding(position.file if position else None, position.line if position else None,
                                position.column if position else None, severity, code,
                                f"{name} {message.rstrip('.')}", subject=name))
    return findings


def _shape_code(shapes: Graph, shape: Node | None) -> str | None:
    name = shapes.value(shape, SH.name) if shape is not None else None
    return str(name) if isinstance(name, Literal) else None


def _component_code(component: Node | None) -> str:
    words = re.findall(r"[A-Z][a-z]*", local_name(component or "Shape").removesuffix("ConstraintComponent"))
    return "-".join(w.lower() for w in words) or "shape"
