"""Paths between concepts (kamgraph/graph/paths.py): names resolved, relations read from the end walked from."""

from __future__ import annotations

import pytest
from rdflib import Graph

from helpers import SMALL
from kamgraph.graph import build_concept_graph, from_ontology
from kamgraph.graph.paths import Step, UnknownConcept, resolve, shortest_connection
from kamgraph.sources.files import load_ontology


@pytest.fixture(scope="module")
def small():
    return from_ontology(load_ontology(SMALL))


@pytest.mark.parametrize("name", ["ex:AppleTree", "AppleTree", "Apple tree", "appelboom", "  APPLE   tree "])
def test_a_concept_is_found_by_id_local_name_or_any_label(small, name):
    assert resolve(small, name) == "ex:AppleTree"


def test_an_unknown_name_suggests_the_closest(small):
    with pytest.raises(UnknownConcept) as caught:
        resolve(small, "Appletre")
    assert "did you mean" in str(caught.value) and "(ex:AppleTree)" in str(caught.value)


def test_each_step_is_read_from_the_end_it_is_walked_from(small):
    assert shortest_connection(small, "ex:Apple", "ex:AppleTree", "en") == [Step("Apple", "grows on", "Apple tree")]
    assert shortest_connection(small, "ex:AppleTree", "ex:Apple", "nl") == [Step("Appelboom", "draagt", "Appel")]
    steps = shortest_connection(small, "ex:AppleTree", "ex:Plain", "en")
    assert [(s.source, s.target) for s in steps] == [("Apple tree", "Apple"), ("Apple", "Loose")]
    assert shortest_connection(small, "ex:Pear", "ex:Pear", "en") == []


def test_concepts_without_a_connection_have_no_path():
    data = Graph().parse(data="""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <http://x.org/a> a skos:Concept ; skos:prefLabel "a"@en .
        <http://x.org/b> a skos:Concept ; skos:prefLabel "b"@en .
    """, format="turtle")
    concepts = build_concept_graph(data, {"x": "http://x.org/"})
    assert shortest_connection(concepts, "x:a", "x:b", "en") is None
