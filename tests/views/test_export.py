"""Exports (kamgraph/views/export.py) round-trip through the tools that read them: networkx, rdflib, csv."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from networkx.readwrite import json_graph
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from helpers import FIXTURES, ROOT
from kamgraph.pipeline import load_and_check
from kamgraph.sources import spreadsheet
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


HOSTILE = """@prefix ex: <http://example.org/h/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:Formula a skos:Concept ; skos:prefLabel "=HYPERLINK(\\"http://evil.example/\\",\\"click\\")"@en ,
    "+1+cmd|' /C calc'!A0"@nl ; skos:definition "-2+3"@en , "@SUM(A1:A9)"@nl ; skos:related ex:Tab .
ex:Tab a skos:Concept ; skos:prefLabel "\\tTab first"@en , "\\rReturn first"@nl ;
    skos:definition "'=already quoted"@en .
ex:Control a skos:Concept ; skos:prefLabel "bell\\u0007 nul\\u0000 vt\\u000B end"@en , "nonchar\\uFFFE ok"@nl ;
    skos:related ex:Formula .
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.ttl").write_text(HOSTILE, encoding="utf-8")
    return load_and_check([folder]).concepts


def test_csv_cells_never_start_a_formula_and_read_back_as_written(hostile):
    for table in export.CSV_TABLES:
        rows = list(csv.reader(io.StringIO(export.to_csv(hostile, table), newline="")))
        assert rows and all(not cell.startswith(spreadsheet.FORMULA_STARTS) for row in rows for cell in row)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(export.to_csv(hostile), newline=""))}
    labels = hostile.graph.nodes
    for node in ("ex:Formula", "ex:Tab"):
        for lang in ("en", "nl"):
            assert spreadsheet.csv_unescape(rows[node][f"label_{lang}"]) == labels[node]["labels"][lang]
    assert rows["ex:Formula"]["label_en"].startswith("'=")
    assert spreadsheet.csv_unescape(rows["ex:Tab"]["definition_en"]) == "'=already quoted"


def test_graphml_and_gexf_are_well_formed_whatever_the_labels_hold(hostile):
    from xml.etree import ElementTree

    for text in (export.to_graphml(hostile), export.to_gexf(hostile)):
        ElementTree.fromstring(text.encode("utf-8"))  # raises on a character XML cannot hold
    read = nx.read_graphml(as_file(export.to_graphml(hostile)), force_multigraph=True)
    assert read.nodes["ex:Control"]["label_en"] == "bell nul vt end"
    assert read.nodes["ex:Control"]["label_nl"] == "nonchar ok"
    assert read.nodes["ex:Formula"]["label_en"] == hostile.graph.nodes["ex:Formula"]["labels"]["en"]


def test_gexf_has_the_declaration_and_the_maps_colours_and_positions(kam, kam_checked):
    from kamgraph.views.page_data import page_data

    texts, _ = kam
    assert texts["gexf"].startswith("<?xml version='1.0' encoding='utf-8'?>\n<gexf ")
    read = nx.read_gexf(as_file(texts["gexf"]))
    shown = {row["id"]: row for row in page_data(kam_checked.concepts)["concepts"]}
    for node, attrs in read.nodes(data=True):
        colour = attrs["viz"]["color"]
        assert "#{:02x}{:02x}{:02x}".format(colour["r"], colour["g"], colour["b"]) == shown[node]["colour"].lower()
        assert (attrs["viz"]["position"]["x"], -attrs["viz"]["position"]["y"]) == (shown[node]["x"], shown[node]["y"])
    assert len({(a["viz"]["color"]["r"], a["viz"]["color"]["g"]) for _, a in read.nodes(data=True)}) > 3


def test_every_export_is_byte_stable_across_processes(tmp_path: Path):
    """Two runs with different hash seeds (set and dict order, blank node names) write the same bytes."""
    script = ("import sys, kamgraph; from kamgraph.views import export as e; c = kamgraph.load_and_check('ontology');"
              "sys.stdout.write(e.to_jsonld(c.ontology.union(), c.ontology.prefixes()) + e.to_gexf(c.concepts)"
              " + e.to_graphml(c.concepts) + e.to_csv(c.concepts) + e.to_json(c.concepts))")
    outputs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outputs[0] == outputs[1] and b"lastmodifieddate" not in outputs[0]
    assert b"_:b" in outputs[0]  # the relation annotations are blank nodes, named by content


def test_csv_lists_each_concepts_outgoing_relations(kam):
    texts, concepts = kam
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(texts["csv"]))}
    for node in ("kam:KeyAccount", "kam:AccountBasedSelectionCriteria"):
        listed = sorted(rows[node]["relations"].split())
        assert listed == sorted(f"{key}:{target}" for _, target, key in concepts.out_edges(node, keys=True))
