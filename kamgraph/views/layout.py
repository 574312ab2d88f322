"""Node positions computed at build time, so the page draws at once with physics off.

Concepts of one category are pulled together by a weak link to an invisible
hub per category, which gives readable clusters. Up to ``SMALL_LIMIT``
concepts (the ~100-concept KAM map) networkx's spring layout plus a pass that
pushes overlapping boxes apart gives the most readable result; above it,
networkx's layouts are O(N²) per iteration (minutes at 10,000 concepts), so
igraph's grid-based Fruchterman–Reingold (about a second at 10,000) is used.
Both are seeded and the input order sorted, so the same graph always gets the
same positions; :func:`cached_positions` also keeps them in a sidecar file
keyed by the graph's content, so an unchanged graph is not laid out again.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from pathlib import Path

import networkx as nx

from kamgraph.output import write_atomic

SEED = 20261127
HUB_WEIGHT = 0.35
# Measured in Chromium for the map's 14 px system-ui font (vis-network box, margin 8, width at most 180):
# at most about 8.6 px per character (capitals, wide letters), lines wrap at spaces once the text is ~156 px wide,
# 14 px per line, plus 30 px of box around the text each way; GAP keeps a little white between neighbouring boxes.
CHAR_WIDTH, LINE_HEIGHT, MAX_TEXT_WIDTH, BOX_PADDING, GAP = 8.6, 14.0, 156.0, 30.0, 8.0
SMALL_LIMIT = 250  # nodes; up to here networkx spring + the O(N²) box overlap pass, above it igraph FR
LAYOUT_VERSION = "4"  # bump when the algorithm changes, so cached positions are not reused
CACHE_KEEP = 64  # sidecar files kept per cache folder (the most recent; a build lays out one map per category)


def layout_key(graph: nx.MultiDiGraph) -> str:
    """A hash of everything the positions depend on: nodes, categories, label sizes, edges."""
    digest = hashlib.sha256(LAYOUT_VERSION.encode())
    for node, attributes in sorted(graph.nodes(data=True)):
        digest.update(json.dumps([node, str(attributes.get("category")), box_size(attributes)]).encode())
    for source, target in sorted({(u, v) for u, v in graph.edges()}):
        digest.update(json.dumps([source, target]).encode())
    return digest.hexdigest()


def cached_positions(graph: nx.MultiDiGraph, cache_dir: Path | None) -> dict[str, tuple[int, int]]:
    """:func:`compute_positions`, reusing ``cache_dir/<content hash>.json`` when the graph is unchanged."""
    if cache_dir is None:
        return compute_positions(graph)
    path = Path(cache_dir) / f"{layout_key(graph)}.json"
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if set(stored) == set(graph.nodes):
            return {node: (int(x), int(y)) for node, (x, y) in stored.items()}
    except (OSError, ValueError, TypeError):
        pass  # no usable sidecar: lay out again
    positions = compute_positions(graph)
    write_atomic(path, json.dumps(positions, sort_keys=True, separators=(",", ":")))
    for old in sorted(Path(cache_dir).glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)[CACHE_KEEP:]:
        old.unlink(missing_ok=True)
    return positions


def compute_positions(graph: nx.MultiDiGraph, *, spacing: float = 140.0) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node, centred on (0, 0)."""
    if graph.number_of_nodes() == 0:
        return {}
    layout_graph: nx.Graph = nx.Graph()
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
    if graph.number_of_nodes() > SMALL_LIMIT:
        return _large_layout(graph, layout_graph, spacing)
    count = layout_graph.number_of_nodes()
    raw = nx.spring_layout(layout_graph, k=1.6 / math.sqrt(count), iterations=300, seed=SEED, weight="weight")
    scale = spacing * math.sqrt(graph.number_of_nodes())
    positions = {node: [float(x) * scale, float(y) * scale] for node, (x, y) in raw.items() if node in graph}
    _separate_boxes(positions, {node: box_size(graph.nodes[node]) for node in positions})
    return {node: (round(x), round(y)) for node, (x, y) in positions.items()}


def _large_layout(graph: nx.MultiDiGraph, layout_graph: nx.Graph, spacing: float) -> dict[str, tuple[int, int]]:
    """Each category in a disc of its own (area by count) around a circle; inside, igraph's grid FR.

    Separate regions keep the overview's bubbles apart and let an opened category
    fill its own part of the map instead of being smeared over the others.
    """
    members: dict[str, list[str]] = {}
    for node, category in sorted(graph.nodes(data="category")):
        members.setdefault(str(category), []).append(node)
    groups = sorted(members.items(), key=lambda item: (-len(item[1]), item[0]))
    radii = [spacing * math.sqrt(len(nodes)) * 0.6 for _, nodes in groups]
    margin = spacing * 2
    ring = (sum(2 * r for r in radii) + margin * len(radii)) / (2 * math.pi) if len(radii) > 1 else 0.0
    positions: dict[str, tuple[int, int]] = {}
    angle = 0.0
    for (_, nodes), radius in zip(groups, radii, strict=True):
        half = (radius + margin / 2) / ring if ring else 0.0
        angle += half
        cx, cy = ring * math.cos(angle), ring * math.sin(angle)
        angle += half
        for node, (x, y) in _disc_layout(layout_graph.subgraph(nodes), nodes).items():
            positions[node] = (round(cx + x * radius), round(cy + y * radius))
    return positions


def _disc_layout(subgraph: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Positions within the unit disc, from a seeded start (a sunflower spiral) so runs agree."""
    import igraph

    index = {node: i for i, node in enumerate(nodes)}
    golden = math.pi * (3 - math.sqrt(5))
    start = [[math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden)]
             for i in range(len(nodes))]
    edges = sorted({tuple(sorted((index[u], index[v]))) for u, v in subgraph.edges() if u != v})
    shape = igraph.Graph(n=len(nodes), edges=edges)
    # FR draws random numbers even from a given start; a freshly seeded generator per call keeps runs equal.
    igraph.set_random_number_generator(random.Random(SEED))
    grid = "grid" if len(nodes) > 1000 else "nogrid"
    coords = shape.layout_fruchterman_reingold(seed=start, niter=300, grid=grid).coords
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    reach = max((math.hypot(x - cx, y - cy) for x, y in coords), default=0.0) or 1.0
    return {node: ((x - cx) / reach, (y - cy) / reach) for node, (x, y) in zip(nodes, coords, strict=True)}


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
    return [*lines, current] if current else lines or [label]


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
