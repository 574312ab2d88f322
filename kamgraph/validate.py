"""Check an ontology: SHACL shapes (pySHACL) for content, networkx for structure.

Returns a :class:`~kamgraph.findings.Report`; it raises nothing for a bad
ontology, because findings are data. Shapes come from the ontology's own
shapes files (``ontology/shapes.ttl``); an ontology without any is checked
against kamgraph's generic SKOS shapes (``vocab/skos-shapes.ttl``).
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from importlib import resources

import networkx as nx
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef

from kamgraph.findings import Finding, Report, Severity
from kamgraph.load import Ontology
from kamgraph.locate import Position, locate_statement, locate_subject
from kamgraph.namespaces import KAMO, RDF, SH, SKOS
from kamgraph.naming import Namer, local_name
from kamgraph.vocabulary import Vocabulary, plain_colour, read_vocabulary

_SEVERITIES = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARNING, SH.Info: Severity.INFO}


def validate_ontology(ontology: Ontology) -> Report:
    """All findings for ``ontology``: load warnings, SHACL results and structural checks."""
    data = ontology.union()
    vocabulary = read_vocabulary(data)
    namer = Namer(ontology.prefixes())
    findings = list(ontology.warnings)
    findings += _shacl_findings(ontology, data, vocabulary, namer)
    findings += _broader_cycles(ontology, data, vocabulary, namer)
    findings += _undeclared_targets(ontology, data, vocabulary, namer)
    findings += _bad_colours(ontology, data, vocabulary, namer)
    return Report(findings)


@lru_cache(maxsize=1)
def generic_shapes() -> Graph:
    graph = Graph()
    graph.parse(data=resources.files("kamgraph.vocab").joinpath("skos-shapes.ttl").read_bytes(), format="ox-turtle")
    return graph


def _finding(position: Position | None, severity: Severity, code: str, message: str, subject: str | None,
             hint: str | None = None) -> Finding:
    return Finding(position.file if position else None, position.line if position else None,
                   position.column if position else None, severity, code, message, subject=subject, hint=hint)


def _shacl_findings(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    shapes = ontology.shapes if len(ontology.shapes) else generic_shapes()
    # Concepts typed only by a category class are still concepts: say so explicitly,
    # rather than paying for RDFS inference over the whole graph.
    target = Graph()
    target += data
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
        findings.append(_finding(position, severity, code, f"{name} {message.rstrip('.')}", name))
    return findings


def _shape_code(shapes: Graph, shape) -> str | None:
    name = shapes.value(shape, SH.name) if shape is not None else None
    return str(name) if isinstance(name, Literal) else None


def _component_code(component) -> str:
    words = re.findall(r"[A-Z][a-z]*", local_name(component or "Shape").removesuffix("ConstraintComponent"))
    return "-".join(w.lower() for w in words) or "shape"


def _hierarchy(data: Graph, vocabulary: Vocabulary) -> nx.DiGraph:
    """Child -> parent edges from every broader-like and (reversed) narrower-like relation."""
    tree = nx.DiGraph()
    for relation in vocabulary.relation_types.values():
        for subject, target in data.subject_objects(relation.iri):
            if relation.kind == "broader":
                tree.add_edge(subject, target, relation=relation.iri)
            elif relation.kind == "narrower":
                tree.add_edge(target, subject, relation=relation.iri)
    return tree


def _broader_cycles(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    findings = []
    tree = _hierarchy(data, vocabulary)
    for component in nx.strongly_connected_components(tree):
        members = sorted(component, key=str)
        if len(members) == 1 and not tree.has_edge(members[0], members[0]):
            continue
        cycle = nx.find_cycle(tree.subgraph(members), members[0])
        path = " -> ".join(namer.compact(a) for a, _ in cycle) + f" -> {namer.compact(cycle[0][0])}"
        first = members[0]
        findings.append(_finding(locate_subject(ontology, first), Severity.ERROR, "broader-cycle",
                                 f"hierarchy loops back on itself: {path}", namer.compact(first),
                                 hint="remove one broader/narrower link in the loop"))
    return findings


def _undeclared_targets(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """Relations whose subject is a concept but whose other end is declared nowhere."""
    concepts = vocabulary.concept_categories
    by_local_name: dict[str, URIRef] = {}
    for concept in sorted(concepts, key=str):
        by_local_name.setdefault(local_name(concept), concept)
    findings = []
    for relation in vocabulary.relation_types.values():
        for subject, target in data.subject_objects(relation.iri):
            if subject not in concepts or target in concepts:
                continue
            if not isinstance(target, URIRef):
                message = f"{namer.compact(subject)} {namer.compact(relation.iri)} points to a literal, not a concept"
                findings.append(_finding(locate_subject(ontology, subject), Severity.ERROR, "relation-to-literal",
                                         message, namer.compact(subject)))
                continue
            guess = difflib.get_close_matches(local_name(target), list(by_local_name), n=1, cutoff=0.6)
            hint = (f"did you mean {namer.compact(by_local_name[guess[0]])}?" if guess
                    else "declare it as a skos:Concept, or fix the name")
            message = (f"{namer.compact(subject)} {namer.compact(relation.iri)} {namer.compact(target)}: "
                       f"{namer.compact(target)} is not a declared concept")
            findings.append(_finding(locate_statement(ontology, subject, relation.iri, target), Severity.ERROR,
                                     "undeclared-concept", message, namer.compact(subject),
                                     hint=hint))
    return findings


def _bad_colours(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """Category colours that are not plain hex: the map ignores them, so say so."""
    findings = []
    for category in vocabulary.categories.values():
        if category.colour is None or plain_colour(category.colour):
            continue
        stated = next(o for o in data.objects(category.iri, KAMO.colour) if str(o) == category.colour)
        shown = category.colour if len(category.colour) <= 40 else category.colour[:40] + "..."
        findings.append(_finding(locate_statement(ontology, category.iri, KAMO.colour, stated),
                                 Severity.WARNING, "bad-colour",
                                 f"{namer.compact(category.iri)} kamo:colour {shown!r} is not a plain hex colour; "
                                 "the map uses a palette colour instead", namer.compact(category.iri),
                                 hint='write it as "#rrggbb"'))
    return findings
