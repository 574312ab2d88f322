"""The map in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.pages import open_map
from conftest import FIXTURES, OUTPUT
from helpers import island_data
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def payload_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("payloads")
    build_map([FIXTURES / "payloads.ttl"], out)
    return out / "index.html"


@pytest.fixture(scope="module")
def small_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("small")
    build_map([FIXTURES / "small.ttl"], out)
    return out / "index.html"


def embedded(page) -> dict:
    return island_data(page.locator("#kamgraph-data").text_content())


def test_committed_map_draws_every_concept_offline(browser):
    page, log = open_map(browser, OUTPUT / "index.html")
    data = embedded(page)
    drawn = page.evaluate("kamgraph.network.body.nodeIndices.length")
    assert drawn == len(data["concepts"]) >= 100
    assert page.evaluate("kamgraph.network.body.edgeIndices.length") == len(data["edges"])
    assert log.external_requests == []
    assert log.requests == [(OUTPUT / "index.html").resolve().as_uri()]
    assert log.page_errors == [] and log.dialogs == [] and log.console_errors == []
    legend = page.locator("#legend li")
    assert legend.count() == len(data["categories"])
    page.context.close()


def test_hostile_ontology_text_stays_text(browser, payload_map: Path):
    page, log = open_map(browser, payload_map)
    page.evaluate("window.kamgraph.select('evil:Script', false)")
    assert page.locator("#details-title").text_content() == "</script><script>alert('label')</script>"
    assert "<img src=x onerror=alert('definition')>" in page.locator("#details-body").text_content()
    page.evaluate("window.kamgraph.select('evil:Href', false)")
    assert page.locator("#details-body a[href^='javascript:'], #details-body a[href^='data:']").count() == 0
    assert page.locator("img").count() == 0
    assert log.dialogs == [] and log.page_errors == [] and log.external_requests == []
    assert log.console_errors == []
    page.context.close()


def test_language_switch_relabels_the_map(browser, small_map: Path):
    page, _ = open_map(browser, small_map)
    assert page.evaluate("window.kamgraph.nodes.get('ex:AppleTree').label") == "Appelboom"
    page.get_by_role("button", name="EN", exact=True).click()
    assert page.evaluate("window.kamgraph.nodes.get('ex:AppleTree').label") == "Apple tree"
    # Pear has no English label: the Dutch one is shown, never a blank.
    assert page.evaluate("window.kamgraph.nodes.get('ex:Pear').label") == "Peer"
    assert page.evaluate("document.documentElement.lang") == "en"
    page.context.close()


def test_hover_shows_the_definition(browser, small_map: Path):
    page, _ = open_map(browser, small_map)
    point = page.evaluate("""() => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions(['ex:Apple'])['ex:Apple']);
        const box = document.getElementById('map').getBoundingClientRect();
        return {x: p.x + box.left, y: p.y + box.top};
    }""")
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    assert "Een vrucht." in tooltip.inner_text()
    page.context.close()


def test_clicking_a_node_reads_its_relations_as_sentences(browser, small_map: Path):
    page, _ = open_map(browser, small_map)
    page.evaluate("window.kamgraph.select('ex:AppleTree', false)")
    sentences = page.locator("#details-body li").all_text_contents()
    assert "Appelboom — draagt → Appel" in sentences
    page.locator("#details-body li a", has_text="Appel").first.click()
    assert page.locator("#details-title").text_content() == "Appel"
    page.context.close()
