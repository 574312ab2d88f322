"""The map page: self-contained, deterministic, and ontology text kept as data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.html import script_json
from kamgraph.views.page_data import safe_link
from kamgraph.views.site import render_map, render_site

DATA_RE = re.compile(r'<script type="application/json" id="kamgraph-data">(.*?)</script>', re.DOTALL)


def page_payload(html: str) -> dict:
    return json.loads(DATA_RE.search(html).group(1))


@pytest.fixture(scope="module")
def small_html() -> str:
    return render_map(from_ontology(load_ontology(FIXTURES / "small.ttl")))


@pytest.fixture(scope="module")
def evil_html() -> str:
    return render_map(from_ontology(load_ontology(FIXTURES / "payloads.ttl")))


def test_the_page_references_nothing_outside_itself(small_html: str):
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', small_html)
    assert "<link" not in small_html
    assert re.search(r'<script\s+src', small_html) is None


def test_the_page_has_a_strict_content_security_policy(small_html: str):
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', small_html).group(1)
    assert "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    inline = len(re.findall(r"^<(?:script|style)>", small_html, re.MULTILINE))  # vis, the page script; 2 sheets
    assert inline == 4 and csp.count("'sha256-") == inline


def test_payload_nodes_match_the_graph(small_html: str):
    data = page_payload(small_html)
    assert sorted(c["id"] for c in data["concepts"]) == ["ex:Apple", "ex:AppleTree", "ex:Pear", "ex:Plain"]
    assert "vis" not in data  # nodes and edges travel once: as concept and edge rows
    assert len(data["edges"]) == 3
    assert all(isinstance(c["x"], int) and isinstance(c["y"], int) for c in data["concepts"])
    colours = {c["id"]: c["colour"] for c in data["categories"]}
    assert all(c["colour"] == colours[c["category"]] for c in data["concepts"])
    assert data["network"]["physics"]["enabled"] is False
    legend = {c["id"]: c["count"] for c in data["categories"]}
    assert legend == {"exo:Tree": 1, "exo:Fruit": 2, "skos:Concept": 1}


def test_the_same_ontology_gives_the_same_page():
    first = render_map(from_ontology(load_ontology(FIXTURES / "small.ttl")))
    second = render_map(from_ontology(load_ontology(FIXTURES / "small.ttl")))
    assert first == second


def test_rendering_leaves_the_graph_unchanged():
    concepts = from_ontology(load_ontology(FIXTURES / "small.ttl"))
    nodes_before = {n: dict(a) for n, a in concepts.graph.nodes(data=True)}
    edges_before = sorted(concepts.graph.edges(keys=True))
    render_map(concepts)
    assert {n: dict(a) for n, a in concepts.graph.nodes(data=True)} == nodes_before
    assert sorted(concepts.graph.edges(keys=True)) == edges_before


def test_hostile_text_never_becomes_markup(evil_html: str):
    body = DATA_RE.sub("", evil_html)
    assert "<script>alert" not in body and "onerror=alert" not in body
    assert "</script><script>" not in DATA_RE.search(evil_html).group(1)
    assert "\u2028" not in evil_html and "\u2029" not in evil_html
    assert "&lt;/title&gt;" in evil_html  # the title is escaped by the template
    # ...and the text survives intact as data.
    data = page_payload(evil_html)
    labels = {c["id"]: c["labels"]["en"] for c in data["concepts"]}
    assert labels["evil:Script"] == "</script><script>alert('label')</script>"
    definitions = {c["id"]: c["definitions"].get("en") for c in data["concepts"]}
    assert "\u2028" in definitions["evil:Script"]


def test_only_http_links_reach_the_page(evil_html: str):
    data = page_payload(evil_html)
    assert {c["source"] for c in data["concepts"]} == {None, "https://example.org/evil/ref?x=%3Cscript%3E&y=%22quote%22"}
    assert all(c["iri"] is None or c["iri"].startswith("http://example.org/") for c in data["concepts"])
    assert "javascript:" not in evil_html.split('id="kamgraph-data"')[0]
    assert safe_link("javascript:alert(1)") is None
    assert safe_link("data:text/html,x") is None
    assert safe_link("https://example.org/x") == "https://example.org/x"


def test_script_json_escapes_breakouts():
    text = script_json({"a": "</script>\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script>\u2028&"}


def test_each_category_gets_a_focused_map_of_its_concepts_and_neighbours():
    concepts = from_ontology(load_ontology(FIXTURES / "small.ttl"))
    pages = render_site(concepts).pages
    assert sorted(pages) == ["index.html", "maps/Concept.html", "maps/Fruit.html", "maps/Tree.html"]
    full = page_payload(pages["index.html"])
    assert sorted(m["href"] for m in full["maps"]) == ["maps/Concept.html", "maps/Fruit.html", "maps/Tree.html"]
    tree = page_payload(pages["maps/Tree.html"])
    assert tree["scope"] == "exo:Tree"
    # the apple tree, and the apple that grows on it; not the pear or the loose concept
    assert sorted(c["id"] for c in tree["concepts"]) == ["ex:Apple", "ex:AppleTree"]
    assert {e["id"] for e in tree["edges"]} == {"ex:Apple|exo:growsOn|ex:AppleTree"}
    assert "../index.html" in [m["href"] for m in tree["maps"]]
    assert render_site(concepts).pages == pages  # deterministic


def test_a_rebuild_of_an_unchanged_graph_keeps_every_position():
    first = page_payload(render_map(from_ontology(load_ontology(FIXTURES / "small.ttl"))))
    second = page_payload(render_map(from_ontology(load_ontology(FIXTURES / "small.ttl"))))
    assert [(c["id"], c["x"], c["y"]) for c in first["concepts"]] == [
        (c["id"], c["x"], c["y"]) for c in second["concepts"]]


def test_build_removes_focused_maps_of_categories_that_are_gone(tmp_path: Path):
    from kamgraph.pipeline import build_map

    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "Gone.html").write_text("old")
    build_map([FIXTURES / "small.ttl"], tmp_path)
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == ["Concept.html", "Fruit.html", "Tree.html"]
