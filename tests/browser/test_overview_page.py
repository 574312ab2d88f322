"""A large vocabulary opens on its overview in a real browser: bubbles per category, unfolded
by a click or by picking one of its concepts anywhere, in the page's language, and filtered
by the legend like any map."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from browser.pages import DESKTOP, PHONE, offset_from_centre, open_map, wait_until
from conftest import ROOT
from helpers import page_data_of
from kamgraph.pipeline import build_map

sys.path.insert(0, str(ROOT / "benchmarks"))
from skos_generator import generate

pytestmark = pytest.mark.browser

DRAWN = "kamgraph.network.body.nodeIndices.slice()"
SELECTED = "kamgraph.network.getSelectedNodes()"


def synthetic_map(tmp_path_factory, concepts: int) -> Path:
    """The map of a generated vocabulary of ``concepts`` concepts (above the overview threshold)."""
    out = tmp_path_factory.mktemp(f"syn-{concepts}")
    source = out / f"syn-{concepts}.ttl"
    source.write_text(generate(concepts), encoding="utf-8")
    build_map([source], out)
    return out / "index.html"


@pytest.fixture(scope="module")
def large_map(tmp_path_factory) -> Path:
    return synthetic_map(tmp_path_factory, 3000)


@pytest.fixture(scope="module")
def overview_map(tmp_path_factory) -> Path:
    return synthetic_map(tmp_path_factory, 2500)


@pytest.fixture(scope="module")
def overview(overview_map: Path) -> dict:
    return page_data_of(overview_map.read_text(encoding="utf-8"))


@pytest.fixture(params=[DESKTOP, PHONE], ids=["laptop", "phone"])
def viewport(request):
    return request.param


def bubble(category: str) -> str:
    return f"overview:{category}"


def members(data: dict, category: str) -> set[str]:
    return {c["id"] for c in data["concepts"] if c["category"] == category}


def click_node(page, node_id: str, viewport) -> None:
    """A click (laptop) or tap (phone) on the drawn node, as a person would."""
    page.locator("#map").scroll_into_view_if_needed()
    point = page.evaluate("""(id) => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
        const box = document.getElementById('map').getBoundingClientRect();
        return {x: p.x + box.left, y: p.y + box.top};
    }""", node_id)
    if viewport == PHONE:
        page.touchscreen.tap(point["x"], point["y"])
    else:
        page.mouse.click(point["x"], point["y"])


def test_a_3000_concept_map_opens_on_its_categories_and_expands_on_click(browser, large_map: Path):
    page, log = open_map(browser, large_map)
    assert not log.page_errors and not log.external_requests
    groups = page.evaluate("kamgraph.data.overview.groups.map(function (g) { return [g.id, g.count]; })")
    assert sum(count for _, count in groups) == 3000 and len(groups) >= 2
    drawn = page.evaluate("kamgraph.network.body.nodeIndices.length")
    assert drawn == len(groups)  # only the bubbles are drawn, not 3,000 concepts
    first, count = groups[0]
    node = f"overview:{first}"
    position = page.evaluate(f"kamgraph.network.canvasToDOM(kamgraph.network.getPositions(['{node}'])['{node}'])")
    box = page.locator("#map").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    wait_until(page, f"kamgraph.network.body.nodeIndices.length === {len(groups) - 1 + count}")
    assert page.locator("button.overview-back").is_visible()
    page.locator("button.overview-back").click()
    assert page.evaluate("kamgraph.network.body.nodeIndices.length") == len(groups)
    assert not log.page_errors


# Bug (a): a concept picked anywhere but on the canvas showed in the panel and stayed hidden
# inside its folded bubble. Picking must unfold its category, select it and centre it.

def pick_by_search(page, c):
    page.locator("#search").fill(c["labels"]["nl"])
    page.locator("#search").press("Enter")


def pick_in_outline(page, c):
    page.locator(f"#outline a[data-concept='{c['id']}']").click()


def concept_above_tour_card(page, node_id: str) -> bool:
    return page.evaluate("""(id) => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
        const map = document.getElementById('map').getBoundingClientRect();
        const card = document.getElementById('tour-card').getBoundingClientRect();
        const y = map.top + p.y, x = map.left + p.x;
        return y > map.top && y < card.top && x > map.left && x < map.right;
    }""", node_id)


def pick_by_tour(page, c):
    page.locator("#tour-begin").click()  # "Start the tour": the first concept of the reading order


PICKERS = {"search": pick_by_search, "outline": pick_in_outline, "tour": pick_by_tour, "deep-link": None}


@pytest.mark.parametrize("how", list(PICKERS))
def test_picking_a_concept_unfolds_its_category_and_shows_it(browser, overview_map, overview, viewport, how):
    c = overview["concepts"][0] if how == "tour" else next(c for c in overview["concepts"] if c["localName"] == "C1234")
    fragment = f"#concept={c['localName']}&lang=nl" if how == "deep-link" else ""
    page, log = open_map(browser, overview_map, viewport=viewport, fragment=fragment)
    if PICKERS[how]:
        assert c["id"] not in page.evaluate(DRAWN)  # folded at first
        PICKERS[how](page, c)
    assert page.locator("#details-title").text_content() == c["labels"]["nl"]
    drawn = set(page.evaluate(DRAWN))
    assert members(overview, c["category"]) <= drawn  # its category is unfolded...
    assert bubble(c["category"]) not in drawn  # ...in place of its bubble
    other = next(g["id"] for g in overview["overview"]["groups"] if g["id"] != c["category"])
    assert bubble(other) in drawn and not members(overview, other) & drawn  # the others stay folded
    assert page.evaluate(SELECTED) == [c["id"]]
    if how == "tour":  # centred in the part of the map the tour card leaves free: above the card
        assert concept_above_tour_card(page, c["id"])
    else:
        assert offset_from_centre(page, c["id"]) < 3
    assert page.locator("button.overview-back").is_visible()
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


# Bug (b): switching language left the bubbles labelled in the old language.

def test_switching_language_relabels_the_bubbles(browser, overview_map, overview, viewport):
    page, log = open_map(browser, overview_map, viewport=viewport)
    groups = overview["overview"]["groups"]

    def bubble_labels():
        return page.evaluate("ids => ids.map(id => kamgraph.network.body.nodes[id].options.label)",
                             [bubble(g["id"]) for g in groups])

    assert bubble_labels() == [f"{g['labels']['nl']}\n({g['count']})" for g in groups]
    page.get_by_role("button", name="EN", exact=True).click()
    assert bubble_labels() == [f"{g['labels']['en']}\n({g['count']})" for g in groups]
    legend = page.locator("#legend li .name").all_text_contents()
    assert legend == [cat["labels"]["en"] for cat in overview["categories"]]
    page.get_by_role("button", name="NL", exact=True).click()
    assert bubble_labels() == [f"{g['labels']['nl']}\n({g['count']})" for g in groups]
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_switching_language_relabels_an_unfolded_category_and_the_panel(browser, overview_map, overview, viewport):
    page, _ = open_map(browser, overview_map, viewport=viewport, fragment="#concept=C1234&lang=nl")
    c = next(c for c in overview["concepts"] if c["localName"] == "C1234")
    page.get_by_role("button", name="EN", exact=True).click()
    assert page.evaluate("id => kamgraph.network.body.nodes[id].options.label", c["id"]) == c["labels"]["en"]
    assert page.locator("#details-title").text_content() == c["labels"]["en"]
    assert page.evaluate("location.hash") == "#concept=C1234&lang=en"
    page.context.close()


# Bug (c): the "Overview" button was English on a Dutch page.

def test_the_overview_button_speaks_the_page_language(browser, overview_map, overview, viewport):
    page, _ = open_map(browser, overview_map, viewport=viewport)
    back = page.locator("button.overview-back")
    assert back.is_hidden()  # nothing unfolded yet
    first = overview["overview"]["groups"][0]
    click_node(page, bubble(first["id"]), viewport)
    first_member = sorted(members(overview, first["id"]))[0]
    wait_until(page, f"kamgraph.network.body.nodeIndices.includes({json.dumps(first_member)})")
    assert back.is_visible() and back.text_content() == "Overzicht"
    page.get_by_role("button", name="EN", exact=True).click()
    assert back.text_content() == "Overview"
    page.get_by_role("button", name="NL", exact=True).click()
    assert back.text_content() == "Overzicht"
    back.click()
    assert sorted(page.evaluate(DRAWN)) == sorted(bubble(g["id"]) for g in overview["overview"]["groups"])
    assert back.is_hidden()
    page.context.close()


# Bug (d): hiding and showing a folded category in the legend drew its bubble and all its members.

def test_hiding_and_showing_a_folded_category_brings_back_only_its_bubble(browser, overview_map, overview, viewport):
    page, log = open_map(browser, overview_map, viewport=viewport)
    groups = overview["overview"]["groups"]
    category = groups[1]["id"]
    button = page.locator(f"#legend button[data-category='{category}']")
    assert button.locator(".count").text_content() == str(len(members(overview, category)))
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert sorted(page.evaluate(DRAWN)) == sorted(bubble(g["id"]) for g in groups if g["id"] != category)
    assert page.locator("#show-all").is_visible()
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert sorted(page.evaluate(DRAWN)) == sorted(bubble(g["id"]) for g in groups)  # the bubble, not its members
    assert page.locator("#show-all").is_hidden()
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_the_legend_hides_and_shows_an_unfolded_category_with_its_relations(browser, overview_map, overview, viewport):
    page, _ = open_map(browser, overview_map, viewport=viewport)
    groups = overview["overview"]["groups"]
    category = groups[2]["id"]
    click_node(page, bubble(category), viewport)
    inside = members(overview, category)
    wait_until(page, f"kamgraph.network.body.nodeIndices.length === {len(groups) - 1 + len(inside)}")
    edges = sorted(e["id"] for e in overview["edges"] if e["from"] in inside and e["to"] in inside)
    assert sorted(page.evaluate("kamgraph.network.body.edgeIndices.slice()")) == edges  # relations among what is shown
    button = page.locator(f"#legend button[data-category='{category}']")
    button.click()
    assert sorted(page.evaluate(DRAWN)) == sorted(bubble(g["id"]) for g in groups if g["id"] != category)
    assert page.evaluate("kamgraph.network.body.edgeIndices.length") == 0
    button.click()
    drawn = set(page.evaluate(DRAWN))
    assert inside <= drawn and bubble(category) not in drawn  # unfolded as it was
    page.locator("button.overview-back").click()
    assert sorted(page.evaluate(DRAWN)) == sorted(bubble(g["id"]) for g in groups)
    page.context.close()


def test_search_in_the_overview_finds_concepts_of_every_folded_category(browser, overview_map, overview, viewport):
    page, _ = open_map(browser, overview_map, viewport=viewport)
    box = page.locator("#search")
    box.fill("(EN)")  # every English label ends in "(en)": case ignored, the other language matches too
    options = page.locator("#search-results [role=option]").all_text_contents()
    assert len(options) == 15
    box.fill("C2499")  # nothing matches a local name
    assert page.locator("#search-results [role=option]").all_text_contents() == ["Geen begrippen gevonden."]
    last = overview["concepts"][-1]
    box.fill(last["labels"]["en"])
    top_label = page.locator("#search-results [role=option]").first.locator("span").first
    assert top_label.text_content() == last["labels"]["nl"]
    box.press("ArrowDown")
    box.press("Enter")
    assert page.evaluate(SELECTED) == [last["id"]]
    assert page.locator("#search-results").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    page.context.close()


def test_an_opened_category_is_readable_and_the_other_bubbles_stay_small(browser, overview_map, overview, viewport):
    page, log = open_map(browser, overview_map, viewport=viewport)
    category = max(overview["overview"]["groups"], key=lambda g: g["count"])["id"]
    page.evaluate("(c) => kamgraph.overview.expand(c)", category)
    page.evaluate("kamgraph.network.redraw()")
    scale = page.evaluate("kamgraph.network.getScale()")
    assert scale * page.evaluate("kamgraph.data.network.nodes.font.size") >= 12  # the concepts' labels
    on_screen = page.evaluate("""(scale) => kamgraph.app.map.nodes.get({filter: n => n.bubble})
        .map(n => n.font.size * scale)""", scale)
    assert on_screen and max(on_screen) <= 29  # no giant letters of the folded bubbles over the concepts
    drawn = set(page.evaluate("kamgraph.nodes.getIds()"))
    assert members(overview, category) <= drawn
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_a_category_unfolded_brings_its_tooltips_in_the_page_language(browser, overview_map, overview):
    """Tooltips are made when a concept is first drawn: none for the folded overview, every drawn one after."""
    page, log = open_map(browser, overview_map)
    titles = "kamgraph.nodes.get().filter(n => !n.bubble).map(n => n.title ? n.title.textContent : null)"
    assert page.evaluate(titles) == []
    other = next(lang for lang in overview["languages"] if lang != overview["languages"][0])
    page.evaluate("(l) => kamgraph.setLanguage(l)", other)
    category = overview["categories"][0]["id"]
    page.evaluate("(c) => kamgraph.overview.expand(c)", category)
    shown = page.evaluate(titles)
    assert len(shown) == len(members(overview, category)) and all(shown)
    first = next(c for c in overview["concepts"] if c["category"] == category)
    tip = page.evaluate("(id) => kamgraph.nodes.get(id).title.textContent", first["id"])
    assert tip.startswith(first["labels"].get(other) or first["localName"])
    assert not log.page_errors
