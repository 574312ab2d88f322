"""How two concepts are connected: the shortest chain of relations, read as sentences.

Relations are followed in either direction; each step is read with the
relation's reading from the end it is walked from ("heeft als focus" one way,
its inverse reading the other), so the chain reads left to right.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from itertools import pairwise

import networkx as nx

from kamgraph.errors import KamgraphError
from kamgraph.graph.concepts import ConceptGraph
from kamgraph.vocabulary import pick_label


class UnknownConcept(KamgraphError):
    """A name given on the command line matches no concept."""


@dataclass(frozen=True)
class Step:
    source: str
    reading: str
    target: str


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def resolve(concepts: ConceptGraph, name: str) -> str:
    """A node id for ``name``: a compact or local name, or a (preferred, else alternative) label, case ignored.

    Raise :class:`UnknownConcept` with the closest names as suggestions when nothing matches.
    """
    names: dict[str, str] = {}
    nodes = sorted(concepts.graph.nodes(data=True))
    for node_id, attrs in nodes:
        for candidate in [node_id, attrs["local_name"], *attrs["labels"].values()]:
            names.setdefault(_key(candidate), node_id)
    for node_id, attrs in nodes:  # alternative labels only where no preferred name is taken
        for candidate in (alt for alts in attrs["alt_labels"].values() for alt in alts):
            names.setdefault(_key(candidate), node_id)
    if _key(name) in names:
        return names[_key(name)]
    suggestions = []
    for guess in difflib.get_close_matches(_key(name), list(names), n=6, cutoff=0.6):
        node_id = names[guess]
        shown = f"{pick_label(concepts.graph.nodes[node_id]['labels'], concepts.languages, node_id)} ({node_id})"
        if shown not in suggestions:
            suggestions.append(shown)
    hint = f" (did you mean {' or '.join(suggestions[:3])}?)" if suggestions else ""
    raise UnknownConcept(f"no concept is called {name!r}{hint}")


def shortest_connection(concepts: ConceptGraph, start: str, end: str, language: str) -> list[Step] | None:
    """The steps of a shortest connection from ``start`` to ``end`` (node ids), or None when there is none."""
    graph = concepts.graph
    try:
        nodes = nx.shortest_path(graph.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath:
        return None
    relations = {concepts.node_id(r.iri): r for r in concepts.vocabulary.relation_types.values()}
    languages = [language, *concepts.languages]

    def label(node_id: str) -> str:
        attrs = graph.nodes[node_id]
        return pick_label(attrs["labels"], languages, attrs["local_name"])

    def relation_ids(source: str, target: str) -> list[str]:
        """The edges' keys, which are relation ids (networkx types them as any hashable)."""
        return sorted(str(key) for key in graph.get_edge_data(source, target, default={}))

    steps = []
    for here, there in pairwise(nodes):
        forward = relation_ids(here, there)
        if forward:
            relation = relations.get(forward[0])
            reading = pick_label(relation.labels, languages, forward[0]) if relation else forward[0]
        else:
            key = relation_ids(there, here)[0]
            relation = relations.get(key)
            reading = pick_label(relation.inverse_labels, languages, key) if relation else f"← {key}"
        steps.append(Step(label(here), reading, label(there)))
    return steps
