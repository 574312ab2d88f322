"""Blank nodes named by what they say, so equal statements are equal sets (and equal bytes) in every run.

A parser names blank nodes at random; two loads of one file, or a file and its
reformatted copy, then hold "different" triples. :func:`stable_blank_nodes`
names each blank node by a hash of its statements (nested blank nodes
included), which is linear for the tree-shaped blank nodes ontologies use
(axiom annotations, lists, shape property paths); when two blank nodes say
exactly the same, rdflib's full canonicalisation (much slower) decides instead.
Either way isomorphic graphs get identical triples, which both the byte-stable
exports and ``kamgraph diff`` rely on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def stable_blank_nodes(data: Graph | Iterable[Triple]) -> Graph:
    """A new graph of ``data``'s statements, each blank node named by its content; the prefixes kept."""
    source = data if isinstance(data, Graph) else _graph(data)
    outgoing: dict[Node, list[tuple[Node, Node]]] = {}
    for s, p, o in source:
        if isinstance(s, BNode):
            outgoing.setdefault(s, []).append((p, o))

    def content(node: Node, seen: frozenset[Node]) -> str:
        parts = []
        for p, o in outgoing.get(node, []):
            value = ("cycle" if o in seen else content(o, seen | {o})) if isinstance(o, BNode) else o.n3()
            parts.append(f"{p.n3()} {value}")
        return "[" + ";".join(sorted(parts)) + "]"

    blank = {n for n in source.all_nodes() if isinstance(n, BNode)}
    names = {node: "b" + hashlib.sha256(content(node, frozenset({node})).encode()).hexdigest()[:16] for node in blank}
    if len(set(names.values())) < len(names):
        return to_canonical_graph(source)
    renamed = Graph()
    for prefix, namespace in source.namespaces():
        renamed.bind(prefix, namespace, override=True, replace=True)
    for s, p, o in source:
        renamed.add((BNode(names[s]) if isinstance(s, BNode) else s, p, BNode(names[o]) if isinstance(o, BNode) else o))
    return renamed


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph
