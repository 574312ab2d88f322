"""SPARQL over the loaded ontology, with the ontology's own prefixes predeclared.

A SELECT without ORDER BY gives its rows sorted by their values, so the same
query over the same ontology always prints the same lines (rdflib's own order
follows Python's per-process hash seed). A query an author mistypes is an error with the parser's message, never a
traceback: :class:`QueryError` carries it to the CLI.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultRow
from rdflib.term import Node, Variable

from kamgraph.errors import KamgraphError
from kamgraph.names import WELL_KNOWN, Namer
from kamgraph.sources.triples import to_oxigraph


class QueryError(KamgraphError):
    """The SPARQL text could not be parsed or evaluated."""


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]


def run_query(data: Graph, prefixes: dict[str, str], text: str, *, allow_service: bool = False) -> Result:
    """Parse and evaluate ``text``; prefixes of the ontology (and the W3C ones) need no PREFIX line.

    The query reads the loaded ontology only: ``SERVICE`` (a request to any URL,
    a server-side request forgery when the query comes from someone else) is
    refused unless ``allow_service``, and ``FROM``/``FROM NAMED`` (which rdflib
    would fetch) always.
    """
    namespaces = {**WELL_KNOWN, **{p: ns for p, ns in prefixes.items() if p}}
    try:
        query = prepareQuery(text, initNs=namespaces)
    except Exception as error:  # rdflib raises bare Exception for e.g. an unknown prefix
        raise QueryError(f"the query is not valid SPARQL: {_first_line(error)}") from error
    for name, part in _parts(query.algebra):
        if name == "ServiceGraphPattern" and not allow_service:
            raise QueryError(f"the query calls SERVICE <{part.get('term')}>: federation is off, so no request "
                             "leaves this machine; pass --allow-service if you mean it")
        if name in ("datasetClause",) and part:
            raise QueryError("FROM and FROM NAMED are not supported: the query runs over the loaded ontology "
                             "(drop them; use GRAPH ?g for the files' named graphs)")
    try:
        result = data.query(query)
        len(result)  # evaluate now (rdflib is lazy), so a failure is reported here as the query's
    except RecursionError as error:  # rdflib's DESCRIBE follows blank nodes recursively
        raise QueryError("the query's answer nests blank nodes deeper than the SPARQL engine can follow "
                         "(DESCRIBE follows them one level at a time); use CONSTRUCT, which has no such "
                         "limit") from error
    except Exception as error:  # evaluation errors come from the author's query
        raise QueryError(f"the query failed: {_first_line(error)}") from error
    if result.type == "SELECT" and not _has_order_by(query.algebra):
        result.bindings = sorted(result.bindings, key=lambda row: _row_key(row, result.vars or []))
    return result


def _has_order_by(node: object) -> bool:
    """Whether the query's algebra has an ORDER BY (then its order is the author's and is kept)."""
    return any(name == "OrderBy" for name, _ in _parts(node))


def _row_key(row: Mapping[Variable, Node], variables: list[Variable]) -> tuple[str, ...]:
    """Rows without ORDER BY come in the store's hash order; sorted by their values they are the same every run."""
    return tuple(row[v].n3() if row.get(v) is not None else "" for v in variables)


def _parts(algebra: object) -> Iterator[tuple[str, Any]]:
    """Every named part of a parsed query (iteratively: no depth of nesting can recurse)."""
    stack: list[object] = [algebra]
    while stack:
        part = stack.pop()
        if isinstance(part, CompValue):
            yield part.name, part
            for key, value in part.items():
                if key == "datasetClause":
                    yield key, value
                stack.append(value)
        elif isinstance(part, (list, tuple)):
            stack.extend(part)


def as_table(result: Result, namer: Namer) -> Table:
    """SELECT results with IRIs compacted (kam:KeyAccount) and literals as their text."""
    columns = [str(v) for v in result.vars or []]
    rows = [[_cell(row[i], namer) for i in range(len(columns))] for row in result if isinstance(row, ResultRow)]
    return Table(columns, rows)


def as_turtle(graph: Graph, prefixes: dict[str, str]) -> str:
    """A CONSTRUCT or DESCRIBE result as Turtle, blank nodes by name (no nesting, so no depth can recurse)."""
    triples = [ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))  # type: ignore[arg-type]
               for s, p, o in sorted(graph, key=lambda t: (t[0].n3(), t[1].n3(), t[2].n3()))]
    known = {p: ns for p, ns in {**WELL_KNOWN, **prefixes}.items() if p and ns}
    used = {p: ns for p, ns in known.items() if any(str(term).startswith(ns) for t in graph for term in t)}
    serialized = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=used)
    assert serialized is not None  # given no output, pyoxigraph returns the bytes
    return serialized.decode("utf-8")


def _cell(value: Node | None, namer: Namer) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return namer.compact(value)
    if isinstance(value, Literal) and value.language:
        return f"{value}@{value.language}"
    return str(value)


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return " ".join(text.splitlines()[:3])
