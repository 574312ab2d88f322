"""Check an ontology: SHACL shapes (pySHACL) for content, networkx for structure.

Returns a :class:`~kamgraph.findings.Report`; it raises nothing for a bad
ontology, because findings are data. Shapes come from the ontology's own
shapes files (``ontology/shapes.ttl``); an ontology without any is checked
with kamgraph's generic SKOS rules (:mod:`kamgraph.skos_checks`), which stay
fast on whole thesauri. The checks read the triples through the ontology's
:class:`~kamgraph.triples.TripleIndex`.
"""

from __future__ import annotations

import re

from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef

from kamgraph.content_checks import conflicting_labels, duplicate_labels, ill_typed_literals, missing_categories
from kamgraph.findings import Finding, Report, Severity
from kamgraph.load import Ontology
from kamgraph.locate import locate_statement, locate_subject
from kamgraph.namespaces import KAMO, RDF, SH, SKOS
from kamgraph.naming import Namer, local_name
from kamgraph.skos_checks import skos_findings
from kamgraph.structure_checks import broader_cycles, make_finding, orphans, related_and_broader, undeclared_targets
from kamgraph.triples import TripleIndex
from kamgraph.vocabulary import Vocabulary, plain_colour, read_vocabulary

_SEVERITIES = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


def validate_ontology(ontology: Ontology) -> Report:
    """All findings for ``ontology``: load warnings, SHACL results and structural checks."""
    data = ontology.index()
    vocabulary = read_vocabulary(data)
    namer = Namer(ontology.prefixes())
    findings = list(ontology.warnings)
    if len(ontology.shapes):
        findings += _shacl_findings(ontology, vocabulary, namer)
    else:
        findings += _generic_findings(ontology, data, vocabulary, namer)
    for structural in (broader_cycles, undeclared_targets, orphans, related_and_broader, _bad_colours):
        findings += structural(ontology, data, vocabulary, namer)
    findings += ill_typed_literals(ontology, namer)
    for content in (duplicate_labels, conflicting_labels, missing_categories):
        findings += content(ontology, vocabulary, namer)
    return Report(findings)


def _generic_findings(ontology: Ontology, data: TripleIndex, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    def report(concept: URIRef, severity: Severity, code: str, message: str) -> Finding:
        name = namer.compact(concept)
        return make_finding(locate_subject(ontology, concept), severity, code, f"{name} {message}", name)

    return skos_findings(data, vocabulary.concept_categories, report)


def _shacl_findings(ontology: Ontology, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    shapes = ontology.shapes
    # Concepts typed only by a category class are still concepts: say so explicitly,
    # rather than paying for RDFS inference over the whole graph.
    target = ontology.union()
    for concept in vocabulary.concept_categories:
        target.add((concept, RDF.type, SKOS.Concept))
    _, results, _ = shacl_validate(target, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True)
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        severity = _SEVERITIES.get(results.value(result, SH.resultSeverity), Severity.ERROR)
        code = _shape_code(shapes, shape) or _component_code(results.value(result, SH.sourceConstraintComponent))
        message = str(results.value(result, SH.resultMessage) or "does not conform to its shape")
        name = namer.compact(focus) if isinstance(focus, URIRef) else str(focus)
        position = locate_subject(ontology, focus) if isinstance(focus, URIRef) else None
        findings.append(make_finding(position, severity, code, f"{name} {message.rstrip('.')}", name))
    return findings


def _shape_code(shapes: Graph, shape) -> str | None:
    name = shapes.value(shape, SH.name) if shape is not None else None
    return str(name) if isinstance(name, Literal) else None


def _component_code(component) -> str:
    words = re.findall(r"[A-Z][a-z]*", local_name(component or "Shape").removesuffix("ConstraintComponent"))
    return "-".join(w.lower() for w in words) or "shape"


def _bad_colours(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """Category colours that are not plain hex: the map ignores them, so say so."""
    findings = []
    for category in vocabulary.categories.values():
        if category.colour is None or plain_colour(category.colour):
            continue
        stated = next(o for o in data.objects(category.iri, KAMO.colour) if str(o) == category.colour)
        shown = category.colour if len(category.colour) <= 40 else category.colour[:40] + "..."
        findings.append(make_finding(locate_statement(ontology, category.iri, KAMO.colour, stated),
                                     Severity.WARNING, "bad-colour",
                                     f"{namer.compact(category.iri)} kamo:colour {shown!r} is not a plain hex colour; "
                                     "the map uses a palette colour instead", namer.compact(category.iri),
                                     hint='write it as "#rrggbb"'))
    return findings
