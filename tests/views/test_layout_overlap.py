"""The overlap pass: the same pushes as checking every pair every round, no pushes for boxes that only touch."""

from __future__ import annotations

import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kamgraph.views.layout import OVERLAP_TOLERANCE, separate_boxes, snap_to_cells


def every_pair_every_round(positions: dict[str, list[float]], sizes: dict[str, tuple[float, float]], *,
                           pinned: set[str] | None = None, rounds: int = 80) -> None:
    """The pass as it was first written: each round looks at every candidate pair of the grid."""
    pinned = pinned or set()
    cell_w = max(sizes[n][0] for n in positions)
    cell_h = max(sizes[n][1] for n in positions)
    nodes = sorted(positions)
    for _ in range(rounds):
        grid: dict[tuple[int, int], list[str]] = {}
        for node in nodes:
            x, y = positions[node]
            grid.setdefault((math.floor(x / cell_w), math.floor(y / cell_h)), []).append(node)
        moved = False
        for (gx, gy), here in sorted(grid.items()):
            near = [n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in grid.get((gx + dx, gy + dy), ())]
            for a in here:
                for b in near:
                    if b <= a:
                        continue
                    (ax, ay), (bx, by) = positions[a], positions[b]
                    overlap_x = (sizes[a][0] + sizes[b][0]) / 2 - abs(ax - bx)
                    overlap_y = (sizes[a][1] + sizes[b][1]) / 2 - abs(ay - by)
                    if overlap_x <= OVERLAP_TOLERANCE or overlap_y <= OVERLAP_TOLERANCE:
                        continue
                    moved = True
                    a_pinned, b_pinned = a in pinned, b in pinned
                    share_a = 0.5 if a_pinned == b_pinned else (0.0 if a_pinned else 1.0)
                    axis = 0 if overlap_x < overlap_y else 1
                    overlap = overlap_x if axis == 0 else overlap_y
                    direction = 1 if (positions[a][axis], a) >= (positions[b][axis], b) else -1
                    positions[a][axis] += direction * (overlap + 1) * share_a
                    positions[b][axis] -= direction * (overlap + 1) * (1 - share_a)
        if not moved:
            return


boxes = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3),
    st.tuples(st.integers(-250, 250), st.integers(-150, 150), st.integers(20, 220), st.integers(20, 90),
              st.booleans()),
    min_size=1, max_size=60)


PILE = {name: (0, 0, 20, 20, False) for name in ("a", "b", "c", "d", "e", "f", "aa", "ab", "ac", "ad")}


@settings(max_examples=300, deadline=None)
@given(boxes, st.integers(1, 80))
@example(PILE | {"ea": (-1, -5, 20, 20, False)}, 7)  # pushes in later rounds move boxes not moved the round before
def test_the_pass_pushes_exactly_as_checking_every_pair_every_round(drawn: dict, rounds: int):
    sizes = {n: (float(w), float(h)) for n, (_, _, w, h, _) in drawn.items()}
    pinned = {n for n, (*_, pin) in drawn.items() if pin}
    fast = {n: [float(x), float(y)] for n, (x, y, *_) in drawn.items()}
    slow = {n: [float(x), float(y)] for n, (x, y, *_) in drawn.items()}
    separate_boxes(fast, sizes, pinned=pinned, rounds=rounds)
    every_pair_every_round(slow, sizes, pinned=pinned, rounds=rounds)
    assert fast == slow


@settings(max_examples=100, deadline=None)
@given(st.floats(-1e5, 1e5), st.floats(-1e5, 1e5), st.lists(st.floats(40.0, 220.0), min_size=1, max_size=8),
       st.integers(2, 300))
def test_boxes_in_neighbouring_grid_cells_only_touch_and_are_not_moved(cx: float, cy: float, widths: list[float],
                                                                         count: int):
    """A category set in cells a box wide, then moved to its disc's centre: rounding must not count as overlap."""
    cell = (max(widths), 52.0)
    targets = {f"n{i}": (math.cos(i) * i * 9.0, math.sin(i) * i * 7.0) for i in range(count)}
    snapped = snap_to_cells(targets, cell)
    sizes = {node: (widths[i % len(widths)], cell[1]) for i, node in enumerate(sorted(snapped))}
    sizes[min(snapped)] = cell  # at least one box fills its cell
    positions = {node: [cx + x, cy + y] for node, (x, y) in snapped.items()}
    before = {node: list(point) for node, point in positions.items()}
    separate_boxes(positions, sizes)
    assert positions == before


def test_overlapping_boxes_are_pushed_apart_until_none_overlap():
    sizes = {f"n{i}": (120.0, 40.0) for i in range(20)}
    positions = {f"n{i}": [float(i % 7), float(i % 5)] for i in range(20)}  # 20 boxes on a 7x5 px patch
    separate_boxes(positions, sizes, rounds=400)
    nodes = sorted(positions)
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert (abs(positions[a][0] - positions[b][0]) >= 120.0 - OVERLAP_TOLERANCE
                    or abs(positions[a][1] - positions[b][1]) >= 40.0 - OVERLAP_TOLERANCE)


def test_a_pinned_box_stays_and_the_other_takes_the_whole_push():
    sizes = {"a": (100.0, 40.0), "b": (100.0, 40.0)}
    positions = {"a": [0.0, 0.0], "b": [80.0, 5.0]}  # overlapping least along x
    separate_boxes(positions, sizes, pinned={"a"})
    assert positions["a"] == [0.0, 0.0]
    assert positions["b"][1] == 5.0 and positions["b"][0] >= 100.0


def snap_by_rings(targets: dict[str, tuple[float, float]], cell: tuple[float, float]) -> dict[str, tuple[float, float]]:
    """snap_to_cells as first written: every node searches rings of cells outwards from ring 0."""
    width, height = cell
    taken: set[tuple[int, int]] = set()
    placed: dict[str, tuple[float, float]] = {}
    for node, (x, y) in sorted(targets.items(), key=lambda item: (math.hypot(*item[1]), item[0])):
        gx, gy = round(x / width), round(y / height)
        ring = 0
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


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text("abcdef", min_size=1, max_size=4),
                       st.tuples(st.floats(-600, 600), st.floats(-600, 600)), min_size=1, max_size=80),
       st.floats(40.0, 220.0), st.floats(30.0, 90.0))
def test_snapping_takes_the_cells_the_ring_search_takes(targets: dict, width: float, height: float):
    assert snap_to_cells(targets, (width, height)) == snap_by_rings(targets, (width, height))
