"""What counts as a concept, a category and a relation type, read from the ontology itself.

This is the one place that decides what becomes a node: an author adds a
category (a class under ``skos:Concept``) or a relation type (a property under
``skos:broader``, ``skos:narrower`` or ``skos:related``) in Turtle, and it
shows up without touching Python. Readings missing from the ontology fall back
to ``vocab/skos-readings.ttl``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rdflib import Graph, Literal, URIRef

from kamgraph.namespaces import KAMO, OWL, RDF, RDFS, SKOS

RELATION_ROOTS = {SKOS.broader: "broader", SKOS.narrower: "narrower", SKOS.related: "related"}
DEFAULT_CATEGORY = SKOS.Concept
# A category's kamo:colour ends up in the page's styles and on vis-network's canvas, so only
# plain hex colours are taken from the ontology; anything else ("red;background:url(...)")
# is reported by validation and replaced by a palette colour in the map.
PLAIN_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def plain_colour(value: str | None) -> str | None:
    """``value`` when it is a plain hex colour (#rgb, #rgba, #rrggbb, #rrggbbaa), otherwise None."""
    return value if value is not None and PLAIN_COLOUR.fullmatch(value) else None


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


@dataclass
class Vocabulary:
    categories: dict[URIRef, Category]
    relation_types: dict[URIRef, RelationType]
    concept_categories: dict[URIRef, URIRef] = field(default_factory=dict)

    @property
    def concepts(self) -> list[URIRef]:
        return sorted(self.concept_categories)


@lru_cache(maxsize=1)
def _defaults() -> Graph:
    graph = Graph()
    text = resources.files("kamgraph.vocab").joinpath("skos-readings.ttl").read_bytes()
    graph.parse(data=text, format="ox-turtle")
    return graph


def by_language(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    """Literal values by language tag (``""`` for untagged), the first in sort order winning."""
    values: dict[str, str] = {}
    for value in sorted(graph.objects(subject, predicate), key=str):
        if isinstance(value, Literal):
            values.setdefault(value.language or "", str(value))
    return values


def _with_defaults(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    values = by_language(_defaults(), subject, predicate)
    values.update(by_language(graph, subject, predicate))
    return values


def _descendants(graph: Graph, predicate: URIRef, root: URIRef) -> set[URIRef]:
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


def _first_int(graph: Graph, subject: URIRef, predicate: URIRef) -> int | None:
    for value in graph.objects(subject, predicate):
        if isinstance(value, Literal) and isinstance(value.toPython(), int):
            return value.toPython()
    return None


def read_vocabulary(graph: Graph) -> Vocabulary:
    """Categories, relation types and each concept's category, as the ontology declares them."""
    category_iris = _descendants(graph, RDFS.subClassOf, SKOS.Concept)
    categories = {iri: _category(graph, iri) for iri in sorted(category_iris)}

    relation_types: dict[URIRef, RelationType] = {}
    for root, kind in RELATION_ROOTS.items():
        for iri in [root, *sorted(_descendants(graph, RDFS.subPropertyOf, root))]:
            relation_types.setdefault(iri, _relation_type(graph, iri, kind))

    concept_categories: dict[URIRef, URIRef] = {}
    for subject in set(graph.subjects(RDF.type, SKOS.Concept)) | {
        s for c in category_iris for s in graph.subjects(RDF.type, c)
    }:
        if not isinstance(subject, URIRef):
            continue
        own = [c for c in graph.objects(subject, RDF.type) if c in categories]
        concept_categories[subject] = _most_specific(graph, own, categories) if own else DEFAULT_CATEGORY
    if DEFAULT_CATEGORY in concept_categories.values():
        categories[DEFAULT_CATEGORY] = _category(graph, DEFAULT_CATEGORY)
    return Vocabulary(categories=categories, relation_types=relation_types, concept_categories=concept_categories)


def _most_specific(graph: Graph, candidates: list[URIRef], categories: dict[URIRef, Category]) -> URIRef:
    """Of several categories, one that no other candidate specialises; ties by legend order, then IRI."""
    specific = [c for c in candidates
                if not any(o in _descendants(graph, RDFS.subClassOf, c) for o in candidates if o != c)]
    pool = specific or candidates
    unordered = 1 << 30
    return min(pool, key=lambda c: (unordered if categories[c].order is None else categories[c].order, str(c)))


def _category(graph: Graph, iri: URIRef) -> Category:
    labels = _with_defaults(graph, iri, RDFS.label) or by_language(graph, iri, SKOS.prefLabel)
    colour = next((str(v) for v in graph.objects(iri, KAMO.colour)), None)
    return Category(
        iri=iri,
        labels=labels,
        definitions=by_language(graph, iri, SKOS.definition) or by_language(graph, iri, RDFS.comment),
        colour=colour,
        order=_first_int(graph, iri, KAMO.displayOrder),
    )


def _relation_type(graph: Graph, iri: URIRef, kind: str) -> RelationType:
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
    )
