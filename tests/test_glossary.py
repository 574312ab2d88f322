"""The glossary: every concept, both languages, anchors, deep links to the map, inert text."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, ONTOLOGY
from kamgraph.pipeline import load_and_check, require_valid
from kamgraph.views.glossary import map_link, markdown_text, render_html, render_markdown


class Collector(HTMLParser):
    """Element ids, link targets, script elements and the CSP of an HTML page."""

    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.scripts, self.csp, self.sources = [], [], 0, None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "script":
            self.scripts += 1
        if "src" in attrs:
            self.sources.append(attrs["src"])
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy":
            self.csp = attrs["content"]


@pytest.fixture(scope="module")
def kam():
    return require_valid(load_and_check([ONTOLOGY])).concepts


@pytest.fixture(scope="module")
def page(kam):
    collector = Collector()
    collector.feed(render_html(kam))
    return collector


def test_every_concept_has_an_anchor_and_links_to_the_map_in_each_language(kam, page):
    names = [attrs["local_name"] for _, attrs in kam.graph.nodes(data=True)]
    assert len(names) >= 100
    assert set(names) <= set(page.ids)
    assert len(page.ids) == len(set(page.ids)), "anchors must be unique"
    for name in names:
        for language in ("nl", "en"):
            assert f"index.html#concept={name}&lang={language}" in page.hrefs
    internal = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert set(internal) <= set(page.ids), "every in-page link has a target"


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
    for section in kam.sections:
        members = [n for n, a in kam.graph.nodes(data=True) if a["section"] == section.id]
        if members:
            assert section.labels["nl"] in by_section


def test_page_has_no_script_and_no_request(page):
    assert page.scripts == 0 and page.sources == []
    assert "default-src 'none'" in page.csp and "script-src" not in page.csp
    assert all(h.startswith(("#", "index.html#")) for h in page.hrefs)


def test_hostile_text_stays_text(tmp_path: Path):
    concepts = require_valid(load_and_check([FIXTURES / "payloads.ttl"])).concepts
    html = render_html(concepts)
    collector = Collector()
    collector.feed(html)
    assert collector.scripts == 0 and collector.sources == []
    assert "&lt;/script&gt;&lt;script&gt;alert(&#39;label&#39;)" in html
    markdown = render_markdown(concepts)
    assert "<script" not in markdown and "<img" not in markdown
    assert "](javascript" not in markdown and "](data:" not in markdown


def test_markdown_escaping_keeps_the_text():
    assert markdown_text("a *b* [c](d) <e> x_y") == r"a \*b\* \[c\](d) &lt;e\> x\_y"
    assert map_link("A&B", "nl") == "index.html#concept=A%26B&lang=nl"


def test_cli_writes_both_files(run_cli, tmp_path: Path):
    code, out, _ = run_cli("glossary", "--ontology", FIXTURES / "small.ttl", "--out", tmp_path)
    assert code == 0, out
    assert 'id="Apple"' in (tmp_path / "glossary.html").read_text()
    assert "(#Apple)" in (tmp_path / "glossary.md").read_text()


def test_cli_refuses_a_broken_ontology(run_cli, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text((FIXTURES / "small.ttl").read_text() + "\nex:Pear skos:broader ex:Aple .\n")
    code, _, err = run_cli("glossary", "--ontology", bad, "--out", tmp_path / "out")
    assert code == 1 and "did you mean ex:Apple?" in err
    assert not (tmp_path / "out").exists()
