"""The qSKOS-style quality pass finds nothing on the KAM ontology, and finds each problem it looks for."""

from __future__ import annotations

import pytest
from rdflib import Graph

from kamgraph.namespaces import KAMO, SKOS
from ontology import qskos

LANGUAGES = ("nl", "en")
EXPLAINING = (SKOS.definition, KAMO.standardDefinition, KAMO.explanation)


@pytest.fixture(scope="module")
def data(kam_checked) -> Graph:
    return kam_checked.ontology.union()


def test_no_two_concepts_share_a_label(data):
    assert qskos.overlapping_labels(data) == []


def test_every_concept_is_documented_in_both_languages(data):
    assert qskos.undocumented(data, LANGUAGES, EXPLAINING) == []


def test_every_concept_has_a_label_in_both_languages(data):
    assert qskos.incomplete_language_coverage(data, LANGUAGES) == []


def test_no_orphans_and_one_cluster(data):
    assert qskos.orphans(data) == []
    assert qskos.disconnected_clusters(data) == []


def test_every_link_reads_back(data):
    assert qskos.missing_inverses(data, LANGUAGES) == []


# --- the pass itself: each check reports the problem it is for ------------------------------------------

SMALL = """
@prefix ex:   <https://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix kamo: <https://w3id.org/kamgraph/kamo#> .
ex:Kind rdfs:subClassOf skos:Concept .
ex:leads rdfs:subPropertyOf skos:related ; kamo:inverseLabel "wordt geleid door"@nl .
ex:next rdfs:subPropertyOf skos:related ; owl:inverseOf ex:previous ; rdfs:label "then"@en .
ex:previous rdfs:subPropertyOf skos:related ; kamo:inverseLabel "then"@en , "dan"@nl ; rdfs:label "before"@en .
ex:A a ex:Kind ; skos:prefLabel "Koper"@nl , "Buyer"@en ; skos:definition "Een koper."@nl ; ex:leads ex:B .
ex:B a ex:Kind ; skos:prefLabel "Klant"@nl , "Customer"@en ; skos:altLabel "buyer"@en ; skos:related ex:A .
ex:C a skos:Concept ; skos:prefLabel "Alleen"@nl ; ex:next ex:D .
ex:D a skos:Concept ; skos:prefLabel "Ook"@nl , "Too"@en .
ex:E a skos:Concept ; skos:prefLabel "Wees"@nl , "Orphan"@en .
"""


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(data=SMALL, format="turtle")


def test_the_pass_finds_an_overlapping_label(small):
    assert qskos.overlapping_labels(small) == ['"buyer"@en labels https://example.org/A, https://example.org/B']


def test_the_pass_finds_undocumented_concepts_per_language(small):
    problems = qskos.undocumented(small, LANGUAGES, EXPLAINING)
    assert "https://example.org/A has no documentation @en" in problems
    assert not any(p.startswith("https://example.org/A has no documentation @nl") for p in problems)
    assert len(problems) == 9  # A lacks en; B, C, D, E lack both


def test_the_pass_finds_a_missing_label_language(small):
    assert qskos.incomplete_language_coverage(small, LANGUAGES) == ["https://example.org/C has no prefLabel @en"]


def test_the_pass_finds_orphans_and_clusters(small):
    assert qskos.orphans(small) == ["https://example.org/E has no semantic relation"]
    assert len(qskos.disconnected_clusters(small)) == 2  # {C, D} and {E} apart from {A, B}


def test_the_pass_finds_links_that_do_not_read_back(small):
    problems = qskos.missing_inverses(small, LANGUAGES)
    assert "https://example.org/leads has no inverse reading @en" in problems
    assert "https://example.org/next has no inverse reading @nl" in problems
    assert ("https://example.org/next owl:inverseOf https://example.org/previous, "
            "but not the other way round") in problems
    assert any("is also asserted from the other end" in p and p.startswith("https://example.org/A") for p in problems)
