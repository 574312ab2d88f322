"""Load Turtle files strictly, one named graph per file.

rdflib's own Turtle parser accepts many invalid files and names no file in its
errors; pyoxigraph's parser (the one behind oxrdflib's ``ox-turtle``) rejects
them with a line and a column. Each file keeps its own triples (its named
graph) so that later findings can name the file a statement came from.

Triples are converted to rdflib terms once and read through a
:class:`~kamgraph.triples.TripleIndex`; an rdflib ``Dataset`` with one named
graph per file is made only when something asks for it (SPARQL, JSON-LD).
Going through oxrdflib's Oxigraph *store* instead was measured slower to read
back (~40 µs a triple) and rewrites literals (``"1.0"^^xsd:decimal`` as ``"1"``).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kamgraph.errors import LoadError
from kamgraph.findings import Finding, Severity
from kamgraph.namespaces import RDF, SH
from kamgraph.triples import TermConverter, TripleIndex


TURTLE_SUFFIX = ".ttl"
_UTF8_BOM = b"\xef\xbb\xbf"
FILE_GRAPH_PREFIX = "urn:kamgraph:file:"  # each file's named graph, here and in a SPARQL store
_PREFIX_RE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.MULTILINE | re.IGNORECASE)
_OX_POSITION_RE = re.compile(r"^Parser error at line \d+ (?:between columns \d+ and \d+|column \d+): ")
_LANGUAGE_TAG_RE = re.compile(r"language (?:tag|subtag|code)|subtag|base direction", re.IGNORECASE)

# rdflib logs a traceback for every literal whose text does not fit its
# datatype; validation reports those as located findings (ill-typed-literal).
logging.getLogger("rdflib.term").setLevel(logging.ERROR)


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

    @property
    def data_files(self) -> list[SourceFile]:
        return [f for f in self.files if not f.is_shapes]

    def index(self) -> TripleIndex:
        """Every data triple, indexed for fast look-ups (built once)."""
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
        """Prefixes declared in the files, first declaration of a name winning."""
        merged: dict[str, str] = {}
        for source in self.files:
            for prefix, namespace in source.prefixes.items():
                merged.setdefault(prefix, namespace)
        return merged

    def files_defining(self, subject: URIRef) -> list[SourceFile]:
        """The data files in which ``subject`` appears as a subject."""
        return [
            source
            for source in self.data_files
            if (subject, None, None) in source.triples
        ]


def display_path(path: Path) -> str:
    """A path as an author would type it: relative to the working directory when inside it."""
    absolute = Path(os.path.abspath(path))
    try:
        return str(absolute.relative_to(Path.cwd()))
    except ValueError:
        return str(absolute)


def discover(paths: list[Path]) -> tuple[list[Path], list[Finding]]:
    """Expand folders to the ``.ttl`` files below them, in a stable order.

    A folder whose name ends in ``.ttl`` is still a folder: the walk reads the
    Turtle files inside it, never the folder itself. Symbolic links to folders
    are not followed (so a link back up the tree cannot loop); a link that
    loops or points nowhere is reported as an error naming it.
    """
    found: list[Path] = []
    problems: list[Finding] = []
    for path in paths:
        if path.is_dir():
            files, unreadable = [], []
            for candidate in sorted(path.rglob(f"*{TURTLE_SUFFIX}")):
                if candidate.is_file():
                    files.append(candidate)
                elif not candidate.is_dir():
                    unreadable.append(_not_a_file(candidate))
            problems.extend(unreadable)
            if not files and not unreadable:
                problems.append(_problem(path, "no-turtle-files", f"no {TURTLE_SUFFIX} files in this folder",
                                         hint="add a Turtle file or pass another --ontology"))
            found.extend(files)
        elif path.exists():
            found.append(path)
        elif path.is_symlink():
            problems.append(_not_a_file(path))
        else:
            problems.append(_problem(path, "file-not-found", "no such file or folder",
                                     hint="check the --ontology path"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, problems


def _not_a_file(path: Path) -> Finding:
    """Why ``path`` (listed, but neither a file nor a folder) cannot be read."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _problem(path, "unreadable-file", "is a symbolic link loop", hint="point the link at a file")
        if exc.errno == errno.ENOENT:
            if path.is_symlink():
                return _problem(path, "file-not-found", f"is a link to {os.readlink(path)}, which does not exist",
                                hint="fix or remove the link")
            return _problem(path, "file-not-found", "the file disappeared before it could be read")
        return _problem(path, "unreadable-file", exc.strerror or str(exc))
    return _problem(path, "unreadable-file", "is not a regular file (a device, pipe or socket)",
                    hint="pass Turtle files only")


def load_ontology(paths: list[Path] | Path) -> Ontology:
    """Read and parse every Turtle file under ``paths``; raise :class:`LoadError` listing all failures.

    Files whose triples declare SHACL shapes are kept apart as the shapes graph.
    """
    if isinstance(paths, (str, Path)):
        paths = [Path(paths)]
    files, problems = discover([Path(p) for p in paths])
    shapes = Graph()
    convert = TermConverter()
    sources: list[SourceFile] = []
    warnings: list[Finding] = []
    for path in files:
        source, problem = _read(path)
        if problem:
            problems.append(problem)
            continue
        problem = _parse_into(source, convert)
        if problem:
            problems.append(problem)
            continue
        if len(source.triples) == 0:
            warnings.append(Finding(source.display, None, None, Severity.WARNING, "empty-file",
                                    "the file holds no statements"))
        if _declares_shapes(source.triples):
            source.is_shapes = True
            shapes.addN((s, p, o, shapes) for s, p, o in source.triples)
        sources.append(source)
    if problems:
        raise LoadError(problems)
    if not any(len(s.triples) for s in sources if not s.is_shapes):
        shown = ", ".join(display_path(Path(p)) for p in paths)
        raise LoadError([Finding(shown, None, None, Severity.ERROR, "empty-ontology",
                                 "the ontology holds no statements",
                                 hint="point --ontology at the Turtle files that define the concepts")])
    for source in sources:
        for prefix, namespace in source.prefixes.items():
            shapes.bind(prefix, namespace, override=False)
    return Ontology(files=sources, shapes=shapes, warnings=warnings)


def _problem(path: Path, code: str, message: str, *, line: int | None = None,
             column: int | None = None, hint: str | None = None) -> Finding:
    return Finding(display_path(path), line, column, Severity.ERROR, code, message, hint=hint)


def _read(path: Path) -> tuple[SourceFile | None, Finding | None]:
    try:
        kind = path.stat().st_mode
        if stat.S_ISDIR(kind):
            return None, _problem(path, "unreadable-file", "is a folder, not a Turtle file")
        if not stat.S_ISREG(kind):
            return None, _not_a_file(path)
        data = path.read_bytes()
    except IsADirectoryError:
        return None, _problem(path, "unreadable-file", "is a folder, not a Turtle file")
    except PermissionError:
        return None, _problem(path, "unreadable-file", "permission denied", hint="make the file readable")
    except FileNotFoundError:
        return None, _problem(path, "file-not-found", "the file disappeared before it could be read")
    except OSError as exc:
        return None, _problem(path, "unreadable-file", exc.strerror or str(exc))
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, _problem(path, "not-utf8", f"byte 0x{data[exc.start]:02x} is not valid UTF-8",
                              line=line, column=column, hint="save the file as UTF-8")
    display = display_path(path)
    graph_id = URIRef(FILE_GRAPH_PREFIX + quote(display.replace(os.sep, "/")))
    prefixes = {prefix or "": namespace for prefix, namespace in _PREFIX_RE.findall(text)}
    return SourceFile(path=path, display=display, text=text, graph_id=graph_id, prefixes=prefixes), None


def _parse_into(source: SourceFile, convert: TermConverter) -> Finding | None:
    try:
        parsed = ox.parse(source.text.encode("utf-8"), format=ox.RdfFormat.TURTLE,
                          base_iri=source.path.resolve().as_uri())
        source.triples = TripleIndex(convert.triple(t) for t in parsed)
    except SyntaxError as exc:
        reason = _OX_POSITION_RE.sub("", exc.msg or str(exc)).removesuffix(f" (line {exc.lineno})")
        if _LANGUAGE_TAG_RE.search(reason):
            return _problem(source.path, "bad-language-tag", f"malformed language tag: {reason}", line=exc.lineno,
                            column=exc.offset, hint='use a BCP 47 tag such as @nl, @en or @en-GB')
        return _problem(source.path, "syntax-error", reason, line=exc.lineno, column=exc.offset,
                        hint="fix the Turtle syntax at this position")
    except (ValueError, UnicodeError) as exc:
        return _problem(source.path, "syntax-error", str(exc))
    return None


def _declares_shapes(graph: Graph | TripleIndex) -> bool:
    return any(graph.triples((None, RDF.type, SH.NodeShape))) or any(
        graph.triples((None, RDF.type, SH.PropertyShape)))
