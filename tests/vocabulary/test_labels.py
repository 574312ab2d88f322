"""How a label is picked: the current language, then the vocabulary's others, then the local name."""

from __future__ import annotations

from helpers import FIXTURES
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.page_data import page_data
from kamgraph.vocabulary import pick_label


def test_labels_fall_back_from_dutch_to_english_to_german_to_the_local_name():
    concepts = from_ontology(load_ontology(FIXTURES / "thesaurus.ttl"))
    assert concepts.languages == ["en", "de"]
    data = page_data(concepts)
    # the page's rule (kamgraph/views/frontend/labels.js, tested in tests/browser/test_frontend_units.py)
    shown = {c["id"]: pick_label(c["labels"], data["languages"], c["localName"]) for c in data["concepts"]}
    assert shown["ex:A"] == "Area A" and shown["ex:B"] == "Bereich B" and shown["ex:Loose"] == "Loose"
