"""SPARQL over the loaded ontology, with the ontology's own prefixes predeclared.

A SELECT without ORDER BY gives its rows sorted by their values, so the same
query over the same ontology always prints the same lines (rdflib's own order
follows Python's per-process hash seed). A query an author mistypes is an error with the parser's message, never a
traceback: :class:`QueryError` carries it to the CLI.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultRow
from rdflib.term import Node, Variable

from kamgraph.errors import KamgraphError
from kamgraph.names import WELL_KNOWN, Namer


class QueryError(KamgraphError):
    """The SPARQL text could not be parsed or evaluated."""


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]


def run_query(data: Graph, prefixes: dict[str, str], text: str) -> Result:
    """Parse and evaluate ``text``; prefixes of the ontology (and the W3C ones) need no PREFIX line."""
    namespaces = {**WELL_KNOWN, **{p: ns for p, ns in prefixes.items() if p}}
    try:
        query = prepareQuery(text, initNs=namespaces)
    except Exception as error:  # rdflib raises bare Exception for e.g. an unknown prefix
        raise QueryError(f"the query is not valid SPARQL: {_first_line(error)}") from error
    try:
        result = data.query(query)
    except Exception as error:  # evaluation errors come from the author's query
        raise QueryError(f"the query failed: {_first_line(error)}") from error
    if result.type == "SELECT" and not _has_order_by(query.algebra):
        result.bindings = sorted(result.bindings, key=lambda row: _row_key(row, result.vars or []))
    return result


def _has_order_by(node: object) -> bool:
    """Whether the query's algebra has an ORDER BY (then its order is the author's and is kept)."""
    if isinstance(node, CompValue):
        return node.name == "OrderBy" or any(_has_order_by(value) for value in node.values())
    if isinstance(node, (list, tuple)):
        return any(_has_order_by(value) for value in node)
    return False


def _row_key(row: Mapping[Variable, Node], variables: list[Variable]) -> tuple[str, ...]:
    """Rows without ORDER BY come in the store's hash order; sorted by their values they are the same every run."""
    return tuple(row[v].n3() if row.get(v) is not None else "" for v in variables)


def as_table(result: Result, namer: Namer) -> Table:
    """SELECT results with IRIs compacted (kam:KeyAccount) and literals as their text."""
    columns = [str(v) for v in result.vars or []]
    rows = [[_cell(row[i], namer) for i in range(len(columns))] for row in result if isinstance(row, ResultRow)]
    return Table(columns, rows)


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
