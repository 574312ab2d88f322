"""Exports for other tools: GraphML and GEXF (Gephi, yEd, networkx), node-link JSON, JSON-LD, CSV.

Graph formats carry flat, typed attributes (labels per language as
``label_nl``/``label_en``) because GraphML and GEXF allow no nested values;
JSON-LD is the RDF data itself, so it round-trips to the same triples.

Every export is safe whatever the ontology's text holds, and byte-stable (the
same input gives the same bytes: no build date, sorted rows, canonical blank
nodes):

- XML (GraphML, GEXF) holds only the characters XML 1.0 allows: other control
  characters are removed (:func:`xml_safe`), so the file is always well-formed.
- CSV cells a spreadsheet would run as a formula (starting with ``=``, ``+``,
  ``-``, ``@``, tab or carriage return, as OWASP lists them) get a leading
  apostrophe (:func:`~kamgraph.sources.spreadsheet.csv_safe`), which
  ``kamgraph import`` takes off again, so it reads back exactly what was exported.
- GEXF carries the map's own colours and positions (``viz:color``,
  ``viz:position``), so Gephi opens the picture the page shows.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from typing import Any

import networkx as nx
from networkx.readwrite import json_graph
from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.graph.concepts import ConceptGraph
from kamgraph.sources.canonical import stable_blank_nodes
from kamgraph.sources.spreadsheet import csv_safe
from kamgraph.vocabulary import pick_label

FORMATS = ("graphml", "gexf", "json", "jsonld", "csv")
CSV_TABLES = ("concepts", "relations")
# Everything XML 1.0 does not allow in a document (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def flat_graph(concepts: ConceptGraph) -> nx.MultiDiGraph:
    """The concept graph with only string attributes: what GraphML and GEXF can hold."""
    languages = concepts.languages
    relations = {concepts.node_id(r.iri): r for r in concepts.vocabulary.relation_types.values()}
    flat: nx.MultiDiGraph = nx.MultiDiGraph(name=pick_label(concepts.title, languages, "kamgraph"))
    for node_id, attrs in sorted(concepts.graph.nodes(data=True)):
        row = {"label": pick_label(attrs["labels"], languages, attrs["local_name"]), "iri": attrs["iri"],
               "local_name": attrs["local_name"], "category": attrs["category"], "section": attrs["section"] or "",
               "source": concepts.node_id(URIRef(attrs["source"])) if attrs["source"] else "",
               "origin": attrs["origin"] or ""}
        for lang in languages:
            row[f"label_{lang}"] = attrs["labels"].get(lang, "")
            row[f"definition_{lang}"] = attrs["definitions"].get(lang, "")
        flat.add_node(node_id, **row)
    for source, target, key, attrs in sorted(concepts.graph.edges(keys=True, data=True)):
        relation = relations.get(key)
        row = {"relation": key, "status": attrs.get("status") or "",
               "label": pick_label(relation.labels, languages, key) if relation else key}
        for lang in languages:
            row[f"label_{lang}"] = relation.labels.get(lang, "") if relation else ""
        flat.add_edge(source, target, key=key, **row)
    return flat


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (NUL, most C0 controls, U+FFFE/FFFF, lone surrogates).

    >>> xml_safe("bell\\x07 and tab\\t")
    'bell and tab\\t'
    """
    return _NOT_XML.sub("", text)


def _xml_graph(concepts: ConceptGraph) -> nx.MultiDiGraph:
    """:func:`flat_graph` with every name and value made :func:`xml_safe`."""
    flat = flat_graph(concepts)
    clean: nx.MultiDiGraph = nx.MultiDiGraph(name=xml_safe(flat.graph["name"]))
    for node, attrs in flat.nodes(data=True):
        clean.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in attrs.items()})
    for source, target, key, attrs in flat.edges(keys=True, data=True):
        clean.add_edge(xml_safe(source), xml_safe(target), key=xml_safe(key),
                       **{k: xml_safe(v) for k, v in attrs.items()})
    return clean


def to_graphml(concepts: ConceptGraph) -> str:
    return "\n".join(nx.generate_graphml(_xml_graph(concepts))) + "\n"


def _rgb(colour: str) -> dict[str, Any]:
    """``#rgb``, ``#rgba``, ``#rrggbb`` or ``#rrggbbaa`` as GEXF's ``viz:color`` (r, g, b 0-255, a 0-1)."""
    digits = colour.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i:i + 2], 16) for i in (0, 2, 4))
    alpha = round(int(digits[6:8], 16) / 255, 3) if len(digits) == 8 else 1.0
    return {"r": r, "g": g, "b": b, "a": alpha}


def to_gexf(concepts: ConceptGraph) -> str:
    """GEXF 1.2 with the XML declaration and, per node, the map's colour and position (y up, as Gephi draws)."""
    from kamgraph.views.page_data import page_data  # the map's own layout and colours

    graph = _xml_graph(concepts)
    for row in page_data(concepts)["concepts"]:
        node = xml_safe(row["id"])
        graph.nodes[node]["viz"] = {"color": _rgb(row["colour"]), "size": 10.0,
                                    "position": {"x": float(row["x"]), "y": float(-row["y"]), "z": 0.0}}
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # a date would make each day's export differ
    writer.add_graph(graph)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue().decode("utf-8").rstrip("\n") + "\n"


def to_json(concepts: ConceptGraph) -> str:
    """networkx node-link JSON (``nodes``, ``edges``), read back with ``json_graph.node_link_graph``."""
    data = json_graph.node_link_data(flat_graph(concepts), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_jsonld(data: Graph, prefixes: dict[str, str]) -> str:
    """The RDF statements themselves, with the ontology's own prefixes as the JSON-LD context.

    Written flat, one node object per subject and blank nodes by their ``_:`` name,
    so no nesting in the data can make the writer recurse (rdflib's own JSON-LD
    writer embeds blank nodes and fails past ~600 levels). Blank nodes are
    relabelled canonically and statements sorted, so the same statements always
    give the same bytes, however they were stored.
    """
    context = {prefix: namespace for prefix, namespace in sorted(prefixes.items())
               if prefix and prefix != "_" and namespace and ":" not in prefix}
    compact = _compactor(context)
    nodes: dict[Node, dict[str, Any]] = {}
    canonical = stable_blank_nodes(data)
    for subject, predicate, value in sorted(canonical, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        node = nodes.setdefault(subject, {"@id": _node_id(subject, compact)})
        if predicate == RDF.type and not isinstance(value, Literal):
            node.setdefault("@type", []).append(_node_id(value, compact))
        else:
            node.setdefault(compact(str(predicate)), []).append(_jsonld_value(value, compact))
    document = {"@context": context, "@graph": list(nodes.values())}
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_LOCAL_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


def _compactor(context: dict[str, str]) -> Callable[[str], str]:
    """``prefix:local`` for an IRI under a context prefix (when the local part is a plain name), else the IRI."""
    by_length = sorted(context.items(), key=lambda item: -len(item[1]))

    def compact(iri: str) -> str:
        for prefix, namespace in by_length:
            local = iri[len(namespace):]
            if iri.startswith(namespace) and (local == "" or _LOCAL_NAME.match(local)):
                return f"{prefix}:{local}"
        return iri
    return compact


def _node_id(term: Node, compact: Callable[[str], str]) -> str:
    return f"_:{term}" if isinstance(term, BNode) else compact(str(term))


def _jsonld_value(term: Node, compact: Callable[[str], str]) -> dict[str, str]:
    if not isinstance(term, Literal):
        return {"@id": _node_id(term, compact)}
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if term.datatype is not None and term.datatype != XSD.string:
        return {"@value": str(term), "@type": str(term.datatype)}
    return {"@value": str(term)}


def to_csv(concepts: ConceptGraph, table: str = "concepts") -> str:
    """One row per concept (``concepts``) or per relation (``relations``: Source/Target as Gephi reads them).

    Every cell is :func:`csv_safe`; the concepts table also has a ``relations``
    column: the concept's outgoing relations as ``relation:target`` items separated
    by spaces (``kamo:concerns:kam:SellingPrice``: compact names, which hold no
    space), which ``kamgraph import`` reads back.
    """
    flat = flat_graph(concepts)
    stream = io.StringIO()
    rows: list[dict[str, str]] = []
    if table == "concepts":
        columns = ["id", *sorted({k for _, attrs in flat.nodes(data=True) for k in attrs} | {"relations"})]
        for node_id, attrs in flat.nodes(data=True):
            outgoing = sorted(f"{key}:{target}" for _, target, key in flat.out_edges(node_id, keys=True))
            rows.append({"id": node_id, **attrs, "relations": " ".join(outgoing)})
    else:
        columns = ["Source", "Target", *sorted({k for *_, attrs in flat.edges(data=True) for k in attrs})]
        rows = [{"Source": source, "Target": target, **attrs} for source, target, attrs in flat.edges(data=True)]
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\r\n")  # RFC 4180; quotes a lone CR too
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_safe(value) for key, value in row.items()})
    return stream.getvalue()
