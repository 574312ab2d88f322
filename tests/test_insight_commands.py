"""kamgraph stats, path and query on the small fixture and the real ontology."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import FIXTURES

SMALL = FIXTURES / "small.ttl"


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
    assert relations["exo:growsOn"] == 1 and sum(relations.values()) == result["relations"]
    assert result["sectionsWithoutConcepts"] == ["ex:Part3"]
    assert result["conceptsWithoutSource"] == ["ex:AppleTree", "ex:Pear", "ex:Plain"]
    code, out, _ = run_cli("stats", "--ontology", extra, "--lang", "en")
    assert code == 0 and "Sections with no concept: ex:Part3" in out and "grows on" in out


def test_path_reads_as_sentences_in_either_direction(run_cli):
    code, out, _ = run_cli("path", "--ontology", SMALL, "Apple tree", "Loose", "--lang", "en")
    assert code == 0, out
    assert out.splitlines()[0].startswith("Apple tree → bears → Apple → ")
    assert out.splitlines()[0].endswith("→ Loose")
    code, out, _ = run_cli("path", "--ontology", SMALL, "plain", "appelboom", "--lang", "nl")
    assert code == 0 and out.splitlines()[0].endswith("groeit aan → Appelboom")


def test_path_unknown_name_suggests(run_cli):
    code, _, err = run_cli("path", "--ontology", SMALL, "Appletre", "Pear")
    assert code == 1 and "did you mean" in err and "ex:AppleTree" in err and "Traceback" not in err


def test_path_on_the_real_ontology(run_cli):
    code, out, _ = run_cli("path", "KeyAccount", "Value-based pricing", "--lang", "en")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Key account → ") and first.endswith("→ Value-based pricing")


def test_query_table_csv_json(run_cli):
    text = 'SELECT ?c ?l WHERE { ?c a exo:Fruit ; skos:prefLabel ?l FILTER(lang(?l) = "en") } ORDER BY ?c'
    code, out, _ = run_cli("query", "--ontology", SMALL, text)
    assert code == 0 and "ex:Apple" in out and "(1 row(s))" in out
    code, out, _ = run_cli("query", "--ontology", SMALL, text, "--format", "csv")
    assert list(csv.reader(io.StringIO(out))) == [["c", "l"], ["ex:Apple", "Apple@en"]]
    code, out, _ = run_cli("query", "--ontology", SMALL, text, "--format", "json")
    bindings = json.loads(out)["results"]["bindings"]
    assert bindings[0]["c"]["value"] == "http://example.org/small/Apple"
    code, out, _ = run_cli("query", "--ontology", SMALL, "ASK { ex:Apple exo:growsOn ex:AppleTree }")
    assert code == 0 and out.strip() == "true"


def test_malformed_query_is_a_clear_error(run_cli):
    code, _, err = run_cli("query", "--ontology", SMALL, "SELEC ?x WHERE { }")
    assert code == 1 and "not valid SPARQL" in err and "Traceback" not in err
    code, _, err = run_cli("query", "--ontology", SMALL, "SELECT ?x WHERE { ?x a nope:Thing }")
    assert code == 1 and "nope" in err
