"""Dump what a change must keep the same, to compare two versions of kamgraph on the same inputs (a tool, not a test).

The findings of the real ontology, of each tests/bad/ file loaded with it, and of
STW; and the page data of the KAM and STW builds (as JSON, so compared by meaning,
keys sorted), as built and as the page carries it (decoded from the wire form). Validation
caching is off. To compare this checkout with ``main``::

    git archive main kamgraph | tar -x -C /tmp/kam-main
    PYTHONPATH=/tmp/kam-main .venv/bin/python tests/before_after.py /tmp/before.json
    .venv/bin/python tests/before_after.py /tmp/after.json && cmp /tmp/before.json /tmp/after.json
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STW = ROOT.parent / "shared" / "data" / "stw-skos.ttl"


def snapshot() -> dict:
    os.environ["KAMGRAPH_CACHE_DIR"] = ""
    from kamgraph.errors import LoadError
    from kamgraph.pipeline import load_and_check
    from kamgraph.views.site import render_site

    def findings(paths: list[Path]) -> list[str]:
        try:
            return [f.format() for f in load_and_check(paths).report.findings]
        except LoadError as error:
            return ["load error", *(f.format() for f in error.findings)]

    out: dict = {"kam": findings([ROOT / "ontology"])}
    for bad in sorted((ROOT / "tests" / "bad").glob("*.ttl")):
        out[bad.name] = findings([ROOT / "ontology", bad])
    for name, path in (("kam", ROOT / "ontology"), ("stw", STW)):
        if not path.exists():
            continue
        checked = load_and_check([path])
        out[f"{name} findings"] = [f.format() for f in checked.report.findings]
        with tempfile.TemporaryDirectory() as tmp:
            site = render_site(checked.concepts, layout_cache=Path(tmp))
            out[f"{name} page data"] = site.index_data
            out[f"{name} page data in the page"] = carried(site.pages["index.html"])
    return out


def carried(html: str) -> dict:
    """The page data as the page carries it, decoded when it is in the wire form (kamgraph/views/wire.py)."""
    island = json.loads(re.search(r'<script type="application/json" id="kamgraph-data">(.*?)</script>', html,
                                  re.DOTALL).group(1))
    if "wire" not in island:
        return island
    from kamgraph.views.wire import decode

    return decode(island)


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(snapshot(), sort_keys=True, ensure_ascii=False), encoding="utf-8")
