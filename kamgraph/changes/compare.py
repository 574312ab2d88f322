"""Compare two loaded ontologies: concepts, relations, categories and relation types, and every statement.

Concepts are matched by IRI, so a renamed label is a change of that concept,
and a concept whose IRI changed is one removed and one added. A concept's
fields are those of the concept record (:data:`kamgraph.graph.CONCEPT_FIELDS`,
what the map shows), per language where they are texts; its other statements
are compared per predicate. Both versions are named with the same prefixes
(the new version's first), so a changed prefix declaration alone changes no id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from kamgraph.graph import ConceptGraph, build_concept_graph
from kamgraph.namespaces import DCTERMS, KAMO, RDF, SKOS
from kamgraph.sources.canonical import stable_blank_nodes
from kamgraph.sources.ontology import Ontology
from kamgraph.vocabulary import pick_label

# The concept record's fields that are its own data (the rest is derived: its IRI, or its source's labels).
COMPARED_FIELDS = ("labels", "alt_labels", "definitions", "scope_notes", "standard_definitions", "editorial_notes",
                   "category", "section", "origin", "source_status", "source_lines", "first_line", "source")
# The predicates behind those fields: compared through the record, not again as "other statements".
_RECORD_PREDICATES = {SKOS.prefLabel, SKOS.altLabel, SKOS.definition, SKOS.scopeNote, KAMO.standardDefinition,
                      SKOS.editorialNote, RDF.type, KAMO.origin, KAMO.sourceStatus, KAMO.sourceLines,
                      KAMO.firstLine, DCTERMS.source, SKOS.inScheme}


@dataclass(frozen=True)
class FieldChange:
    """One field of a concept: ``labels@en``, ``category``, or another predicate (``kamo:note``)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ConceptChange:
    """A concept added, removed or changed; ``labels`` are the version's that has it (the new one if both)."""

    id: str
    iri: str
    labels: dict[str, str]
    category: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class RelationChange:
    """A relation added or removed, with its sentence per language (``Key account – is the subject of – …``)."""

    source: str
    relation: str
    target: str
    sentences: dict[str, str]


@dataclass(frozen=True)
class TermChange:
    """A category or relation type added or removed."""

    id: str
    labels: dict[str, str]


@dataclass
class Changes:
    """Everything that differs between two versions; empty lists and zero counts when they mean the same."""

    old: str
    new: str
    languages: list[str]
    concepts_added: list[ConceptChange] = field(default_factory=list)
    concepts_removed: list[ConceptChange] = field(default_factory=list)
    concepts_changed: list[ConceptChange] = field(default_factory=list)
    relations_added: list[RelationChange] = field(default_factory=list)
    relations_removed: list[RelationChange] = field(default_factory=list)
    categories_added: list[TermChange] = field(default_factory=list)
    categories_removed: list[TermChange] = field(default_factory=list)
    relation_types_added: list[TermChange] = field(default_factory=list)
    relation_types_removed: list[TermChange] = field(default_factory=list)
    statements_added: int = 0
    statements_removed: int = 0

    @property
    def equal(self) -> bool:
        """Whether the two versions hold the same statements (blank nodes matched by what they say)."""
        return self.statements_added == 0 and self.statements_removed == 0


def statements(ontology: Ontology) -> set[tuple[Node, Node, Node]]:
    """Every statement of every file (shapes included), blank nodes named by content."""
    return set(stable_blank_nodes(t for source in ontology.files for t in source.triples))


def compare(old: Ontology, new: Ontology, *, old_name: str = "old", new_name: str = "new") -> Changes:
    """What ``new`` adds to, removes from and changes in ``old``."""
    prefixes = {**old.prefixes(), **new.prefixes()}
    before = build_concept_graph(old.index(), prefixes)
    after = build_concept_graph(new.index(), prefixes)
    languages = after.languages
    changes = Changes(old=old_name, new=new_name, languages=languages)
    old_statements, new_statements = statements(old), statements(new)
    changes.statements_added = len(new_statements - old_statements)
    changes.statements_removed = len(old_statements - new_statements)

    old_nodes, new_nodes = set(before.graph.nodes), set(after.graph.nodes)
    changes.concepts_added = [_concept(after, node) for node in sorted(new_nodes - old_nodes)]
    changes.concepts_removed = [_concept(before, node) for node in sorted(old_nodes - new_nodes)]
    old_graph, new_graph = _as_graph(old_statements), _as_graph(new_statements)
    for node in sorted(old_nodes & new_nodes):
        fields = _field_changes(before.graph.nodes[node], after.graph.nodes[node])
        iri = URIRef(after.graph.nodes[node]["iri"])
        fields += _other_statement_changes(old_graph, new_graph, iri, after, before)
        if fields:
            changes.concepts_changed.append(_concept(after, node, fields))

    old_edges, new_edges = _edges(before), _edges(after)
    changes.relations_added = [_relation(after, edge) for edge in sorted(new_edges - old_edges)]
    changes.relations_removed = [_relation(before, edge) for edge in sorted(old_edges - new_edges)]

    old_categories = {before.node_id(iri): c.labels for iri, c in before.vocabulary.categories.items()}
    new_categories = {after.node_id(iri): c.labels for iri, c in after.vocabulary.categories.items()}
    changes.categories_added, changes.categories_removed = _terms(old_categories, new_categories)
    old_types = {before.node_id(iri): r.labels for iri, r in before.vocabulary.relation_types.items()}
    new_types = {after.node_id(iri): r.labels for iri, r in after.vocabulary.relation_types.items()}
    changes.relation_types_added, changes.relation_types_removed = _terms(old_types, new_types)
    return changes


def _concept(concepts: ConceptGraph, node: str, fields: list[FieldChange] | None = None) -> ConceptChange:
    attrs = concepts.graph.nodes[node]
    return ConceptChange(id=node, iri=attrs["iri"], labels=dict(attrs["labels"]), category=attrs["category"],
                         fields=fields or [])


def _field_changes(old: dict, new: dict) -> list[FieldChange]:
    """The record's fields that differ; texts per language (``definitions@en``), lists as sorted lists."""
    found = []
    for name in COMPARED_FIELDS:
        before, after = old.get(name), new.get(name)
        if isinstance(before, dict) or isinstance(after, dict):
            before, after = before or {}, after or {}
            for language in sorted(set(before) | set(after)):
                if before.get(language) != after.get(language):
                    found.append(FieldChange(f"{name}@{language}" if language else name,
                                             before.get(language), after.get(language)))
        elif before != after:
            found.append(FieldChange(name, before, after))
    return found


def _as_graph(triples: set[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def _other_statement_changes(old: Graph, new: Graph, iri: URIRef, after: ConceptGraph,
                             before: ConceptGraph) -> list[FieldChange]:
    """Statements about the concept outside its record and its relations, per predicate (values in Turtle)."""
    relation_predicates = set(before.vocabulary.relation_types) | set(after.vocabulary.relation_types)
    skip = _RECORD_PREDICATES | relation_predicates
    predicates = {p for p in (*old.predicates(iri, None), *new.predicates(iri, None)) if p not in skip}
    found = []
    for predicate in sorted(predicates, key=str):
        was = sorted(_shown(o, after) for o in old.objects(iri, predicate))
        now = sorted(_shown(o, after) for o in new.objects(iri, predicate))
        if was != now:
            found.append(FieldChange(after.node_id(URIRef(str(predicate))), was, now))
    return found


def _shown(term: Node, names: ConceptGraph) -> str:
    if isinstance(term, URIRef):
        return names.node_id(term)
    if isinstance(term, BNode):
        return "[…]"
    return term.n3()


def _edges(concepts: ConceptGraph) -> set[tuple[str, str, str]]:
    return {(source, key, target) for source, target, key in concepts.graph.edges(keys=True)}


def _relation(concepts: ConceptGraph, edge: tuple[str, str, str]) -> RelationChange:
    source, key, target = edge
    graph = concepts.graph
    reading = graph.edges[source, target, key].get("reading") or {}
    sentences = {}
    for language in concepts.languages:
        ordered = [language, *concepts.languages]
        sentences[language] = " – ".join((
            pick_label(graph.nodes[source]["labels"], ordered, graph.nodes[source]["local_name"]),
            pick_label(reading, ordered, key),
            pick_label(graph.nodes[target]["labels"], ordered, graph.nodes[target]["local_name"])))
    return RelationChange(source=source, relation=key, target=target, sentences=sentences)


def _terms(old: dict[str, dict[str, str]], new: dict[str, dict[str, str]]) -> tuple[list[TermChange], list[TermChange]]:
    added = [TermChange(id=name, labels=new[name]) for name in sorted(set(new) - set(old))]
    removed = [TermChange(id=name, labels=old[name]) for name in sorted(set(old) - set(new))]
    return added, removed
