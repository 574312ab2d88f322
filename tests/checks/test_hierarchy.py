"""The hierarchy the loop check hands to networkx (kamgraph/checks/structure.py): only what a loop can pass through.

Compared with the whole child -> parent graph on random hierarchies: the same
loops (strongly connected components with a link inside), with the same links
and relations, whatever hangs above or below them.
"""

from __future__ import annotations

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef

from kamgraph.checks.structure import hierarchy
from kamgraph.namespaces import SKOS
from kamgraph.sources.triples import TripleIndex
from kamgraph.vocabulary import RelationType, Vocabulary

_CONCEPTS = [URIRef(f"http://example.org/c{i}") for i in range(8)]
_RELATIONS = {iri: RelationType(iri, kind, {}, {}, {}, symmetric=False)
              for iri, kind in ((SKOS.broader, "broader"), (SKOS.narrower, "narrower"), (SKOS.related, "related"))}


def whole(triples: list) -> nx.DiGraph:
    tree: nx.DiGraph = nx.DiGraph()
    index = TripleIndex(triples)
    for relation in _RELATIONS.values():
        for s, o in index.subject_objects(relation.iri):
            if relation.kind == "broader":
                tree.add_edge(s, o, relation=relation.iri)
            elif relation.kind == "narrower":
                tree.add_edge(o, s, relation=relation.iri)
    return tree


def loops(tree: nx.DiGraph) -> list[tuple]:
    """Each loop's concepts and links (with their relation), as sets: which cycle networkx walks first in a
    loop with branches follows its subgraph view's iteration, which is the hash order of a set when the loop
    is small beside the graph, so it was never fixed by the statements."""
    found = []
    for component in nx.strongly_connected_components(tree):
        members = sorted(component, key=str)
        if len(members) > 1 or tree.has_edge(members[0], members[0]):
            sub = tree.subgraph(members)
            cycle = nx.find_cycle(sub, members[0])
            assert cycle and all(sub.has_edge(*link) for link in cycle)
            found.append((members, sorted(sub.edges(data="relation"))))
    return sorted(found)


@given(st.lists(st.tuples(st.sampled_from(_CONCEPTS), st.sampled_from(list(_RELATIONS)), st.sampled_from(_CONCEPTS)),
                max_size=25))
def test_the_loops_are_those_of_the_whole_hierarchy(triples):
    vocabulary = Vocabulary(categories={}, relation_types=_RELATIONS)
    assert loops(hierarchy(TripleIndex(triples), vocabulary)) == loops(whole(triples))


def test_a_hierarchy_without_loops_gives_networkx_nothing():
    chain = [(_CONCEPTS[i], SKOS.broader, _CONCEPTS[i + 1]) for i in range(7)]
    vocabulary = Vocabulary(categories={}, relation_types=_RELATIONS)
    assert hierarchy(TripleIndex(chain), vocabulary).number_of_edges() == 0
    looped = TripleIndex([*chain, (_CONCEPTS[7], SKOS.broader, _CONCEPTS[3])])
    assert sorted(hierarchy(looped, vocabulary).nodes, key=str) == sorted(_CONCEPTS[3:], key=str)
