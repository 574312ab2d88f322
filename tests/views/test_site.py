"""The site (kamgraph/views/site.py): the whole map and a focused map per category,
deterministic, the graph untouched.
"""

from __future__ import annotations

import copy

from helpers import SMALL, page_data_of
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.page_data import page_data
from kamgraph.views.site import render_map, render_site


def test_the_same_ontology_gives_the_same_page():
    first = render_map(from_ontology(load_ontology(SMALL)))
    second = render_map(from_ontology(load_ontology(SMALL)))
    assert first == second


def test_rendering_leaves_the_graph_unchanged():
    concepts = from_ontology(load_ontology(SMALL))
    # Deep copies: attributes hold dicts (labels, definitions…) that a renderer could change in place.
    nodes_before = copy.deepcopy(dict(concepts.graph.nodes(data=True)))
    edges_before = copy.deepcopy(sorted(concepts.graph.edges(keys=True, data=True), key=lambda e: e[:3]))
    assert nodes_before["ex:Apple"]["labels"] == {"nl": "Appel", "en": "Apple"}
    render_site(concepts)
    assert dict(concepts.graph.nodes(data=True)) == nodes_before
    assert sorted(concepts.graph.edges(keys=True, data=True), key=lambda e: e[:3]) == edges_before


def test_each_category_gets_a_topic_view_and_a_page_that_opens_it():
    concepts = from_ontology(load_ontology(SMALL))
    pages = render_site(concepts).pages
    assert sorted(pages) == ["index.html", "maps/Concept.html", "maps/Fruit.html", "maps/Tree.html"]
    full = page_data_of(pages["index.html"])
    assert {t["category"]: t["name"] for t in full["topics"]} == {
        "skos:Concept": "Concept", "exo:Fruit": "Fruit", "exo:Tree": "Tree"}
    tree = next(t for t in full["topics"] if t["name"] == "Tree")
    # the apple tree, and the apple that grows on it; not the pear or the loose concept
    assert sorted(tree["positions"]) == ["ex:Apple", "ex:AppleTree"]
    focused = page_data(concepts, scope="exo:Tree")
    assert tree["positions"] == {c["id"]: [c["x"], c["y"]] for c in focused["concepts"]}
    assert {e["id"] for e in focused["edges"]} == {"ex:Apple|exo:growsOn|ex:AppleTree"}
    opener = pages["maps/Tree.html"]
    assert 'http-equiv="refresh" content="0; url=../index.html#topic=Tree"' in opener
    assert '<a href="../index.html#topic=Tree">' in opener and "<script" not in opener
    assert render_site(concepts).pages == pages  # deterministic
