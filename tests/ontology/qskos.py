"""A SKOS quality pass in the spirit of qSKOS (Mader, Haslhofer & Isaac, 2012), over an rdflib graph.

Each function returns the problems it finds as readable strings (empty: none), so a test can print them.
Semantic relations are read with their sub-properties (what RDFS entailment gives a SKOS tool), as the
SKOS reference intends; the ontology writes each link once, from one end, so "missing inverses" asks
whether every link can be read back from the other end, not whether the mirror triple is asserted.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kamgraph.namespaces import KAMO

SEMANTIC_ROOTS = (SKOS.broader, SKOS.narrower, SKOS.related)
LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)


def concepts(graph: Graph) -> set[URIRef]:
    """Everything typed skos:Concept or typed by a class under skos:Concept."""
    classes = {SKOS.Concept, *graph.transitive_subjects(RDFS.subClassOf, SKOS.Concept)}
    return {s for c in classes for s in graph.subjects(RDF.type, c) if isinstance(s, URIRef)}


def relation_properties(graph: Graph) -> set[URIRef]:
    """skos:broader, skos:narrower, skos:related and every sub-property of them."""
    found: set[URIRef] = set()
    for root in SEMANTIC_ROOTS:
        found.update(p for p in graph.transitive_subjects(RDFS.subPropertyOf, root) if isinstance(p, URIRef))
    return found


def links(graph: Graph) -> list[tuple[URIRef, URIRef, URIRef]]:
    """Every asserted concept-to-concept link (subject, property, object)."""
    members = concepts(graph)
    return sorted((s, p, o) for p in relation_properties(graph) for s, o in graph.subject_objects(p)
                  if s in members and o in members)


def overlapping_labels(graph: Graph) -> list[str]:
    """qSKOS 'Overlapping Labels': two concepts sharing a label (any of pref/alt/hidden) in one language."""
    owners: dict[tuple[str, str], set[URIRef]] = defaultdict(set)
    for concept in concepts(graph):
        for prop in LABELS:
            for label in graph.objects(concept, prop):
                if isinstance(label, Literal):
                    owners[(label.language or "", " ".join(str(label).split()).casefold())].add(concept)
    return [f'"{text}"@{language} labels {", ".join(sorted(map(str, holders)))}'
            for (language, text), holders in sorted(owners.items()) if len(holders) > 1]


def undocumented(graph: Graph, languages: tuple[str, ...], properties: tuple[URIRef, ...]) -> list[str]:
    """qSKOS 'Undocumented Concepts', per language: no documentation text in one of ``languages``."""
    problems = []
    for concept in sorted(concepts(graph)):
        present = {value.language for prop in properties for value in graph.objects(concept, prop)
                   if isinstance(value, Literal) and str(value).strip()}
        problems.extend(f"{concept} has no documentation @{language}"
                        for language in languages if language not in present)
    return problems


def incomplete_language_coverage(graph: Graph, languages: tuple[str, ...]) -> list[str]:
    """qSKOS 'Incomplete Language Coverage': a concept without a prefLabel in one of ``languages``."""
    return [f"{concept} has no prefLabel @{language}" for concept in sorted(concepts(graph))
            for language in languages
            if language not in {label.language for label in graph.objects(concept, SKOS.prefLabel)}]


def orphans(graph: Graph) -> list[str]:
    """qSKOS 'Orphan Concepts': a concept with no semantic relation in either direction."""
    linked = {end for s, _, o in links(graph) for end in (s, o)}
    return [f"{concept} has no semantic relation" for concept in sorted(concepts(graph) - linked)]


def disconnected_clusters(graph: Graph) -> list[str]:
    """qSKOS 'Disconnected Concept Clusters': the concepts fall apart into more than one component."""
    web: nx.Graph = nx.Graph()
    web.add_nodes_from(concepts(graph))
    web.add_edges_from((s, o) for s, _, o in links(graph))
    clusters = sorted((sorted(map(str, c)) for c in nx.connected_components(web)), key=len, reverse=True)
    return [f"cluster apart from the main one: {', '.join(c)}" for c in clusters[1:]]


def missing_inverses(graph: Graph, languages: tuple[str, ...]) -> list[str]:
    """qSKOS 'Missing Inverse Statements', read as: every link can be read from its object's side.

    A used relation property needs an inverse reading (kamo:inverseLabel) in each language; declared
    inverses (owl:inverseOf) must be declared both ways with mirrored readings; and no link may be
    asserted twice, once from each end (its provenance axiom would then be split over two triples).
    """
    problems = []
    used = {p for _, p, _ in links(graph)}
    for prop in sorted(used):
        have = {value.language for value in graph.objects(prop, KAMO.inverseLabel) if isinstance(value, Literal)}
        problems.extend(f"{prop} has no inverse reading @{language}" for language in languages if language not in have)
    for prop, inverse in graph.subject_objects(OWL.inverseOf):
        if (inverse, OWL.inverseOf, prop) not in graph:
            problems.append(f"{prop} owl:inverseOf {inverse}, but not the other way round")
        for language in languages:
            forward = {str(v) for v in graph.objects(prop, RDFS.label) if v.language == language}
            backward = {str(v) for v in graph.objects(inverse, KAMO.inverseLabel) if v.language == language}
            if forward != backward:
                problems.append(f"{prop} reads {forward} @{language}, but {inverse} reads back {backward}")
    mirrors = {SKOS.broader: SKOS.narrower, SKOS.narrower: SKOS.broader}
    mirrors.update({p: i for p, i in graph.subject_objects(OWL.inverseOf)})
    symmetric = {SKOS.related, *graph.subjects(RDF.type, OWL.SymmetricProperty)}
    stated = set(links(graph))
    reported: set[frozenset] = set()
    for s, p, o in sorted(stated):
        generic = {root for root in SEMANTIC_ROOTS if (p, RDFS.subPropertyOf, root) in graph} | {p}
        backwards = {mirrors[p]} if p in mirrors else set()
        if p in symmetric:
            backwards.add(p)
        if SKOS.related in generic:
            backwards.add(SKOS.related)
        if SKOS.broader in generic:
            backwards.add(SKOS.narrower)
        if SKOS.narrower in generic:
            backwards.add(SKOS.broader)
        twice = sorted(b for b in backwards if (o, b, s) in stated)
        if twice and frozenset((s, o)) not in reported:
            reported.add(frozenset((s, o)))
            problems.append(f"{s} {p} {o} is also asserted from the other end ({twice[0]})")
    return problems
