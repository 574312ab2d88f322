"""Topic views: index.html#topic=<name> shows exactly the focused map a page of its own would.

The page narrows its data at start-up (kamgraph/views/frontend/topics.js); the Python page
data of a focused map (kamgraph.views.page_data with ``scope``) is the reference.
"""

from __future__ import annotations

import pytest

from browser.pages import open_map, wait_until
from conftest import OUTPUT
from helpers import page_data_in
from kamgraph.views.page_data import page_data

pytestmark = pytest.mark.browser

KAM = page_data_in(OUTPUT)


@pytest.fixture(scope="module")
def page(browser):
    page, log = open_map(browser, OUTPUT / "index.html")
    yield page
    assert log.external_requests == [] and log.page_errors == []
    page.context.close()


@pytest.mark.parametrize("topic", KAM["topics"], ids=lambda t: t["name"])
def test_a_topic_view_is_the_focused_map_of_its_category(page, kam_checked, topic):
    page.evaluate("(name) => { location.hash = 'topic=' + name; }", topic["name"])
    wait_until(page, "(category) => window.kamgraph && kamgraph.data && kamgraph.data.scope === category "
                           "&& document.documentElement.dataset.ready === 'true'", arg=topic["category"])
    shown = page.evaluate("kamgraph.data")
    focused = page_data(kam_checked.concepts, scope=topic["category"])
    assert shown.pop("topics") == KAM["topics"] and focused.pop("topics") == []
    assert shown == focused
    drawn = page.evaluate("kamgraph.nodes.getIds()")
    assert sorted(drawn) == sorted(c["id"] for c in focused["concepts"])
