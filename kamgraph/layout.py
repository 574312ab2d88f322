"""Node positions computed at build time, so the page draws at once with physics off.

Concepts of one category are pulled together by a weak link to an invisible
hub per category, which gives readable clusters for the ~100-concept KAM map.
The layout is seeded and the input order sorted, so the same graph always gets
the same positions.
"""

from __future__ import annotations

import math

import networkx as nx

SEED = 20261127
HUB_WEIGHT = 0.35


def compute_positions(graph: nx.MultiDiGraph, *, spacing: float = 140.0) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node, centred on (0, 0)."""
    if graph.number_of_nodes() == 0:
        return {}
    layout_graph = nx.Graph()
    layout_graph.add_nodes_from(sorted(graph.nodes))
    for source, target in sorted({tuple(sorted((u, v))) for u, v in graph.edges() if u != v}):
        layout_graph.add_edge(source, target, weight=1.0)
    categories: dict[str, list[str]] = {}
    for node, category in sorted(graph.nodes(data="category")):
        categories.setdefault(str(category), []).append(node)
    for category, members in sorted(categories.items()):
        hub = ("hub", category)
        for member in members:
            layout_graph.add_edge(hub, member, weight=HUB_WEIGHT)
    count = layout_graph.number_of_nodes()
    raw = nx.spring_layout(layout_graph, k=1.6 / math.sqrt(count), iterations=300, seed=SEED, weight="weight")
    scale = spacing * math.sqrt(graph.number_of_nodes())
    return {node: (round(float(x) * scale), round(float(y) * scale)) for node, (x, y) in raw.items()
            if node in graph}
