"""The map a student can read, at a laptop's and a phone's size: readable labels at first sight, the whole map as
labelled regions, relation status drawn and listed, forgiving search, links that stay in the page, Dutch wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from browser.pages import DESKTOP, PHONE, open_map
from helpers import FIXTURES, ONTOLOGY, page_data_of
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser
SIZES = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
READABLE_PX = 12


@pytest.fixture(scope="module")
def kam_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("kam")
    build_map([ONTOLOGY], out)
    return out / "index.html"


def label_px(page) -> float:
    """The size concept labels are drawn at now, in CSS pixels."""
    return page.evaluate("kamgraph.network.getScale() * kamgraph.data.network.nodes.font.size")


def in_view(page, node_id: str) -> bool:
    return page.evaluate("""(id) => {
        const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
        const box = document.getElementById('map');
        return p.x >= 0 && p.y >= 0 && p.x <= box.clientWidth && p.y <= box.clientHeight;
    }""", node_id)


@SIZES
def test_labels_are_readable_on_opening_and_a_concept_is_in_view(browser, kam_map, viewport):
    page, log = open_map(browser, kam_map, viewport=viewport)
    assert label_px(page) >= READABLE_PX
    drawn = page.evaluate("kamgraph.nodes.getIds()")
    assert any(in_view(page, node) for node in drawn)
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []
    page.context.close()


@SIZES
def test_the_whole_map_shows_its_categories_as_labelled_regions(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    page.locator("#fit").click()
    page.evaluate("kamgraph.network.redraw()")
    assert label_px(page) < READABLE_PX  # 106 concepts do not fit at a readable size: the regions must speak
    labels = page.evaluate("kamgraph.app.regions.labels()")
    categories = page.evaluate("kamgraph.data.categories.map(c => c.id)")
    assert sorted(label["category"] for label in labels) == sorted(categories)
    width = page.evaluate("document.getElementById('map').clientWidth")
    for label in labels:
        assert label["px"] >= READABLE_PX
        assert label["x"] >= -1 and label["x"] + label["width"] <= width + 1, label["text"]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            apart = (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                     or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])
            assert apart, (a["text"], b["text"])
    # zoomed in again, the concepts' own labels take over
    page.evaluate("kamgraph.select('kam:CostBasedPricing', true)")
    page.evaluate("kamgraph.network.redraw()")
    assert label_px(page) >= READABLE_PX and page.evaluate("kamgraph.app.regions.labels()") == []
    page.context.close()


@SIZES
def test_a_selection_is_readable_with_its_readings_and_a_neighbour_in_view(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    page.evaluate("kamgraph.select('kam:CostBasedPricing', true)")
    assert label_px(page) >= READABLE_PX
    edge_px = page.evaluate("kamgraph.network.getScale() * kamgraph.data.network.edges.font.size")
    assert edge_px >= READABLE_PX
    assert in_view(page, "kam:CostBasedPricing")
    assert in_view(page, "kam:PricingMethods")  # its broader concept, the one it is read against
    page.context.close()


@SIZES
def test_relation_status_is_drawn_and_listed_with_its_evidence(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    styles = page.evaluate("""() => {
        const seen = {};
        kamgraph.app.map.edgeView.get().forEach(e => { seen[e.status] = JSON.stringify(e.dashes || false); });
        return seen;
    }""")
    assert set(styles) == {"Stated", "Implied", "BeyondSource"}
    assert len(set(styles.values())) == 3  # three different line styles
    assert page.locator("#status-key li").all_text_contents() == ["in de bron", "afgeleid", "buiten de bron"]
    page.evaluate("kamgraph.select('kam:AccountManagement1_0', false)")
    implied = page.locator(".sentences li[data-status='Implied']").first
    assert implied.locator(".status").text_content() == "afgeleid"
    evidence = implied.locator("details.evidence")
    assert not evidence.locator("q").is_visible()
    evidence.locator("summary").click()
    assert evidence.locator("q").is_visible() and "regel" in evidence.text_content()
    page.context.close()


@SIZES
def test_search_forgives_typos_and_reads_definitions_labels_first(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    search = page.locator("#search")
    search.fill("prijszeting")
    first = page.locator("#search-results li").first
    assert first.text_content().startswith("Prijszettingsmethode")
    # a word found only in definitions and notes: such results come, marked, after any label match
    search.fill("winst is minimaal")
    options = page.locator("#search-results li")
    assert options.count() >= 1 and "in de uitleg" in options.first.text_content()
    search.fill("kosten")
    texts = options.all_text_contents()
    labelled = [i for i, t in enumerate(texts) if "in de uitleg" not in t]
    explained = [i for i, t in enumerate(texts) if "in de uitleg" in t]
    assert labelled and explained and max(labelled) < min(explained)
    search.press("Enter")
    picked = page.evaluate("kamgraph.state.selected")
    assert picked and in_view(page, picked) and label_px(page) >= READABLE_PX
    page.context.close()


@SIZES
def test_every_link_in_the_panel_stays_in_the_page_or_says_it_leaves(browser, kam_map, viewport):
    page, log = open_map(browser, kam_map, viewport=viewport)
    for concept in ("kam:KeyAccountManagement", "kam:ThreatOfSubstitutes"):
        page.evaluate(f"kamgraph.select('{concept}', false)")
        for link in page.locator("#details-body a").all():
            href = link.get_attribute("href")
            assert href.startswith("#") or ("external" in (link.get_attribute("class") or "")
                                            and "buiten deze pagina" in link.text_content()), href
    page.evaluate("kamgraph.select('kam:KeyAccountManagement', false)")
    url = page.url
    page.locator(".origin a.passage-link").click()
    assert page.evaluate("document.activeElement.dataset.section") == "kam:Section_S1"
    assert page.url == url and log.external_requests == []
    page.context.close()


@SIZES
def test_dutch_wording_for_lines_and_notes_in_the_current_language(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    page.evaluate("kamgraph.select('kam:CustomerManagement', false)")
    origin = page.locator(".origin").text_content()
    assert "regel 7" in origin and "regels 7" not in origin and "L7" not in origin
    caption = page.locator(".passage figcaption").first.text_content()
    assert "(regels " in caption
    page.evaluate("kamgraph.select('kam:DmuBuyer', false)")
    assert "roles not named" not in page.locator("#details-body").text_content()
    page.evaluate("kamgraph.select('kam:KeyAccountManagement', false)")
    assert "De definitie is elliptisch" in page.locator("#details-body").text_content()
    page.evaluate("kamgraph.setLanguage('en')")
    body = page.locator("#details-body").text_content()
    assert "The definition is elliptical" in body and "De definitie is elliptisch" not in body
    assert "(lines " in page.locator(".passage figcaption").first.text_content()
    assert "regel" not in body
    page.context.close()


@SIZES
def test_keyboard_and_touch(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    phone = viewport == PHONE
    titled = page.evaluate("kamgraph.nodes.get().filter(n => n.title).length")
    assert (titled == 0) if phone else titled > 0  # no tooltip a tap would leave standing on a phone
    legend = page.locator("#legend button.category").first
    legend.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.category") == legend.get_attribute("data-category")
    assert legend.get_attribute("aria-pressed") == "false"
    page.keyboard.press("Enter")
    # the map's frame is a tab stop that does something: arrows pan, + zooms, Enter goes to the details
    page.evaluate("kamgraph.select('kam:KeyAccount', false)")
    frame = page.locator("#map .vis-network")
    assert frame.get_attribute("aria-label").startswith("Begrippenkaart")
    frame.focus()
    before = page.evaluate("[kamgraph.network.getViewPosition().x, kamgraph.network.getScale()]")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("+")
    after = page.evaluate("[kamgraph.network.getViewPosition().x, kamgraph.network.getScale()]")
    assert after[0] > before[0] and after[1] > before[1]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "details-title"
    page.locator("#skip-details").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash").endswith("details") or page.evaluate(
        "document.activeElement.closest('#details') !== null")
    if phone:
        # links inside sentences are exempt (WCAG 2.5.8); every other control is a tap target
        small = page.evaluate("""() => [...document.querySelectorAll(
                '.side button, .outline a, .maps a, .side summary, .toolbar button, .toolbar select')]
            .filter(e => e.offsetParent !== null)
            .map(e => [e.textContent.trim(), e.getBoundingClientRect().height])
            .filter(([, h]) => h < 24)""")
        assert small == []
    page.context.close()


def test_index_html_alone_is_the_whole_study_app(browser, kam_map, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(kam_map, alone / "index.html")
    data = page_data_of((alone / "index.html").read_text(encoding="utf-8"))
    topic = data["topics"][0]["name"]
    page, log = open_map(browser, alone / "index.html", fragment=f"#topic={topic}")
    assert page.evaluate("kamgraph.app.model.topic") == topic and page.evaluate("kamgraph.nodes.length") > 0
    assert log.requests == [(alone / "index.html").resolve().as_uri() + f"#topic={topic}"] or all(
        r.startswith((alone / "index.html").resolve().as_uri()) for r in log.requests)
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()


@SIZES
def test_the_picture_has_a_title_and_a_legend_and_printing_hides_the_controls(browser, kam_map, viewport):
    page, _ = open_map(browser, kam_map, viewport=viewport)
    page.locator("#fit").click()
    picture = page.evaluate("""() => { const p = kamgraph.app.picture();
        const map = document.querySelector('#map canvas');
        return {title: p.title, legend: p.legend, height: p.canvas.height, mapHeight: map.height}; }""")
    categories = page.evaluate("kamgraph.data.categories.map(c => c.labels.nl)")
    assert picture["title"] and sorted(picture["legend"]) == sorted(categories)
    assert picture["height"] > picture["mapHeight"]  # title above, legend below the map
    with page.expect_download() as download:
        page.locator("#export").click()
    assert download.value.suggested_filename == "kamgraph-map.png"
    page.emulate_media(media="print")
    assert page.locator("#search").is_hidden() and page.locator(".toolbar").is_hidden()
    assert page.locator("#modes").is_hidden() and page.locator("#languages").is_hidden()
    assert page.evaluate("getComputedStyle(document.documentElement).printColorAdjust") == "exact"  # colours print
    assert page.locator("#details").is_visible()
    page.context.close()


@SIZES
def test_another_vocabulary_is_never_said_to_come_from_the_summary(browser, tmp_path, viewport):
    build_map([FIXTURES / "thesaurus.ttl"], tmp_path)
    page, log = open_map(browser, tmp_path / "index.html", viewport=viewport)
    for concept in page.evaluate("kamgraph.data.concepts.map(c => c.id)")[:5]:
        page.evaluate("id => kamgraph.select(id, true)", concept)
        body = page.locator("#details-body").text_content()
        assert "samenvatting" not in body.lower() and "summary" not in body.lower()
        assert in_view(page, concept) and label_px(page) >= READABLE_PX
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()
