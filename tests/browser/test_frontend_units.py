"""The page script's pure parts, called as functions in Chromium on real inputs: search
ranking, neighbourhoods, the address (hash) parser and writer, label fall-back, the visibility
rule; and the UI strings: every key in every language's table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser.pages import open_map, wait_until
from conftest import FIXTURES, OUTPUT
from helpers import page_data_in
from kamgraph.pipeline import build_map
from kamgraph.views.frontend import MODULES, page_script

pytestmark = pytest.mark.browser

TEMPLATE = Path(__file__).resolve().parents[2] / "kamgraph" / "views" / "templates" / "map.html.j2"


@pytest.fixture(scope="module")
def small_map(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("units")
    build_map([FIXTURES / "small.ttl"], out)
    return out / "index.html"


@pytest.fixture(scope="module")
def page(browser, small_map):
    page, log = open_map(browser, small_map)
    yield page
    assert log.page_errors == [] and log.console_errors == []
    page.context.close()


def call(page, expression: str, *args):
    """Evaluate ``expression`` (a function of the arguments) in the page; Sets come back as sorted lists."""
    return page.evaluate(f"""(args) => {{
        const value = ({expression})(...args);
        return value instanceof Set ? Array.from(value).sort() : value;
    }}""", list(args))


# --- UI strings -------------------------------------------------------------------------------

def test_every_ui_key_exists_in_every_language_table(page):
    assert sorted(call(page, "() => Object.keys(kamgraph.strings.tables)")) == ["en", "nl"]
    assert call(page, "() => kamgraph.strings.missing()") == []
    # the checker itself finds a gap, nested ones too
    assert call(page, "t => kamgraph.strings.missing(t)",
                {"nl": {"a": "x", "names": {"nl": "N", "en": "E"}}, "en": {"names": {"nl": "D"}}}) == [
        "en.a", "en.names.en"]


def test_every_key_the_page_uses_is_in_every_table(page):
    script = page_script()
    used = set(re.findall(r"""\bui\("([A-Za-z]+)"\)""", script))
    used |= set(re.findall(r"""ui\([^()]*\?\s*"([A-Za-z]+)"\s*:\s*"([A-Za-z]+)"\)""", script)[0])  # ui(a ? "x" : "y")
    used |= set(re.findall(r"""dataset\.ui = "([A-Za-z]+)\"""", script))
    used |= set(re.findall(r'data-ui="([A-Za-z]+)"', TEMPLATE.read_text(encoding="utf-8")))
    assert {"overview", "draftFindings", "searchLabel", "focusStep", "focusDepth", "skip"} <= used
    tables = call(page, "() => kamgraph.strings.tables")
    for language, table in tables.items():
        assert sorted(used - set(table)) == [], language
    assert call(page, "() => kamgraph.strings.text('nl', 'overview')") == "Overzicht"
    assert call(page, "() => kamgraph.strings.text('en', 'overview')") == "Overview"
    assert call(page, "() => kamgraph.strings.text('de', 'overview')") == "Overview"  # no German table: English


def test_the_page_carries_one_script_of_its_own_joined_in_module_order(page, small_map):
    html = small_map.read_text(encoding="utf-8")
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2 and scripts[1] == page_script()  # vis-network, ours
    positions = [scripts[1].index(f"/* ==== {name} ==== */") for name in MODULES]
    assert positions == sorted(positions)
    folder = Path(__file__).resolve().parents[2] / "kamgraph" / "views" / "frontend"
    assert sorted(MODULES) == sorted(p.name for p in folder.glob("*.js"))  # no module left out


# --- label fall-back -----------------------------------------------------------------------------

LANGS = ["nl", "en"]


@pytest.mark.parametrize("labels, lang, expected", [
    ({"nl": "Peer", "en": "Pear"}, "en", "Pear"),
    ({"nl": "Peer"}, "en", "Peer"),                      # no English: the page's other language
    ({"en": "  ", "nl": "Appel"}, "en", "Appel"),        # white space is no label
    ({"": "Untagged", "de": "Apfel"}, "en", "Untagged"),  # untagged before a language not on the page
    ({"de": "Apfel"}, "nl", "Apfel"),                    # then any language at all
    ({}, "nl", "Nameless"),                              # then the local name, never a blank
])
def test_concept_labels_fall_back_never_blank(page, labels, lang, expected):
    concept = {"labels": labels, "localName": "Nameless"}
    assert call(page, "(c, l, ls) => kamgraph.labels.concept(c, l, ls)", concept, lang, LANGS) == expected


def test_label_fall_back_reports_the_language_found(page):
    assert call(page, "(v, l, ls) => kamgraph.labels.pickWithLanguage(v, l, ls)", {"nl": "Peer"}, "en", LANGS) == [
        "Peer", "nl"]
    assert call(page, "(v, l, ls) => kamgraph.labels.pickWithLanguage(v, l, ls)", {"en": ["a", "b"]}, "nl", LANGS) == [
        ["a", "b"], "en"]
    assert call(page, "(v, l, ls) => kamgraph.labels.pickWithLanguage(v, l, ls)", {"nl": []}, "nl", LANGS) == [None, ""]


def test_category_and_section_labels(page):
    assert call(page, "(l, ls) => kamgraph.labels.category({labels: {}, localName: 'PricingMethod'}, 'x:P', l, ls)",
                "nl", LANGS) == "PricingMethod"
    assert call(page, "(l, ls) => kamgraph.labels.category(undefined, 'x:P', l, ls)", "nl", LANGS) == "x:P"
    assert call(page, "(l, ls) => kamgraph.labels.section({id: 'S3', number: 3, labels: {nl: 'Prijzen'}}, l, ls)",
                "en", LANGS) == "3. Prijzen"
    assert call(page, "(l, ls) => kamgraph.labels.section({id: 'S', number: null, labels: {}}, l, ls)",
                "en", LANGS) == "S"


# --- search ranking ---------------------------------------------------------------------------------

CONCEPTS = [
    {"id": "inside", "labels": {"nl": "Meerwaarde"}, "altLabels": {}},
    {"id": "word", "labels": {"nl": "Toegevoegde waarde"}, "altLabels": {}},
    {"id": "synonym", "labels": {"en": "Worth"}, "altLabels": {"nl": ["Waarde"]}},
    {"id": "start", "labels": {"nl": "Waardeketen", "en": "Value chain"}, "altLabels": {}},
    {"id": "english", "labels": {"en": "Waarde (en)"}, "altLabels": {}},
    {"id": "accents", "labels": {"nl": "Strategieën", "en": "Strategies"}, "altLabels": {}},
    {"id": "none", "labels": {"nl": "Prijs"}, "altLabels": {}},
]


def ranked(page, query: str, lang: str, concepts=CONCEPTS) -> list[str]:
    return call(page, "(cs, q, l) => kamgraph.search.rank(kamgraph.search.buildIndex(cs), q, l).map(r => r.id)",
                concepts, query, lang)


def test_search_ranks_term_start_then_word_start_then_inside_labels_before_synonyms(page):
    # start of a label in the language (0) < start of a label in the other language (1)
    # < start of a synonym (2) < start of a word (4) < inside a word (8)
    assert ranked(page, "waarde", "nl") == ["start", "english", "synonym", "word", "inside"]
    assert ranked(page, "waarde", "en") == ["english", "start", "synonym", "word", "inside"]


def test_search_ignores_case_and_accents_and_blank_queries(page):
    assert ranked(page, "STRATEGIEEN", "nl") == ["accents"]
    assert ranked(page, "strategieën", "en") == ["accents"]
    assert ranked(page, "   ", "nl") == []
    assert ranked(page, "kiwi", "nl") == []
    assert call(page, "t => kamgraph.search.fold(t)", "Één Cañón") == "een canon"


def test_search_returns_at_most_fifteen_in_index_order_on_ties(page):
    many = [{"id": f"c{i:02d}", "labels": {"nl": f"Plan {i}"}, "altLabels": {}} for i in range(20)]
    assert ranked(page, "plan", "nl", many) == [f"c{i:02d}" for i in range(15)]


# --- neighbourhood --------------------------------------------------------------------------------

EDGES = [{"from": "a", "to": "b", "relation": "r"}, {"from": "b", "to": "c", "relation": "r"},
         {"from": "d", "to": "a", "relation": "s"}, {"from": "c", "to": "e", "relation": "r"},
         {"from": "x", "to": "y", "relation": "r"}]


@pytest.mark.parametrize("depth, expected", [(0, ["a"]), (1, ["a", "b", "d"]), (2, ["a", "b", "c", "d"]),
                                             (3, ["a", "b", "c", "d", "e"]), (9, ["a", "b", "c", "d", "e"])])
def test_neighbourhood_walks_both_directions(page, depth, expected):
    assert call(page, "(es, d) => kamgraph.graph.neighbourhood(kamgraph.graph.adjacency(es), 'a', d)",
                EDGES, depth) == expected


def test_neighbourhood_only_over_allowed_relations(page):
    assert call(page, """(es) => kamgraph.graph.neighbourhood(kamgraph.graph.adjacency(es), 'a', 3,
                                                                e => e.relation !== 's')""",
                EDGES) == ["a", "b", "c", "e"]


def test_neighbourhood_on_the_kam_map_matches_a_breadth_first_search(browser):
    edges = page_data_in(OUTPUT)["edges"]
    near, frontier = {"kam:KeyAccount"}, {"kam:KeyAccount"}
    for _ in range(2):
        frontier = {e["to"] if e["from"] in frontier else e["from"] for e in edges
                    if e["from"] in frontier or e["to"] in frontier} - near
        near |= frontier
    kam, _ = open_map(browser, OUTPUT / "index.html")
    walked = call(kam, "() => kamgraph.graph.neighbourhood(kamgraph.app.model.links, 'kam:KeyAccount', 2)")
    assert walked == sorted(near)
    assert 5 < len(near) < 106
    kam.context.close()


# --- the address ------------------------------------------------------------------------------------

def route(concept: str | None, lang: str | None, mode: str = "map", topic: str | None = None) -> dict:
    return {"concept": concept, "lang": lang, "mode": mode, "topic": topic}


@pytest.mark.parametrize("hash_, expected", [
    ("#concept=ValueBasedPricing&lang=en", route("ValueBasedPricing", "en")),
    ("#concept=KeyAccount&lang=nl&mode=read", route("KeyAccount", "nl", "read")),
    ("#mode=practise", route(None, None, "practise")),
    ("#lang=en&mode=compare&concept=x%3Ay", route("x:y", "en", "compare")),
    ("#concept=A&mode=quiz", route("A", None)),   # unknown mode: the map
    ("#concept=A&lang=de", route("A", None)),     # a language the page lacks
    ("#concept=%3Cimg%20src%3Dx%3E&lang=%3Cb%3E", route("<img src=x>", None)),
    ("#concept=&lang=", route(None, None)),
    ("", route(None, None)),
    ("#lang=nl&topic=PricingMethod", route(None, "nl", "map", "PricingMethod")),
])
def test_hash_parsing(page, hash_, expected):
    assert call(page, "(h, ls) => kamgraph.routing.parse(h, ls)", hash_, LANGS) == expected


@pytest.mark.parametrize("route, expected", [
    ({"concept": "KeyAccount", "lang": "nl", "mode": "map"}, "#concept=KeyAccount&lang=nl"),  # as addresses always were
    ({"concept": "KeyAccount", "lang": "nl"}, "#concept=KeyAccount&lang=nl"),
    ({"concept": "KeyAccount", "lang": "en", "mode": "practise"}, "#concept=KeyAccount&lang=en&mode=practise"),
    ({"concept": None, "lang": "en", "mode": "read"}, "#lang=en&mode=read"),
    ({"concept": "x:A b", "lang": "nl", "mode": "quiz"}, "#concept=x%3AA+b&lang=nl"),
    ({"concept": "Margin", "lang": "nl", "topic": "PricingMethod"}, "#concept=Margin&lang=nl&topic=PricingMethod"),
])
def test_hash_writing(page, route, expected):
    assert call(page, "r => kamgraph.routing.format(r)", route) == expected
    back = call(page, "(r, ls) => kamgraph.routing.parse(kamgraph.routing.format(r), ls)", route, LANGS)
    assert back["concept"] == route["concept"] and back["lang"] == route["lang"]


def test_the_mode_in_the_address_is_kept_and_map_addresses_stay_as_they_were(browser, small_map):
    page, log = open_map(browser, small_map, fragment="#concept=Apple&lang=en&mode=read")
    assert call(page, "() => kamgraph.state.mode") == "read"
    assert page.locator("#details-title").text_content() == "Apple"
    page.evaluate("kamgraph.select('ex:Pear', true)")
    assert page.evaluate("location.hash") == "#concept=Pear&lang=en&mode=read"
    outline_link = page.locator("#outline a[data-concept='ex:Apple']")
    assert outline_link.get_attribute("href") == "#concept=Apple&lang=en&mode=read"
    page.go_back()
    wait_until(page, "kamgraph.state.selected === 'ex:Apple'")
    page.evaluate("location.hash = '#concept=Pear&lang=nl'")  # a map address: the mode goes back to the map
    wait_until(page, "kamgraph.state.mode === 'map' && kamgraph.state.lang === 'nl'")
    page.evaluate("kamgraph.select('ex:Apple', true)")
    assert page.evaluate("location.hash") == "#concept=Apple&lang=nl"
    assert log.page_errors == []
    page.context.close()
    page, _ = open_map(browser, small_map, fragment="#concept=Apple&mode=bogus")
    assert call(page, "() => kamgraph.state.mode") == "map"
    page.evaluate("kamgraph.select('ex:Pear', true)")
    assert page.evaluate("location.hash") == "#concept=Pear&lang=nl"
    page.context.close()


# --- what is drawn -------------------------------------------------------------------------------------

DRAWN = """(s) => {
    const state = {overview: s.overview, open: new Set(s.open), hiddenCategories: new Set(s.hidden),
                   hiddenRelations: new Set(s.relations || [])};
    const V = kamgraph.visibility;
    return ['A', 'B', 'C'].flatMap(c => [V.nodeDrawn(state, {category: c}) ? c : null,
                                         V.nodeDrawn(state, {bubble: true, category: c}) ? 'bubble ' + c : null])
        .filter(x => x);
}"""


@pytest.mark.parametrize("state, expected", [
    ({"overview": False, "open": [], "hidden": []}, ["A", "B", "C"]),
    ({"overview": False, "open": [], "hidden": ["B"]}, ["A", "C"]),
    ({"overview": True, "open": [], "hidden": []}, ["bubble A", "bubble B", "bubble C"]),
    ({"overview": True, "open": ["A"], "hidden": []}, ["A", "bubble B", "bubble C"]),
    ({"overview": True, "open": ["A"], "hidden": ["A", "B"]}, ["bubble C"]),  # hidden: neither bubble nor concepts
])
def test_what_is_drawn_is_a_function_of_the_state(page, state, expected):
    assert call(page, DRAWN, state) == expected


def test_a_relation_is_drawn_when_its_type_is_on_and_both_ends_are_drawn(page):
    assert call(page, """() => {
        const concepts = new Map([['a', {category: 'A'}], ['b', {category: 'B'}]]);
        const e = {from: 'a', to: 'b', relation: 'r'};
        const state = (open, hidden, relations) => ({overview: true, open: new Set(open),
            hiddenCategories: new Set(hidden), hiddenRelations: new Set(relations)});
        const V = kamgraph.visibility;
        return [V.edgeDrawn(state(['A', 'B'], [], []), e, concepts),
                V.edgeDrawn(state(['A'], [], []), e, concepts),
                V.edgeDrawn(state(['A', 'B'], ['B'], []), e, concepts),
                V.edgeDrawn(state(['A', 'B'], [], ['r']), e, concepts)];
    }""") == [True, False, False, False]


def test_source_line_ranges(page):
    assert call(page, "t => kamgraph.panel.lineRanges(t)", "L4–L7, L38") == [[4, 7], [38, 38]]
    assert call(page, "t => kamgraph.panel.lineRanges(t)", "L12-14") == [[12, 14]]
    assert call(page, "t => kamgraph.panel.lineRanges(t)", "") == []
