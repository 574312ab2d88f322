"""Region tags are their language everywhere: an ``@en-GB`` label is the English one (map, exports, paths)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from helpers import ONTOLOGY
from kamgraph.graph.paths import resolve, shortest_connection
from kamgraph.pipeline import load_and_check
from kamgraph.views.export import to_csv, to_json
from kamgraph.views.page_data import page_data
from kamgraph.vocabulary import language_of_tag

REGIONAL = """@prefix kam:  <https://w3id.org/kamgraph/kam/> .
@prefix kamo: <https://w3id.org/kamgraph/kamo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

kam:PriceNegotiation a skos:Concept , kamo:Activity ;
    skos:inScheme kam:Scheme ;
    skos:prefLabel "Prijsonderhandeling"@nl-NL , "Price negotiation"@en-GB ;
    skos:definition "Onderhandelen over de prijs."@nl-BE , "Negotiating the price."@en-US ;
    dcterms:source kam:Section_S13 ;
    kamo:origin "source" ;
    kamo:concerns kam:SellingPrice .
"""


@pytest.mark.parametrize(("tag", "language"), [("en-GB", "en"), ("nl-NL", "nl"), ("NL-be", "nl"), ("en-UK", "en"),
                                               ("nld", "nl"), ("zh-Hant-TW", "zh"), ("nl", "nl")])
def test_a_tag_is_read_as_its_language(tag: str, language: str):
    assert language_of_tag(tag) == language


@pytest.fixture(scope="module")
def regional(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("regional") / "regional.ttl"
    path.write_text(REGIONAL, encoding="utf-8")
    return path


def test_regional_labels_are_valid_and_shown_in_their_language(regional: Path):
    checked = load_and_check([ONTOLOGY, regional])
    assert not checked.report.has_errors, [f.format() for f in checked.report.errors]
    node = checked.concepts.graph.nodes["kam:PriceNegotiation"]
    assert node["labels"] == {"nl": "Prijsonderhandeling", "en": "Price negotiation"}
    assert node["definitions"] == {"nl": "Onderhandelen over de prijs.", "en": "Negotiating the price."}
    assert checked.concepts.languages == ["nl", "en"]
    shown = next(c for c in page_data(checked.concepts)["concepts"] if c["id"] == "kam:PriceNegotiation")
    assert shown["labels"] == {"nl": "Prijsonderhandeling", "en": "Price negotiation"}


def test_regional_labels_reach_the_exports_and_paths(regional: Path):
    concepts = load_and_check([ONTOLOGY, regional]).concepts
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(to_csv(concepts)))}
    row = next(r for key, r in rows.items() if key.endswith("PriceNegotiation"))
    assert "Price negotiation" in row.values() and "Prijsonderhandeling" in row.values()
    nodes = {n["id"]: n for n in json.loads(to_json(concepts))["nodes"]}
    assert nodes["kam:PriceNegotiation"]["label_en"] == "Price negotiation"
    start = resolve(concepts, "Price negotiation")
    steps = shortest_connection(concepts, start, resolve(concepts, "SellingPrice"), "en")
    assert steps and steps[0].source == "Price negotiation"


def test_a_bare_tag_wins_over_a_regional_one(tmp_path: Path):
    both = tmp_path / "both.ttl"
    both.write_text(REGIONAL.replace('"Price negotiation"@en-GB', '"Price negotiation"@en-GB , "Negotiation"@en'),
                    encoding="utf-8")
    node = load_and_check([ONTOLOGY, both]).concepts.graph.nodes["kam:PriceNegotiation"]
    assert node["labels"]["en"] == "Negotiation"
