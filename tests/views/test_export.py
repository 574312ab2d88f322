"""Exports (kamgraph/views/export.py) round-trip through the tools that read them: networkx, rdflib, csv."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from networkx.readwrite import json_graph
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from helpers import FIXTURES
from kamgraph.pipeline import load_and_check
from kamgraph.views import export

XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture(scope="module")
def kam(kam_checked):
    """The real ontology's concept graph and the text of each export of it."""
    concepts = kam_checked.concepts
    texts = {"graphml": export.to_graphml(concepts), "gexf": export.to_gexf(concepts), "json": export.to_json(concepts),
             "jsonld": export.to_jsonld(kam_checked.ontology.union(), kam_checked.ontology.prefixes()),
             "csv": export.to_csv(concepts)}
    return texts, concepts.graph


def as_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8"))


def edge_set(graph) -> set[tuple]:
    return {(u, v, d.get("relation")) for u, v, d in graph.edges(data=True)}


def test_graphml_reads_back_with_the_same_nodes_and_edges(kam):
    texts, concepts = kam
    read = nx.read_graphml(as_file(texts["graphml"]), force_multigraph=True)
    assert set(read.nodes) == set(concepts.nodes) and read.number_of_edges() == concepts.number_of_edges()
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}
    assert read.nodes["kam:KeyAccount"]["label_en"] == concepts.nodes["kam:KeyAccount"]["labels"]["en"]


def test_gexf_reads_back_with_the_same_nodes_and_edges(kam):
    texts, concepts = kam
    read = nx.read_gexf(as_file(texts["gexf"]))
    assert set(read.nodes) == set(concepts.nodes) and read.number_of_edges() == concepts.number_of_edges()
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}
    assert read.nodes["kam:KeyAccount"]["category"] == concepts.nodes["kam:KeyAccount"]["category"]


def test_node_link_json_reads_back(kam):
    texts, concepts = kam
    read = json_graph.node_link_graph(json.loads(texts["json"]), edges="edges")
    assert set(read.nodes) == set(concepts.nodes)
    assert edge_set(read) == {(u, v, k) for u, v, k in concepts.edges(keys=True)}


def rdf11(graph: Graph) -> Graph:
    """RDF 1.1 reading: "x" and "x"^^xsd:string are the same literal.

    oxigraph writes the latter, JSON-LD the former.
    """
    same = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_STRING:
            o = Literal(str(o))
        same.add((s, p, o))
    return same


def test_jsonld_is_isomorphic_to_the_source_data(kam, kam_checked):
    texts, _ = kam
    read = Graph().parse(data=texts["jsonld"], format="json-ld")
    source = kam_checked.ontology.union()
    assert len(read) == len(source) > 1000
    assert isomorphic(rdf11(read), rdf11(source))


def test_csv_has_a_row_per_concept(kam):
    texts, concepts = kam
    rows = list(csv.DictReader(io.StringIO(texts["csv"])))
    assert {r["id"] for r in rows} == set(concepts.nodes)
    row = next(r for r in rows if r["id"] == "kam:KeyAccount")
    assert row["label_nl"] == concepts.nodes["kam:KeyAccount"]["labels"]["nl"]


def test_hostile_text_survives_export_as_text():
    concepts = load_and_check([FIXTURES / "payloads.ttl"]).concepts
    read = nx.read_graphml(as_file(export.to_graphml(concepts)), force_multigraph=True)
    assert read.nodes["evil:Script"]["label_en"] == "</script><script>alert('label')</script>"
