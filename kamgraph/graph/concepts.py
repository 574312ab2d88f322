"""The concept graph: a networkx MultiDiGraph of concepts and their typed relations.

Nodes are concepts (as decided by :mod:`kamgraph.vocabulary`), keyed by their
compact name (``kam:KeyAccount``), with the attributes of :data:`CONCEPT_FIELDS`;
edges run in the direction the Turtle states them, keyed by relation type, and
carry both readings so every edge can be read as a sentence from either end.
What belongs to the whole graph (title, languages, sections) is in ``G.graph``,
so the bare networkx graph is complete for a notebook or another tool.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kamgraph.names import Namer, local_name
from kamgraph.namespaces import DCTERMS, KAMO, OWL, RDF, RDFS, SKOS
from kamgraph.sources.ontology import Ontology
from kamgraph.sources.triples import Triples
from kamgraph.vocabulary import (
    PREFERRED_LANGUAGES,
    RelationType,
    Vocabulary,
    all_by_language,
    by_language,
    first_int,
    first_text,
    language_of,
    read_vocabulary,
)

# The attributes of every concept node: the concept record, as every view reads it.
# ``explanations`` are editorial (kamo:explanation): the ontology's words, never the source's.
CONCEPT_FIELDS = ("iri", "local_name", "labels", "alt_labels", "definitions", "scope_notes", "standard_definitions",
                  "editorial_notes", "category", "section", "origin", "source_status", "source_lines", "first_line",
                  "source", "source_labels", "citation", "explanations")


@dataclass(frozen=True)
class Section:
    """A part of a source document that concepts belong to (a collection, in SKOS terms)."""

    id: str
    labels: dict[str, str]
    number: int | None
    first_line: int | None
    last_line: int | None
    text: str | None


@dataclass
class ConceptGraph:
    """The networkx graph of concepts with the vocabulary it was drawn from and the names it uses."""

    graph: nx.MultiDiGraph
    vocabulary: Vocabulary
    namer: Namer

    @property
    def languages(self) -> list[str]:
        """The vocabulary's label languages, preferred ones first (``G.graph["languages"]``)."""
        return self.graph.graph["languages"]

    @property
    def title(self) -> dict[str, str]:
        return self.graph.graph["title"]

    @property
    def sections(self) -> list[Section]:
        return self.graph.graph["sections"]

    def node_id(self, iri: URIRef) -> str:
        return self.namer.compact(iri)


def build_concept_graph(graph: Triples, prefixes: dict[str, str], vocabulary: Vocabulary | None = None) -> ConceptGraph:
    """Turn an RDF graph into a :class:`ConceptGraph`; the RDF graph is not modified.

    Pass the ``vocabulary`` already read (by the checks) to avoid reading it again.
    """
    namer = Namer(prefixes)
    vocabulary = vocabulary or read_vocabulary(graph)
    sections, membership = _sections(graph, namer)
    statuses = _relation_annotations(graph)

    concepts: nx.MultiDiGraph = nx.MultiDiGraph(title=_title(graph), languages=_languages(graph, vocabulary),
                                                sections=sections)
    for iri in vocabulary.concepts:
        concepts.add_node(namer.compact(iri), **_concept_attributes(graph, iri, vocabulary, namer, membership))

    drawn = vocabulary.concept_categories
    broader = [iri for iri, relation in vocabulary.relation_types.items() if relation.kind == "broader"]
    for relation in vocabulary.relation_types.values():
        key = namer.compact(relation.iri)
        for subject, target in graph.subject_objects(relation.iri):
            if subject not in drawn or target not in drawn:
                continue  # dangling ends are reported by validation, not drawn
            if subject == target or _is_mirror(graph, relation, broader, subject, target):
                continue
            annotation = statuses.get((subject, relation.iri, target), {})
            concepts.add_edge(
                namer.compact(subject), namer.compact(target), key=key, relation=key,
                reading=relation.labels, inverse_reading=relation.inverse_labels,
                status=annotation.get("status"), evidence=annotation.get("evidence", {}),
                lines=annotation.get("lines"),
            )

    return ConceptGraph(graph=concepts, vocabulary=vocabulary, namer=namer)


def from_ontology(ontology: Ontology, vocabulary: Vocabulary | None = None) -> ConceptGraph:
    """The concept graph of a loaded ontology (from files or a store)."""
    return build_concept_graph(ontology.index(), ontology.prefixes(), vocabulary)


def _is_mirror(graph: Triples, relation: RelationType, broader: list[URIRef], subject: Node, target: Node) -> bool:
    """Whether this triple only restates another one from the other end (narrower vs broader, symmetric pairs).

    ``broader`` are the vocabulary's broader-like relation types.
    """
    if relation.symmetric:
        return (target, relation.iri, subject) in graph and str(subject) > str(target)
    if relation.iri == _NARROWER:
        return any((target, p, subject) in graph for p in broader)
    return False


# The predicates a concept's fields are read from, looked up once: an rdflib namespace makes a new
# term on every attribute access, which was a tenth of building a thesaurus's concept graph.
_NARROWER = SKOS.narrower
_SOURCE, _CITATION = DCTERMS.source, DCTERMS.bibliographicCitation
_PREF_LABEL, _ALT_LABEL, _RDFS_LABEL = SKOS.prefLabel, SKOS.altLabel, RDFS.label
_DEFINITION, _SCOPE_NOTE, _EDITORIAL_NOTE = SKOS.definition, SKOS.scopeNote, SKOS.editorialNote
_STANDARD_DEFINITION, _EXPLANATION = KAMO.standardDefinition, KAMO.explanation
_ORIGIN, _SOURCE_STATUS, _SOURCE_LINES, _FIRST_LINE = KAMO.origin, KAMO.sourceStatus, KAMO.sourceLines, KAMO.firstLine


def _concept_attributes(graph: Triples, iri: URIRef, vocabulary: Vocabulary, namer: Namer,
                        membership: dict[URIRef, str]) -> dict:
    source = min(graph.objects(iri, _SOURCE), key=str, default=None)
    source_labels = {}
    if isinstance(source, URIRef):
        source_labels = (by_language(graph, source, _PREF_LABEL) or by_language(graph, source, _RDFS_LABEL)
                         or by_language(graph, source, _CITATION))
    return {
        "iri": str(iri),
        "local_name": local_name(iri),
        "labels": by_language(graph, iri, _PREF_LABEL),
        "alt_labels": all_by_language(graph, iri, _ALT_LABEL),
        "definitions": by_language(graph, iri, _DEFINITION),
        "scope_notes": all_by_language(graph, iri, _SCOPE_NOTE),
        "standard_definitions": by_language(graph, iri, _STANDARD_DEFINITION),
        "editorial_notes": all_by_language(graph, iri, _EDITORIAL_NOTE),
        "category": namer.compact(vocabulary.concept_categories[iri]),
        "section": membership.get(iri),
        "origin": first_text(graph, iri, _ORIGIN),
        "source_status": first_text(graph, iri, _SOURCE_STATUS),
        "source_lines": first_text(graph, iri, _SOURCE_LINES),
        "first_line": first_int(graph, iri, _FIRST_LINE),
        "source": str(source) if isinstance(source, URIRef) else None,
        "source_labels": source_labels,
        "citation": first_text(graph, source, _CITATION) if isinstance(source, URIRef) else None,
        "explanations": by_language(graph, iri, _EXPLANATION),
    }


def section_iris(graph: Triples) -> set[URIRef]:
    """The sections of the source: SKOS collections, or anything with members."""
    found = set(graph.subjects(RDF.type, SKOS.Collection)) | set(graph.subjects(SKOS.member, None))
    return {iri for iri in found if isinstance(iri, URIRef)}


def _sections(graph: Triples, namer: Namer) -> tuple[list[Section], dict[URIRef, str]]:
    """Source sections (collections), ordered by number, and the first section each concept is in."""
    found: list[tuple[Section, URIRef]] = []
    for iri in section_iris(graph):
        found.append((Section(
            id=namer.compact(iri),
            labels=by_language(graph, iri, SKOS.prefLabel) or by_language(graph, iri, RDFS.label),
            number=first_int(graph, iri, KAMO.sectionNumber),
            first_line=first_int(graph, iri, KAMO.firstLine),
            last_line=first_int(graph, iri, KAMO.lastLine),
            text=first_text(graph, iri, KAMO.sourceText),
        ), iri))
    found.sort(key=lambda item: (item[0].number is None, item[0].number or 0, item[0].id))
    membership: dict[URIRef, str] = {}
    for section, iri in found:
        for member in sorted(graph.objects(iri, SKOS.member), key=str):
            if isinstance(member, URIRef):
                membership.setdefault(member, section.id)
    return [section for section, _ in found], membership


def _relation_annotations(graph: Triples) -> dict[tuple, dict]:
    """Status and evidence of relations, from OWL axiom annotations (``owl:Axiom``)."""
    found: dict[tuple, dict] = {}
    for axiom in graph.subjects(RDF.type, OWL.Axiom):
        if not isinstance(axiom, (BNode, URIRef)):
            continue
        triple = (graph.value(axiom, OWL.annotatedSource), graph.value(axiom, OWL.annotatedProperty),
                  graph.value(axiom, OWL.annotatedTarget))
        if None in triple:
            continue
        status = graph.value(axiom, KAMO.relationStatus)
        found[triple] = {
            "status": local_name(status) if status is not None else None,
            "evidence": by_language(graph, axiom, KAMO.evidence),
            "lines": str(lines) if (lines := graph.value(axiom, KAMO.sourceLines)) is not None else None,
        }
    return found


def _languages(graph: Triples, vocabulary: Vocabulary) -> list[str]:
    seen = {
        language_of(value)
        for iri in vocabulary.concept_categories
        for value in graph.objects(iri, SKOS.prefLabel)
        if isinstance(value, Literal) and value.language
    }
    preferred = [lang for lang in PREFERRED_LANGUAGES if lang in seen]
    return preferred + sorted(seen - set(preferred)) or list(PREFERRED_LANGUAGES[:2])


def _title(graph: Triples) -> dict[str, str]:
    for scheme in sorted(graph.subjects(RDF.type, SKOS.ConceptScheme), key=str):
        title = by_language(graph, scheme, DCTERMS.title) or by_language(graph, scheme, SKOS.prefLabel)
        if title:
            return title
    for ontology in sorted(graph.subjects(RDF.type, OWL.Ontology), key=str):
        title = by_language(graph, ontology, DCTERMS.title)
        if title:
            return title
    return {}
