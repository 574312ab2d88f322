"""The concept graph (kamgraph/graph/concepts.py): nodes, categories and relation types come from the ontology."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from helpers import SMALL
from kamgraph.graph import build_concept_graph, from_ontology
from kamgraph.sources.files import load_ontology


@pytest.fixture(scope="module")
def small():
    return from_ontology(load_ontology(SMALL))


def test_nodes_are_the_concepts(small):
    assert sorted(small.graph.nodes) == ["ex:Apple", "ex:AppleTree", "ex:Pear", "ex:Plain"]
    assert isinstance(small.graph, nx.MultiDiGraph)


def test_category_is_read_from_the_ontology(small):
    categories = dict(small.graph.nodes(data="category"))
    assert categories == {"ex:Apple": "exo:Fruit", "ex:Pear": "exo:Fruit", "ex:AppleTree": "exo:Tree",
                          "ex:Plain": "skos:Concept"}
    fruit = next(c for c in small.vocabulary.categories.values() if str(c.iri).endswith("Fruit"))
    assert (fruit.labels["en"], fruit.colour, fruit.order) == ("Fruit", "#ffaa00", 2)


def test_custom_relation_keeps_both_readings(small):
    edge = small.graph.get_edge_data("ex:Apple", "ex:AppleTree")
    assert list(edge) == ["exo:growsOn"]
    relation = next(r for r in small.vocabulary.relation_types.values() if str(r.iri).endswith("growsOn"))
    assert relation.kind == "related"
    assert relation.labels["en"] == "grows on" and relation.inverse_labels["en"] == "bears"
    attributes = edge["exo:growsOn"]
    assert attributes["reading"]["nl"] == "groeit aan" and attributes["inverse_reading"]["nl"] == "draagt"


def test_mirrored_statements_are_drawn_once(small):
    # Apple related Pear and Pear related Apple: one edge; Plain narrower Apple mirrors Apple broader Plain.
    related = [(u, v) for u, v, k in small.graph.edges(keys=True) if k == "skos:related"]
    assert len(related) == 1
    assert small.graph.has_edge("ex:Apple", "ex:Plain", key="skos:broader")
    assert not small.graph.has_edge("ex:Plain", "ex:Apple")


def test_labels_sections_and_languages(small):
    apple = small.graph.nodes["ex:Apple"]
    assert apple["labels"] == {"nl": "Appel", "en": "Apple"}
    assert apple["definitions"] == {"nl": "Een vrucht."}
    assert apple["section"] == "ex:Part2"
    assert [s.id for s in small.sections] == ["ex:Part1", "ex:Part2"]
    assert small.languages == ["nl", "en"]
    assert small.title == {"nl": "Boomgaard", "en": "Orchard"}


def test_any_skos_vocabulary_gets_a_default_category():
    data = Graph().parse(data="""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <http://x.org/a> a skos:Concept ; skos:prefLabel "a"@de ; skos:broader <http://x.org/b> .
        <http://x.org/b> a skos:Concept ; skos:prefLabel "b"@de .
    """, format="turtle")
    concepts = build_concept_graph(data, {})
    assert set(dict(concepts.graph.nodes(data="category")).values()) == {"skos:Concept"}
    assert concepts.graph.number_of_edges() == 1
    assert concepts.languages == ["de"]


def test_building_does_not_change_the_rdf_graph():
    data = load_ontology(SMALL).union()
    before = Graph()
    before += data
    build_concept_graph(data, {})
    assert isomorphic(before, data)
