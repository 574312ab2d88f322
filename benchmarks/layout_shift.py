"""How far the KAM map's concepts move when an author adds one concept.

Builds the map into an empty folder, adds one concept (a new Turtle file: an
activity related to an existing concept), builds again into the same folder and
reports the median and largest shift of the concepts drawn both times, in page
pixels: once as a build does it (the previous positions from the layout cache),
and once laid out from scratch (no cache), for comparison.

    .venv/bin/python benchmarks/layout_shift.py
"""

from __future__ import annotations

import json
import math
import re
import tempfile
from pathlib import Path

from kamgraph.pipeline import LAYOUT_CACHE, build_map
from kamgraph.views.layout import median_shift
from kamgraph.views.wire import decode

ROOT = Path(__file__).resolve().parent.parent
NEW_CONCEPT = ROOT / "tests" / "fixtures" / "new-concept.ttl"  # one activity more, related to an existing concept

DATA = re.compile(r'<script type="application/json" id="kamgraph-data">(.*?)</script>', re.DOTALL)


def positions(index: Path) -> dict[str, tuple[int, int]]:
    found = DATA.search(index.read_text(encoding="utf-8"))
    assert found, f"{index} holds no page data"
    data = decode(json.loads(found.group(1)))  # the wire form: kamgraph/views/wire.py
    return {c["id"]: (c["x"], c["y"]) for c in data["concepts"]}


def main() -> None:
    ontology = ROOT / "ontology"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for cached in (True, False):
            out = work / ("cached" if cached else "cold")
            build_map([ontology], out)
            before = positions(out / "index.html")
            if not cached:
                for sidecar in (out / LAYOUT_CACHE).glob("*.json"):
                    sidecar.unlink()
            build_map([ontology, NEW_CONCEPT], out)
            after = positions(out / "index.html")
            largest = max(math.dist(before[n], after[n]) for n in before)
            print(f"{'with the layout cache' if cached else 'laid out from scratch'}: "
                  f"median shift {median_shift(before, after):.1f} px, largest {largest:.1f} px "
                  f"over {len(before)} concepts")


if __name__ == "__main__":
    main()
