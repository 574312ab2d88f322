"""The glossary (kamgraph/views/glossary.py): every concept, both languages, anchors,
deep links to the map, inert text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pytest

from helpers import FIXTURES, csp_of, elements_of
from kamgraph.pipeline import load_and_check, require_valid
from kamgraph.views.glossary import map_link, markdown_text, render_html, render_markdown


@dataclass
class Page:
    """Element ids, link targets, script elements, ``src`` attributes and the CSP of an HTML page."""

    ids: list[str]
    hrefs: list[str]
    scripts: int
    sources: list[str]
    csp: dict[str, list[str]]


def read_page(html: str) -> Page:
    elements = elements_of(html)
    return Page(ids=[a["id"] for _, a in elements if "id" in a],
                hrefs=[a["href"] for t, a in elements if t == "a" and "href" in a],
                scripts=sum(t == "script" for t, _ in elements),
                sources=[a["src"] for _, a in elements if "src" in a],
                csp=csp_of(html))


@pytest.fixture(scope="module")
def kam(kam_checked):
    return require_valid(kam_checked).concepts


@pytest.fixture(scope="module")
def page(kam) -> Page:
    return read_page(render_html(kam))


def test_every_concept_has_an_anchor_and_links_to_the_map_in_each_language(kam, page):
    names = [attrs["local_name"] for _, attrs in kam.graph.nodes(data=True)]
    assert len(names) >= 100
    assert set(names) <= set(page.ids)
    assert len(page.ids) == len(set(page.ids)), "anchors must be unique"
    for name in names:
        for language in ("nl", "en"):
            assert f"index.html#concept={name}&lang={language}" in page.hrefs
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert internal and set(internal) <= set(page.ids), "every in-page link has a target"


def test_both_labels_of_a_concept_are_shown(kam):
    html = render_html(kam)
    labels = kam.graph.nodes["kam:AccountManager"]["labels"]
    entry = html.split('id="AccountManager"', 1)[1].split("</dd>", 1)[0]
    assert labels["nl"] in entry and labels["en"] in entry


def test_alphabetical_order_and_sections(kam):
    markdown = render_markdown(kam)
    alphabetical = markdown.split("## Per sectie", 1)[0]
    bold = re.findall(r"^\*\*(.+?) \(nl\)", alphabetical, re.MULTILINE)
    assert len(bold) == kam.graph.number_of_nodes()
    without_accents = [unicodedata.normalize("NFKD", b).encode("ascii", "ignore").decode().lower() for b in bold]
    assert without_accents == sorted(without_accents), "alphabetical, accents ignored (Beïnvloeder before Beschikt)"
    by_section = markdown.split("## Per sectie", 1)[1]
    with_members = [section for section in kam.sections
                    if any(a["section"] == section.id for _, a in kam.graph.nodes(data=True))]
    assert len(with_members) >= 10
    for section in with_members:
        assert section.labels["nl"] in by_section


def test_page_has_no_script_and_no_request(page):
    assert page.scripts == 0 and page.sources == []
    assert page.csp["default-src"] == ["'none'"] and "script-src" not in page.csp
    assert all(h.startswith(("#", "index.html#")) for h in page.hrefs)


def test_hostile_text_stays_text():
    concepts = require_valid(load_and_check([FIXTURES / "payloads.ttl"])).concepts
    html = render_html(concepts)
    hostile = read_page(html)
    assert hostile.scripts == 0 and hostile.sources == []
    assert "&lt;/script&gt;&lt;script&gt;alert(&#39;label&#39;)" in html
    markdown = render_markdown(concepts)
    assert "<script" not in markdown and "<img" not in markdown
    assert "](javascript" not in markdown and "](data:" not in markdown


def test_markdown_escaping_keeps_the_text():
    assert markdown_text("a *b* [c](d) <e> x_y") == r"a \*b\* \[c\](d) &lt;e\> x\_y"
    assert map_link("A&B", "nl") == "index.html#concept=A%26B&lang=nl"


THIRD_LANGUAGE = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
ex:S a skos:ConceptScheme ; skos:prefLabel "Thesaurus"@de .
ex:A a skos:Concept ; skos:inScheme ex:S ; skos:prefLabel "Apfel"@de , "Apple"@en , "Appel"@nl ;
    skos:definition "Obst"@de .
ex:B a skos:Concept ; skos:inScheme ex:S ; skos:prefLabel "Birne"@de , "Poire"@fr ; skos:broader ex:A .
"""


def test_a_vocabulary_in_other_languages_than_nl_and_en_gets_a_glossary(run_cli, tmp_path):
    source = tmp_path / "de.ttl"
    source.write_text(THIRD_LANGUAGE, encoding="utf-8")
    code, _, err = run_cli("glossary", "--ontology", source, "--out", tmp_path / "out")
    assert code == 0, err
    page = (tmp_path / "out" / "glossary.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "out" / "glossary.md").read_text(encoding="utf-8")
    for text in ("Apfel", "Birne", "Poire", "Obst", "Outside the sections", 'lang="de"', 'lang="fr"'):
        assert text in page, text
    assert "Apfel" in markdown and "Poire (fr)" in markdown


def test_editorial_explanations_are_shown_marked_apart_from_definitions(kam):
    html, markdown = render_html(kam), render_markdown(kam)
    participation = kam.graph.nodes["kam:Participation"]["explanations"]
    for language, mark in (("nl", "uitleg van de redactie, niet uit de samenvatting"),
                           ("en", "editors&#39; explanation, not from the summary")):
        assert f'class="explanation"><span class="lang">{language}</span> <em class="muted">{mark}:</em> ' in html
        assert participation[language].replace("'", "&#39;") in html
    assert f"- nl, *uitleg van de redactie, niet uit de samenvatting*: {markdown_text(participation['nl'])}" in markdown
    assert "Geen definitie in de bron." not in html  # every KAM concept is explained now
