"""Structural checks with networkx: hierarchy loops, dangling relations, orphans, related-vs-broader.

These look at how concepts connect, which SHACL cannot express well.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import URIRef
from rdflib.term import Node

from kamgraph.checks.context import CheckContext
from kamgraph.checks.suggest import closest
from kamgraph.findings import Finding
from kamgraph.namespaces import SKOS
from kamgraph.sources.triples import TripleIndex
from kamgraph.vocabulary import Vocabulary


def hierarchy(data: TripleIndex, vocabulary: Vocabulary) -> nx.DiGraph[Node]:
    """Child -> parent edges from every broader-like and (reversed) narrower-like relation."""
    tree: nx.DiGraph[Node] = nx.DiGraph()
    for relation in vocabulary.relation_types.values():
        for subject, target in data.subject_objects(relation.iri):
            if relation.kind == "broader":
                tree.add_edge(subject, target, relation=relation.iri)
            elif relation.kind == "narrower":
                tree.add_edge(target, subject, relation=relation.iri)
    return tree


def broader_cycles(context: CheckContext) -> list[Finding]:
    """Each hierarchy loop once, naming every link of it with the file and line that states it."""
    findings = []
    tree = hierarchy(context.data, context.vocabulary)
    for component in nx.strongly_connected_components(tree):
        members = sorted(component, key=str)
        if len(members) == 1 and not tree.has_edge(members[0], members[0]):
            continue
        cycle = nx.find_cycle(tree.subgraph(members), members[0])
        links = []
        for child, parent in cycle:
            relation = tree.edges[child, parent]["relation"]
            stated = (child, relation, parent)
            if stated not in context.data:  # a narrower-like link, written parent -> child
                stated = (parent, relation, child)
            position = context.at_statement(*stated)
            where = f"{position.file}:{position.line}" if position and position.line else (
                position.file if position else "?")
            links.append((position, f"{context.name(stated[0])} {context.name(relation)} {context.name(stated[2])} "
                                    f"({where})"))
        first = next((p for p, _ in links if p is not None), context.at_subject(members[0]))
        findings.append(context.finding(
            "broader-cycle", first, f"hierarchy loops back on itself through {len(links)} link(s): "
            + ", ".join(text for _, text in links), subject=context.name(cycle[0][0]),
            hint="remove one of these broader/narrower links"))
    return findings


def undeclared_targets(context: CheckContext) -> list[Finding]:
    """Relations whose subject is a concept but whose other end is declared nowhere."""
    vocabulary = context.vocabulary
    concepts = vocabulary.concept_categories
    findings = []
    for relation in vocabulary.relation_types.values():
        for subject, target in context.data.subject_objects(relation.iri):
            if not isinstance(subject, URIRef) or subject not in concepts or target in concepts:
                continue
            statement = f"{context.name(subject)} {context.name(relation.iri)} {context.name(target)}"
            if target in vocabulary.retired:
                findings.append(context.finding(
                    "deprecated-target", context.at_statement(subject, relation.iri, target),
                    f"{statement}: {context.name(target)} is deprecated, so the link is not drawn",
                    subject=context.name(subject), hint="point the link at the concept that replaces it"))
            elif not isinstance(target, URIRef):
                findings.append(context.finding(
                    "relation-to-literal", context.at_statement(subject, relation.iri, target),
                    f'{context.name(subject)} {context.name(relation.iri)} "{target}": the relation points to a '
                    "literal, not a concept", subject=context.name(subject),
                    hint=f"use a concept IRI (did you mean {context.name(guess)}?)" if (
                        guess := closest(str(target), concepts, context.data)) else "use a concept IRI"))
            else:
                guess = closest(str(target), concepts, context.data)
                findings.append(context.finding(
                    "undeclared-concept", context.at_statement(subject, relation.iri, target),
                    f"{statement}: {context.name(target)} is not a declared concept", subject=context.name(subject),
                    hint=f"did you mean {context.name(guess)}?" if guess
                    else "declare it as a skos:Concept, or fix the name"))
    return findings


def orphans(context: CheckContext) -> list[Finding]:
    """Concepts that no relation reaches or leaves: they float alone on the map."""
    concepts = context.vocabulary.concept_categories
    connected: set[Node] = set()
    for relation in context.vocabulary.relation_types.values():
        for subject, target in context.data.subject_objects(relation.iri):
            if subject in concepts and target in concepts and subject != target:
                connected.update((subject, target))
    return [context.about("orphan-concept", concept, "has no relation to any other concept",
                          hint="relate it to at least one concept (skos:broader, skos:related or a sub-property)")
            for concept in sorted(concepts, key=str) if concept not in connected]


def related_and_broader(context: CheckContext) -> list[Finding]:
    """SKOS S27 for every relation type: a pair linked both hierarchically and associatively.

    The shapes catch the plain ``skos:related`` + ``skos:broader`` case on one
    subject; this also covers sub-properties, narrower-like links and either
    direction, and leaves the plain case to the shapes to avoid a double report.
    """
    concepts = context.vocabulary.concept_categories
    # the statements linking each pair, by family; only pairs in both are sorted (a thesaurus has 20k pairs)
    related: defaultdict[frozenset, set[tuple]] = defaultdict(set)
    hierarchical: defaultdict[frozenset, set[tuple]] = defaultdict(set)
    for relation in context.vocabulary.relation_types.values():
        family = related if relation.kind == "related" else hierarchical
        for subject, target in context.data.subject_objects(relation.iri):
            if subject in concepts and target in concepts and subject != target:
                family[frozenset((subject, target))].add((subject, relation.iri, target))
    findings = []
    for pair in sorted(related.keys() & hierarchical.keys(), key=lambda pair: sorted(map(str, pair))):
        plain = any(p == SKOS.related and (s, SKOS.broader, t) in hierarchical[pair] for s, p, t in related[pair])
        if plain:
            continue
        subject, predicate, target = sorted(related[pair], key=lambda t: tuple(map(str, t)))[0]
        other = sorted(hierarchical[pair], key=lambda t: tuple(map(str, t)))[0]
        message = (f"{context.name(subject)} {context.name(predicate)} {context.name(target)}, but also "
                   f"{context.name(other[0])} {context.name(other[1])} {context.name(other[2])}: a pair is "
                   "either hierarchical or associative, not both")
        findings.append(context.finding("related-and-broader", context.at_statement(subject, predicate, target),
                                        message, subject=context.name(subject), hint="keep one of the two relations"))
    return findings
