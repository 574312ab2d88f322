"""Counts and coverage: how big the ontology is and where it is thin.

Coverage is measured against the source's sections: a section no concept
belongs to (by ``skos:member`` or ``dcterms:source``) and a concept without a
``dcterms:source`` (or with one declared nowhere) are both places an author still has work to do.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import URIRef

from kamgraph.graph.concepts import ConceptGraph, section_iris
from kamgraph.namespaces import DCTERMS, SKOS
from kamgraph.sources.triples import Triples
from kamgraph.vocabulary import pick_label


@dataclass
class Stats:
    concepts: int
    relations: int
    per_category: list[tuple[str, str, int]]        # (id, label, count)
    per_relation: list[tuple[str, str, int]]
    sections: list[tuple[str, str, int]]            # (id, label, concepts in it)
    empty_sections: list[str]
    without_source: list[str]

    def as_dict(self) -> dict:
        return {
            "concepts": self.concepts, "relations": self.relations,
            "categories": [{"id": i, "label": label, "count": c} for i, label, c in self.per_category],
            "relationTypes": [{"id": i, "label": label, "count": c} for i, label, c in self.per_relation],
            "sections": [{"id": i, "label": label, "concepts": c} for i, label, c in self.sections],
            "sectionsWithoutConcepts": self.empty_sections, "conceptsWithoutSource": self.without_source,
        }


def compute_stats(data: Triples, concepts: ConceptGraph, language: str | None = None) -> Stats:
    graph = concepts.graph
    languages = [language, *concepts.languages] if language else concepts.languages
    by_category = Counter(attrs["category"] for _, attrs in graph.nodes(data=True))
    categories = {concepts.node_id(c.iri): c for c in concepts.vocabulary.categories.values()}
    per_category = [(cid, pick_label(categories[cid].labels, languages, cid) if cid in categories else cid, count)
                    for cid, count in sorted(by_category.items(), key=lambda i: (-i[1], i[0]))]
    by_relation = Counter(key for _, _, key in graph.edges(keys=True))
    relations = {concepts.node_id(r.iri): r for r in concepts.vocabulary.relation_types.values()}
    per_relation = [(rid, pick_label(relations[rid].labels, languages, rid) if rid in relations else rid, count)
                    for rid, count in sorted(by_relation.items(), key=lambda i: (-i[1], i[0]))]
    concept_iris = set(concepts.vocabulary.concept_categories)
    section_ids = {concepts.node_id(iri): iri for iri in section_iris(data)}
    sections = []
    for section in concepts.sections:
        iri = section_ids[section.id]
        members = {m for m in data.objects(iri, SKOS.member) if m in concept_iris}
        members |= {c for c in data.subjects(DCTERMS.source, iri) if c in concept_iris}
        sections.append((section.id, pick_label(section.labels, languages, section.id), len(members)))
    # a source declared nowhere (a misspelt kam:Section_S31) is no source: the concept still needs one
    without_source = sorted(n for n, attrs in graph.nodes(data=True)
                            if not attrs["source"] or (URIRef(attrs["source"]), None, None) not in data)
    return Stats(concepts=graph.number_of_nodes(), relations=graph.number_of_edges(), per_category=per_category,
                 per_relation=per_relation, sections=sections,
                 empty_sections=[sid for sid, _, count in sections if count == 0], without_source=without_source)

