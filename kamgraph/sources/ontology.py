"""What every source (Turtle files or a SPARQL store) yields: an :class:`Ontology` of source files.

A source file is one named graph with its own triples, prefixes and, for a
file, its text (to locate findings); shapes files are kept apart as the SHACL
shapes graph. :func:`assemble` is the one way an Ontology is made, whichever
source its files came from, so the rest of the pipeline cannot tell them apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kamgraph.errors import KamgraphError
from kamgraph.findings import Finding
from kamgraph.namespaces import RDF, SH
from kamgraph.sources.triples import TripleIndex

FILE_GRAPH_PREFIX = "urn:kamgraph:file:"  # each file's named graph, here and in a SPARQL store


@dataclass
class SourceFile:
    """One Turtle file as read: where it is, its text, its prefixes, its named graph."""

    path: Path
    display: str
    text: str
    graph_id: URIRef
    prefixes: dict[str, str] = field(default_factory=dict)
    is_shapes: bool = False
    subject_positions: dict[str, tuple[int, int]] | None = field(default=None, repr=False)
    triples: TripleIndex = field(default_factory=TripleIndex, repr=False)  # this file's statements


@dataclass
class Ontology:
    """Everything loaded: each data file's triples (its named graph), SHACL shapes apart.

    Files are parsed by pyoxigraph, which keeps every literal as written (the
    Oxigraph *store* would rewrite ``"1.0"^^xsd:decimal`` as ``"1"``) and is
    10-20× faster than rdflib's parser. The pipeline reads them through
    :class:`~kamgraph.triples.TripleIndex` objects; an rdflib :attr:`dataset`
    is made only when asked for.
    """

    files: list[SourceFile]
    shapes: Graph
    warnings: list[Finding] = field(default_factory=list)
    _index: TripleIndex | None = field(default=None, repr=False)
    _dataset: Dataset | None = field(default=None, repr=False)
    _released: bool = field(default=False, repr=False)

    @property
    def data_files(self) -> list[SourceFile]:
        return [f for f in self.files if not f.is_shapes]

    def release_triples(self) -> None:
        """Drop every file's triples (and the index and dataset made of them); the texts stay.

        For a caller that needs nothing but the concept graph from here on: the
        triples of a 50k-concept vocabulary take a third of its build's memory.
        Reading triples afterwards raises ``RuntimeError``.
        """
        for source in self.files:
            source.triples = TripleIndex()
            source.subject_positions = None
        self._index = self._dataset = None
        self._released = True

    def index(self) -> TripleIndex:
        """Every data triple, indexed for fast look-ups (built once)."""
        if self._released:
            raise RuntimeError("this ontology's triples were released (Ontology.release_triples)")
        if self._index is None:
            data = self.data_files
            if len(data) == 1:
                self._index = data[0].triples
            else:
                self._index = TripleIndex(t for source in data for t in source.triples)
        return self._index

    @property
    def dataset(self) -> Dataset:
        """An rdflib Dataset with one named graph per data file (made on first use)."""
        if self._released:
            raise RuntimeError("this ontology's triples were released (Ontology.release_triples)")
        if self._dataset is None:
            dataset = Dataset(default_union=True)
            for source in self.data_files:
                graph = dataset.graph(source.graph_id)
                graph.addN((s, p, o, graph) for s, p, o in source.triples)
            self._dataset = dataset
        return self._dataset

    def union(self) -> Graph:
        """A plain rdflib graph holding every data triple (what pySHACL sees)."""
        merged = self.index().to_graph()
        for prefix, namespace in self.prefixes().items():
            merged.bind(prefix, namespace, override=True, replace=True)
        return merged

    def prefixes(self) -> dict[str, str]:
        """Prefixes declared in the files; a name bound differently by files takes the namespace most files give.

        So one file with a stray ``@prefix kam:`` cannot rename every other file's terms in messages
        (the checks report it as ``conflicting-prefix``); ties go to the first file.
        """
        votes: dict[str, dict[str, int]] = {}
        for source in self.files:
            for prefix, namespace in source.prefixes.items():
                counts = votes.setdefault(prefix, {})
                counts[namespace] = counts.get(namespace, 0) + 1
        return {prefix: max(counts, key=lambda namespace: counts[namespace]) for prefix, counts in votes.items()}

    def files_defining(self, subject: URIRef) -> list[SourceFile]:
        """The data files in which ``subject`` appears as a subject."""
        return [
            source
            for source in self.data_files
            if (subject, None, None) in source.triples
        ]


def declares_shapes(triples: Graph | TripleIndex) -> bool:
    """Whether these triples declare SHACL shapes (then the file is a shapes file, not ontology data)."""
    return any(triples.triples((None, RDF.type, SH.NodeShape))) or any(
        triples.triples((None, RDF.type, SH.PropertyShape)))


def assemble(sources: list[SourceFile], *, warnings: list[Finding] | None = None,
             when_empty: Callable[[], KamgraphError]) -> Ontology:
    """The Ontology of these source files: shapes files set apart, their prefixes bound in the shapes graph.

    Raises ``when_empty()`` when no data file holds a statement: a map of nothing helps no one.
    """
    shapes = Graph()
    for source in sources:
        if declares_shapes(source.triples):
            source.is_shapes = True
            shapes.addN((s, p, o, shapes) for s, p, o in source.triples)
    if not any(len(s.triples) for s in sources if not s.is_shapes):
        raise when_empty()
    for source in sources:
        for prefix, namespace in source.prefixes.items():
            shapes.bind(prefix, namespace, override=False)
    return Ontology(files=sources, shapes=shapes, warnings=list(warnings or []))
