"""The details panel shows the editorial explanation of a concept, marked as editorial, in nl and en;
a Dutch reader going through the tour finds every concept explained."""

from __future__ import annotations

import pytest

from browser.pages import open_map
from conftest import OUTPUT
from helpers import island_data

pytestmark = pytest.mark.browser

MARK = {"nl": "Uitleg van de redactie, niet uit de samenvatting", "en": "Editors' explanation, not from the summary"}
NO_DEFINITION = {"nl": "Geen definitie in de bron.", "en": "No definition in the source."}


def concept_rows(page) -> dict:
    return {c["id"]: c for c in island_data(page.locator("#kamgraph-data").text_content())["concepts"]}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_explanation_is_shown_marked_editorial_and_apart_from_the_definition(browser, language):
    page, log = open_map(browser, OUTPUT / "index.html", fragment=f"#concept=Participation&lang={language}")
    row = concept_rows(page)["kam:Participation"]
    body = page.locator("#details-body")
    box = body.locator(".explanation.editorial")
    assert box.count() == 1
    assert box.locator(".editorial-mark").text_content() == MARK[language]
    assert box.locator("p").nth(1).text_content() == row["explanations"][language]  # in the page's language
    assert body.locator(".definition").count() == 0  # the summary defines nothing here: no definition is shown
    assert NO_DEFINITION[language] not in body.text_content()
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_a_source_definition_stays_the_definition_beside_an_explanation(browser):
    page, _ = open_map(browser, OUTPUT / "index.html", fragment="#concept=DiscountPressureEffect&lang=nl")
    row = concept_rows(page)["kam:DiscountPressureEffect"]
    body = page.locator("#details-body")
    assert body.locator(".definition").text_content() == row["definitions"]["nl"]  # verbatim source wording
    assert MARK["nl"] in body.locator(".explanation").text_content()
    assert row["definitions"]["nl"] not in body.locator(".explanation").text_content()
    page.context.close()


def test_a_dutch_reader_finds_every_concept_of_the_tour_explained(browser):
    page, log = open_map(browser, OUTPUT / "index.html", fragment="#lang=nl")
    rows = concept_rows(page)
    page.locator("#tour-begin").click()  # the tour card over the map
    seen = []
    while True:
        selected = page.evaluate("kamgraph.state.selected")
        seen.append(selected)
        body = page.locator("#details-body")
        text = body.text_content()
        assert NO_DEFINITION["nl"] not in text, selected
        assert ("(roles not named)" not in text and "(figure missing)" not in text), selected
        if rows[selected]["explanations"]:
            assert body.locator(".editorial-mark").text_content() == MARK["nl"], selected
        if page.locator("#tour-next").is_disabled():
            break
        page.locator("#tour-next").click()
    assert sorted(seen) == sorted(rows) and len(seen) == 106
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def test_the_map_tooltip_shows_the_explanation_under_its_mark(browser):
    page, _ = open_map(browser, OUTPUT / "index.html", fragment="#lang=nl")
    rows = concept_rows(page)
    tip = page.evaluate("kamgraph.nodes.get('kam:Participation').title.textContent")
    participation = rows["kam:Participation"]
    assert tip == participation["labels"]["nl"] + MARK["nl"] + participation["explanations"]["nl"]
    defined = page.evaluate("kamgraph.nodes.get('kam:KeyAccountManager').title.textContent")
    assert MARK["nl"] not in defined and rows["kam:KeyAccountManager"]["definitions"]["nl"] in defined
    page.context.close()
