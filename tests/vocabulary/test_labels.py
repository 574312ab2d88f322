"""How a label is picked: the current language, then the vocabulary's others, then the local name."""

from __future__ import annotations

from helpers import FIXTURES
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.views.page_data import page_data


def test_labels_fall_back_from_dutch_to_english_to_german_to_the_local_name():
    concepts = from_ontology(load_ontology(FIXTURES / "thesaurus.ttl"))
    assert concepts.languages == ["en", "de"]
    vis = {n["id"]: n["label"] for n in page_data(concepts)["vis"]["nodes"]}
    assert vis["ex:A"] == "Area A" and vis["ex:B"] == "Bereich B" and vis["ex:Loose"] == "Loose"
