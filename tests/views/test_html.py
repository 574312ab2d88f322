"""The map page as HTML (kamgraph/views/html.py): self-contained, a strict CSP, ontology text kept as data."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import FIXTURES, SMALL, csp_of, data_island, outside_data_island, page_data_of
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.html import script_json
from kamgraph.views.site import render_map


@pytest.fixture(scope="module")
def small_html() -> str:
    return render_map(from_ontology(load_ontology(SMALL)))


@pytest.fixture(scope="module")
def evil_html() -> str:
    return render_map(from_ontology(load_ontology(FIXTURES / "payloads.ttl")))


def test_the_page_references_nothing_outside_itself(small_html: str):
    assert not re.search(r'(?:src|href)\s*=\s*["\']?(?:https?:)?//', small_html)
    assert "<link" not in small_html
    assert re.search(r'<script\s+src', small_html) is None


def test_the_page_has_a_strict_content_security_policy(small_html: str):
    csp = csp_of(small_html)
    assert csp["default-src"] == ["'none'"]
    everything = " ".join(value for values in csp.values() for value in values)
    assert "unsafe-inline" not in everything and "unsafe-eval" not in everything
    inline = len(re.findall(r"^<(?:script|style)>", small_html, re.MULTILINE))  # vis, the page script; 2 sheets
    hashes = [value for values in csp.values() for value in values if value.startswith("'sha256-")]
    assert inline == 4 and len(hashes) == inline


def test_hostile_text_never_becomes_markup(evil_html: str):
    body = outside_data_island(evil_html)
    assert "<script>alert" not in body and "onerror=alert" not in body
    assert "javascript:" not in evil_html.split(data_island(evil_html), 1)[0]  # the markup before the data
    assert "</script><script>" not in data_island(evil_html)
    assert "\u2028" not in evil_html and "\u2029" not in evil_html
    assert "&lt;/title&gt;" in evil_html  # the title is escaped by the template
    # ...and the text survives intact as data.
    data = page_data_of(evil_html)
    labels = {c["id"]: c["labels"]["en"] for c in data["concepts"]}
    assert labels["evil:Script"] == "</script><script>alert('label')</script>"
    definitions = {c["id"]: c["definitions"].get("en") for c in data["concepts"]}
    assert "\u2028" in definitions["evil:Script"]


def test_script_json_escapes_breakouts():
    text = script_json({"a": "</script>\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script>\u2028&"}


_TRANSLATED = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                             "\u2029": "\\u2029"})


_JSON_VALUES = st.recursive(
    st.text(alphabet=st.sampled_from("<>&\u2028\u2029\\\"/ a\u00e9\U0001f600")) | st.integers(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4))


@given(_JSON_VALUES)
def test_script_json_is_what_one_translate_pass_gave(value):
    """The escaping by str.replace gives the very text the earlier str.translate table gave."""
    plain = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert script_json(value) == plain.translate(_TRANSLATED)
    assert json.loads(script_json(value)) == value
