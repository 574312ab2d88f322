"""Positions computed at build time: deterministic, categories kept apart, cached by graph content."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from helpers import SMALL, page_data_of
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.layout import SMALL_LIMIT, cached_positions, compute_positions, layout_key
from kamgraph.views.site import render_map


def large_graph(count: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(count):
        graph.add_node(f"c{i}", category=f"k{i % 5}", labels={"en": f"concept {i}"})
        if i:
            graph.add_edge(f"c{i}", f"c{(i * 7) % i}", key="skos:broader")
    return graph


def test_large_layouts_are_deterministic_and_separate_categories():
    graph = large_graph(SMALL_LIMIT + 150)
    first, second = compute_positions(graph), compute_positions(graph)
    assert first == second and set(first) == set(graph.nodes)
    centres = {}
    for node, (x, y) in first.items():
        centres.setdefault(graph.nodes[node]["category"], []).append((x, y))
    middle = {k: (sum(x for x, _ in v) / len(v), sum(y for _, y in v) / len(v)) for k, v in centres.items()}
    spread = max(max(abs(x - middle[k][0]) for x, _ in v) for k, v in centres.items())
    assert len({(round(x), round(y)) for x, y in middle.values()}) == 5 and spread > 0


def test_the_layout_cache_is_keyed_by_content_and_reused(tmp_path: Path):
    graph = large_graph(40)
    positions = cached_positions(graph, tmp_path)
    sidecar = tmp_path / f"{layout_key(graph)}.json"
    assert json.loads(sidecar.read_text()) == {k: list(v) for k, v in positions.items()}
    planted = {node: [1, 2] for node in graph.nodes}  # a cache hit must return what the sidecar holds
    sidecar.write_text(json.dumps(planted))
    assert cached_positions(graph, tmp_path) == {node: (1, 2) for node in graph.nodes}
    graph.add_edge("c1", "c2", key="skos:related")
    assert layout_key(graph) != sidecar.stem
    assert cached_positions(graph, tmp_path) == compute_positions(graph)


def test_a_rebuild_of_an_unchanged_graph_keeps_every_position():
    first = page_data_of(render_map(from_ontology(load_ontology(SMALL))))
    second = page_data_of(render_map(from_ontology(load_ontology(SMALL))))
    assert [(c["id"], c["x"], c["y"]) for c in first["concepts"]] == [
        (c["id"], c["x"], c["y"]) for c in second["concepts"]]
