"""The concept graph (networkx) and what it answers: how two concepts connect, how big the ontology is."""

from kamgraph.graph.concepts import CONCEPT_FIELDS, ConceptGraph, Section, build_concept_graph, from_ontology

__all__ = ["CONCEPT_FIELDS", "ConceptGraph", "Section", "build_concept_graph", "from_ontology"]
