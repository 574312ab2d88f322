"""Start-up work the page leaves for later: outline groups out of view are laid out when they come near
(CSS content-visibility), and never at the cost of what a reader, a keyboard or a printer gets."""

from __future__ import annotations

import pytest

from browser.pages import DESKTOP, PHONE, open_map, wait_until
from conftest import OUTPUT
from helpers import page_data_of

pytestmark = pytest.mark.browser

INDEX = OUTPUT / "index.html"
# Is the last outline link rendered (not skipped as part of a group out of view)?
LAST_LINK_RENDERED = ("[...document.querySelectorAll('#outline a')].pop()"
                      ".checkVisibility({contentVisibilityAuto: true})")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
def test_an_outline_group_out_of_view_waits_but_its_links_are_there_and_reachable(browser, viewport):
    concepts = page_data_of(INDEX.read_text(encoding="utf-8"))["concepts"]
    page, log = open_map(browser, INDEX, viewport=viewport)
    assert page.evaluate(LAST_LINK_RENDERED) is False  # below the fold at start: not laid out yet
    assert page.locator("#outline a").count() == len(concepts)  # but every link is in the page
    last = page.locator("#outline a").last
    last.focus()  # the keyboard reaches it; focus brings its group in
    assert page.evaluate("document.activeElement.dataset.concept") == last.get_attribute("data-concept")
    wait_until(page, LAST_LINK_RENDERED)
    assert last.is_visible()
    assert not log.page_errors


def test_the_outline_estimates_each_group_height_before_laying_it_out(browser):
    """The outline's scroll bar hardly changes when the groups are laid out: one estimated line per concept."""
    page, _ = open_map(browser, INDEX)
    estimated = page.evaluate("document.getElementById('outline').scrollHeight")
    page.evaluate("""() => document.querySelectorAll('#outline > ul').forEach(g => {
        g.style.contentVisibility = 'visible'; })""")
    real = page.evaluate("document.getElementById('outline').scrollHeight")
    assert abs(estimated - real) <= 0.15 * real, (estimated, real)


def test_every_outline_group_is_rendered_for_print(browser):
    page, _ = open_map(browser, INDEX)
    page.emulate_media(media="print")
    shown = page.evaluate("""() => [...document.querySelectorAll('#outline > ul')]
        .map(g => getComputedStyle(g).contentVisibility)""")
    assert shown and set(shown) == {"visible"}
