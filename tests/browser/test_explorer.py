"""The learner's explorer (issue 5): each behaviour in Chromium, at laptop and phone size."""

from __future__ import annotations

import math
import struct
from pathlib import Path

import pytest

from browser.pages import DESKTOP, PHONE, offset_from_centre, open_map, wait_until
from conftest import FIXTURES, OUTPUT
from helpers import page_data_of
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser

INDEX = OUTPUT / "index.html"


@pytest.fixture(params=[DESKTOP, PHONE], ids=["laptop", "phone"])
def viewport(request):
    return request.param


@pytest.fixture(scope="module")
def kam() -> dict:
    return page_data_of(INDEX.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def nameless_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("nameless")
    build_map([FIXTURES / "small.ttl", FIXTURES / "nameless.ttl"], out)
    return out / "index.html"


def concept(data: dict, local_name: str) -> dict:
    return next(c for c in data["concepts"] if c["localName"] == local_name)


def label(c: dict, lang: str) -> str:
    return c["labels"].get(lang) or next(iter(c["labels"].values()), c["localName"])


def selected(page) -> list[str]:
    return page.evaluate("kamgraph.network.getSelectedNodes()")


def node_point(page, node_id: str) -> dict:
    page.evaluate("(id) => document.getElementById('map').scrollIntoView({block: 'center'})", node_id)
    return page.evaluate("""(id) => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
        const box = document.getElementById('map').getBoundingClientRect();
        return {x: p.x + box.left, y: p.y + box.top};
    }""", node_id)


def search_options(page) -> list[str]:
    return page.locator("#search-results [role=option]").all_text_contents()


# 1. search ---------------------------------------------------------------------------------

def test_search_matches_both_languages_alt_labels_accents_and_case(browser, viewport, kam):
    page, log = open_map(browser, INDEX, viewport=viewport)
    box = page.get_by_role("combobox", name="Zoek een begrip")
    assert box.evaluate("e => e.type") == "search"
    box.fill("waarde")
    options = " | ".join(search_options(page))
    assert "Waarde propositie" in options and "Toegevoegde waarde" in options
    assert box.get_attribute("aria-expanded") == "true"
    box.fill("PORTER")  # case-insensitive; the model's English name is the match
    assert any("Vijfkrachtenmodel van Porter" in o for o in search_options(page))
    accented = next(c for c in kam["concepts"] if any(ch in label(c, "nl") for ch in "ëéèï"))
    plain = "".join(ch for ch in __import__("unicodedata").normalize("NFD", label(accented, "nl"))
                    if not __import__("unicodedata").combining(ch)).upper()
    box.fill(plain)
    assert any(label(accented, "nl") in o for o in search_options(page))
    alt = concept(kam, "ValueBasedPricing")["altLabels"]["nl"][0]  # "Waardegebaseerde prijszetting"
    box.fill(alt.lower())
    assert any(o.startswith("Value based pricing") for o in search_options(page))
    assert log.page_errors == []
    page.context.close()


def test_search_keyboard_pick_centres_and_selects(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    box = page.locator("#search")
    box.fill("prijs")
    box.press("ArrowDown")
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    chosen = page.locator(f"#{active} span").first.text_content()
    box.press("Enter")
    assert page.locator("#search-results").is_hidden()
    assert page.locator("#details-title").text_content() == chosen
    (picked,) = selected(page)
    assert label(next(c for c in kam["concepts"] if c["id"] == picked), "nl") == chosen
    assert offset_from_centre(page, picked) < 3
    page.context.close()


# 2. details ------------------------------------------------------------------------------

def test_details_show_both_labels_definition_origin_and_source_passage(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    c = concept(kam, "KeyAccountManager")  # lines L8–L11 of section 1
    page.evaluate("id => window.kamgraph.select(id, true)", c["id"])
    assert page.get_by_role("region", name=label(c, "nl")).is_visible()
    body = page.locator("#details-body")
    assert label(c, "en") in body.locator(".other-language").text_content()
    assert c["definitions"]["nl"] in body.text_content()
    category = next(cat for cat in kam["categories"] if cat["id"] == c["category"])
    assert category["labels"]["nl"] in body.locator(".category-line").text_content()
    assert "Uit de samenvatting" in body.locator(".origin").text_content()
    section = next(s for s in kam["sections"] if s["id"] == c["section"])
    assert section["labels"]["nl"] in body.locator(".passage figcaption").first.text_content()
    marked = body.locator(".passage").first.locator("mark").all_text_contents()
    lines = section["text"].split("\n")
    assert marked == lines[8 - section["firstLine"]:11 - section["firstLine"] + 1]
    page.context.close()


def test_details_name_the_reference_of_material_beyond_the_summary(browser, kam):
    page, _ = open_map(browser, INDEX, fragment="#lang=en")
    c = next(c for c in kam["concepts"] if c["origin"] == "beyond-source" and c["citation"])
    page.evaluate("id => window.kamgraph.select(id, false)", c["id"])
    origin = page.locator("#details-body .origin").text_content()
    assert "Beyond the summary" in origin and c["citation"] in origin
    page.context.close()


def test_relations_read_as_sentences_both_ways_and_link(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    page.evaluate("window.kamgraph.select('kam:AccountManagement3_0', false)")
    sentences = page.locator("#details-body .sentences li .sentence").all_text_contents()
    assert "Accountmanagement 3.0 — heeft als focus → Waarde propositie" in sentences
    relations = {r["id"]: r for r in kam["relationTypes"]}
    incoming = [e for e in kam["edges"] if e["to"] == "kam:AccountManagement3_0"]
    outgoing = [e for e in kam["edges"] if e["from"] == "kam:AccountManagement3_0"]
    assert len(sentences) == len(incoming) + len(outgoing) and incoming
    e = incoming[0]
    source = next(c for c in kam["concepts"] if c["id"] == e["from"])
    reading = relations[e["relation"]]["inverseLabels"]["nl"]
    assert f"Accountmanagement 3.0 — {reading} → {label(source, 'nl')}" in sentences
    page.locator("#details-body .sentences a", has_text="Waarde propositie").click()
    assert page.locator("#details-title").text_content() == "Waarde propositie"
    assert selected(page) == ["kam:ValueProposition"]
    page.context.close()


# 3. language ---------------------------------------------------------------------------

def test_language_switch_changes_canvas_panel_legend_and_interface(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    c = concept(kam, "ValueBasedPricing")
    page.evaluate("id => window.kamgraph.select(id, true)", c["id"])
    page.get_by_role("button", name="EN", exact=True).click()
    assert page.evaluate("id => window.kamgraph.nodes.get(id).label", c["id"]) == c["labels"]["en"]
    assert page.locator("#details-title").text_content() == c["labels"]["en"]
    assert c["definitions"]["en"] in page.locator("#details-body").text_content()
    legend = page.locator("#legend li").all_text_contents()
    assert any(kam["categories"][0]["labels"]["en"] in item for item in legend)
    assert page.locator("#search-label").text_content() == "Search a concept"
    assert page.locator("#tour-title").text_content() == "Tour of " + kam["title"]["en"]  # named after the vocabulary
    assert page.evaluate("document.documentElement.lang") == "en"
    page.get_by_role("button", name="NL", exact=True).click()
    assert page.locator("#details-title").text_content() == c["labels"]["nl"]
    page.context.close()


def test_a_missing_label_falls_back_never_blank(browser, viewport, nameless_map):
    page, _ = open_map(browser, nameless_map, viewport=viewport)
    page.get_by_role("button", name="EN", exact=True).click()
    assert page.evaluate("window.kamgraph.nodes.get('ex:Pear').label") == "Peer"  # no English: Dutch
    assert page.evaluate("window.kamgraph.nodes.get('ex:Nameless').label") == "Nameless"  # no label: local name
    page.evaluate("window.kamgraph.select('ex:Nameless', false)")
    assert page.locator("#details-title").text_content() == "Nameless"
    assert page.locator("#outline a[data-concept='ex:Nameless']").text_content().startswith("Nameless")
    page.context.close()


# 4. filters and focus -----------------------------------------------------------------------

def test_legend_filters_categories_with_counts(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    first = kam["categories"][0]
    members = [c["id"] for c in kam["concepts"] if c["category"] == first["id"]]
    button = page.locator("#legend li button").first
    assert button.locator(".count").text_content() == str(len(members)) == str(first["count"])
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    hidden = page.evaluate("kamgraph.data.concepts.map(c => c.id).filter(id => kamgraph.nodes.get(id) === null)")
    assert sorted(hidden) == sorted(members)
    assert page.evaluate("kamgraph.network.body.nodeIndices.length") == len(kam["concepts"]) - len(members)
    button.click()
    assert page.evaluate("window.kamgraph.nodes.length") == len(kam["concepts"])
    page.context.close()


def test_relation_types_can_be_hidden(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    relation = max(kam["relationTypes"], key=lambda r: sum(e["relation"] == r["id"] for e in kam["edges"]))
    count = sum(e["relation"] == relation["id"] for e in kam["edges"])
    page.locator(f"#relations input[data-relation='{relation['id']}']").uncheck()
    assert page.evaluate("kamgraph.network.body.edgeIndices.length") == len(kam["edges"]) - count
    page.locator(f"#relations input[data-relation='{relation['id']}']").check()
    assert page.evaluate("kamgraph.network.body.edgeIndices.length") == len(kam["edges"])
    page.context.close()


def neighbours(kam: dict, start: str, depth: int) -> set[str]:
    near, frontier = {start}, {start}
    for _ in range(depth):
        frontier = {e["to"] if e["from"] in frontier else e["from"] for e in kam["edges"]
                    if e["from"] in frontier or e["to"] in frontier} - near
        near |= frontier
    return near


@pytest.mark.parametrize("depth", [1, 2])
def test_focus_dims_everything_beyond_the_neighbourhood(browser, kam, depth):
    page, _ = open_map(browser, INDEX)
    page.evaluate("window.kamgraph.select('kam:KeyAccount', true)")
    page.locator("#focus-depth").select_option(str(depth))
    opacity = page.evaluate("Object.fromEntries(window.kamgraph.nodes.get().map(n => [n.id, n.opacity ?? 1]))")
    bright = {node for node, value in opacity.items() if value == 1}
    assert bright == neighbours(kam, "kam:KeyAccount", depth)
    assert len(bright) < len(opacity)
    page.locator("#focus-depth").select_option("0")
    assert all(v == 1 for v in page.evaluate("window.kamgraph.nodes.get().map(n => n.opacity ?? 1)"))
    page.context.close()


# 5. guided tour ----------------------------------------------------------------------------

def test_tour_walks_the_summary_in_order_and_remembers_progress(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    order = [c["id"] for c in kam["concepts"]]
    total = len(order)
    page.locator("#tour-begin").click()
    assert selected(page) == [order[0]]
    first_section = next(s for s in kam["sections"] if s["id"] == kam["concepts"][0]["section"])
    assert first_section["labels"]["nl"] in page.locator("#tour-section").text_content()
    page.locator("#tour-next").click()
    page.locator("#tour-next").click()
    assert selected(page) == [order[2]]
    page.locator("#tour-previous").click()
    assert selected(page) == [order[1]]
    assert page.locator("#tour-progress-text").text_content() == f"3 van {total} bezocht"
    assert page.locator("#tour-position").text_content() == f"2 / {total}"
    again, _ = open_map(browser, INDEX, context=page.context)  # same browser profile: progress kept
    assert again.locator("#tour-progress-text").text_content() == f"3 van {total} bezocht"
    assert again.locator(f"#outline a[data-concept='{order[2]}'].visited").count() == 1
    again.locator("#tour-reset").click()
    assert again.locator("#tour-progress-text").text_content() == f"0 van {total} bezocht"
    assert again.locator("#outline a.visited").count() == 0
    page.context.close()


def test_tour_works_without_local_storage(browser):
    page, log = open_map(browser, INDEX, storage_state=None)
    page.evaluate("""() => {
        Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});
    }""")
    page.reload()
    wait_until(page, "document.documentElement.dataset.ready === 'true'")
    page.locator("#tour-begin").click()
    assert page.locator("#tour-position").text_content().startswith("1 / ")
    assert log.page_errors == []
    page.context.close()


# 6. outline ----------------------------------------------------------------------------------

def test_outline_lists_every_concept_and_follows_the_keyboard(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    links = page.locator("#outline a")
    assert links.count() == len(kam["concepts"])
    headings = page.locator("#outline h3").all_text_contents()
    assert len(headings) == len({c["section"] for c in kam["concepts"]})
    links.first.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.dataset.concept")
    assert focused == kam["concepts"][2]["id"]
    page.keyboard.press("Enter")
    assert selected(page) == [focused]
    assert page.locator("#outline a[aria-current='true']").get_attribute("data-concept") == focused
    page.evaluate("window.kamgraph.select('kam:ValueBasedPricing', true)")  # canvas selection syncs back
    assert page.locator("#outline a[aria-current='true']").get_attribute("data-concept") == "kam:ValueBasedPricing"
    page.get_by_role("button", name="Per categorie").click()
    assert page.locator("#outline h3").count() == len(kam["categories"])
    assert page.locator("#outline a").count() == len(kam["concepts"])
    page.context.close()


# 7. URL hash -------------------------------------------------------------------------------

def test_deep_link_opens_a_concept_in_a_language(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#concept=ValueBasedPricing&lang=en")
    c = concept(kam, "ValueBasedPricing")
    assert selected(page) == [c["id"]]
    assert page.locator("#details-title").text_content() == c["labels"]["en"]
    assert page.evaluate("document.documentElement.lang") == "en"
    assert offset_from_centre(page, c["id"]) < 3
    page.context.close()


def test_back_and_forward_move_through_selections(browser, viewport):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    page.evaluate("window.kamgraph.select('kam:KeyAccount', true)")
    page.locator("#details-body .sentences a").first.click()
    second = selected(page)[0]
    assert second != "kam:KeyAccount"
    assert "concept=" in page.evaluate("location.hash")
    page.go_back()
    wait_until(page, "kamgraph.network.getSelectedNodes()[0] === 'kam:KeyAccount'")
    assert page.evaluate("location.hash") == "#concept=KeyAccount&lang=nl"
    page.go_forward()
    wait_until(page, f"kamgraph.network.getSelectedNodes()[0] === '{second}'")
    page.context.close()


# 8. PNG export -----------------------------------------------------------------------------

def test_the_current_view_saves_as_png(browser, viewport, tmp_path):
    page, log = open_map(browser, INDEX, viewport=viewport, accept_downloads=True)
    page.evaluate("window.kamgraph.select('kam:KeyAccount', true)")
    with page.expect_download() as download:
        page.locator("#export").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "kamgraph-KeyAccount.png"
    head = saved.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    canvas = page.evaluate("[document.querySelector('#map canvas').width, "
                           "document.querySelector('#map canvas').height]")
    assert width == canvas[0] > 100 and height > canvas[1]  # the view, with the title above and the legend below
    assert log.external_requests == []
    page.context.close()


# 9. topic views (focused maps): one per category, in the one page ------------------------------

def test_each_category_has_a_topic_view_linked_from_the_full_map(browser, viewport, kam):
    page, log = open_map(browser, INDEX, viewport=viewport)
    hrefs = page.locator("#map-links a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(f"#lang=nl&topic={t['name']}" for t in kam["topics"])
    assert sorted(t["category"] for t in kam["topics"]) == sorted(c["id"] for c in kam["categories"])
    pricing = next(c for c in kam["categories"] if c["localName"] == "PricingMethod")
    page.locator("#map-links a", has_text=pricing["labels"]["nl"]).click()
    wait_until(page, "kamgraph.data.scope === 'kamo:PricingMethod'")
    wait_until(page, "document.documentElement.dataset.ready === 'true'")
    assert page.url.endswith("index.html#lang=nl&topic=PricingMethod")
    members = {c["id"] for c in kam["concepts"] if c["category"] == pricing["id"]}
    expected = members | {e["to"] for e in kam["edges"] if e["from"] in members} | {
        e["from"] for e in kam["edges"] if e["to"] in members}
    assert sorted(page.evaluate("window.kamgraph.nodes.getIds()")) == sorted(expected)
    assert page.locator("#map-links a[href='#lang=nl']").count() == 1  # back to the whole map
    assert page.locator("#map-links a[aria-current=page]").text_content() == pricing["labels"]["nl"]
    assert pricing["labels"]["nl"] in page.locator("#title").text_content()
    page.go_back()
    wait_until(page, "kamgraph.data.scope === null && document.documentElement.dataset.ready === 'true'")
    assert len(page.evaluate("window.kamgraph.nodes.getIds()")) == len(kam["concepts"])
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()


def test_a_topic_page_opens_its_topic_view(browser, viewport):
    page, log = open_map(browser, INDEX.parent / "maps" / "PricingMethod.html", viewport=viewport)
    assert page.url.endswith("/index.html#topic=PricingMethod")
    assert page.evaluate("kamgraph.data.scope") == "kamo:PricingMethod"
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()


# 10. phone and laptop: readable at first sight ---------------------------------------------------

def test_first_view_is_readable_without_overlaps(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    font = kam["network"]["nodes"]["font"]["size"]
    assert page.evaluate("kamgraph.network.getScale()") * font >= 8  # labels at least 8 px tall on screen
    boxes = page.evaluate("window.kamgraph.nodes.getIds().map(id => kamgraph.network.getBoundingBox(id))")
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                if a["left"] < b["right"] and b["left"] < a["right"]
                and a["top"] < b["bottom"] and b["top"] < a["bottom"]]
    assert overlaps == []
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
    canvas = page.locator("#map").bounding_box()
    assert canvas["height"] >= 0.4 * viewport[1] and canvas["width"] >= 0.6 * viewport[0]
    page.context.close()


def test_related_concepts_are_drawn_near_each_other(kam):
    positions = {c["id"]: (c["x"], c["y"]) for c in kam["concepts"]}
    linked = [math.dist(positions[e["from"]], positions[e["to"]]) for e in kam["edges"]]
    ids = sorted(positions)
    every = [math.dist(positions[a], positions[b]) for i, a in enumerate(ids) for b in ids[i + 1:]]
    assert sum(linked) / len(linked) < 0.6 * sum(every) / len(every)


def test_touch_selects_a_concept_on_a_phone(browser, kam):
    page, _ = open_map(browser, INDEX, viewport=PHONE)
    page.evaluate("window.kamgraph.select('kam:KeyAccount', true)")
    target = next(e["to"] if e["from"] == "kam:KeyAccount" else e["from"] for e in kam["edges"]
                  if "kam:KeyAccount" in (e["from"], e["to"]))
    page.evaluate("id => kamgraph.network.focus(id, {scale: 1, animation: false})", target)
    point = node_point(page, target)
    page.touchscreen.tap(point["x"], point["y"])
    wait_until(page, f"kamgraph.network.getSelectedNodes()[0] === '{target}'")
    title = page.locator("#details-title")
    assert title.text_content() == label(next(c for c in kam["concepts"] if c["id"] == target), "nl")
    title.scroll_into_view_if_needed()
    assert title.is_visible()
    page.context.close()
