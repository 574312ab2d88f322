"""The study modes (#mode=read|practise|compare, and the tour), each in Chromium at laptop and phone size."""

from __future__ import annotations

from itertools import pairwise

import pytest

from browser.pages import DESKTOP, PHONE, open_map, wait_until
from conftest import OUTPUT
from helpers import SMALL, page_data_of
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser

INDEX = OUTPUT / "index.html"


@pytest.fixture(params=[DESKTOP, PHONE], ids=["laptop", "phone"])
def viewport(request):
    return request.param


@pytest.fixture(scope="module")
def kam() -> dict:
    return page_data_of(INDEX.read_text(encoding="utf-8"))


def concept(data: dict, local_name: str) -> dict:
    return next(c for c in data["concepts"] if c["localName"] == local_name)


def route(page) -> dict:
    return page.evaluate("kamgraph.routing.parse(location.hash)")


def in_view(page, selector: str) -> bool:
    """The element is wholly inside the viewport (nothing to scroll to see it)."""
    return page.locator(selector).evaluate("""e => { const r = e.getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }""")


# the address and back/forward -------------------------------------------------------------

def test_the_address_carries_the_mode_and_back_forward_move_between_modes(browser, viewport, kam):
    page, log = open_map(browser, INDEX, viewport=viewport, fragment="#concept=CostBasedPricing&mode=read")
    assert page.evaluate("kamgraph.state.mode") == "read" and page.locator("#read").is_visible()
    assert not page.locator("#map").is_visible()
    page.locator("#modes button[data-mode=compare]").click()
    assert route(page)["mode"] == "compare" and route(page)["concept"] == "CostBasedPricing"
    assert page.locator("#compare").is_visible() and not page.locator("#read").is_visible()
    page.locator("#modes button[data-mode=map]").click()
    assert page.locator("#map").is_visible() and "mode=" not in page.evaluate("location.hash")
    page.go_back()
    wait_until(page, "kamgraph.state.mode === 'compare'")
    page.go_back()
    wait_until(page, "kamgraph.state.mode === 'read'")
    assert page.locator("#read").is_visible()
    page.go_forward()
    wait_until(page, "kamgraph.state.mode === 'compare'")
    assert page.locator("#modes button[aria-pressed=true]").get_attribute("data-mode") == "compare"
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []
    page.context.close()


def test_the_map_is_drawn_when_shown_after_opening_in_another_mode(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#concept=CostBasedPricing&mode=read")
    page.locator("#details .mode-links a", has_text="Op de kaart tonen").click()
    wait_until(page, "kamgraph.state.mode === 'map'")
    assert page.evaluate("kamgraph.network.getSelectedNodes()") == [concept(kam, "CostBasedPricing")["id"]]
    wait_until(page, "kamgraph.network.getScale() > 0.3")  # fitted once the map had its size
    page.context.close()


# Read --------------------------------------------------------------------------------------

def test_read_shows_every_section_verbatim_with_mentions_as_links(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=read")
    texts = page.locator("#read .read-text").evaluate_all(
        "boxes => boxes.map(b => [...b.querySelectorAll('.line')].map(l => l.textContent).join('\\n'))")
    assert texts == [s["text"] for s in kam["sections"] if s["text"]]  # the source, unchanged
    value = concept(kam, "ValueBasedPricing")
    mention = page.locator("#read .read-text a.mention", has_text=value["labels"]["nl"]).first
    mention.click()
    assert page.locator("#details-title").text_content() == value["labels"]["nl"]
    assert route(page) == {"concept": "ValueBasedPricing", "lang": "nl", "mode": "read", "topic": None}
    assert in_view(page, "#details-title")  # the panel, beside the text or scrolled to on a phone
    page.context.close()


def test_read_from_a_concept_marks_and_shows_its_own_lines(browser, viewport, kam):
    cost = concept(kam, "CostBasedPricing")
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=read&concept=CostBasedPricing")
    own = page.locator("#read .line.own")
    assert own.count() == 1 and own.get_attribute("data-line") == cost["sourceLines"].lstrip("L")
    assert "Cost based" in own.text_content()
    assert in_view(page, "#read .line.own")
    page.context.close()


# Compare -----------------------------------------------------------------------------------

def test_compare_shows_the_pricing_methods_side_by_side(browser, viewport, kam):
    page, log = open_map(browser, INDEX, viewport=viewport, fragment="#mode=compare&concept=PricingMethods")
    cards = page.locator("#compare .compare-card")
    wanted = [concept(kam, n) for n in ("ValueBasedPricing", "CostBasedPricing", "MarketBasedPricing")]
    assert sorted(cards.evaluate_all("cs => cs.map(c => c.dataset.concept)")) == sorted(c["id"] for c in wanted)
    for c in wanted:
        card = page.locator(f"#compare .compare-card[data-concept='{c['id']}']")
        assert c["definitions"]["nl"] in card.text_content()
        assert "regel " + c["sourceLines"].lstrip("L") in card.text_content()  # one line each: "regel 58"
    if viewport == DESKTOP:  # all three at once, nothing to scroll
        for c in wanted:
            assert in_view(page, f"#compare .compare-card[data-concept='{c['id']}']"), c["localName"]
        tops = cards.evaluate_all("cs => cs.map(c => Math.round(c.getBoundingClientRect().top))")
        assert len(set(tops)) == 1  # side by side
    page.get_by_role("button", name="EN", exact=True).click()
    assert wanted[1]["definitions"]["en"] in page.locator("#compare").text_content()
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_compare_shows_a_sequence_as_a_timeline_in_the_ontologys_order(browser, viewport, kam):
    sequence = {r["id"] for r in kam["relationTypes"] if r["sequence"]}
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=compare&concept=AccountManagement1_0")
    shown = page.locator("#compare .compare-card").evaluate_all("cs => cs.map(c => c.dataset.concept)")
    generations = ("AccountManagement1_0", "AccountManagement2_0", "AccountManagement3_0")
    assert [concept(kam, n)["id"] for n in generations] == shown
    steps = [(e["from"], e["to"]) for e in kam["edges"] if e["relation"] in sequence]
    assert all(pair in steps for pair in pairwise(shown))
    reading = next(r for r in kam["relationTypes"] if r["sequence"])["labels"]["nl"]
    assert page.locator("#compare .timeline-step").all_text_contents() == ["→ " + reading] * 2
    assert page.locator("#compare .compare-row.timeline").count() == 1
    first, last = (concept(kam, n)["labels"]["nl"] for n in (generations[0], generations[-1]))
    assert page.locator("#compare h2").text_content().endswith(f"{first} → {last}")
    parent = concept(kam, "AccountManagement")  # the broader concept all three share: named once, not per card
    assert parent["labels"]["nl"] in page.locator("#compare h2").text_content()
    relations = page.locator("#compare .compare-relations").all_text_contents()
    assert relations and not any(parent["labels"]["nl"] in text for text in relations)
    page.context.close()


def test_compare_without_a_concept_offers_what_can_be_compared(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=compare")
    page.locator("#compare .compare-picker a", has_text=concept(kam, "PricingMethods")["labels"]["nl"]).click()
    assert page.locator("#compare .compare-card").count() == 3
    assert route(page)["concept"] == "PricingMethods"
    page.context.close()


# Practise ----------------------------------------------------------------------------------

def answer_current(page, kam, right: bool) -> str:
    """Answer the question shown (choices: the right or a wrong option; cards: reveal, then grade)."""
    question_id = page.locator("#practise .question").get_attribute("data-question")
    question = next(q for q in kam["practise"] if q["id"] == question_id)
    if "options" in question:
        pick = question["answer"] if right else next(o for o in question["options"] if o != question["answer"])
        page.locator(f"#practise .option[data-option='{pick}']").click()
        assert page.locator("#practise .feedback").get_attribute("class").endswith("right" if right else "wrong")
        page.locator("#practise .practise-actions .primary").click()
    else:
        page.get_by_role("button", name="Toon antwoord").click()
        page.get_by_role("button", name="Goed" if right else "Nog niet", exact=True).click()
    return question_id


def test_a_practise_session_is_kept_when_the_page_is_reopened(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=practise")
    total = len(kam["practise"])
    answered = [answer_current(page, kam, right=i != 0) for i in range(10)]
    assert answered[2] == answered[0] and len(set(answered)) == 9  # the wrong answer is asked again, two later
    page.close()
    again, _ = open_map(browser, INDEX, context=page.context, fragment="#mode=practise")
    summary = again.locator("#practise-summary").text_content()
    assert f"{len(set(answered))} van {total} beantwoord" in summary
    record = again.evaluate("JSON.parse(localStorage.getItem(kamgraph.app.progress.key))")
    assert record["version"] == 1 and record["step"] == 10 and set(record["cards"]) == set(answered)
    assert [record["cards"][q][0] for q in answered[1:]] == [2] * 9  # right once: up one Leitner box
    assert record["cards"][answered[0]][2] == 1  # wrong, then right: box 1 again, then 2; right once
    again.locator("#practise .practise-reset").click()
    assert f"0 van {total} beantwoord" in again.locator("#practise-summary").text_content()
    again.context.close()


def test_practise_shows_progress_per_section_and_marks_beyond_source_questions(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=practise")
    section = kam["sections"][12]  # the pricing methods
    page.locator("#practise-scope").select_option(section["id"])
    for _ in range(3):
        question_id = answer_current(page, kam, right=True)
        assert next(q for q in kam["practise"] if q["id"] == question_id)["section"] == section["id"]
    page.locator("#practise-summary").click()
    row = page.locator(f"#practise-progress li[data-section='{section['id']}']")
    assert row.locator(".meta").text_content().startswith("3/")
    page.locator("#practise-scope").select_option("")
    beyond = [q["id"] for q in kam["practise"] if q["beyond"]]
    for _ in range(40):  # the first beyond-source question comes up within the first sections
        question = page.locator("#practise .question")
        if question.get_attribute("data-question") in beyond:
            assert question.locator(".beyond-note").text_content() == "Deze vraag steunt op inhoud van buiten de bron."
            break
        assert question.locator(".beyond-note").count() == 0
        answer_current(page, kam, right=True)
    else:
        pytest.fail("no beyond-source question in 40")
    page.context.close()


def test_practise_speaks_the_current_language(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport, fragment="#mode=practise&lang=en")
    question_id = page.locator("#practise .question").get_attribute("data-question")
    question = next(q for q in kam["practise"] if q["id"] == question_id)
    labels = {c["id"]: c["labels"] for c in kam["concepts"]}
    categories = {c["id"]: c["labels"] for c in kam["categories"]}
    for option in question.get("options", []):
        text = (categories if question["kind"] == "category" else labels)[option]["en"]
        assert page.locator(f"#practise .option[data-option='{option}']").text_content() == text
    assert page.locator("#practise h2").text_content() == "Practise: " + kam["title"]["en"]
    page.context.close()


# the tour ----------------------------------------------------------------------------------

def test_the_tour_keeps_its_card_in_view_and_its_controls_in_place(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    page.locator("#tour-begin").click()
    place, editorial = None, 0
    for step in range(20):
        c = kam["concepts"][step]
        assert page.locator("#tour-concept").text_content() == c["labels"]["nl"]
        shown = page.locator("#tour-definition").text_content()
        if not c["definitions"] and c["explanations"] and not c["standardDefinitions"]:
            assert shown == "Uitleg van de redactie, niet uit de samenvatting: " + c["explanations"]["nl"]  # marked
            editorial += 1
        assert in_view(page, "#tour-card")
        box = page.locator("#tour-next").bounding_box()
        place = place or box
        assert (round(box["x"]), round(box["y"])) == (round(place["x"]), round(place["y"])), step
        assert page.evaluate("""(id) => {
            const p = kamgraph.network.canvasToDOM(kamgraph.network.getPositions([id])[id]);
            const map = document.getElementById('map').getBoundingClientRect();
            const card = document.getElementById('tour-card').getBoundingClientRect();
            return map.top + p.y > Math.max(0, map.top) && map.top + p.y < card.top;
        }""", c["id"]), step  # the concept is drawn where the card leaves the map free
        page.locator("#tour-next").click()
    assert editorial  # the editors' explanations were among the twenty, and said so
    in_section = sum(1 for x in kam["concepts"] if x["section"] == c["section"])
    assert f"/{in_section}" in page.locator("#tour-sections").text_content()
    page.context.close()


def test_the_tour_resumes_and_a_topic_reset_keeps_the_whole_maps_progress(browser, viewport, kam):
    page, _ = open_map(browser, INDEX, viewport=viewport)
    page.locator("#tour-begin").click()
    for _ in range(4):
        page.locator("#tour-next").click()
    page.locator("#tour-close").click()
    page.close()
    again, _ = open_map(browser, INDEX, context=page.context)
    assert again.locator("#tour-begin").text_content() == f"Ga verder (5 / {len(kam['concepts'])})"
    again.locator("#tour-begin").click()
    assert again.locator("#tour-concept").text_content() == kam["concepts"][4]["labels"]["nl"]
    again.close()
    seen = {c["id"] for c in kam["concepts"][:5]}
    for topic in kam["topics"]:  # a topic view holding some, not all, of the concepts seen
        on_topic, _ = open_map(browser, INDEX, context=page.context, fragment=f"#topic={topic['name']}")
        shown = set(on_topic.evaluate("kamgraph.data.concepts.map(c => c.id)"))
        if seen & shown and seen - shown:
            break
        on_topic.close()
    on_topic.locator("#tour-reset").click()
    on_topic.close()
    whole, _ = open_map(browser, INDEX, context=page.context)
    visited = set(whole.evaluate("Array.from(kamgraph.state.visited)"))
    assert seen - shown <= visited and not (seen & shown) & visited  # only the topic's own concepts were forgotten
    whole.context.close()


def test_another_vocabulary_has_its_own_tour_name_and_progress(browser, viewport, tmp_path):
    build_map([SMALL], tmp_path)
    data = page_data_of((tmp_path / "index.html").read_text(encoding="utf-8"))
    page, log = open_map(browser, tmp_path / "index.html", viewport=viewport)
    assert page.locator("#tour-title").text_content() == "Rondleiding door " + data["title"]["nl"]
    small_key = page.evaluate("kamgraph.app.progress.key")
    kam_page, _ = open_map(browser, INDEX, context=page.context, fragment="#lang=en")
    kam_key = kam_page.evaluate("kamgraph.app.progress.key")
    assert kam_key != small_key  # two vocabularies, two records
    kam_page.evaluate("kamgraph.setLanguage('nl')")
    assert kam_page.evaluate("kamgraph.app.progress.key") == kam_key  # one record in every language
    page.locator("#modes button[data-mode=practise]").click()
    assert page.locator("#practise .question[data-question]").count() == 1
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()
