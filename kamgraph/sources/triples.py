"""A read-only, in-memory index of the ontology's triples, for fast pattern look-ups.

pyoxigraph parses the files (see :mod:`kamgraph.sources.files`), but reading triples
through rdflib's store interface (oxrdflib) costs ~40 µs per triple, and
the concept graph asks for every label, note and relation of every concept.
This index converts each triple to rdflib terms once and answers the few
patterns the pipeline uses (the subset of rdflib's ``Graph`` API below) from
dicts, so a 100k-triple thesaurus is read in a fraction of a second.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Protocol

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node, _is_valid_langtag

from kamgraph.sources.rdf12 import DIRECTION, TRIPLE_TERM, Rdf12Term

Triple = tuple[Node, Node, Node]
TriplePattern = tuple[Node | None, Node | None, Node | None]  # None matches any term
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple  # a Triple as a term is RDF 1.2: refused


class Triples(Protocol):
    """What the pipeline reads triples through: the part of rdflib's ``Graph`` API that :class:`TripleIndex` has.

    The vocabulary, the concept graph and the stats take either an rdflib
    ``Graph`` or a :class:`TripleIndex`.
    """

    def __contains__(self, pattern: TriplePattern, /) -> bool: ...

    def triples(self, pattern: TriplePattern, /) -> Iterator[Triple]: ...

    def objects(self, subject: Node | None = None, predicate: Node | None = None, /) -> Iterator[Node]: ...

    def subjects(self, predicate: Node | None = None, object: Node | None = None, /) -> Iterator[Node]:  # noqa: A002
        ...

    def subject_objects(self, predicate: Node, /) -> Iterator[tuple[Node, Node]]: ...

    def value(self, subject: Node, predicate: Node, /) -> Node | None: ...


_RDFLIB_TERM_LOG = logging.getLogger("rdflib.term")


def _drop(_record: logging.LogRecord) -> bool:
    return False


@contextlib.contextmanager
def quiet_ill_typed_literals() -> Iterator[None]:
    """While converting, drop rdflib's logged traceback for each literal that does not fit its datatype.

    The checks report those as located findings (``ill-typed-literal``); rdflib's
    logging is left as it was for everything else and after conversion.
    """
    _RDFLIB_TERM_LOG.addFilter(_drop)
    try:
        yield
    finally:
        _RDFLIB_TERM_LOG.removeFilter(_drop)


def from_oxigraph(term: OxTerm) -> Node:
    """The rdflib term for a pyoxigraph term; :class:`Rdf12Term` for one that only RDF 1.2 has."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.direction is not None:
            raise Rdf12Term(DIRECTION, term)
        if term.language:
            if _is_valid_langtag(term.language):
                return string_literal(term.value, term.language)
            return Literal(term.value, lang=term.language)  # raises as rdflib does
        if term.datatype.value == _XSD_STRING:
            return string_literal(term.value, None)
        return Literal(term.value, datatype=URIRef(term.datatype.value))  # as oxrdflib does, xsd:string kept
    if isinstance(term, ox.Triple):
        raise Rdf12Term(TRIPLE_TERM, term)
    raise TypeError(f"unsupported RDF term {term!r}")


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term for an rdflib term (the other way from :func:`from_oxigraph`)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    raise TypeError(f"unsupported RDF term {term!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_XSD_STRING_REF = URIRef(_XSD_STRING)


def string_literal(lexical: str, language: str | None) -> Literal:
    """A language-tagged (valid tag) or ``xsd:string`` literal, exactly as ``Literal(lexical, lang=…)`` or
    ``Literal(lexical, datatype=XSD.string)`` makes it, without the constructor's general path.

    That path casts, checks and normalises the value, none of which changes a string,
    and took a fifth of loading a thesaurus (nine literals in ten are strings);
    tests/sources/test_triples.py compares every attribute with the constructor's.
    """
    literal = str.__new__(Literal, lexical)
    literal._language = language
    literal._datatype = None if language else _XSD_STRING_REF
    literal._value = lexical
    literal._ill_typed = None if language else False
    return literal


class TermConverter:
    """Converts pyoxigraph terms to rdflib ones, each distinct term once (labels, types and IRIs repeat a lot)."""

    def __init__(self) -> None:
        self._cache: dict[OxTerm, Node] = {}

    def term(self, term: OxTerm) -> Node:
        found = self._cache.get(term)
        if found is None:
            found = self._cache[term] = from_oxigraph(term)
        return found

    def triples(self, triples: Iterable[ox.Triple | ox.Quad]) -> Iterator[Triple]:
        """Each triple's three terms as :meth:`term` makes them, in one loop: on a thesaurus the method calls
        per term were a third of loading."""
        cache = self._cache
        for triple in triples:
            s, p, o = triple.subject, triple.predicate, triple.object
            subject, predicate, value = cache.get(s), cache.get(p), cache.get(o)
            if subject is None:
                subject = cache[s] = from_oxigraph(s)
            if predicate is None:
                predicate = cache[p] = from_oxigraph(p)
            if value is None:
                value = cache[o] = from_oxigraph(o)
            yield subject, predicate, value


class TripleIndex:
    """Triples indexed by subject+predicate, predicate+object and predicate; duplicates dropped.

    Built in one pass over the triples, in the order given (the first statement of a
    pattern comes first); indexing a 110k-triple thesaurus one :meth:`add` at a time
    took as long as parsing it. Literal objects are left out of the predicate+object
    index: nothing asks which subjects have a given literal (such a question scans the
    predicate's statements), and they were half its memory and a Python hash call each.
    """

    def __init__(self, triples: Iterable[Triple] = ()):
        self._all: dict[Triple, None] = dict.fromkeys(triples)  # a set that keeps the file's order
        by_sp: defaultdict[tuple[Node, Node], list[Node]] = defaultdict(list)
        by_po: defaultdict[tuple[Node, Node], list[Node]] = defaultdict(list)
        by_p: defaultdict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        for triple in self._all:
            s, p, o = triple
            by_sp[s, p].append(o)
            if not isinstance(o, Literal):
                by_po[p, o].append(s)
            by_p[p].append((s, o))
        self._by_sp, self._by_po, self._by_p = by_sp, by_po, by_p
        self._subjects: set[Node] = {s for s, _ in by_sp}

    @classmethod
    def from_oxigraph(cls, triples: Iterable[ox.Triple | ox.Quad],
                      converter: TermConverter | None = None) -> TripleIndex:
        """Index pyoxigraph triples or quads (the graph name is ignored)."""
        converter = converter or TermConverter()
        with quiet_ill_typed_literals():
            return cls(converter.triples(triples))

    def add(self, triple: Triple) -> None:
        if triple in self._all:
            return
        self._all[triple] = None
        s, p, o = triple
        self._by_sp[s, p].append(o)
        if not isinstance(o, Literal):
            self._by_po[p, o].append(s)
        self._by_p[p].append((s, o))
        self._subjects.add(s)

    def __len__(self) -> int:
        return len(self._all)

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._all)

    def __contains__(self, triple: TriplePattern) -> bool:
        s, p, o = triple
        if s is not None and p is not None and o is not None:
            return triple in self._all
        if p is None and o is None:
            return s is None or s in self._subjects
        return next(iter(self.triples(triple)), None) is not None

    def triples(self, pattern: TriplePattern) -> Iterator[Triple]:
        s, p, o = pattern
        if p is None:
            yield from (t for t in self._all if (s is None or t[0] == s) and (o is None or t[2] == o))
        elif s is not None:
            yield from ((s, p, obj) for obj in self._by_sp.get((s, p), ()) if o is None or obj == o)
        elif isinstance(o, Literal):
            yield from ((subj, p, o) for subj, obj in self._by_p.get(p, ()) if obj == o)
        elif o is not None:
            yield from ((subj, p, o) for subj in self._by_po.get((p, o), ()))
        else:
            yield from ((subj, p, obj) for subj, obj in self._by_p.get(p, ()))

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        if subject is not None and predicate is not None:
            return iter(self._by_sp.get((subject, predicate), ()))
        return (o for _, _, o in self.triples((subject, predicate, None)))

    def subjects(self, predicate: Node | None = None, object: Node | None = None) -> Iterator[Node]:  # noqa: A002
        if predicate is not None and object is not None and not isinstance(object, Literal):
            return iter(self._by_po.get((predicate, object), ()))
        return (s for s, _, _ in self.triples((None, predicate, object)))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        return iter(self._by_p.get(predicate, ()))

    def value(self, subject: Node, predicate: Node) -> Node | None:
        found = self._by_sp.get((subject, predicate))
        return found[0] if found else None

    def to_graph(self) -> Graph:
        """A plain rdflib Graph with the same triples (for pySHACL)."""
        graph = Graph()
        graph.addN((s, p, o, graph) for s, p, o in self._all)
        return graph
