"""In Chromium, the page's decoder (frontend/wire.js) turns the wire form the page carries back into
exactly the page data the build made: compared as JSON for KAM, its draft map, small fixtures, hostile
text and a vocabulary whose ids are full IRIs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser.pages import open_map
from helpers import FIXTURES, ONTOLOGY, SMALL, page_data_in
from kamgraph.pipeline import build_map

pytestmark = pytest.mark.browser

# No prefixes: every id is <iri>; one concept's IRI is not http(s), so the page drops it and its
# local name does not follow from the page's iri.
UNPREFIXED = """\
<http://example.org/v/Fruit> a <http://www.w3.org/2004/02/skos/core#Concept> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "Fruit"@en , "Fruit"@nl .
<http://example.org/v/Apple> a <http://www.w3.org/2004/02/skos/core#Concept> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "Apple"@en ;
    <http://www.w3.org/2004/02/skos/core#broader> <http://example.org/v/Fruit> .
<urn:example:pear> a <http://www.w3.org/2004/02/skos/core#Concept> ;
    <http://www.w3.org/2004/02/skos/core#prefLabel> "Pear"@en ;
    <http://www.w3.org/2004/02/skos/core#related> <http://example.org/v/Apple> .
"""


def canonical(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@pytest.fixture(scope="module", params=["kam", "kam-draft", "small", "thesaurus", "payloads", "unprefixed"])
def built(request, tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp(f"wire-{request.param}")
    sources = {"kam": [ONTOLOGY], "kam-draft": [ONTOLOGY], "small": [SMALL],
               "thesaurus": [FIXTURES / "thesaurus.ttl"], "payloads": [FIXTURES / "payloads.ttl"]}
    if request.param == "unprefixed":
        (folder / "unprefixed.ttl").write_text(UNPREFIXED, encoding="utf-8")
        sources["unprefixed"] = [folder / "unprefixed.ttl"]
    result = build_map(sources[request.param], folder / "out", draft=request.param == "kam-draft")
    return folder / "out", result.index_data


def test_the_page_decodes_the_very_page_data_the_build_made(browser, built):
    out, data = built
    page, log = open_map(browser, out / "index.html")
    decoded = page.evaluate("() => JSON.stringify(kamgraph.app.model.whole)")
    assert canonical(json.loads(decoded)) == canonical(data)
    assert page.evaluate("() => kamgraph.data === kamgraph.app.model.whole")  # no topic: the whole map
    assert canonical(page_data_in(out)) == canonical(data)  # and the Python decoder agrees
    assert log.page_errors == [] and log.console_errors == [] and log.external_requests == []
    page.context.close()


def test_a_topic_view_narrows_the_decoded_page_data(browser, built):
    out, data = built
    if not data["topics"]:
        pytest.skip("no topic views on this page")
    topic = data["topics"][0]
    page, log = open_map(browser, out / "index.html", fragment=f"#topic={topic['name']}")
    assert canonical(json.loads(page.evaluate("() => JSON.stringify(kamgraph.app.model.whole)"))) == canonical(data)
    shown = page.evaluate("() => ({scope: kamgraph.data.scope, ids: kamgraph.data.concepts.map(c => c.id)})")
    assert shown["scope"] == topic["category"]
    assert sorted(shown["ids"]) == sorted(topic["positions"])
    assert log.page_errors == []
    page.context.close()


def test_decoded_rows_are_separate_objects(browser, built):
    """A view that changes one row's field (or a default like {}) changes no other row."""
    out, _ = built
    page, _ = open_map(browser, out / "index.html")
    shared = page.evaluate("""() => {
        const seen = new Set(); let shared = 0;
        for (const name of ["concepts", "edges", "practise"]) {
            for (const row of kamgraph.app.model.whole[name]) {
                for (const value of Object.values(row)) {
                    if (value === null || typeof value !== "object") { continue; }
                    if (seen.has(value)) { shared++; }
                    seen.add(value);
                }
            }
        }
        return shared;
    }""")
    assert shared == 0
    page.context.close()
