"""The safety corpus: hostile ontology text in every field, driven through every feature of the explorer."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest

from browser.pages import DESKTOP, PHONE, csp_violations, open_map
from conftest import FIXTURES
from helpers import island_data
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser

# in-page state, the build's own map files, and the corpus' one http(s) reference
ALLOWED_HREF = re.compile(r"#.*|(maps/)?[A-Za-z0-9_-]+\.html|\.\./index\.html|https?://example\.org/.*")


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("payload-site")
    build_map([FIXTURES / "payloads.ttl"], out)
    return out


def assert_inert(page, log) -> None:
    assert log.dialogs == [] and log.page_errors == [] and log.console_errors == []
    assert log.external_requests == [] and csp_violations(page) == []
    assert page.locator("img, iframe, svg, style:not(head style), object, embed").count() == 0
    assert page.locator("script").count() == 3  # data, vis-network, the page script: nothing added
    hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(ALLOWED_HREF.fullmatch(h) for h in hrefs), hrefs


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
def test_every_feature_shows_hostile_text_as_text(browser, payload_site: Path, viewport):
    page, log = open_map(browser, payload_site / "index.html", viewport=viewport)
    data = island_data(page.locator("#kamgraph-data").text_content())
    for language in ("en", "nl"):
        page.evaluate("l => window.kamgraph.setLanguage(l)", language)
        for c in data["concepts"]:
            page.evaluate("id => window.kamgraph.select(id, true)", c["id"])
            title = page.locator("#details-title").text_content()
            assert title == (c["labels"].get(language) or next(iter(c["labels"].values()), c["localName"]))
        page.locator("#focus-depth").select_option("2")
        page.locator("#tour-begin").click()  # the tour from the selected (last) concept, or where it stopped
        page.locator("#tour-previous").click()
        page.locator("#tour-close").click()
        page.get_by_role("button", name="By category" if language == "en" else "Per categorie").click()
        for button in page.locator("#legend li button").all():
            button.click()
            button.click()
    jinja = next(c for c in data["concepts"] if c["localName"] == "Jinja")
    page.evaluate("id => window.kamgraph.select(id, false)", jinja["id"])
    page.evaluate("window.kamgraph.setLanguage('en')")
    body = page.locator("#details-body").text_content()
    assert "<img src=x onerror=alert('alt')>" in body  # the alt label, as text
    assert "</script><script>alert('text')</script>" in body  # the section's source text, as text
    assert "{{ 7*7 }}" in body and "49" not in body
    page.locator("#search").fill("onerror")
    assert any("onerror" in option for option in page.locator("#search-results [role=option]").all_text_contents())
    page.locator("#search").press("Enter")
    with page.expect_download():
        page.locator("#export").click()
    assert_inert(page, log)
    page.context.close()


def test_hostile_deep_links_and_focused_maps_stay_inert(browser, payload_site: Path):
    for fragment in ("#concept=" + quote("<img src=x onerror=alert(1)>") + "&lang=" + quote("<b>"),
                     "#concept=javascript:alert(1)", "#concept=IriConcept&lang=en"):
        page, log = open_map(browser, payload_site / "index.html", fragment=fragment)
        assert_inert(page, log)
        page.context.close()
    for focused in sorted((payload_site / "maps").glob("*.html")):
        page, log = open_map(browser, focused)
        assert page.evaluate("window.kamgraph.nodes.length") > 0
        assert_inert(page, log)
        page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
def test_the_study_modes_show_hostile_text_as_text(browser, payload_site: Path, viewport):
    page, log = open_map(browser, payload_site / "index.html", viewport=viewport, fragment="#mode=read")
    data = island_data(page.locator("#kamgraph-data").text_content())
    read = page.locator("#read").text_content()
    assert "</script><script>alert('text')</script>" in read  # a section's text, as text
    for mention in page.locator("#read a.mention").all()[:12]:
        mention.click()
    for language in ("en", "nl"):
        page.evaluate("l => window.kamgraph.setLanguage(l)", language)
        page.locator("#modes button[data-mode=compare]").click()
        for c in data["concepts"]:
            page.evaluate("id => window.kamgraph.select(id, false)", c["id"])
        page.locator("#modes button[data-mode=practise]").click()
        for _ in range(8):  # answer whatever comes: choices by their first option, cards by turning them
            question = page.locator("#practise .question[data-question]")
            if not question.count():
                break
            if question.locator(".option").count():
                question.locator(".option").first.click()
            else:
                page.locator("#practise .practise-actions .primary").click()
            page.locator("#practise .practise-actions button").first.click()
        page.locator("#modes button[data-mode=map]").click()
    assert "{{ 7*7 }}" in page.locator("#read").text_content() + page.locator("#details-body").text_content()
    assert_inert(page, log)
    page.context.close()
