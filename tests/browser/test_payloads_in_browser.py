"""The payload corpus in Chromium: no dialog, no error, no request, no CSP violation; text shown literally.

Assertions rest on the page's stable surface (window.kamgraph.select, #details-title,
#details-body, data-ready, the JSON data island), not on how the page script lays details out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser.pages import csp_violations, open_map, wait_until
from helpers import island_data
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser
CORPUS = Path(__file__).resolve().parent.parent / "payloads"
ELEMENTS_AND_LINKS = """() => ({
    hrefs: [...document.querySelectorAll('[href]')].map(e => e.getAttribute('href')),
    handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes].map(a => a.name))
        .filter(n => n.startsWith('on')),
    foreign: document.querySelectorAll('img, iframe, object, embed, base, svg, form').length,
    scripts: document.scripts.length,
})"""


# the build's own pages: the focused maps and, from them, the full map
OWN_PAGE = re.compile(r"(maps/)?[A-Za-z0-9_-]+\.html|\.\./index\.html")


@pytest.fixture(scope="module", params=sorted(CORPUS.glob("*.ttl")), ids=lambda p: p.name)
def payload_page(request, browser, tmp_path_factory):
    out = tmp_path_factory.mktemp("payload-map")
    build_map([request.param], out)
    page, log = open_map(browser, out / "index.html")
    yield page, log, island_data(page.locator("#kamgraph-data").text_content())
    page.context.close()


@pytest.mark.corpus("payload-browser")
def test_every_concept_shows_its_text_literally(payload_page):
    page, log, data = payload_page
    assert data["concepts"]
    for concept in data["concepts"]:
        page.evaluate("id => window.kamgraph.select(id, false)", concept["id"])
        title = page.locator("#details-title").text_content()
        assert title in concept["labels"].values(), concept["id"]
        body = page.locator("#details-body").text_content()
        assert any(d in body for d in concept["definitions"].values()), concept["id"]
        found = page.evaluate(ELEMENTS_AND_LINKS)
        assert all(h.startswith(("http://", "https://", "#")) or OWN_PAGE.fullmatch(h) for h in found["hrefs"]), (
            found["hrefs"])
        # three scripts: the data, vis-network, the page script
        assert found["handlers"] == [] and found["foreign"] == 0 and found["scripts"] == 3
    assert log.dialogs == [] and log.page_errors == [] and log.console_errors == []
    assert log.external_requests == []
    assert csp_violations(page) == []


@pytest.mark.corpus("payload-browser")
def test_the_page_title_is_the_ontology_title_as_text(payload_page):
    page, _, data = payload_page
    assert page.title() in data["title"].values()
    assert page.locator("#title").text_content() == page.title()


@pytest.mark.corpus("payload-browser")
def test_the_csp_is_enforced_and_the_page_works_under_it(payload_page):
    page, log, _ = payload_page
    assert page.evaluate("document.documentElement.dataset.ready") == "true"
    assert csp_violations(page) == []
    # What a payload would try if it ever became markup: the policy must refuse and report each.
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = true'; document.body.append(s); }""")
    page.evaluate("""() => { const i = document.createElement('img');
        i.src = 'https://evil.example/x.png'; i.id = 'probe'; document.body.append(i); }""")
    wait_until(page, "window.__cspViolations.length >= 2", timeout=5000)
    assert page.evaluate("window.__injected") is None
    assert sorted(v.split()[0] for v in csp_violations(page)) == ["img-src", "script-src-elem"]
    assert log.external_requests == [] and log.dialogs == []
    page.evaluate("document.getElementById('probe').remove()")
