"""Structural checks with networkx: hierarchy loops, dangling relations, orphans, related-vs-broader.

These look at how concepts connect, which SHACL cannot express well; each
returns located findings and raises nothing.
"""

from __future__ import annotations

import difflib

import networkx as nx
from rdflib import Graph, URIRef

from kamgraph.findings import Finding, Severity
from kamgraph.load import Ontology
from kamgraph.locate import Position, locate_statement, locate_subject
from kamgraph.namespaces import SKOS
from kamgraph.naming import Namer, local_name
from kamgraph.vocabulary import Vocabulary


def make_finding(position: Position | None, severity: Severity, code: str, message: str, subject: str | None,
                 hint: str | None = None) -> Finding:
    return Finding(position.file if position else None, position.line if position else None,
                   position.column if position else None, severity, code, message, subject=subject, hint=hint)


def hierarchy(data: Graph, vocabulary: Vocabulary) -> nx.DiGraph:
    """Child -> parent edges from every broader-like and (reversed) narrower-like relation."""
    tree = nx.DiGraph()
    for relation in vocabulary.relation_types.values():
        for subject, target in data.subject_objects(relation.iri):
            if relation.kind == "broader":
                tree.add_edge(subject, target, relation=relation.iri)
            elif relation.kind == "narrower":
                tree.add_edge(target, subject, relation=relation.iri)
    return tree


def broader_cycles(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    findings = []
    tree = hierarchy(data, vocabulary)
    for component in nx.strongly_connected_components(tree):
        members = sorted(component, key=str)
        if len(members) == 1 and not tree.has_edge(members[0], members[0]):
            continue
        cycle = nx.find_cycle(tree.subgraph(members), members[0])
        path = " -> ".join(namer.compact(a) for a, _ in cycle) + f" -> {namer.compact(cycle[0][0])}"
        first = members[0]
        findings.append(make_finding(locate_subject(ontology, first), Severity.ERROR, "broader-cycle",
                                     f"hierarchy loops back on itself: {path}", namer.compact(first),
                                     hint="remove one broader/narrower link in the loop"))
    return findings


def suggest(name: str, candidates: dict[str, URIRef], namer: Namer) -> str | None:
    """The closest existing local name, as a compact name, or None when nothing is close."""
    guess = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return namer.compact(candidates[guess[0]]) if guess else None


def undeclared_targets(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
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
            if target in vocabulary.retired:
                message = (f"{namer.compact(subject)} {namer.compact(relation.iri)} {namer.compact(target)}: "
                           f"{namer.compact(target)} is deprecated, so the link is not drawn")
                findings.append(make_finding(locate_statement(ontology, subject, relation.iri, target),
                                             Severity.WARNING, "deprecated-target", message, namer.compact(subject),
                                             hint="point the link at the concept that replaces it"))
                continue
            if not isinstance(target, URIRef):
                message = f"{namer.compact(subject)} {namer.compact(relation.iri)} points to a literal, not a concept"
                findings.append(make_finding(locate_subject(ontology, subject), Severity.ERROR,
                                             "relation-to-literal", message, namer.compact(subject)))
                continue
            guess = suggest(local_name(target), by_local_name, namer)
            hint = f"did you mean {guess}?" if guess else "declare it as a skos:Concept, or fix the name"
            message = (f"{namer.compact(subject)} {namer.compact(relation.iri)} {namer.compact(target)}: "
                       f"{namer.compact(target)} is not a declared concept")
            findings.append(make_finding(locate_statement(ontology, subject, relation.iri, target), Severity.ERROR,
                                         "undeclared-concept", message, namer.compact(subject), hint=hint))
    return findings


def orphans(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """Concepts that no relation reaches or leaves: they float alone on the map."""
    concepts = vocabulary.concept_categories
    connected: set[URIRef] = set()
    for relation in vocabulary.relation_types.values():
        for subject, target in data.subject_objects(relation.iri):
            if subject in concepts and target in concepts and subject != target:
                connected.update((subject, target))
    return [make_finding(locate_subject(ontology, concept), Severity.WARNING, "orphan-concept",
                         f"{namer.compact(concept)} has no relation to any other concept", namer.compact(concept),
                         hint="relate it to at least one concept (skos:broader, skos:related or a sub-property)")
            for concept in sorted(concepts, key=str) if concept not in connected]


def related_and_broader(ontology: Ontology, data: Graph, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """SKOS S27 for every relation type: a pair linked both hierarchically and associatively.

    The shapes catch the plain ``skos:related`` + ``skos:broader`` case on one
    subject; this also covers sub-properties, narrower-like links and either
    direction, and leaves the plain case to the shapes to avoid a double report.
    """
    links: dict[frozenset, dict[str, set[tuple]]] = {}
    for relation in vocabulary.relation_types.values():
        family = "related" if relation.kind == "related" else "hierarchy"
        for subject, target in data.subject_objects(relation.iri):
            if subject in vocabulary.concept_categories and target in vocabulary.concept_categories \
                    and subject != target:
                links.setdefault(frozenset((subject, target)), {"related": set(), "hierarchy": set()})[family].add(
                    (subject, relation.iri, target))
    findings = []
    for pair, families in sorted(links.items(), key=lambda item: sorted(map(str, item[0]))):
        if not families["related"] or not families["hierarchy"]:
            continue
        plain = any(p == SKOS.related and (s, SKOS.broader, t) in families["hierarchy"]
                    for s, p, t in families["related"])
        if plain:
            continue
        subject, predicate, target = sorted(families["related"], key=lambda t: tuple(map(str, t)))[0]
        other = sorted(families["hierarchy"], key=lambda t: tuple(map(str, t)))[0]
        message = (f"{namer.compact(subject)} {namer.compact(predicate)} {namer.compact(target)}, but also "
                   f"{namer.compact(other[0])} {namer.compact(other[1])} {namer.compact(other[2])}: a pair is "
                   "either hierarchical or associative, not both")
        findings.append(make_finding(locate_statement(ontology, subject, predicate, target), Severity.ERROR,
                                     "related-and-broader", message, namer.compact(subject),
                                     hint="keep one of the two relations"))
    return findings
