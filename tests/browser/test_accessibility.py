"""axe-core (vendored in tests/vendor/axe-core) run against the explorer: no serious or critical violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.pages import DESKTOP, PHONE, open_map
from conftest import OUTPUT

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core" / "axe.min.js"


def violations(page) -> list[str]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({id: v.id, impact: v.impact,
            targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}));
    }""")
    return [f"{v['impact']}: {v['id']} at {v['targets']}" for v in found if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
def test_no_serious_accessibility_violations(browser, viewport):
    # bypass_csp only so that axe can be injected; the page itself runs as shipped.
    page, _ = open_map(browser, OUTPUT / "index.html", viewport=viewport, bypass_csp=True)
    assert violations(page) == []
    page.locator("#search").fill("waarde")  # the open search popup
    assert violations(page) == []
    page.locator("#search").press("Enter")  # a selected concept with its details
    page.locator("#focus-depth").select_option("1")
    assert violations(page) == []
    page.context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["laptop", "phone"])
def test_the_study_modes_have_no_serious_accessibility_violations(browser, viewport):
    page, _ = open_map(browser, OUTPUT / "index.html", viewport=viewport, bypass_csp=True,
                       fragment="#mode=read&concept=CostBasedPricing")
    assert violations(page) == []
    page.locator("#modes button[data-mode=compare]").click()  # the pricing methods' group
    assert violations(page) == []
    page.locator("#modes button[data-mode=practise]").click()
    assert violations(page) == []
    page.locator("#practise .question button").first.click()  # answered or turned: feedback shown
    assert violations(page) == []
    page.locator("#modes button[data-mode=map]").click()
    page.locator("#tour-begin").click()  # the tour card over the map
    assert violations(page) == []
    page.context.close()
