"""The page data (kamgraph/views/page_data.py): one schema for the map's concepts, edges and categories."""

from __future__ import annotations

from helpers import FIXTURES, SMALL
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.page_data import page_data, safe_link


def test_payload_nodes_match_the_graph():
    data = page_data(from_ontology(load_ontology(SMALL)))
    assert sorted(c["id"] for c in data["concepts"]) == ["ex:Apple", "ex:AppleTree", "ex:Pear", "ex:Plain"]
    assert "vis" not in data  # nodes and edges travel once: as concept and edge rows
    assert len(data["edges"]) == 3
    assert all(isinstance(c["x"], int) and isinstance(c["y"], int) for c in data["concepts"])
    colours = {c["id"]: c["colour"] for c in data["categories"]}
    assert all(c["colour"] == colours[c["category"]] for c in data["concepts"])
    assert data["network"]["physics"]["enabled"] is False
    legend = {c["id"]: c["count"] for c in data["categories"]}
    assert legend == {"exo:Tree": 1, "exo:Fruit": 2, "skos:Concept": 1}


def test_only_http_links_reach_the_page():
    data = page_data(from_ontology(load_ontology(FIXTURES / "payloads.ttl")))
    assert {c["source"] for c in data["concepts"]} == {None, "https://example.org/evil/ref?x=%3Cscript%3E&y=%22quote%22"}
    assert all(c["iri"] is None or c["iri"].startswith("http://example.org/") for c in data["concepts"])
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("https://example.org/x") == "https://example.org/x"
