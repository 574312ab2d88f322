"""Positions computed at build time: deterministic, categories as regions, no overlaps, stable under edits."""

from __future__ import annotations

import json
import math
import random
import statistics
import warnings
from pathlib import Path

import networkx as nx
import pytest

from helpers import FIXTURES, ONTOLOGY, SMALL, page_data_of
from kamgraph.errors import KamgraphWarning
from kamgraph.graph import from_ontology
from kamgraph.pipeline import LAYOUT_CACHE, build_map
from kamgraph.sources.files import load_ontology
from kamgraph.views import layout
from kamgraph.views.layout import (
    LAYOUT_VERSION,
    box_size,
    cached_positions,
    compute_positions,
    layout_key,
    median_shift,
    read_cached_layout,
    topic_positions,
)
from kamgraph.views.site import render_map

NEW_CONCEPT = FIXTURES / "new-concept.ttl"  # one activity more, related to an existing concept


def large_graph(count: int, categories: int = 5) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(count):
        graph.add_node(f"c{i}", category=f"k{i % categories}", labels={"en": f"concept {i}"})
        if i:
            graph.add_edge(f"c{i}", f"c{(i * 7) % i}", key="skos:broader")
    return graph


def overlapping_pairs(graph: nx.MultiDiGraph, positions: dict) -> list[tuple[str, str]]:
    """Pairs of boxes that overlap (box_size includes the gap kept between neighbours)."""
    nodes = sorted(positions)
    sizes = {n: box_size(graph.nodes[n]) for n in nodes}
    found = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            dx, dy = abs(positions[a][0] - positions[b][0]), abs(positions[a][1] - positions[b][1])
            if dx < (sizes[a][0] + sizes[b][0]) / 2 - 1 and dy < (sizes[a][1] + sizes[b][1]) / 2 - 1:
                found.append((a, b))
    return found


def region_overlap(graph: nx.MultiDiGraph, positions: dict) -> int:
    """How many nodes lie nearer another category's middle than their own's."""
    groups: dict[str, list[str]] = {}
    for node, category in graph.nodes(data="category"):
        groups.setdefault(category, []).append(node)
    middle = {k: (statistics.fmean(positions[n][0] for n in v), statistics.fmean(positions[n][1] for n in v))
              for k, v in groups.items()}
    strays = 0
    for node, category in graph.nodes(data="category"):
        x, y = positions[node]
        nearest = min(middle, key=lambda k: math.hypot(middle[k][0] - x, middle[k][1] - y))
        strays += nearest != category
    return strays


def random_tree(count: int, categories: int = 5, seed: int = 5) -> nx.MultiDiGraph:
    """Concepts under a seeded random tree of broader links, most of them between categories, some related."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(count):
        graph.add_node(f"c{i}", category=f"k{i % categories}", labels={"en": f"concept {i}" + " wide" * (i % 4)})
        if i:
            graph.add_edge(f"c{i}", f"c{rng.randrange(i)}", key="skos:broader")
            graph.add_edge(f"c{i}", f"c{rng.randrange(count)}", key="skos:related")
    return graph


def overlapping_pairs_on_a_grid(graph: nx.MultiDiGraph, positions: dict) -> list[tuple[str, str]]:
    """overlapping_pairs for large maps: two boxes can only overlap if they lie in neighbouring cells."""
    sizes = {n: box_size(graph.nodes[n]) for n in positions}
    width, height = max(w for w, _ in sizes.values()), max(h for _, h in sizes.values())
    cells: dict[tuple[int, int], list[str]] = {}
    for node, (x, y) in positions.items():
        cells.setdefault((math.floor(x / width), math.floor(y / height)), []).append(node)
    found = []
    for (gx, gy), here in cells.items():
        for a in here:
            for b in (n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in cells.get((gx + dx, gy + dy), ())):
                dx, dy = abs(positions[a][0] - positions[b][0]), abs(positions[a][1] - positions[b][1])
                if a < b and dx < (sizes[a][0] + sizes[b][0]) / 2 - 1 and dy < (sizes[a][1] + sizes[b][1]) / 2 - 1:
                    found.append((a, b))
    return found


@pytest.mark.parametrize("count", [40, 400])
def test_layouts_are_deterministic_with_categories_as_regions_and_no_overlap(count: int):
    graph = large_graph(count)
    first, second = compute_positions(graph), compute_positions(graph)
    assert first == second and set(first) == set(graph.nodes)
    assert overlapping_pairs(graph, first) == []
    assert region_overlap(graph, first) <= count * 0.05


@pytest.mark.parametrize(("count", "categories"), [(50, 3), (2_000, 8), (30_000, 8)])
def test_maps_of_every_size_have_no_overlapping_boxes_and_categories_as_regions(count: int, categories: int):
    graph = random_tree(count, categories)
    positions = compute_positions(graph)
    assert set(positions) == set(graph.nodes)
    assert overlapping_pairs_on_a_grid(graph, positions) == []
    assert region_overlap(graph, positions) <= count * 0.02


def test_related_concepts_stay_near_each_other_in_a_large_category():
    """Above FR_GRID_ABOVE a category gets fewer, cheaper layout rounds; linked concepts must still sit close."""
    graph = random_tree(3_000, 2)
    assert layout.FR_GRID_ABOVE < 1_500  # each of the two categories is laid out the cheaper way
    positions = compute_positions(graph)
    category = dict(graph.nodes(data="category"))
    linked = [math.dist(positions[u], positions[v]) for u, v in graph.edges()
              if category[u] == category[v] and u != v]
    rng = random.Random(1)
    nodes = sorted(graph.nodes)
    pairs = [(a, b) for a, b in ((rng.choice(nodes), rng.choice(nodes)) for _ in range(5_000))
             if category[a] == category[b] and a != b]
    unrelated = [math.dist(positions[a], positions[b]) for a, b in pairs]
    assert statistics.median(linked) < 0.35 * statistics.median(unrelated)  # about 0.17 measured; 0.9 unlaid


def test_skipping_the_overlap_pass_when_no_discs_overlap_changes_nothing(monkeypatch):
    """Boxes sit in cells of their category's disc, so with the discs apart the pass has nothing to do."""
    graph = random_tree(600, 6)
    sizes = layout.box_sizes(graph)
    answers: list[bool] = []
    discs_overlap = layout._discs_overlap
    monkeypatch.setattr(layout, "_discs_overlap", lambda *args: answers.append(discs_overlap(*args)) or answers[-1])
    skipped = compute_positions(graph, sizes=sizes)
    assert answers == [False]  # the pass was skipped
    monkeypatch.setattr(layout, "_discs_overlap", lambda centres, radius: True)
    assert compute_positions(graph, sizes=sizes) == skipped


def test_the_kam_map_is_laid_out_by_category_without_overlaps(kam_checked):
    graph = kam_checked.concepts.graph
    positions = compute_positions(graph)
    assert overlapping_pairs(graph, positions) == []
    assert region_overlap(graph, positions) <= 3


def test_the_layout_cache_is_keyed_by_content_and_reused(tmp_path: Path):
    graph = large_graph(40)
    positions = cached_positions(graph, tmp_path)
    sidecar = tmp_path / f"{layout_key(graph)}.json"
    assert read_cached_layout(sidecar) == positions
    planted = {node: [1, 2] for node in graph.nodes}  # a cache hit must return what the sidecar holds
    sidecar.write_text(json.dumps({"version": LAYOUT_VERSION, "positions": planted}))
    assert cached_positions(graph, tmp_path) == {node: (1, 2) for node in graph.nodes}
    graph.add_edge("c1", "c2", key="skos:related")
    assert layout_key(graph) != sidecar.stem


@pytest.mark.parametrize(("content", "corrupt"), [("{not json", True), ("[]", True), ('{"version": "CURRENT"}', True),
                                                  ('{"version": "0", "positions": {}}', False)])
def test_an_unusable_sidecar_is_laid_out_again(tmp_path: Path, content: str, corrupt: bool):
    graph = large_graph(30)
    (tmp_path / f"{layout_key(graph)}.json").write_text(content.replace("CURRENT", LAYOUT_VERSION))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert cached_positions(graph, tmp_path) == compute_positions(graph)
    assert bool(caught) == corrupt  # a corrupt file is reported; another layout version's is just not reused
    assert all(issubclass(w.category, KamgraphWarning) for w in caught)


def test_adding_one_concept_leaves_the_others_in_place_and_puts_it_by_its_neighbour(tmp_path: Path):
    out = tmp_path / "out"
    build_map([ONTOLOGY], out)
    before = {c["id"]: (c["x"], c["y"]) for c in page_data_of((out / "index.html").read_text())["concepts"]}
    build_map([ONTOLOGY, NEW_CONCEPT], out)
    after = {c["id"]: (c["x"], c["y"]) for c in page_data_of((out / "index.html").read_text())["concepts"]}
    assert set(after) == set(before) | {"kam:PriceNegotiation"}
    assert median_shift(before, after) <= 2.0
    assert max(math.dist(before[n], after[n]) for n in before) <= 2.0
    # beside a concept of its own category (Activity), not left at the edge of the map
    graph = from_ontology(load_ontology([ONTOLOGY, NEW_CONCEPT])).graph
    siblings = [n for n, c in graph.nodes(data="category") if c == "kamo:Activity" and n != "kam:PriceNegotiation"]
    assert min(math.dist(after["kam:PriceNegotiation"], after[n]) for n in siblings) <= 250
    assert overlapping_pairs(graph, after) == []
    assert len(list((out / LAYOUT_CACHE).glob("*.json"))) == 2  # one layout per build, the topics' included


def test_a_topic_view_keeps_the_category_as_the_whole_map_has_it(kam_checked):
    graph = kam_checked.concepts.graph
    whole = compute_positions(graph)
    topic = topic_positions(whole, graph, "kamo:PricingMethod")
    members = [n for n, c in graph.nodes(data="category") if c == "kamo:PricingMethod"]
    first = members[0]
    for node in members:  # the same shape, moved as one
        assert (topic[node][0] - topic[first][0], topic[node][1] - topic[first][1]) == (
            whole[node][0] - whole[first][0], whole[node][1] - whole[first][1])
    reach = max(math.hypot(*topic[n]) for n in members)
    outside = set(topic) - set(members)
    assert outside and all(math.hypot(*topic[n]) > reach for n in outside)
    assert overlapping_pairs(graph, topic) == []


def test_the_topic_views_of_a_large_map_have_no_overlapping_boxes():
    """Hundreds of neighbours around one category: each finds a free spot outside it, in its direction."""
    rng = random.Random(5)
    graph = nx.MultiDiGraph()
    for i in range(1000):
        graph.add_node(f"c{i}", category=f"k{i % 5}", labels={"en": f"concept {i}"})
        if i:
            graph.add_edge(f"c{i}", f"c{rng.randrange(i)}", key="skos:broader")  # a random tree, most edges between
    whole = compute_positions(graph)
    for category in ("k0", "k3"):
        topic = topic_positions(whole, graph, category)
        members = [n for n, c in graph.nodes(data="category") if c == category]
        outside = set(topic) - set(members)
        assert len(outside) > 100
        assert overlapping_pairs(graph, topic) == []
        reach = max(math.hypot(*topic[n]) for n in members)
        assert all(math.hypot(*topic[n]) > reach for n in outside)
        cx, cy = statistics.fmean(whole[n][0] for n in members), statistics.fmean(whole[n][1] for n in members)
        for node in outside:  # at most TOPIC_SPREAD (30 degrees) from its own direction
            turned = math.atan2(topic[node][1], topic[node][0]) - math.atan2(whole[node][1] - cy, whole[node][0] - cx)
            assert abs((turned + math.pi) % (2 * math.pi) - math.pi) <= math.pi / 6 + 0.01


def test_a_rebuild_of_an_unchanged_graph_keeps_every_position():
    first = page_data_of(render_map(from_ontology(load_ontology(SMALL))))
    second = page_data_of(render_map(from_ontology(load_ontology(SMALL))))
    assert [(c["id"], c["x"], c["y"]) for c in first["concepts"]] == [
        (c["id"], c["x"], c["y"]) for c in second["concepts"]]
