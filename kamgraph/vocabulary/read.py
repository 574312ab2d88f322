"""What counts as a concept, a category and a relation type, read from the ontology itself.

This is the one place that decides what becomes a node: an author adds a
category (a class under ``skos:Concept``) or a relation type (a property under
``skos:broader``, ``skos:narrower`` or ``skos:related``) in Turtle, and it
shows up without touching Python. Readings missing from the ontology fall back
to ``skos-readings.ttl`` beside this module.

Which grouping colours the map: a vocabulary may group its concepts by
category classes (``rdfs:subClassOf skos:Concept``, as the KAM ontology
does), by top concepts (``skos:topConceptOf`` / ``skos:hasTopConcept``, as
thesauri do), or by concept schemes. The finer of the first two wins (more
groups tell the learner more), as long as it stays a readable legend
(at most ``MAX_CATEGORIES`` groups); ties go to the category classes. With
top concepts, a concept belongs to the nearest top concept above it through
broader links (ties by IRI). Without either, several schemes become the
categories; failing all, every concept is a plain ``skos:Concept``.
Concepts marked ``owl:deprecated true`` (retired thesaurus entries) are not concepts of the map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from kamgraph.namespaces import KAMO, OWL, RDF, RDFS, SKOS
from kamgraph.sources.triples import TripleIndex, Triples
from kamgraph.vocabulary.labels import by_language

RELATION_ROOTS = {SKOS.broader: "broader", SKOS.narrower: "narrower", SKOS.related: "related"}
DEFAULT_CATEGORY = SKOS.Concept
# A category's kamo:colour ends up in the page's styles and on vis-network's canvas, so only
# plain hex colours are taken from the ontology; anything else ("red;background:url(...)")
# is reported by validation and replaced by a palette colour in the map.
PLAIN_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def plain_colour(value: str | None) -> str | None:
    """``value`` when it is a plain hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa), otherwise None."""
    return value if value is not None and PLAIN_COLOUR.fullmatch(value) else None


MAX_CATEGORIES = 24


@dataclass(frozen=True)
class Category:
    iri: URIRef
    labels: dict[str, str]
    definitions: dict[str, str]
    colour: str | None
    order: int | None


@dataclass(frozen=True)
class RelationType:
    """A relation property and how to read it from either end."""

    iri: URIRef
    kind: str  # "broader", "narrower" or "related": the SKOS property it refines
    labels: dict[str, str]
    inverse_labels: dict[str, str]
    definitions: dict[str, str]
    symmetric: bool
    sequence: bool = False  # a kamo:SequenceProperty: its subject comes before its object (a timeline)


@dataclass
class Vocabulary:
    categories: dict[URIRef, Category]
    relation_types: dict[URIRef, RelationType]
    concept_categories: dict[URIRef, URIRef] = field(default_factory=dict)
    grouping: str = "classes"  # "classes", "top-concepts", "schemes" or "none"
    retired: set[Node] = field(default_factory=set)  # whatever is marked owl:deprecated (no concept of the map)

    @property
    def concepts(self) -> list[URIRef]:
        """The concepts in IRI order (by their text: rdflib's own ordering is a Python call per comparison)."""
        return sorted(self.concept_categories, key=str)


@lru_cache(maxsize=1)
def _defaults() -> TripleIndex:
    """The readings of skos-readings.ttl, parsed as the ontology's files are (an rdflib parse plugin would
    import rdflib's SPARQL engine, a fifth of a small build)."""
    text = resources.files("kamgraph.vocabulary").joinpath("skos-readings.ttl").read_bytes()
    return TripleIndex.from_oxigraph(ox.parse(text, format=ox.RdfFormat.TURTLE))


def _with_defaults(graph: Triples, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    values = by_language(_defaults(), subject, predicate)
    values.update(by_language(graph, subject, predicate))
    return values


def _descendants(graph: Triples, predicate: URIRef, root: URIRef) -> set[URIRef]:
    """Everything reaching ``root`` through ``predicate`` (e.g. rdfs:subClassOf), transitively."""
    found: set[URIRef] = set()
    frontier = [root]
    while frontier:
        current = frontier.pop()
        for child in graph.subjects(predicate, current):
            if isinstance(child, URIRef) and child not in found and child != root:
                found.add(child)
                frontier.append(child)
    return found


def first_int(graph: Triples, subject: URIRef, predicate: URIRef) -> int | None:
    """The first integer value of ``predicate`` on ``subject`` (line numbers, display order), or None."""
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and isinstance(value.toPython(), int):
            return value.toPython()
    return None


def category_classes(graph: Triples) -> set[URIRef]:
    """Every class declared under skos:Concept (transitively): the categories a new concept may have,
    whether or not a concept has it yet."""
    return _descendants(graph, RDFS.subClassOf, SKOS.Concept)


def read_vocabulary(graph: Triples) -> Vocabulary:
    """Categories, relation types and each concept's category, as the ontology declares them."""
    category_iris = _descendants(graph, RDFS.subClassOf, SKOS.Concept)
    classes = {iri: _category(graph, iri) for iri in sorted(category_iris)}

    relation_types: dict[URIRef, RelationType] = {}
    for root, kind in RELATION_ROOTS.items():
        for iri in [root, *sorted(_descendants(graph, RDFS.subPropertyOf, root))]:
            relation_types.setdefault(iri, _relation_type(graph, iri, kind))

    by_class: dict[URIRef, URIRef] = {}
    retired = {s for s, o in graph.subject_objects(OWL.deprecated) if isinstance(o, Literal) and o.toPython() is True}
    for subject in set(graph.subjects(RDF.type, SKOS.Concept)) | {
        s for c in category_iris for s in graph.subjects(RDF.type, c)
    }:
        if not isinstance(subject, URIRef) or subject in retired:
            continue
        own = [c for c in graph.objects(subject, RDF.type) if isinstance(c, URIRef) and c in classes]
        by_class[subject] = _most_specific(graph, own, classes) if own else DEFAULT_CATEGORY

    class_groups = len(set(by_class.values()) - {DEFAULT_CATEGORY})
    tops = _top_concepts(graph, by_class)
    grouping, concept_categories = "classes", by_class
    if len(tops) > class_groups and len(tops) <= MAX_CATEGORIES:
        grouping, concept_categories = "top-concepts", _under_tops(graph, by_class, tops, relation_types)
    elif not class_groups:
        schemes = _schemes(graph, by_class)
        if 1 < len(set(schemes.values())) <= MAX_CATEGORIES:
            grouping = "schemes"
            concept_categories = {c: schemes.get(c, DEFAULT_CATEGORY) for c in by_class}
        else:
            grouping = "none"
    if grouping == "classes":
        categories = classes
    else:
        categories = {iri: _category(graph, iri) for iri in sorted(set(concept_categories.values()))}
    if DEFAULT_CATEGORY in concept_categories.values():
        categories[DEFAULT_CATEGORY] = _category(graph, DEFAULT_CATEGORY)
    return Vocabulary(categories=categories, relation_types=relation_types,
                      concept_categories=concept_categories, grouping=grouping, retired=retired)


def _top_concepts(graph: Triples, concepts: dict[URIRef, URIRef]) -> list[URIRef]:
    tops = {s for s, _ in graph.subject_objects(SKOS.topConceptOf)}
    tops |= {o for _, o in graph.subject_objects(SKOS.hasTopConcept)}
    return sorted((t for t in tops if isinstance(t, URIRef) and t in concepts), key=str)


def _under_tops(graph: Triples, concepts: dict[URIRef, URIRef], tops: list[URIRef],
                relation_types: dict[URIRef, RelationType]) -> dict[URIRef, URIRef]:
    """Each concept's nearest top concept through broader links: one breadth-first walk down from all tops."""
    children: dict[URIRef, set[URIRef]] = {}
    for relation in relation_types.values():
        if relation.kind not in ("broader", "narrower"):
            continue
        for subject, target in graph.subject_objects(relation.iri):
            child, parent = (subject, target) if relation.kind == "broader" else (target, subject)
            if isinstance(child, URIRef) and isinstance(parent, URIRef) and child in concepts and parent in concepts:
                children.setdefault(parent, set()).add(child)
    found = {top: top for top in tops}
    frontier = list(tops)
    while frontier:
        following = []
        for parent in frontier:
            for child in sorted(children.get(parent, ()), key=str):
                if child not in found:
                    found[child] = found[parent]
                    following.append(child)
        frontier = following
    return {concept: found.get(concept, DEFAULT_CATEGORY) for concept in concepts}


def _schemes(graph: Triples, concepts: dict[URIRef, URIRef]) -> dict[URIRef, URIRef]:
    """The first scheme (by IRI) each concept is in."""
    schemes: dict[URIRef, URIRef] = {}
    for concept, scheme in sorted(graph.subject_objects(SKOS.inScheme), key=lambda pair: (str(pair[0]), str(pair[1]))):
        if isinstance(concept, URIRef) and concept in concepts and isinstance(scheme, URIRef):
            schemes.setdefault(concept, scheme)
    return schemes


def _most_specific(graph: Triples, candidates: list[URIRef], categories: dict[URIRef, Category]) -> URIRef:
    """Of several categories, one that no other candidate specialises; ties by legend order, then IRI."""
    specific = [c for c in candidates
                if not any(o in _descendants(graph, RDFS.subClassOf, c) for o in candidates if o != c)]
    pool = specific or candidates
    unordered = 1 << 30
    return min(pool, key=lambda c: (unordered if categories[c].order is None else categories[c].order, str(c)))


def first_text(graph: Triples, subject: URIRef, predicate: URIRef) -> str | None:
    """The first (in sort order) literal value of ``predicate`` on ``subject``, or None."""
    values = sorted(str(v) for v in graph.objects(subject, predicate) if isinstance(v, Literal))
    return values[0] if values else None


def _category(graph: Triples, iri: URIRef) -> Category:
    labels = _with_defaults(graph, iri, RDFS.label) or by_language(graph, iri, SKOS.prefLabel)
    colour = next((str(v) for v in graph.objects(iri, KAMO.colour)), None)
    return Category(
        iri=iri,
        labels=labels,
        definitions=by_language(graph, iri, SKOS.definition) or by_language(graph, iri, RDFS.comment),
        colour=colour,
        order=first_int(graph, iri, KAMO.displayOrder),
    )


def _relation_type(graph: Triples, iri: URIRef, kind: str) -> RelationType:
    labels = _with_defaults(graph, iri, RDFS.label)
    inverse = _with_defaults(graph, iri, KAMO.inverseLabel)
    symmetric = (iri, RDF.type, OWL.SymmetricProperty) in graph or iri == SKOS.related
    if symmetric and not inverse:
        inverse = dict(labels)
    return RelationType(
        iri=iri,
        kind=kind,
        labels=labels,
        inverse_labels=inverse,
        definitions=_with_defaults(graph, iri, SKOS.definition),
        symmetric=symmetric,
        sequence=(iri, RDF.type, KAMO.SequenceProperty) in graph,
    )
