"""Exports round-trip through the tools that read them: networkx, rdflib, csv."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest
from networkx.readwrite import json_graph
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conftest import FIXTURES, ONTOLOGY
from kamgraph.pipeline import load_and_check

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture(scope="module")
def kam_export(tmp_path_factory):
    """Every format of the real ontology, written by the CLI to files, plus the source data."""
    from kamgraph.cli import main

    out = tmp_path_factory.mktemp("exports")
    for fmt in ("graphml", "gexf", "json", "jsonld", "csv"):
        with pytest.raises(SystemExit) as stopped:
            main(["export", "--ontology", str(ONTOLOGY), "--format", fmt, "--out", str(out / f"kam.{fmt}")])
        assert stopped.value.code == 0
    ontology = load_and_check([ONTOLOGY]).ontology
    from kamgraph.graph import from_ontology
    return out, ontology, from_ontology(ontology).graph


def edge_set(graph) -> set[tuple]:
    return {(u, v, d.get("relation")) for u, v, d in graph.edges(data=True)}


def test_graphml_reads_back_with_the_same_nodes_and_edges(kam_export):
    out, _, concepts = kam_export
    read = nx.read_graphml(out / "kam.graphml", force_multigraph=True)
    assert set(read.nodes) == set(concepts.nodes) and read.number_of_edges() == concepts.number_of_edges()
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}
    assert read.nodes["kam:KeyAccount"]["label_en"] == concepts.nodes["kam:KeyAccount"]["labels"]["en"]


def test_gexf_reads_back_with_the_same_nodes_and_edges(kam_export):
    out, _, concepts = kam_export
    read = nx.read_gexf(out / "kam.gexf")
    assert set(read.nodes) == set(concepts.nodes) and read.number_of_edges() == concepts.number_of_edges()
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}
    assert read.nodes["kam:KeyAccount"]["category"] == concepts.nodes["kam:KeyAccount"]["category"]


def test_node_link_json_reads_back(kam_export):
    out, _, concepts = kam_export
    read = json_graph.node_link_graph(json.loads((out / "kam.json").read_text()), edges="edges")
    assert set(read.nodes) == set(concepts.nodes)
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}


def rdf11(graph: Graph) -> Graph:
    """RDF 1.1 reading: "x" and "x"^^xsd:string are the same literal (oxigraph writes the latter, JSON-LD the former)."""
    same = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_STRING:
            o = Literal(str(o))
        same.add((s, p, o))
    return same


def test_jsonld_is_isomorphic_to_the_source_data(kam_export):
    out, ontology, _ = kam_export
    read = Graph().parse(out / "kam.jsonld", format="json-ld")
    source = ontology.union()
    assert len(read) == len(source) > 1000
    assert isomorphic(rdf11(read), rdf11(source))


def test_csv_has_a_row_per_concept(kam_export):
    out, _, concepts = kam_export
    with (out / "kam.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["id"] for r in rows} == set(concepts.nodes)
    row = next(r for r in rows if r["id"] == "kam:KeyAccount")
    assert row["label_nl"] == concepts.nodes["kam:KeyAccount"]["labels"]["nl"]


def test_csv_relations_to_stdout(run_cli):
    code, out, _ = run_cli("export", "--ontology", FIXTURES / "small.ttl", "--format", "csv", "--table", "relations")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"Source": "ex:Apple", "Target": "ex:AppleTree"}.items() <= next(
        r for r in rows if r["relation"] == "exo:growsOn").items()


def test_hostile_text_survives_export_as_text(run_cli):
    code, out, _ = run_cli("export", "--ontology", FIXTURES / "payloads.ttl", "--format", "graphml")
    assert code == 0
    read = nx.read_graphml(io.BytesIO(out.encode("utf-8")), force_multigraph=True)
    assert read.nodes["evil:Script"]["label_en"] == "</script><script>alert('label')</script>"


def test_export_refuses_a_broken_ontology_and_usage_errors(run_cli, tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text((FIXTURES / "small.ttl").read_text() + "\nex:Pear skos:broader ex:Aple .\n")
    code, _, err = run_cli("export", "--ontology", bad, "--format", "json", "--out", tmp_path / "x.json")
    assert code == 1 and "[undeclared-concept]" in err and not (tmp_path / "x.json").exists()
    assert run_cli("export", "--format", "pdf")[0] == 2
