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
# Measured in Chromium for the map's 14 px system-ui font (vis-network box, margin 8, width at most 180):
# at most about 8.6 px per character (capitals, wide letters), lines wrap at spaces once the text is ~156 px wide, 14 px per line,
# plus 30 px of box around the text each way; GAP keeps a little white between neighbouring boxes.
CHAR_WIDTH, LINE_HEIGHT, MAX_TEXT_WIDTH, BOX_PADDING, GAP = 8.6, 14.0, 156.0, 30.0, 8.0
OVERLAP_LIMIT = 600  # nodes; beyond this the pairwise overlap pass is skipped


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
    positions = {node: [float(x) * scale, float(y) * scale] for node, (x, y) in raw.items() if node in graph}
    if graph.number_of_nodes() <= OVERLAP_LIMIT:
        _separate_boxes(positions, {node: box_size(graph.nodes[node]) for node in positions})
    return {node: (round(x), round(y)) for node, (x, y) in positions.items()}


def box_size(attributes: dict) -> tuple[float, float]:
    """Roughly how much room a node's box takes on screen: the widest and tallest of its labels, wrapped."""
    labels = [label for label in attributes.get("labels", {}).values() if label.strip()]
    labels = labels or [attributes.get("local_name") or "x" * 12]
    width, height = 0.0, 0.0
    for label in labels:
        lines = _wrap(label)
        width = max(width, max(len(line) for line in lines) * CHAR_WIDTH)
        height = max(height, len(lines) * LINE_HEIGHT)
    return min(width, MAX_TEXT_WIDTH) + BOX_PADDING + GAP, height + BOX_PADDING + GAP


def _wrap(label: str) -> list[str]:
    """Break a label at spaces the way the page does, once a line would exceed MAX_TEXT_WIDTH."""
    lines: list[str] = []
    current = ""
    for word in label.split():
        candidate = f"{current} {word}" if current else word
        if current and len(candidate) * CHAR_WIDTH > MAX_TEXT_WIDTH:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines or [label]


def _separate_boxes(positions: dict[str, list[float]], sizes: dict[str, tuple[float, float]],
                    rounds: int = 60) -> None:
    """Push overlapping boxes apart along the axis where they overlap least, until none overlap."""
    nodes = sorted(positions)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                (ax, ay), (bx, by) = positions[a], positions[b]
                overlap_x = (sizes[a][0] + sizes[b][0]) / 2 - abs(ax - bx)
                overlap_y = (sizes[a][1] + sizes[b][1]) / 2 - abs(ay - by)
                if overlap_x <= 0 or overlap_y <= 0:
                    continue
                moved = True
                if overlap_x < overlap_y:
                    shift = overlap_x / 2 + 1
                    direction = 1 if (ax, a) >= (bx, b) else -1
                    positions[a][0] += direction * shift
                    positions[b][0] -= direction * shift
                else:
                    shift = overlap_y / 2 + 1
                    direction = 1 if (ay, a) >= (by, b) else -1
                    positions[a][1] += direction * shift
                    positions[b][1] -= direction * shift
        if not moved:
            return
