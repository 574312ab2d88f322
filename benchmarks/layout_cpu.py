"""CPU time of the layout alone, per step, on the KAM ontology, STW and a synthetic vocabulary.

Each concept graph is built first (not timed); then, timed with ``time.process_time``
(CPU, not wall: the machine is shared): the box sizes, the cache key, the whole
map's positions from scratch, and every topic view a build makes (only maps of up
to 2,000 concepts get topics). Also: how many pairs of boxes overlap (by more than
the 1 px the integer positions may round to) in the whole map and the topic views.
Runs on older versions of the layout too (``PYTHONPATH`` at another checkout's code).

    .venv/bin/python benchmarks/layout_cpu.py                 # KAM, STW (if found), 50,000 synthetic
    .venv/bin/python benchmarks/layout_cpu.py --synthetic 2000 --no-stw
"""

from __future__ import annotations

import argparse
import math
import tempfile
import time
from pathlib import Path

from skos_generator import generate

from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views import layout
from kamgraph.views.page_data import OVERVIEW_THRESHOLD

ROOT = Path(__file__).resolve().parent.parent
STW = ROOT.parent / "shared" / "data" / "stw-skos.ttl"


def overlaps(positions: layout.Positions, sizes: dict[str, tuple[float, float]]) -> int:
    """Pairs of boxes overlapping by more than 1 px each way, found on a grid of the largest box."""
    width = max(sizes[n][0] for n in positions)
    height = max(sizes[n][1] for n in positions)
    cells: dict[tuple[int, int], list[str]] = {}
    for node, (x, y) in positions.items():
        cells.setdefault((math.floor(x / width), math.floor(y / height)), []).append(node)
    count = 0
    for (gx, gy), here in cells.items():
        near = [n for dx in (-1, 0, 1) for dy in (-1, 0, 1) for n in cells.get((gx + dx, gy + dy), ())]
        for a in here:
            for b in near:
                if a < b and all(abs(positions[a][k] - positions[b][k]) < (sizes[a][k] + sizes[b][k]) / 2 - 1
                                 for k in (0, 1)):
                    count += 1
    return count


def measure(name: str, source: Path) -> None:
    graph = from_ontology(load_ontology([source])).graph
    shared = hasattr(layout, "box_sizes")  # older versions measured the sizes again for the key and the layout
    started = time.process_time()
    sizes = layout.box_sizes(graph) if shared else {n: layout.box_size(a) for n, a in graph.nodes(data=True)}
    sized = time.process_time()
    layout.layout_key(graph, sizes) if shared else layout.layout_key(graph)
    keyed = time.process_time()
    positions = layout.compute_positions(graph, sizes=sizes) if shared else layout.compute_positions(graph)
    placed = time.process_time()
    categories = sorted({str(c) for _, c in graph.nodes(data="category")})
    topics = [layout.topic_positions(positions, graph, c) for c in categories] \
        if graph.number_of_nodes() <= OVERVIEW_THRESHOLD else []
    done = time.process_time()
    topic_overlaps = sum(overlaps(t, sizes) for t in topics if t)
    print(f"{name}: {graph.number_of_nodes()} concepts, {len(categories)} categories | sizes {sized - started:.3f} s, "
          f"key {keyed - sized:.3f} s, positions {placed - keyed:.3f} s, {len(topics)} topic views "
          f"{done - placed:.3f} s | overlapping boxes: map {overlaps(positions, sizes)}, topic views {topic_overlaps}",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=int, default=50_000, help="concepts in the synthetic vocabulary (0: none)")
    parser.add_argument("--no-stw", action="store_true", help="leave STW out")
    args = parser.parse_args()
    measure("KAM", ROOT / "ontology")
    if STW.exists() and not args.no_stw:
        measure("STW", STW)
    if args.synthetic:
        with tempfile.TemporaryDirectory() as folder:
            synthetic = Path(folder) / f"syn-{args.synthetic}.ttl"
            synthetic.write_text(generate(args.synthetic), encoding="utf-8")
            measure(f"synthetic {args.synthetic}", synthetic)


if __name__ == "__main__":
    main()
