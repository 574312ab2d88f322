"""kamgraph stats: concepts per category, relations per type, coverage of the sections."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SMALL


def test_stats_counts_categories_relations_and_coverage(run_cli, tmp_path: Path):
    extra = tmp_path / "extra.ttl"
    extra.write_text((SMALL.read_text()) + "\nex:Part3 a skos:Collection ; kamo:sectionNumber 3 ;"
                     ' skos:prefLabel "Leeg"@nl .\nex:Apple dcterms:source ex:Part2 .\n')
    code, out, _ = run_cli("stats", "--ontology", extra, "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["concepts"] == 4
    assert {c["id"]: c["count"] for c in result["categories"]} == {"exo:Fruit": 2, "exo:Tree": 1, "skos:Concept": 1}
    relations = {r["id"]: r["count"] for r in result["relationTypes"]}
    assert relations["exo:growsOn"] == 1 and sum(relations.values()) == result["relations"] == 3
    assert result["sectionsWithoutConcepts"] == ["ex:Part3"]
    assert result["conceptsWithoutSource"] == ["ex:AppleTree", "ex:Pear", "ex:Plain"]
    code, out, _ = run_cli("stats", "--ontology", extra, "--lang", "en")
    assert code == 0 and "Sections with no concept: ex:Part3" in out and "grows on" in out


def test_a_source_declared_nowhere_counts_as_none(run_cli, tmp_path: Path):
    from helpers import ONTOLOGY

    typo = tmp_path / "typo.ttl"
    typo.write_text("@prefix kam: <https://w3id.org/kamgraph/kam/> .\n"
                    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                    "kam:KeyAccount dcterms:source kam:Section_S31 .\n", encoding="utf-8")
    code, out, _ = run_cli("stats", "--ontology", ONTOLOGY, "--format", "json")
    assert code == 0 and "kam:KeyAccount" not in json.loads(out)["conceptsWithoutSource"]
    code, out, _ = run_cli("stats", "--ontology", ONTOLOGY, "--ontology", typo, "--format", "json")
    assert "kam:KeyAccount" not in json.loads(out)["conceptsWithoutSource"]  # it still has its real section
    only = tmp_path / "only.ttl"
    only.write_text("@prefix kam: <https://w3id.org/kamgraph/kam/> .\n"
                    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                    'kam:New a skos:Concept ; skos:prefLabel "Nieuw"@nl ; dcterms:source kam:Section_S31 .\n',
                    encoding="utf-8")
    code, out, _ = run_cli("stats", "--ontology", ONTOLOGY, "--ontology", only, "--format", "json")
    assert "kam:New" in json.loads(out)["conceptsWithoutSource"]
