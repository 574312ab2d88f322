"""No recursion limit is reachable from input: 5,000 nested blank nodes through every command that reads them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph

from helpers import SMALL

DEPTH = 5000  # five times Python's default recursion limit


@pytest.fixture(scope="module")
def deep(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("deep") / "deep.ttl"
    path.write_text("@prefix ex: <http://example.org/small/> .\n"
                    "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
                    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    "ex:Apple skos:note " + "[ rdf:value " * DEPTH + '"the bottom"' + " ]" * DEPTH + " .\n",
                    encoding="utf-8")
    return path


COMMANDS = {
    "validate": ["validate"],
    "stats": ["stats"],
    "export jsonld": ["export", "--format", "jsonld"],
    "export json": ["export", "--format", "json"],
    "export graphml": ["export", "--format", "graphml"],
    "query select": ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    "query construct": ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_deep_nesting_is_no_internal_error(name: str, deep: Path, run_cli):
    code, _, err = run_cli(*COMMANDS[name], "--ontology", SMALL, "--ontology", deep)
    assert code == 0, err
    assert "internal error" not in err and "Recursion" not in err


def test_describe_past_the_engines_depth_is_a_clear_error(deep: Path, run_cli):
    """rdflib's DESCRIBE recurses through blank nodes: past its depth the author is told to use CONSTRUCT."""
    code, _, err = run_cli("query", "DESCRIBE ex:Apple", "--ontology", SMALL, "--ontology", deep)
    assert code == 1 and "use CONSTRUCT" in err
    assert "internal error" not in err


def test_the_deep_jsonld_and_construct_read_back_as_the_same_triples(deep: Path, run_cli):
    expected = len(Graph().parse(SMALL)) + DEPTH + 1
    _, jsonld, _ = run_cli("export", "--format", "jsonld", "--ontology", SMALL, "--ontology", deep)
    assert len(json.loads(jsonld)["@graph"]) > DEPTH
    _, turtle, _ = run_cli("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "--ontology", SMALL,
                           "--ontology", deep)
    read = Graph().parse(data=turtle, format="turtle")
    assert len(read) == expected
    assert any(str(o) == "the bottom" for o in read.objects())


def test_a_build_of_deep_nesting_writes_the_map(deep: Path, run_cli, tmp_path: Path):
    code, _, err = run_cli("build", "--ontology", SMALL, "--ontology", deep, "--out", tmp_path)
    assert code == 0, err
    assert (tmp_path / "index.html").is_file()
