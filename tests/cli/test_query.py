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


def test_rows_without_order_by_come_the_same_in_every_process():
    """rdflib's order follows the hash seed; kamgraph sorts rows a query leaves unordered, and keeps ORDER BY's."""
    import os
    import subprocess
    import sys

    from helpers import ROOT

    def run(seed: str, text: str) -> str:
        done = subprocess.run([sys.executable, "-m", "kamgraph", "query", "--format", "csv", text], cwd=ROOT,
                              capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        return done.stdout

    unordered = "SELECT ?c ?l WHERE { ?c a skos:Concept ; skos:prefLabel ?l }"
    first = run("1", unordered)
    assert first == run("2", unordered) == run("3", unordered)
    rows = list(csv.reader(io.StringIO(first)))[1:]
    assert len(rows) > 100
    descending = run("1", unordered + " ORDER BY DESC(?c)")
    ids = [row[0] for row in list(csv.reader(io.StringIO(descending)))[1:]]
    assert ids == sorted(ids, reverse=True)  # the author's ORDER BY is kept, not re-sorted
