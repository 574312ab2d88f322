"""Node positions computed at build time, once per build, shared by every view of the page.

The map shows the vocabulary's structure: each category gets a disc of its own
(area by the room its boxes need), the discs are arranged by how strongly their
categories are related (igraph's Fruchterman–Reingold over the categories, then
packed so no two discs overlap), and each category's concepts are laid out
inside its disc by igraph's Fruchterman–Reingold over the relations among them,
spread evenly over the disc and set in a grid of cells as large as the
category's largest box (:func:`snap_to_cells`), so no two boxes overlap however
large the category. A grid-backed pass pushes apart any boxes that still do. Every step is seeded and
its input sorted, so the same graph always gets the same positions, and each is
near-linear (a few seconds at 10,000 concepts), so there is one code path at
every size.

A map that **stays put under edits**: the positions of the previous build are
kept in ``OUT/.layout-cache/`` (:func:`cached_positions`). When most of the graph
was laid out before, those positions are reused as they are and only the new
concepts are placed — beside their neighbours in their own category — and the
overlap pass moves only them (:func:`extend_layout`), so an author adding a
concept moves the rest of the map by nothing.

A topic view (one category and its direct neighbours) is not laid out again:
:func:`topic_positions` keeps the category's concepts where the whole map has
them and sets the neighbours on a ring around them, in their direction.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import random
import warnings
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kamgraph.errors import KamgraphWarning
from kamgraph.output import write_atomic

SEED = 20261127
# Measured in Chromium for the map's 14 px system-ui font (vis-network box, margin 8, width at most 180):
# at most about 8.6 px per character (capitals, wide letters), lines wrap at spaces once the text is ~156 px wide,
# 14 px per line, plus 30 px of box around the text each way; GAP keeps a little white between neighbouring boxes.
CHAR_WIDTH, LINE_HEIGHT, MAX_TEXT_WIDTH, BOX_PADDING, GAP = 8.6, 14.0, 156.0, 30.0, 8.0
# ...but a wrapped line can still be drawn up to the box's 180 px text limit (measured: 170 px and more), so
# widths are estimated against that; a single word longer than it is drawn whole.
WRAPPED_WIDTH = 180.0
FR_ITERATIONS = 300  # Fruchterman–Reingold rounds for a category of up to FR_GRID_ABOVE concepts
FR_GRID_ABOVE = 1000  # categories larger than this use its grid (repulsion from near nodes only)...
FR_WORK = 300_000  # ...and fewer rounds, about FR_WORK / size (at least FR_FEWEST), so each costs about the same
FR_FEWEST = 50
ROOM = 1.5  # a category's disc holds ROOM times the area of its cells: space for arrows and a region label
REGION_MARGIN = 90.0  # px between two categories' discs (room for the region's label)
TOPIC_SPREAD = math.pi / 6  # radians a topic view's neighbour may be turned from its own direction, either side
REUSE_SHARE = 0.5  # reuse the previous positions when at least this share of the nodes had one
LAYOUT_VERSION = "8"  # bump when the algorithm changes, so cached positions are not reused
CACHE_KEEP = 16  # sidecar files kept per cache folder (the most recent)
PREVIOUS_CANDIDATES = 4  # newest sidecars looked at for the previous build's positions
OVERLAP_TOLERANCE = 1e-6  # px: boxes overlapping by no more than float rounding touch, they do not overlap

Positions = dict[str, tuple[int, int]]


def layout_key(graph: nx.MultiDiGraph, sizes: dict[str, tuple[float, float]] | None = None) -> str:
    """A hash of everything the positions depend on: nodes, categories, label sizes (``sizes``, when the
    caller has them, else measured here), edges. One JSON text of them all, hashed once."""
    sizes = sizes if sizes is not None else box_sizes(graph)
    nodes = [[node, str(category), *sizes[node]] for node, category in sorted(graph.nodes(data="category"))]
    edges = sorted({(u, v) for u, v in graph.edges()})
    return hashlib.sha256(json.dumps([LAYOUT_VERSION, nodes, edges], separators=(",", ":")).encode()).hexdigest()


def read_cached_layout(path: Path) -> Positions | None:
    """The positions a sidecar file holds, or None when it is missing, unreadable or of another layout version.

    The one place the cache is read.
    """
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if stored.get("version") != LAYOUT_VERSION:  # a list or a number: AttributeError, corrupt
            return None  # another layout version's file: not corrupt, just not reusable
        return {str(node): (int(x), int(y)) for node, (x, y) in stored["positions"].items()}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as exc:
        warnings.warn(KamgraphWarning(f"{path}: a corrupt layout cache file, ignored and laid out again "
                                      f"({type(exc).__name__})"), stacklevel=2)
        return None


def cached_positions(graph: nx.MultiDiGraph, cache_dir: Path | None) -> Positions:
    """The build's one layout: ``cache_dir/<content hash>.json`` when the graph is unchanged, else
    :func:`compute_positions` starting from the previous build's positions, written back to the cache."""
    if cache_dir is None:
        return compute_positions(graph)
    cache_dir = Path(cache_dir)
    sizes = box_sizes(graph)
    path = cache_dir / f"{layout_key(graph, sizes)}.json"
    stored = read_cached_layout(path)
    if stored is not None and set(stored) == set(graph.nodes):
        return stored
    positions = compute_positions(graph, previous=_previous_positions(cache_dir, graph), sizes=sizes)
    write_atomic(path, json.dumps({"version": LAYOUT_VERSION, "positions": positions}, sort_keys=True,
                                  separators=(",", ":")))
    for old in _sidecars(cache_dir)[CACHE_KEEP:]:
        old.unlink(missing_ok=True)
    return positions


def _sidecars(cache_dir: Path) -> list[Path]:
    """The cache's files, newest first."""
    try:
        return sorted(cache_dir.glob("*.json"), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)
    except OSError:
        return []


def _previous_positions(cache_dir: Path, graph: nx.MultiDiGraph) -> Positions | None:
    """Of the newest sidecars, the one sharing most nodes with ``graph`` (the previous build of this map)."""
    best: Positions | None = None
    shared = 0
    for path in _sidecars(cache_dir)[:PREVIOUS_CANDIDATES]:
        stored = read_cached_layout(path)
        if stored is None:
            continue
        common = sum(1 for node in stored if node in graph)
        if common > shared:
            best, shared = stored, common
    return best


def compute_positions(graph: nx.MultiDiGraph, *, previous: Positions | None = None,
                      sizes: dict[str, tuple[float, float]] | None = None) -> Positions:
    """Pixel positions for every node; ``previous`` (an earlier layout of much the same graph) is kept;
    ``sizes`` are the nodes' :func:`box_sizes` when the caller has measured them already."""
    if graph.number_of_nodes() == 0:
        return {}
    sizes = sizes if sizes is not None else box_sizes(graph)
    if previous:
        kept = {node: previous[node] for node in graph.nodes if node in previous}
        if len(kept) >= REUSE_SHARE * graph.number_of_nodes():
            return extend_layout(graph, kept, sizes)
    return fresh_layout(graph, sizes)


def _groups(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Node ids per category (``str`` of the category), sorted."""
    members: dict[str, list[str]] = {}
    for node, category in sorted(graph.nodes(data="category")):
        members.setdefault(str(category), []).append(node)
    return members


def _links(graph: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """Each related pair once, sorted, without self-loops."""
    return sorted({(u, v) if u < v else (v, u) for u, v in graph.edges() if u != v})


def fresh_layout(graph: nx.MultiDiGraph, sizes: dict[str, tuple[float, float]]) -> Positions:
    """Categories as packed discs arranged by their relations; inside each, its concepts by theirs."""
    groups = _groups(graph)
    names = sorted(groups)
    category_of = {node: name for name, nodes in groups.items() for node in nodes}
    weights: dict[tuple[str, str], int] = {}
    inner: dict[str, list[tuple[str, str]]] = {name: [] for name in names}
    for u, v in _links(graph):
        a, b = category_of[u], category_of[v]
        if a == b:
            inner[a].append((u, v))
        else:
            pair = (a, b) if a < b else (b, a)
            weights[pair] = weights.get(pair, 0) + 1
    local: dict[str, dict[str, tuple[float, float]]] = {}
    radius: dict[str, float] = {}
    for name in names:
        cell = (max(sizes[n][0] for n in groups[name]), max(sizes[n][1] for n in groups[name]))
        reach = math.sqrt(ROOM * len(groups[name]) * cell[0] * cell[1] / math.pi)
        spread = {node: (x * reach, y * reach) for node, (x, y) in _disc_layout(groups[name], inner[name]).items()}
        local[name] = snap_to_cells(spread, cell)
        # the disc the category takes: its farthest box, whole
        radius[name] = max(math.hypot(x, y) for x, y in local[name].values()) + math.hypot(*cell) / 2
    centres = _pack_discs(names, radius, weights)
    positions: dict[str, list[float]] = {}
    for name in names:
        cx, cy = centres[name]
        for node, (x, y) in local[name].items():
            positions[node] = [cx + x, cy + y]
    if _discs_overlap(centres, radius):  # else no boxes can: each category's are in cells of its own disc
        separate_boxes(positions, sizes)
    return {node: (round(x), round(y)) for node, (x, y) in sorted(positions.items())}


def _discs_overlap(centres: dict[str, tuple[float, float]], radius: dict[str, float]) -> bool:
    """Whether any two categories' discs overlap (the packing stopped before it had made room for all)."""
    names = sorted(centres)
    return any(math.dist(centres[a], centres[b]) < radius[a] + radius[b]
               for i, a in enumerate(names) for b in names[i + 1:])


def _seeded_igraph() -> object:
    """igraph, its random numbers from a freshly seeded generator (FR draws some even from a given start)."""
    import igraph

    igraph.set_random_number_generator(random.Random(SEED))
    return igraph


def _pack_discs(names: list[str], radius: dict[str, float],
                weights: dict[tuple[str, str], int]) -> dict[str, tuple[float, float]]:
    """Disc centres: related categories near each other (FR), then pulled together and pushed apart until packed."""
    count = len(names)
    if count == 1:
        return {names[0]: (0.0, 0.0)}
    index = {name: i for i, name in enumerate(names)}
    start = [[math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count)] for i in range(count)]
    igraph = _seeded_igraph()
    pairs = sorted(weights)
    shape = igraph.Graph(n=count, edges=[(index[a], index[b]) for a, b in pairs])  # type: ignore[attr-defined]
    coords = shape.layout_fruchterman_reingold(seed=start, niter=500,
                                               weights=[float(weights[p]) for p in pairs] or None).coords
    typical = sum(radius.values()) / count
    spread = max(math.hypot(x, y) for x, y in coords) or 1.0
    scale = typical * math.sqrt(count) * 1.5 / spread
    centres = [[x * scale, y * scale] for x, y in coords]
    radii = [radius[name] + REGION_MARGIN / 2 for name in names]
    for round_number in range(400):
        if round_number < 300:  # pull towards the middle, so the discs pack instead of drifting apart
            for centre in centres:
                centre[0] *= 0.97
                centre[1] *= 0.97
        moved = False
        for i in range(count):
            for j in range(i + 1, count):
                dx, dy = centres[j][0] - centres[i][0], centres[j][1] - centres[i][1]
                distance = math.hypot(dx, dy)
                need = radii[i] + radii[j]
                if distance >= need:
                    continue
                moved = True
                if distance < 1e-6:
                    dx, dy, distance = math.cos(i + j), math.sin(i + j), 1.0
                push = (need - distance) / 2
                # the bigger disc moves less, so the large categories anchor the map
                share_i = radii[j] / (radii[i] + radii[j])
                centres[i][0] -= dx / distance * push * 2 * share_i
                centres[i][1] -= dy / distance * push * 2 * share_i
                centres[j][0] += dx / distance * push * 2 * (1 - share_i)
                centres[j][1] += dy / distance * push * 2 * (1 - share_i)
        if round_number >= 300 and not moved:
            break
    return {name: (x, y) for name, (x, y) in zip(names, centres, strict=True)}


def _disc_layout(nodes: list[str], links: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions within the unit disc, from a seeded start (a sunflower spiral) so runs agree."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    golden = math.pi * (3 - math.sqrt(5))
    start = [[math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden)]
             for i in range(len(nodes))]
    igraph = _seeded_igraph()
    shape = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in links])  # type: ignore[attr-defined]
    large = len(nodes) > FR_GRID_ABOVE
    rounds = min(FR_ITERATIONS, max(FR_FEWEST, FR_WORK // len(nodes))) if large else FR_ITERATIONS
    coords = shape.layout_fruchterman_reingold(seed=start, niter=rounds, grid="grid" if large else "nogrid").coords
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    # FR leaves a dense core and a few far outliers; spread the nodes evenly over the disc's area instead,
    # keeping each one's direction and the order of their distances from the middle (related stay near)
    polar = sorted(((math.hypot(x - cx, y - cy), math.atan2(y - cy, x - cx), node)
                    for node, (x, y) in zip(nodes, coords, strict=True)), key=lambda p: (p[0], p[2]))
    count = len(polar)
    return {node: (math.sqrt((rank + 0.5) / count) * math.cos(angle), math.sqrt((rank + 0.5) / count) * math.sin(angle))
            for rank, (_, angle, node) in enumerate(polar)}


def snap_to_cells(targets: dict[str, tuple[float, float]], cell: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """Each node in the free grid cell (as large as the largest box) nearest its target, middle ones first.

    Boxes in different cells cannot overlap, so a category of any size is readable
    once opened, and the positions keep the layout's neighbourhoods.
    """
    width, height = cell
    taken: set[tuple[int, int]] = set()
    placed: dict[str, tuple[float, float]] = {}
    for node, (x, y) in sorted(targets.items(), key=lambda item: (math.hypot(*item[1]), item[0])):
        gx, gy = round(x / width), round(y / height)
        if (gx, gy) not in taken:  # the nearest cell is free (most nodes): the ring search would pick it
            taken.add((gx, gy))
            placed[node] = (gx * width, gy * height)
            continue
        ring = 1
        while True:
            free = [(gx + dx, gy + dy) for dx in range(-ring, ring + 1) for dy in range(-ring, ring + 1)
                    if max(abs(dx), abs(dy)) == ring and (gx + dx, gy + dy) not in taken]
            if free:
                best = min(free, key=lambda c: (math.hypot(c[0] * width - x, c[1] * height - y), c))
                break
            ring += 1
        taken.add(best)
        placed[node] = (best[0] * width, best[1] * height)
    return placed


def extend_layout(graph: nx.MultiDiGraph, kept: Positions, sizes: dict[str, tuple[float, float]]) -> Positions:
    """``kept`` as it is, plus each new node beside its neighbours in its own category.

    A new node goes to the middle of its already placed neighbours of the same
    category; failing those, to the member of its category nearest its other
    neighbours (or the category's middle); a node of a new category goes beside
    the map. Only new nodes move in the overlap pass.
    """
    positions: dict[str, list[float]] = {node: [float(x), float(y)] for node, (x, y) in kept.items()}
    groups = _groups(graph)
    category_of = {node: name for name, nodes in groups.items() for node in nodes}
    neighbours: dict[str, set[str]] = {node: set() for node in graph.nodes}
    for u, v in _links(graph):
        neighbours[u].add(v)
        neighbours[v].add(u)
    new = [node for node in sorted(graph.nodes) if node not in positions]
    boxes = _BoxIndex(positions, sizes)
    # nodes with most placed neighbours first, so each one placed helps the next
    for node in sorted(new, key=lambda n: (-sum(1 for m in neighbours[n] if m in positions), n)):
        placed = [m for m in sorted(neighbours[node]) if m in positions]
        same = [m for m in placed if category_of[m] == category_of[node]]
        siblings = [m for m in groups[category_of[node]] if m in positions]
        point: tuple[float, float]
        if same:
            point = _middle(positions[m] for m in same)
        elif siblings:
            target = _middle(positions[m] for m in placed) if placed else _middle(positions[m] for m in siblings)
            nearest = min(siblings, key=lambda m: (math.dist(positions[m], target), m))
            point = (positions[nearest][0], positions[nearest][1])
        elif placed:
            point = _middle(positions[m] for m in placed)
        else:
            right = max(x + sizes.get(m, (0, 0))[0] for m, (x, _) in positions.items())
            point = (right + sizes[node][0], 0.0)
        spot = free_spot(point, node, boxes, sizes)
        positions[node] = [spot[0], spot[1]]
        boxes.add(node, spot)
    separate_boxes(positions, sizes, pinned=set(kept))
    return {node: (round(x), round(y)) for node, (x, y) in sorted(positions.items())}


class _BoxIndex:
    """Placed boxes by grid cell (as large as the largest box), to find overlaps near a point in O(1)."""

    def __init__(self, positions: dict[str, list[float]], sizes: dict[str, tuple[float, float]]) -> None:
        self.sizes = sizes
        self.cell = (max(w for w, _ in sizes.values()), max(h for _, h in sizes.values()))
        self.cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        for node, (x, y) in positions.items():
            self.add(node, (x, y))

    def _key(self, x: float, y: float) -> tuple[int, int]:
        return math.floor(x / self.cell[0]), math.floor(y / self.cell[1])

    def add(self, node: str, at: tuple[float, float]) -> None:
        self.cells.setdefault(self._key(*at), []).append((node, at[0], at[1]))

    def clear(self, node: str, at: tuple[float, float]) -> bool:
        """Would ``node``'s box at ``at`` overlap no placed box?"""
        width, height = self.sizes[node]
        gx, gy = self._key(*at)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other, x, y in self.cells.get((gx + dx, gy + dy), ()):
                    if (abs(x - at[0]) < (width + self.sizes[other][0]) / 2
                            and abs(y - at[1]) < (height + self.sizes[other][1]) / 2):
                        return False
        return True


def free_spot(point: tuple[float, float], node: str, boxes: _BoxIndex,
              sizes: dict[str, tuple[float, float]]) -> tuple[float, float]:
    """The place nearest ``point`` where ``node``'s box overlaps none placed: rings of tries around it."""
    step = min(sizes[node]) / 2
    for ring in range(0, 400):
        tries = max(1, 8 * ring)
        for k in range(tries):
            angle = 2 * math.pi * k / tries
            at = (point[0] + ring * step * math.cos(angle), point[1] + ring * step * math.sin(angle))
            if boxes.clear(node, at):
                return at
    return point  # not reached for any map of sensible size; the overlap pass then makes room


def _middle(points: Iterable[list[float] | tuple[float, float]]) -> tuple[float, float]:
    listed = list(points)
    return (sum(p[0] for p in listed) / len(listed), sum(p[1] for p in listed) / len(listed))


def topic_positions(positions: Positions, graph: nx.MultiDiGraph, category: str) -> Positions:
    """A topic view's positions from the whole map's: the category's concepts where they are, centred, and
    their neighbours from other categories around them, each in its own direction.

    Each neighbour takes the first free spot on its way out from a ring just outside the
    category (:func:`outward_spot`), nearest ones first, so no two boxes overlap however many
    neighbours a category has, and no neighbour lands among the category's concepts.
    """
    members = sorted(node for node, c in graph.nodes(data="category") if str(c) == category)
    if not members:
        return {}
    keep = set(members)
    for node in members:
        keep.update(graph.successors(node))
        keep.update(graph.predecessors(node))
    sizes = {node: box_size(graph.nodes[node]) for node in keep}
    cx, cy = _middle(positions[m] for m in members)
    local: dict[str, list[float]] = {m: [positions[m][0] - cx, positions[m][1] - cy] for m in members}
    reach = max(math.hypot(x, y) + max(sizes[m]) / 2 for m, (x, y) in local.items())
    outside = sorted(keep - set(members),
                     key=lambda n: (math.hypot(positions[n][0] - cx, positions[n][1] - cy), n))
    ring = reach + REGION_MARGIN + max((max(sizes[n]) for n in outside), default=0.0) / 2
    boxes = _BoxIndex(local, sizes)
    for node in outside:
        spot = outward_spot(math.atan2(positions[node][1] - cy, positions[node][0] - cx), ring, node, boxes)
        local[node] = [spot[0], spot[1]]
        boxes.add(node, spot)
    return {node: (round(x), round(y)) for node, (x, y) in sorted(local.items())}


def outward_spot(angle: float, ring: float, node: str, boxes: _BoxIndex) -> tuple[float, float]:
    """The first place, going out from distance ``ring`` in direction ``angle`` (and up to
    ``TOPIC_SPREAD`` radians to either side, nearest the direction first), where ``node``'s box overlaps
    none placed."""
    width, height = boxes.sizes[node]
    distance = ring
    while True:
        sideways = max(1, math.floor(TOPIC_SPREAD * distance / width))  # box widths to either side at this distance
        for step in range(sideways + 1):
            for side in ((0,) if step == 0 else (1, -1)):
                turn = angle + side * step * width / distance
                at = (distance * math.cos(turn), distance * math.sin(turn))
                if boxes.clear(node, at):
                    return at
        distance += height / 2


def box_sizes(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Every node's :func:`box_size`, measured once per build and shared by the cache key and the layout."""
    return {node: box_size(attributes) for node, attributes in graph.nodes(data=True)}


def box_size(attributes: dict) -> tuple[float, float]:
    """Roughly how much room a node's box takes on screen: the widest and tallest of its labels, wrapped."""
    labels = [label for label in attributes.get("labels", {}).values() if label.strip()]
    labels = labels or [attributes.get("local_name") or "x" * 12]
    width, lines = 0.0, 0
    for label in labels:
        words = label.split()
        # the page may fill a wrapped line up to WRAPPED_WIDTH; one long word ("Bedrijfsdoelstellingen") is drawn whole
        longest_word = max(map(len, words)) * CHAR_WIDTH
        width = max(width, longest_word, min(len(label) * CHAR_WIDTH, WRAPPED_WIDTH))
        lines = max(lines, 1 if len(label) * CHAR_WIDTH <= MAX_TEXT_WIDTH else _line_count(words))
    return width + BOX_PADDING + GAP, lines * LINE_HEIGHT + BOX_PADDING + GAP


def _line_count(words: list[str]) -> int:
    """How many lines the page breaks a label's words into: at a space, once a line would exceed MAX_TEXT_WIDTH."""
    lines, current = 0, -1  # characters on the line so far; -1: no word on it yet
    for word in words:
        candidate = current + 1 + len(word)
        if current >= 0 and candidate * CHAR_WIDTH > MAX_TEXT_WIDTH:
            lines, current = lines + 1, len(word)
        else:
            current = candidate
    return lines + 1 if current >= 0 else max(lines, 1)


def separate_boxes(positions: dict[str, list[float]], sizes: dict[str, tuple[float, float]], *,
                   pinned: set[str] | None = None, rounds: int = 80) -> None:
    """Push overlapping boxes apart along the axis where they overlap least, until none overlap.

    A grid of cells as large as the largest box finds the candidates, so a round
    costs about N, not N². A pinned node stays where it is while an unpinned one
    takes the whole push; two pinned nodes (a label that grew) share it. Boxes that
    touch, or overlap by no more than float rounding (``OVERLAP_TOLERANCE``), do not
    overlap: neighbouring grid cells are exactly a box wide apart, and pushing such
    a pair would push every neighbour in turn.

    After the first round only pairs with a node that moved since the previous
    round's start are looked at again: any other pair was already found apart in
    the previous round and has not moved since, so the result is the one checking
    every pair every round would give, at a cost of the moves, not of N, per round.
    """
    if not positions:
        return
    names = sorted(positions)
    fixed = pinned or set()
    xs = [float(positions[n][0]) for n in names]
    ys = [float(positions[n][1]) for n in names]
    half_w = [sizes[n][0] / 2 for n in names]
    half_h = [sizes[n][1] / 2 for n in names]
    is_pinned = [n in fixed for n in names]
    cell_w, cell_h = 2 * max(half_w), 2 * max(half_h)
    dirty: set[int] | None = None  # None: every node (the first round)
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[int]] = {}
        home = [(math.floor(x / cell_w), math.floor(y / cell_h)) for x, y in zip(xs, ys, strict=True)]
        for i, key in enumerate(home):
            grid.setdefault(key, []).append(i)
        check_all = dirty is None
        previous = dirty or set()
        pending = list(grid) if check_all else list({
            (home[i][0] + dx, home[i][1] + dy) for i in previous for dx in (-1, 0, 1) for dy in (-1, 0, 1)
            if (home[i][0] + dx, home[i][1] + dy) in grid})
        heapq.heapify(pending)  # the cells in sorted order, as a full round visits them
        queued = set(pending)
        moved: set[int] = set()
        while pending:
            here = heapq.heappop(pending)
            gx, gy = here
            near = [b for dx in (-1, 0, 1) for dy in (-1, 0, 1) for b in grid.get((gx + dx, gy + dy), ())]
            for a in grid[here]:
                for b in near:
                    if b <= a or not (check_all or a in previous or b in previous or a in moved or b in moved):
                        continue
                    overlap_x = half_w[a] + half_w[b] - abs(xs[a] - xs[b])
                    if overlap_x <= OVERLAP_TOLERANCE:
                        continue
                    overlap_y = half_h[a] + half_h[b] - abs(ys[a] - ys[b])
                    if overlap_y <= OVERLAP_TOLERANCE:
                        continue
                    share_a = 0.5 if is_pinned[a] == is_pinned[b] else (0.0 if is_pinned[a] else 1.0)
                    coords, overlap = (xs, overlap_x) if overlap_x < overlap_y else (ys, overlap_y)
                    direction = 1 if (coords[a], names[a]) >= (coords[b], names[b]) else -1
                    coords[a] += direction * (overlap + 1) * share_a
                    coords[b] -= direction * (overlap + 1) * (1 - share_a)
                    for node in (a, b):
                        if node in moved:
                            continue
                        moved.add(node)  # its pairs in the cells still to come this round are looked at again
                        for dx in (-1, 0, 1):
                            for dy in (-1, 0, 1):
                                key = (home[node][0] + dx, home[node][1] + dy)
                                if key > here and key in grid and key not in queued:
                                    queued.add(key)
                                    heapq.heappush(pending, key)
        if not moved:
            break
        dirty = moved
    for i, name in enumerate(names):
        positions[name][0], positions[name][1] = xs[i], ys[i]


def median_shift(before: Positions, after: Positions) -> float:
    """How far, in px, the nodes laid out both times moved: the median (0.0 when none are shared).

    >>> median_shift({"a": (0, 0), "b": (0, 0), "c": (5, 5)}, {"a": (3, 4), "b": (0, 0), "c": (5, 5), "d": (9, 9)})
    0.0
    """
    shifts = sorted(math.hypot(after[n][0] - x, after[n][1] - y) for n, (x, y) in before.items() if n in after)
    if not shifts:
        return 0.0
    middle = len(shifts) // 2
    return shifts[middle] if len(shifts) % 2 else (shifts[middle - 1] + shifts[middle]) / 2
