"""What a vocabulary declares, for any SKOS vocabulary: its grouping into categories, retired concepts.

Categories come from category classes, top concepts or concept schemes, whichever groups more finely.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from helpers import FIXTURES
from kamgraph.graph import build_concept_graph, from_ontology
from kamgraph.sources.files import load_ontology

THESAURUS = FIXTURES / "thesaurus.ttl"


def test_top_concepts_become_categories_when_they_group_more_finely():
    concepts = from_ontology(load_ontology(THESAURUS))
    assert concepts.vocabulary.grouping == "top-concepts"
    category = dict(concepts.graph.nodes(data="category"))
    assert category["ex:A2"] == category["ex:A1"] == category["ex:A"] == "ex:A"
    assert category["ex:B1"] == "ex:B"
    assert category["ex:Loose"] == "skos:Concept"  # under no top concept
    assert "ex:Old" not in category  # retired concepts are not drawn


def test_category_classes_win_when_they_group_more_finely(tmp_path: Path):
    path = tmp_path / "kinds.ttl"
    path.write_text(THESAURUS.read_text(encoding="utf-8").replace(
        "exo:Descriptor rdfs:subClassOf skos:Concept .", "\n".join(
            f"exo:K{i} rdfs:subClassOf skos:Concept ." for i in range(3))).replace(
        "ex:A1 a exo:Descriptor", "ex:A1 a exo:K0").replace("ex:A2 a exo:Descriptor", "ex:A2 a exo:K1").replace(
        "ex:B1 a exo:Descriptor", "ex:B1 a exo:K2").replace("exo:Descriptor", "exo:K0"), encoding="utf-8")
    concepts = from_ontology(load_ontology(path))
    assert concepts.vocabulary.grouping == "classes"
    category = dict(concepts.graph.nodes(data="category"))
    assert (category["ex:A1"], category["ex:A2"], category["ex:B1"]) == ("exo:K0", "exo:K1", "exo:K2")


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


def test_the_most_specific_category_wins():
    data = Graph().parse(data="""
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix x: <http://x.org/> .
        x:Person rdfs:subClassOf skos:Concept .
        x:Manager rdfs:subClassOf x:Person .
        x:ann a x:Person , x:Manager ; skos:prefLabel "Ann"@en .
    """, format="turtle")
    concepts = build_concept_graph(data, {"x": "http://x.org/"})
    assert concepts.graph.nodes["x:ann"]["category"] == "x:Manager"
