"""The payload corpus (tests/payloads/): hostile text in every field stays data, links stay http(s).

The expected strings are read from the corpus itself with rdflib, so adding a
payload or a field to a corpus file is enough to test it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from rdflib import Graph, Literal

from helpers import PAYLOADS, csp_of, data_island, elements_of, outside_data_island, page_data_in
from kamgraph.checks import check_ontology
from kamgraph.namespaces import KAMO
from kamgraph.pipeline import build_map
from kamgraph.sources.files import load_ontology
from kamgraph.vocabulary import PLAIN_COLOUR

FILES = sorted(PAYLOADS.glob("*.ttl"))
SCRIPT_RE = re.compile(r"<script(?![^>]*application/json)[^>]*>(.*?)</script>", re.DOTALL)
STYLE_RE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


def literals(path: Path) -> set[str]:
    graph = Graph().parse(path, format="turtle")
    return {str(o) for o in graph.objects() if (isinstance(o, Literal) and o.datatype is None) or
            (isinstance(o, Literal) and str(o.datatype).endswith("#string"))}


def strings_in(value) -> set[str]:
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.name)
def built(request, tmp_path_factory) -> tuple[Path, str, dict]:
    out = tmp_path_factory.mktemp("payloads")
    build_map([request.param], out)
    return request.param, (out / "index.html").read_text("utf-8"), page_data_in(out)


def test_the_corpus_exists():
    assert FILES and all(len(literals(path)) >= 50 for path in FILES)


@pytest.mark.corpus("payload-text-fields")
def test_every_text_reaches_the_page_as_data_unchanged(built):
    path, _html, data = built
    # kamo:colour values are not text to show; every other hostile literal must be in the data island.
    colours = {str(o) for o in Graph().parse(path, format="turtle").objects(None, KAMO.colour)}
    hostile = {text for text in literals(path) - colours
               if not re.fullmatch(r"[^<>&\"'{}\u2028\u2029\x00]*", text)}
    assert len(hostile) >= 10
    assert hostile - strings_in(data) == set()


@pytest.mark.corpus("payload-text-fields")
def test_the_markup_is_only_ours(built):
    _, html, _ = built
    elements = elements_of(html)
    tags = [tag for tag, _ in elements]
    assert tags.count("script") == 3  # vis-network, the page script, the JSON data island
    assert tags.count("style") == 2
    assert not {"img", "svg", "iframe", "object", "embed", "base", "link", "form"} & set(tags)
    # the template's links are its skip links; concept links are made by the page script
    assert [a.get("href") for t, a in elements if t == "a"] == ["#outline-section", "#details"]
    assert [a.get("http-equiv") for t, a in elements if t == "meta" and "http-equiv" in a] == [
        "Content-Security-Policy"]
    for tag, attributes in elements:
        assert not [name for name in attributes if name.startswith("on")], tag
        assert not [v for v in attributes.values() if v and re.match(r"\s*(javascript|data|vbscript):", v, re.I)]
    for raw in ("\u2028", "\u2029", "\x00"):
        assert raw not in html
    island = data_island(html)
    assert "<" not in island and ">" not in island


@pytest.mark.corpus("payload-links")
def test_links_in_the_page_are_only_http_or_https(built):
    _, html, data = built
    links = [c[key] for c in data["concepts"] for key in ("iri", "source") if c[key] is not None]
    assert links, "the corpus should keep its one honest link"
    for link in links:
        parsed = urlparse(link)
        assert parsed.scheme in ("http", "https") and parsed.netloc, link
    assert "https://ok.example/reference" in links
    assert not re.search(r"""(?:href|src|action)\s*=\s*["']?\s*(?:javascript|data|vbscript|file):""",
                         outside_data_island(html), re.IGNORECASE)


@pytest.mark.corpus("payload-colours")
def test_hostile_colours_are_reported_and_never_reach_the_page(built):
    path, _, data = built
    stated = {str(o) for o in Graph().parse(path, format="turtle").objects(None, KAMO.colour)}
    hostile = {c for c in stated if not PLAIN_COLOUR.fullmatch(c)}
    assert hostile
    used = {c["colour"] for c in data["categories"]} | {c["colour"] for c in data["concepts"]}
    assert all(PLAIN_COLOUR.fullmatch(colour) for colour in used), used
    report = check_ontology(load_ontology(path))
    assert len([f for f in report.findings if f.code == "bad-colour"]) == len(hostile)
    assert all(f.line for f in report.findings if f.code == "bad-colour")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_csp_is_strict_and_allows_exactly_our_inline_code(built):
    _, html, _ = built
    csp = csp_of(html)
    assert csp["default-src"] == ["'none'"]
    assert sorted(csp["script-src"]) == sorted(_sha256(s) for s in SCRIPT_RE.findall(outside_data_island(html)))
    assert sorted(csp["style-src"]) == sorted(_sha256(s) for s in STYLE_RE.findall(html))
    assert csp["connect-src"] == ["'none'"] and csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'none'"]
    assert set(csp["img-src"]) <= {"data:", "blob:"} and set(csp.get("font-src", [])) <= {"data:"}
    everything = " ".join(v for values in csp.values() for v in values)
    for loose in ("unsafe-", "*", "http:", "https:", "'self'", "strict-dynamic"):
        assert loose not in everything, loose
    assert html.count("http-equiv=\"Content-Security-Policy\"") == 1
    assert html.index("Content-Security-Policy") < html.index("<script")
