"""Any SKOS vocabulary: generic groupings, label fall-back, retired concepts, generic checks, layout cache."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT
from kamgraph.pipeline import LAYOUT_CACHE, build_map, load_and_check
from kamgraph.graph import from_ontology
from kamgraph.views.layout import SMALL_LIMIT, cached_positions, compute_positions, layout_key
from kamgraph.sources.files import load_ontology
from kamgraph.views.page_data import OVERVIEW_THRESHOLD, page_data
from kamgraph.vocabulary import pick_label

sys.path.insert(0, str(ROOT / "benchmarks"))
from skos_generator import generate  # noqa: E402

THESAURUS = """@prefix ex: <http://example.org/th/> .
@prefix exo: <http://example.org/th-kinds/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
exo:Descriptor rdfs:subClassOf skos:Concept .
ex:S a skos:ConceptScheme ; skos:prefLabel "Thesaurus"@en ; skos:hasTopConcept ex:A , ex:B .
ex:A a skos:Concept ; skos:prefLabel "Area A"@en , "Bereich A"@de ; skos:topConceptOf ex:S .
ex:B a skos:Concept ; skos:prefLabel "Bereich B"@de ; skos:topConceptOf ex:S .
ex:A1 a exo:Descriptor ; skos:prefLabel "Eins"@de ; skos:broader ex:A .
ex:A2 a exo:Descriptor ; skos:prefLabel "Zwei"@de ; skos:broader ex:A1 .
ex:B1 a exo:Descriptor ; skos:prefLabel "Drei"@de ; skos:broader ex:B ; skos:related ex:Old .
ex:Loose a exo:Descriptor .
ex:Old a exo:Descriptor ; skos:prefLabel "Alt"@de ; owl:deprecated true .
"""


@pytest.fixture
def thesaurus(tmp_path: Path) -> Path:
    path = tmp_path / "thesaurus.ttl"
    path.write_text(THESAURUS, encoding="utf-8")
    return path


def test_top_concepts_become_categories_when_they_group_more_finely(thesaurus: Path):
    concepts = from_ontology(load_ontology(thesaurus))
    assert concepts.vocabulary.grouping == "top-concepts"
    category = dict(concepts.graph.nodes(data="category"))
    assert category["ex:A2"] == category["ex:A1"] == category["ex:A"] == "ex:A"
    assert category["ex:B1"] == "ex:B"
    assert category["ex:Loose"] == "skos:Concept"  # under no top concept
    assert "ex:Old" not in category  # retired concepts are not drawn


def test_labels_fall_back_from_dutch_to_english_to_german_to_the_local_name(thesaurus: Path):
    concepts = from_ontology(load_ontology(thesaurus))
    assert concepts.languages == ["en", "de"]
    data = page_data(concepts)
    # the page's rule (kamgraph/views/frontend/labels.js, tested in tests/browser/test_frontend_units.py)
    shown = {c["id"]: pick_label(c["labels"], data["languages"], c["localName"]) for c in data["concepts"]}
    assert shown["ex:A"] == "Area A" and shown["ex:B"] == "Bereich B" and shown["ex:Loose"] == "Loose"


def test_generic_checks_allow_any_language_and_warn_about_links_to_retired_concepts(thesaurus: Path):
    report = load_and_check([thesaurus]).report
    codes = {f.code for f in report.findings}
    assert {"deprecated-target", "missing-label"} <= codes
    assert not any(code.startswith("missing-label-") for code in codes)  # no language is required
    assert not report.has_errors, [f.format() for f in report.findings if f.is_error]
    missing = next(f for f in report.findings if f.code == "missing-label")
    assert missing.line == 13 and missing.subject == "ex:Loose"


def test_category_classes_win_when_they_group_more_finely(tmp_path: Path):
    path = tmp_path / "kinds.ttl"
    path.write_text(THESAURUS.replace("exo:Descriptor rdfs:subClassOf skos:Concept .", "\n".join(
        f"exo:K{i} rdfs:subClassOf skos:Concept ." for i in range(3))).replace(
        "ex:A1 a exo:Descriptor", "ex:A1 a exo:K0").replace("ex:A2 a exo:Descriptor", "ex:A2 a exo:K1").replace(
        "ex:B1 a exo:Descriptor", "ex:B1 a exo:K2").replace("exo:Descriptor", "exo:K0"), encoding="utf-8")
    vocabulary = from_ontology(load_ontology(path)).vocabulary
    assert vocabulary.grouping == "classes"


def test_schemes_become_categories_without_classes_or_top_concepts(tmp_path: Path):
    path = tmp_path / "schemes.ttl"
    path.write_text("""@prefix ex: <http://example.org/s/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:S1 a skos:ConceptScheme ; skos:prefLabel "Een"@nl .
ex:S2 a skos:ConceptScheme ; skos:prefLabel "Twee"@nl .
ex:a a skos:Concept ; skos:prefLabel "a"@nl ; skos:inScheme ex:S1 .
ex:b a skos:Concept ; skos:prefLabel "b"@nl ; skos:inScheme ex:S2 .
""", encoding="utf-8")
    concepts = from_ontology(load_ontology(path))
    assert concepts.vocabulary.grouping == "schemes"
    assert dict(concepts.graph.nodes(data="category")) == {"ex:a": "ex:S1", "ex:b": "ex:S2"}


def large_graph(count: int) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for i in range(count):
        graph.add_node(f"c{i}", category=f"k{i % 5}", labels={"en": f"concept {i}"})
        if i:
            graph.add_edge(f"c{i}", f"c{(i * 7) % i}", key="skos:broader")
    return graph


def test_large_layouts_are_deterministic_and_separate_categories():
    graph = large_graph(SMALL_LIMIT + 150)
    first, second = compute_positions(graph), compute_positions(graph)
    assert first == second and set(first) == set(graph.nodes)
    centres = {}
    for node, (x, y) in first.items():
        centres.setdefault(graph.nodes[node]["category"], []).append((x, y))
    middle = {k: (sum(x for x, _ in v) / len(v), sum(y for _, y in v) / len(v)) for k, v in centres.items()}
    spread = max(max(abs(x - middle[k][0]) for x, _ in v) for k, v in centres.items())
    assert len({(round(x), round(y)) for x, y in middle.values()}) == 5 and spread > 0


def test_the_layout_cache_is_keyed_by_content_and_reused(tmp_path: Path):
    graph = large_graph(40)
    positions = cached_positions(graph, tmp_path)
    sidecar = tmp_path / f"{layout_key(graph)}.json"
    assert json.loads(sidecar.read_text()) == {k: list(v) for k, v in positions.items()}
    planted = {node: [1, 2] for node in graph.nodes}  # a cache hit must return what the sidecar holds
    sidecar.write_text(json.dumps(planted))
    assert cached_positions(graph, tmp_path) == {node: (1, 2) for node in graph.nodes}
    graph.add_edge("c1", "c2", key="skos:related")
    assert layout_key(graph) != sidecar.stem
    assert cached_positions(graph, tmp_path) == compute_positions(graph)


def test_a_large_vocabulary_builds_with_an_overview(tmp_path: Path):
    source = tmp_path / "syn.ttl"
    source.write_text(generate(OVERVIEW_THRESHOLD + 500), encoding="utf-8")
    result = build_map([source], tmp_path / "out")
    assert result.concepts.graph.number_of_nodes() == OVERVIEW_THRESHOLD + 500
    assert any((tmp_path / "out" / LAYOUT_CACHE).glob("*.json"))
    assert sorted(p.name for p in result.written) == ["index.html"]  # the overview stands in for focused maps
