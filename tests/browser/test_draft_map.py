"""build --draft: a badge on concepts with findings and the finding in the details panel; never without --draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.pages import open_map
from conftest import FIXTURES
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser

# How many pixels of the badge's orange lie in a small square around the concept's top-right corner.
BADGE_PIXELS = """() => {
  const box = kamgraph.network.getBoundingBox('ex:Plain');
  const at = kamgraph.network.canvasToDOM({x: box.right, y: box.top});
  const canvas = document.querySelector('#map canvas');
  const ratio = canvas.width / canvas.clientWidth;
  const size = 24;
  const pixels = canvas.getContext('2d').getImageData(Math.round(at.x * ratio) - size / 2,
                                                      Math.round(at.y * ratio) - size / 2, size, size).data;
  let orange = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] === 0xE0 && pixels[i + 1] === 0x7B && pixels[i + 2] === 0x00) { orange++; }
  }
  return orange;
}"""


@pytest.fixture(scope="module")
def maps(tmp_path_factory) -> dict[str, Path]:
    built = {}
    for name, draft in (("draft", True), ("published", False)):
        out = tmp_path_factory.mktemp(name)
        build_map([FIXTURES / "small.ttl"], out, draft=draft)
        built[name] = out / "index.html"
    return built


def test_draft_map_badges_concepts_with_findings(browser, maps):
    page, log = open_map(browser, maps["draft"])
    assert page.evaluate("Object.keys(kamgraph.data.findings)") == ["ex:Plain"]
    assert page.get_attribute("#map", "data-draft-badges") == "1"
    assert page.evaluate(BADGE_PIXELS) > 20, "an orange badge at the concept's corner"
    page.evaluate("kamgraph.select('ex:Plain', false)")
    panel = page.locator("#details-body .draft-findings").inner_text()
    assert "[missing-category]" in panel and "ex:Plain" in panel
    where = page.locator("#details-body .draft-findings .finding-where").first.inner_text()
    assert "small.ttl:" in where
    line = int(where.split("small.ttl:")[1].split(":")[0])
    assert "ex:Plain" in (FIXTURES / "small.ttl").read_text(encoding="utf-8").splitlines()[line - 1]
    hint = page.locator("#details-body .draft-findings .finding-hint").first.inner_text()
    assert hint.startswith("Oplossing: ") or hint.startswith("Fix: ")
    page.evaluate("kamgraph.select('ex:Apple', false)")
    assert page.locator("#details-body .draft-findings").count() == 0
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []
    page.context.close()


def test_published_map_never_shows_findings(browser, maps):
    page, _log = open_map(browser, maps["published"])
    assert page.evaluate("'findings' in kamgraph.data") is False
    assert page.get_attribute("#map", "data-draft-badges") is None
    assert page.evaluate(BADGE_PIXELS) == 0
    page.evaluate("kamgraph.select('ex:Plain', false)")
    assert page.locator("#details-body .draft-findings").count() == 0
    page.context.close()


# How many pixels of the change badge's blue lie in a small square around the concept's top-left corner.
CHANGE_BADGE_PIXELS = """(id) => {
  const box = kamgraph.network.getBoundingBox(id);
  const at = kamgraph.network.canvasToDOM({x: box.left, y: box.top});
  const canvas = document.querySelector('#map canvas');
  const ratio = canvas.width / canvas.clientWidth;
  const size = 24;
  const pixels = canvas.getContext('2d').getImageData(Math.round(at.x * ratio) - size / 2,
                                                      Math.round(at.y * ratio) - size / 2, size, size).data;
  let blue = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] === 0x15 && pixels[i + 1] === 0x65 && pixels[i + 2] === 0xC0) { blue++; }
  }
  return blue;
}"""


def test_draft_since_marks_what_changed(browser, tmp_path: Path):
    from kamgraph.changes import compare
    from kamgraph.changes.report import draft_marks
    from kamgraph.pipeline import build_site, load_and_check
    from kamgraph.sources.files import load_ontology

    small = (FIXTURES / "small.ttl").read_text(encoding="utf-8")
    changed = tmp_path / "small.ttl"
    changed.write_text(small.replace('skos:definition "Een vrucht."@nl', 'skos:definition "Een ronde vrucht."@nl')
                       + '\nex:Quince a exo:Fruit ; skos:prefLabel "Kwee"@nl , "Quince"@en ; skos:related ex:Pear .\n',
                       encoding="utf-8")
    marks = draft_marks(compare(load_ontology([FIXTURES / "small.ttl"]), load_ontology([changed]), old_name="v1"))
    build_site(load_and_check([changed]), tmp_path / "out", draft=True, changes=marks)
    page, log = open_map(browser, tmp_path / "out" / "index.html")
    assert page.get_attribute("#map", "data-draft-changes") == "3"  # Apple changed, Quince added, Pear related to it
    assert page.evaluate(CHANGE_BADGE_PIXELS, "ex:Quince") > 20
    assert page.evaluate(CHANGE_BADGE_PIXELS, "ex:AppleTree") == 0
    page.evaluate("kamgraph.select('ex:Apple', false)")
    panel = page.locator("#details-body .draft-changes").inner_text()
    assert "v1" in panel and "definitions@nl" in panel
    page.evaluate("kamgraph.select('ex:Quince', false)")
    assert "v1" in page.locator("#details-body .draft-changes").inner_text()
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []
    page.context.close()
