"""The triple index (kamgraph/sources/triples.py) answers every pattern as rdflib's own Graph does.

The index is built in one pass from the converted triples; these tests compare
it with an rdflib ``Graph`` holding the same triples, for random small graphs
with repeated statements, and check that objects come back in the order the
file states them (the first one stated is what ``value`` gives).
"""

from __future__ import annotations

import pyoxigraph as ox
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from helpers import SMALL
from kamgraph.names import Namer
from kamgraph.sources.triples import TermConverter, TripleIndex

_IRIS = [URIRef(f"http://example.org/{name}") for name in "abcd"]
_OBJECTS = [*_IRIS, BNode("b1"), Literal("x", lang="nl"), Literal("x", lang="en"), Literal("x"), Literal("1", datatype=
            URIRef("http://www.w3.org/2001/XMLSchema#integer"))]
_TRIPLES = st.lists(st.tuples(st.sampled_from(_IRIS[:3]), st.sampled_from(_IRIS[1:]), st.sampled_from(_OBJECTS)),
                    max_size=30)

@given(_TRIPLES, st.sampled_from([*_IRIS, None]), st.sampled_from([*_IRIS, None]),
       st.sampled_from([*_OBJECTS, None]))
def test_every_pattern_gives_what_an_rdflib_graph_gives(triples, s, p, o):
    index, graph = TripleIndex(triples), Graph()
    for triple in triples:
        graph.add(triple)
    assert len(index) == len(graph)
    assert set(index) == set(graph)
    assert sorted(index.triples((s, p, o))) == sorted(graph.triples((s, p, o)))
    assert ((s, p, o) in index) == ((s, p, o) in graph)
    if s is not None and p is not None:
        assert sorted(index.objects(s, p)) == sorted(graph.objects(s, p))
    if p is not None and o is not None:
        assert sorted(index.subjects(p, o)) == sorted(graph.subjects(p, o))
    if p is not None:
        assert sorted(index.subject_objects(p)) == sorted(graph.subject_objects(p))


@given(_TRIPLES)
def test_objects_come_in_the_order_first_stated_and_duplicates_once(triples):
    index = TripleIndex(triples)
    for s, p in {(s, p) for s, p, _ in triples}:
        stated = list(dict.fromkeys(o for s2, p2, o in triples if (s2, p2) == (s, p)))
        assert list(index.objects(s, p)) == stated
        assert index.value(s, p) == stated[0]
    assert list(index) == list(dict.fromkeys(triples))


@given(_TRIPLES, st.integers(min_value=0, max_value=30))
def test_adding_after_building_is_building_with_it(triples, cut):
    built = TripleIndex(triples)
    grown = TripleIndex(triples[:cut])
    for triple in triples[cut:]:
        grown.add(triple)
    assert list(grown) == list(built)
    for s, p, o in triples:
        assert list(grown.objects(s, p)) == list(built.objects(s, p))
        assert list(grown.subjects(p, o)) == list(built.subjects(p, o))
        assert list(grown.subject_objects(p)) == list(built.subject_objects(p))
    assert all((s, None, None) in grown for s, _, _ in triples)


def test_converting_a_file_in_one_loop_gives_the_terms_one_at_a_time_gives():
    parsed = list(ox.parse(SMALL.read_bytes(), format=ox.RdfFormat.TURTLE, base_iri="http://example.org/"))
    one_at_a_time = TermConverter()
    expected = [(one_at_a_time.term(q.subject), one_at_a_time.term(q.predicate), one_at_a_time.term(q.object))
                for q in parsed]
    got = list(TermConverter().triples(parsed))
    assert got == expected
    assert [tuple(map(type, t)) for t in got] == [tuple(map(type, t)) for t in expected]
    assert [o.language if isinstance(o, Literal) else None for _, _, o in got] == [
        o.language if isinstance(o, Literal) else None for _, _, o in expected]


@given(st.lists(st.sampled_from(["http://example.org/a", "http://example.org/x y", "http://www.w3.org/2004/02/skos/"
                                 "core#Concept", "http://example.org/v/é", "http://example.org/v/a."]), max_size=8))
def test_a_name_is_the_same_compacted_once_or_again(iris):
    prefixes = {"ex": "http://example.org/", "v": "http://example.org/v/"}
    namer = Namer(prefixes)
    for iri in iris:
        first = namer.compact(URIRef(iri))
        assert namer.compact(iri) == first == Namer(prefixes).compact(iri)
