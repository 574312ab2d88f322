"""The shared store: publish ontology files to, and read them back from, any SPARQL 1.1 store.

Publishing uses the SPARQL 1.1 Graph Store Protocol: one ``PUT ?graph=<g>``
per file, with the file's Turtle as it is, so every file stays its own named
graph (``urn:kamgraph:file:<path below its --ontology folder>``, as when loading
files); graphs of files no longer there are removed (``DELETE ?graph=<g>``)
unless the author keeps other files' graphs. The prefixes the
files declare are kept as SHACL prefix declarations (``sh:declare``) in one
more graph, so a map built from the store names concepts as the files do.

Reading uses standard SPARQL 1.1 queries only (the graph names, then one
``CONSTRUCT`` per graph), so Oxigraph, Fuseki, GraphDB or Virtuoso all work;
the result is assembled into an :class:`~kamgraph.sources.ontology.Ontology`
exactly as files are, so the rest of the pipeline cannot tell the difference.

Every failure becomes an :class:`EndpointError` naming the endpoint and saying
what happened, and an HTTP error carries the server's own message. Requests go
through :mod:`kamgraph.sources.http`: a total deadline per request
(``--timeout``), a size cap (``--max-answer-mb``), redirects only within the
origin; an answer that is not what was asked for, or holds RDF 1.2 terms, is
an error too, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from kamgraph.errors import KamgraphError
from kamgraph.namespaces import SH
from kamgraph.sources import DEFAULT_TIMEOUT
from kamgraph.sources.http import DEFAULT_MAX_BYTES, Answer, HttpFailure
from kamgraph.sources.http import request as http_request
from kamgraph.sources.ontology import FILE_GRAPH_PREFIX, Ontology, SourceFile, assemble
from kamgraph.sources.rdf12 import Rdf12Term
from kamgraph.sources.triples import OxTerm, TermConverter, TripleIndex

PREFIX_GRAPH = "urn:kamgraph:prefixes"
_MESSAGE_LIMIT = 500


class EndpointError(KamgraphError):
    """The SPARQL store could not be reached or refused a request."""


def _request(method: str, url: str, *, timeout: float, max_bytes: int = DEFAULT_MAX_BYTES,
             **kwargs: Any) -> Answer:
    try:
        response = http_request(method, url, deadline=timeout, max_bytes=max_bytes, **kwargs)
    except HttpFailure as exc:
        raise EndpointError(f"{url}: {exc}") from exc
    if response.status_code >= 400:
        text = " ".join(response.text.split())[:_MESSAGE_LIMIT] or "(no message)"
        raise EndpointError(f"{url}: the server answered HTTP {response.status_code} {response.reason}: {text}")
    if response.status_code != 200 and method not in ("PUT", "DELETE"):  # the Graph Store answers writes with 201/204
        raise EndpointError(f"{url}: the server answered HTTP {response.status_code} {response.reason}, "
                            "not the results asked for")
    return response


def _query(url: str, query: str, accept: str, timeout: float, max_bytes: int = DEFAULT_MAX_BYTES) -> Answer:
    return _request("POST", url, timeout=timeout, max_bytes=max_bytes, data={"query": query},
                    headers={"Accept": accept})


def graph_names(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> list[str]:
    """The named graphs in the store, sorted."""
    response = _query(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                      "application/sparql-results+json", timeout, max_bytes)
    try:
        rows = response.json()["results"]["bindings"]
        return sorted(row["g"]["value"] for row in rows if row.get("g", {}).get("type") == "uri")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EndpointError(f"{url}: the answer is not SPARQL query results (is this the query endpoint? "
                            f"got {response.headers.get('content-type', 'no content type')})") from exc


def _construct(url: str, graph: str | None, timeout: float, max_bytes: int) -> list[ox.Quad]:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    response = _query(url, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}", "application/n-triples", timeout,
                      max_bytes)
    try:
        return list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    except (SyntaxError, ValueError) as exc:
        raise EndpointError(f"{url}: the answer to a CONSTRUCT query is not N-Triples "
                            f"({getattr(exc, 'msg', None) or exc})") from exc


def load_from_endpoint(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Ontology:
    """Every named graph of the store as an :class:`Ontology` (the default graph if there are none).

    ``timeout`` is the total deadline of each request, ``max_bytes`` the largest answer accepted.
    """
    names = graph_names(url, timeout=timeout, max_bytes=max_bytes)
    prefixes_by_graph: dict[str, dict[str, str]] = {}
    if PREFIX_GRAPH in names:
        try:
            prefixes_by_graph = _read_prefixes(_construct(url, PREFIX_GRAPH, timeout, max_bytes))
        except (ValueError, TypeError, AttributeError) as exc:
            raise EndpointError(f"{url}: the prefix declarations in graph <{PREFIX_GRAPH}> are malformed "
                                f"({exc}); publish the ontology again") from exc
    data_names: list[str | None] = [name for name in names if name != PREFIX_GRAPH] or [None]  # None: default graph
    convert = TermConverter()
    sources = []
    for name in data_names:
        graph_id = name or "urn:kamgraph:default-graph"
        display = f"{url} graph <{graph_id}>" if name else f"{url} default graph"
        try:
            triples = TripleIndex.from_oxigraph(_construct(url, name, timeout, max_bytes), convert)
        except Rdf12Term as exc:
            raise EndpointError(f"{display} holds {exc.construct}, which kamgraph does not read "
                                f"(RDF 1.1 only): {exc}") from exc
        sources.append(SourceFile(path=Path(graph_id), display=display, text="", graph_id=URIRef(graph_id),
                                  prefixes=prefixes_by_graph.get(graph_id, {}), triples=triples))
    return assemble(sources, when_empty=lambda: EndpointError(
        f"{url}: the store holds no statements; publish the ontology first "
        "(kamgraph publish --store <graph store URL> --endpoint <query URL>)"))


def _read_prefixes(triples: list[ox.Quad]) -> dict[str, dict[str, str]]:
    """``<graph> sh:declare [ sh:prefix "p" ; sh:namespace "ns" ]`` as {graph: {p: ns}}, in the stored order."""
    by_subject: dict[OxTerm, dict[str, Any]] = {}
    for t in triples:
        by_subject.setdefault(t.subject, {})[t.predicate.value] = t.object
    found: dict[str, list[tuple[int, str, str]]] = {}
    for t in triples:
        if t.predicate.value != str(SH.declare) or not isinstance(t.subject, ox.NamedNode):
            continue  # graphs are named by IRIs
        declaration = by_subject.get(t.object, {})
        prefix, namespace = declaration.get(str(SH.prefix)), declaration.get(str(SH.namespace))
        order = declaration.get("urn:kamgraph:order")
        if prefix is not None and namespace is not None:
            found.setdefault(t.subject.value, []).append(
                (int(order.value) if order is not None else 0, prefix.value, namespace.value))
    return {graph: {p: ns for _, p, ns in sorted(rows)} for graph, rows in found.items()}


def _prefix_turtle(declared: dict[str, dict[str, str]]) -> str:
    """The prefix graph: ``<graph> sh:declare [ sh:prefix "p" ; sh:namespace "ns" ]`` per graph, in order."""
    lines = ["@prefix sh: <http://www.w3.org/ns/shacl#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    for graph, prefixes in sorted(declared.items()):
        for order, (prefix, namespace) in enumerate(prefixes.items()):
            lines.append(f'<{graph}> sh:declare [ sh:prefix "{prefix}" ; '
                         f'sh:namespace "{namespace}"^^xsd:anyURI ; <urn:kamgraph:order> {order} ] .')
    return "\n".join(lines) + "\n"


@dataclass
class Published:
    """What a publish did: the graphs it wrote, and the graphs of files no longer there that it removed."""

    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # other files' graphs left alone (``keep_others``)


def publish(ontology: Ontology, store_url: str, query_url: str, *, keep_others: bool = False,
            timeout: float = DEFAULT_TIMEOUT) -> Published:
    """PUT every file (data and shapes) into its own named graph, and bring the store in line with the files.

    Graphs are named by each file's path below its ``--ontology`` folder, so
    publishing from any folder replaces, never duplicates. The graphs of files
    that are not in ``ontology`` (deleted or renamed since the last publish)
    are removed, unless ``keep_others`` (an author publishing only their own
    files into a shared store); their prefix declarations go or stay with them.
    ``store_url`` is the Graph Store Protocol URL, ``query_url`` the SPARQL
    query endpoint (to list the graphs already there).
    """
    existing = [name for name in graph_names(query_url, timeout=timeout) if name.startswith(FILE_GRAPH_PREFIX)]
    declared: dict[str, dict[str, str]] = {}
    if keep_others:
        declared = _read_prefixes(_construct(query_url, PREFIX_GRAPH, timeout, DEFAULT_MAX_BYTES))
    done = Published()
    for source in ontology.files:
        _put(store_url, str(source.graph_id), _ntriples(source), timeout)
        done.written.append(str(source.graph_id))
        declared[str(source.graph_id)] = source.prefixes
    for name in existing:
        if name in done.written:
            continue
        if keep_others:
            done.kept.append(name)
        else:
            _request("DELETE", store_url, timeout=timeout, params={"graph": name})
            declared.pop(name, None)
            done.removed.append(name)
    _put(store_url, PREFIX_GRAPH, _prefix_turtle({g: p for g, p in declared.items() if g not in done.removed}),
         timeout)
    return done


def _ntriples(source: SourceFile) -> str:
    """The file's triples as N-Triples: relative IRIs resolved against the file, as when it was loaded."""
    triples = ox.parse(source.text.encode("utf-8"), format=ox.RdfFormat.TURTLE,
                       base_iri=source.path.resolve().as_uri())
    serialized = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    assert serialized is not None  # given no output, pyoxigraph returns the bytes
    return serialized.decode("utf-8")


def _put(url: str, graph: str, turtle: str, timeout: float) -> None:
    # N-Triples is a subset of Turtle, so one content type serves both.
    _request("PUT", url, timeout=timeout, params={"graph": graph}, data=turtle.encode("utf-8"),
             headers={"Content-Type": "text/turtle; charset=utf-8"})
