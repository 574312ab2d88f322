"""The glossary in Chromium: no request, no CSP violation, anchors reachable, links to the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.pages import open_static
from conftest import ONTOLOGY
from kamgraph.pipeline import load_and_check, require_valid
from kamgraph.views.glossary import render_html

pytestmark = pytest.mark.browser


def test_glossary_opens_offline_at_an_anchor(browser, tmp_path: Path):
    html = tmp_path / "glossary.html"
    html.write_text(render_html(require_valid(load_and_check([ONTOLOGY])).concepts), encoding="utf-8")
    page, log = open_static(browser, html.as_uri() + "#KeyAccount")
    assert log.external_requests == [] and log.page_errors == [] and log.console_errors == []
    assert page.locator("dt:target").get_attribute("id") == "KeyAccount"
    assert page.locator("dt:target").is_visible()
    link = page.locator("#KeyAccount + dd a[lang=en]")
    assert link.get_attribute("href") == "index.html#concept=KeyAccount&lang=en"
    page.screenshot(path=str(tmp_path / "glossary.png"))
    page.context.close()
