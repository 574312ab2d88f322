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

    names = _content_names(outgoing, {n for n in source.all_nodes() if isinstance(n, BNode)})
    if names is None or len(set(names.values())) < len(names):
        return to_canonical_graph(source)
    renamed = Graph()
    for prefix, namespace in source.namespaces():
        renamed.bind(prefix, namespace, override=True, replace=True)
    for s, p, o in source:
        renamed.add((BNode(names[s]) if isinstance(s, BNode) else s, p, BNode(names[o]) if isinstance(o, BNode) else o))
    return renamed


def _content_names(outgoing: dict[Node, list[tuple[Node, Node]]], blank: set[Node]) -> dict[Node, str] | None:
    """Each blank node named by a hash of its statements, the blank nodes they name by their own names.

    Worked out depth first with a stack of its own (no nesting of blank nodes
    can reach Python's recursion limit), each node once, so linear in the
    statements; ``None`` when blank nodes form a cycle (the caller then
    canonicalises fully).
    """
    names: dict[Node, str] = {}
    for root in blank:
        if root in names:
            continue
        on_path: set[Node] = set()
        stack: list[tuple[Node, bool]] = [(root, False)]
        while stack:
            node, children_named = stack.pop()
            if children_named:
                on_path.discard(node)
                parts = sorted(f"{p.n3()} {names[o] if isinstance(o, BNode) else o.n3()}"
                               for p, o in outgoing.get(node, []))
                names[node] = "b" + hashlib.sha256(("[" + ";".join(parts) + "]").encode()).hexdigest()[:16]
                continue
            if node in names:
                continue
            on_path.add(node)
            stack.append((node, True))
            for _, o in outgoing.get(node, []):
                if isinstance(o, BNode) and o not in names:
                    if o in on_path:
                        return None
                    stack.append((o, False))
    return names


def _graph(triples: Iterable[Triple]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph
