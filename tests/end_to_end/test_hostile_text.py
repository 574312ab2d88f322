"""Hostile text through every command: each ends in a result or a clear error (exit 0 or 1), never an internal one.

The inputs are the payload files the page's safety tests use (markup, script,
CSS and URL injections in every field) and one more with what a terminal, a
spreadsheet or a parser might choke on: escaped NUL and control characters,
bidirectional overrides, a 100,000-character label, formula-like text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import FIXTURES, PAYLOADS

ODD_TEXT = r'''@prefix ex: <http://example.org/small/> .
@prefix exo: <http://example.org/small-vocab#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:Odd a skos:Concept , exo:Fruit ; skos:inScheme ex:Scheme ;
    skos:prefLabel "nul \u0000 bell \u0007 escape \u001B[2J\u001B[31m 0 error(s)"@en ,
                   "rechts\u202Enaar links \u2066isolate\u2069"@nl ;
    skos:altLabel "=HYPERLINK(\"http://evil.example\")"@en , "@SUM(A1)"@nl , "-1+1"@en ;
    skos:definition "''' + "long " * 20_000 + r'''"@en , "regel\r\neen\u2028twee\u0085drie"@nl ;
    skos:broader ex:Apple .
'''

INPUTS = {
    "every-field": [PAYLOADS / "every-field.ttl"],
    "payloads": [FIXTURES / "payloads.ttl"],
}

COMMANDS = {
    "validate": ["validate"],
    "validate json": ["validate", "--format", "json"],
    "stats": ["stats"],
    "stats json": ["stats", "--format", "json"],
    "build": ["build", "--out", "{out}"],
    "build draft": ["build", "--draft", "--out", "{out}"],
    "glossary": ["glossary", "--out", "{out}"],
    **{f"export {f}": ["export", "--format", f] for f in ("graphml", "gexf", "json", "jsonld", "csv")},
    "export csv relations": ["export", "--format", "csv", "--table", "relations"],
    "query select": ["query", "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l }"],
    "query select csv": ["query", "--format", "csv", "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l }"],
    "query select json": ["query", "--format", "json", "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l }"],
    "query construct": ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"],
    "query ask": ["query", "ASK { ?s ?p ?o }"],
    "path": ["path", "{first}", "{last}"],
    "diff": ["diff", "{other}"],
}


@pytest.fixture(scope="module")
def odd_text(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("odd") / "odd-text.ttl"
    path.write_text(ODD_TEXT, encoding="utf-8")
    return path


def _concept_names(paths: list[Path]) -> tuple[str, str]:
    from kamgraph.pipeline import load_and_check

    nodes = sorted(load_and_check(paths).concepts.graph.nodes)
    return nodes[0].split(":", 1)[-1], nodes[-1].split(":", 1)[-1]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("source", [*INPUTS, "odd-text"])
def test_hostile_text_is_never_an_internal_error(source: str, command: str, odd_text: Path, run_cli,
                                                 tmp_path: Path):
    paths = INPUTS.get(source) or [FIXTURES / "small.ttl", odd_text]
    first, last = _concept_names(paths)
    places = {"{out}": str(tmp_path / "out"), "{first}": first, "{last}": last, "{other}": str(FIXTURES / "small.ttl")}
    args = [places.get(a, a) for a in COMMANDS[command]]
    for path in paths:
        args += ["--ontology", path]
    code, out, err = run_cli(*args)
    assert code in (0, 1), err[-2000:]
    assert "internal error" not in err and "Traceback" not in err
    if code == 1:
        assert (out + err).strip(), "an error (or diff's difference) says what it is"
