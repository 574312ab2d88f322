"""A large vocabulary opens on its overview in a real browser, and a category opens on click."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from browser.pages import open_map
from conftest import ROOT
from kamgraph.build import build_map

sys.path.insert(0, str(ROOT / "benchmarks"))
from skos_generator import generate  # noqa: E402

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def large_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("large")
    source = out / "syn-3000.ttl"
    source.write_text(generate(3000), encoding="utf-8")
    build_map([source], out)
    return out / "index.html"


def test_a_3000_concept_map_opens_on_its_categories_and_expands_on_click(browser, large_map: Path):
    page, log = open_map(browser, large_map)
    assert not log.page_errors and not log.external_requests
    groups = page.evaluate("kamgraph.data.overview.groups.map(function (g) { return [g.id, g.count]; })")
    assert sum(count for _, count in groups) == 3000 and len(groups) >= 2
    drawn = page.evaluate("kamgraph.network.body.nodeIndices.length")
    assert drawn == len(groups)  # only the bubbles are drawn, not 3,000 concepts
    first, count = groups[0]
    position = page.evaluate(f"kamgraph.network.canvasToDOM(kamgraph.network.getPositions(['overview:{first}'])['overview:{first}'])")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    page.wait_for_function(f"kamgraph.network.body.nodeIndices.length === {len(groups) - 1 + count}")
    assert page.locator("button.overview-back").is_visible()
    page.locator("button.overview-back").click()
    assert page.evaluate("kamgraph.network.body.nodeIndices.length") == len(groups)
    assert not log.page_errors
