"""kamgraph query: SPARQL over the ontology, as a table, CSV or JSON; a malformed query is a clear error."""

from __future__ import annotations

import csv
import io
import json

from helpers import SMALL


def test_query_table_csv_json(run_cli):
    text = 'SELECT ?c ?l WHERE { ?c a exo:Fruit ; skos:prefLabel ?l FILTER(lang(?l) = "en") } ORDER BY ?c'
    code, out, _ = run_cli("query", "--ontology", SMALL, text)
    assert code == 0 and "ex:Apple" in out and "(1 row(s))" in out
    code, out, _ = run_cli("query", "--ontology", SMALL, text, "--format", "csv")
    assert code == 0 and list(csv.reader(io.StringIO(out))) == [["c", "l"], ["ex:Apple", "Apple@en"]]
    code, out, _ = run_cli("query", "--ontology", SMALL, text, "--format", "json")
    bindings = json.loads(out)["results"]["bindings"]
    assert code == 0 and bindings[0]["c"]["value"] == "http://example.org/small/Apple"
    code, out, _ = run_cli("query", "--ontology", SMALL, "ASK { ex:Apple exo:growsOn ex:AppleTree }")
    assert code == 0 and out.strip() == "true"


def test_malformed_query_is_a_clear_error(run_cli):
    code, _, err = run_cli("query", "--ontology", SMALL, "SELEC ?x WHERE { }")
    assert code == 1 and "not valid SPARQL" in err and "Traceback" not in err
    code, _, err = run_cli("query", "--ontology", SMALL, "SELECT ?x WHERE { ?x a nope:Thing }")
    assert code == 1 and "nope" in err
