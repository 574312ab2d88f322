"""Exports for other tools: GraphML and GEXF (Gephi, yEd, networkx), node-link JSON, JSON-LD, CSV.

Graph formats carry flat, typed attributes (labels per language as
``label_nl``/``label_en``) because GraphML and GEXF allow no nested values;
JSON-LD is the RDF data itself, so it round-trips to the same triples.
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
from rdflib import RDF, XSD, BNode, Graph, Literal
from rdflib.term import Node

from kamgraph.graph.concepts import ConceptGraph
from kamgraph.vocabulary import pick_label

FORMATS = ("graphml", "gexf", "json", "jsonld", "csv")
CSV_TABLES = ("concepts", "relations")


def flat_graph(concepts: ConceptGraph) -> nx.MultiDiGraph:
    """The concept graph with only string attributes: what GraphML and GEXF can hold."""
    languages = concepts.languages
    relations = {concepts.node_id(r.iri): r for r in concepts.vocabulary.relation_types.values()}
    flat: nx.MultiDiGraph = nx.MultiDiGraph(name=pick_label(concepts.title, languages, "kamgraph"))
    for node_id, attrs in sorted(concepts.graph.nodes(data=True)):
        row = {"label": pick_label(attrs["labels"], languages, attrs["local_name"]), "iri": attrs["iri"],
               "local_name": attrs["local_name"], "category": attrs["category"], "section": attrs["section"] or ""}
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


def to_graphml(concepts: ConceptGraph) -> str:
    return "\n".join(nx.generate_graphml(flat_graph(concepts))) + "\n"


def to_gexf(concepts: ConceptGraph) -> str:
    return "\n".join(nx.generate_gexf(flat_graph(concepts))) + "\n"


def to_json(concepts: ConceptGraph) -> str:
    """networkx node-link JSON (``nodes``, ``edges``), read back with ``json_graph.node_link_graph``."""
    data = json_graph.node_link_data(flat_graph(concepts), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def to_jsonld(data: Graph, prefixes: dict[str, str]) -> str:
    """The RDF statements themselves, with the ontology's own prefixes as the JSON-LD context.

    Written flat, one node object per subject and blank nodes by their ``_:`` name,
    so no nesting in the data can make the writer recurse (rdflib's own JSON-LD
    writer embeds blank nodes and fails past ~600 levels).
    """
    context = {prefix: namespace for prefix, namespace in sorted(prefixes.items())
               if prefix and prefix != "_" and namespace and ":" not in prefix}
    compact = _compactor(context)
    nodes: dict[Node, dict[str, Any]] = {}
    for subject, predicate, value in sorted(data, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3())):
        node = nodes.setdefault(subject, {"@id": _node_id(subject, compact)})
        if predicate == RDF.type and not isinstance(value, Literal):
            node.setdefault("@type", []).append(_node_id(value, compact))
        else:
            node.setdefault(compact(str(predicate)), []).append(_jsonld_value(value, compact))
    document = {"@context": context, "@graph": list(nodes.values())}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


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
    """One row per concept (``concepts``) or per relation (``relations``: Source/Target as Gephi reads them)."""
    flat = flat_graph(concepts)
    stream = io.StringIO()
    if table == "concepts":
        columns = ["id", *sorted({k for _, attrs in flat.nodes(data=True) for k in attrs})]
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for node_id, attrs in flat.nodes(data=True):
            writer.writerow({"id": node_id, **attrs})
    else:
        columns = ["Source", "Target", *sorted({k for *_, attrs in flat.edges(data=True) for k in attrs})]
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for source, target, attrs in flat.edges(data=True):
            writer.writerow({"Source": source, "Target": target, **attrs})
    return stream.getvalue()
