"""Load Turtle files strictly, one named graph per file.

rdflib's own Turtle parser accepts many invalid files and names no file in its
errors; pyoxigraph's parser (the one behind oxrdflib's ``ox-turtle``) rejects
them with a line and a column. Each file keeps its own triples (its named
graph) so that later findings can name the file a statement came from.

Triples are converted to rdflib terms once and read through a
:class:`~kamgraph.sources.triples.TripleIndex`; an rdflib ``Dataset`` with one named
graph per file is made only when something asks for it (SPARQL, JSON-LD).
Going through oxrdflib's Oxigraph *store* instead was measured slower to read
back (~40 µs a triple) and rewrites literals (``"1.0"^^xsd:decimal`` as ``"1"``).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import URIRef

from kamgraph.errors import LoadError
from kamgraph.findings import Finding, Position, make_finding
from kamgraph.namespaces import RDF, SKOS
from kamgraph.sources.locate import find_in_file
from kamgraph.sources.ontology import FILE_GRAPH_PREFIX, Ontology, SourceFile, assemble, declares_shapes
from kamgraph.sources.rdf12 import FIX, Rdf12Term, locate_rdf12
from kamgraph.sources.syntax_hints import locate_fix
from kamgraph.sources.triples import TermConverter, TripleIndex

TURTLE_SUFFIX = ".ttl"
_UTF8_BOM = b"\xef\xbb\xbf"
_PREFIX_RE = re.compile(r"^\s*(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.MULTILINE | re.IGNORECASE)
_OX_POSITION_RE = re.compile(r"^Parser error at line \d+ (?:between columns \d+ and \d+|column \d+): ")
_LANGUAGE_TAG_RE = re.compile(r"language (?:tag|subtag|code)|subtag|base direction", re.IGNORECASE)


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
    convert = TermConverter()
    sources: list[SourceFile] = []
    warnings: list[Finding] = []
    names = graph_names(files, [Path(p) for p in paths])
    read = [_read(path, names[path]) for path in files]
    # the prefixes of every file, so a prefix used but not declared in one file gets the line to add
    known = {p: ns for source, _ in read if source is not None for p, ns in source.prefixes.items()}
    for source, problem in read:
        if source is not None and problem is None:
            problem = _parse_into(source, convert, known) or _shapes_with_data(source)
        if problem is not None:
            problems.append(problem)
            continue
        assert source is not None
        if len(source.triples) == 0:
            warnings.append(make_finding("empty-file", Position(source.display, None, None),
                                         "the file holds no statements"))
        sources.append(source)
    if problems:
        raise LoadError(problems)
    shown = ", ".join(display_path(Path(p)) for p in paths)
    return assemble(sources, warnings=warnings, when_empty=lambda: LoadError([make_finding(
        "empty-ontology", Position(shown, None, None), "the ontology holds no statements",
        hint="point --ontology at the Turtle files that define the concepts")]))


def _shapes_with_data(source: SourceFile) -> Finding | None:
    """A file that declares shapes is the shapes graph, not data: concepts in it would be lost, so say so."""
    if not declares_shapes(source.triples):
        return None
    concepts = sorted(str(s) for s in source.triples.subjects(RDF.type, SKOS.Concept)) or sorted(
        str(s) for s, _, _ in source.triples.triples((None, SKOS.prefLabel, None)))
    if not concepts:
        return None
    found = find_in_file(source, concepts[0])
    return _problem(source.path, "shapes-with-data",
                    f"this file declares SHACL shapes and also describes {len(concepts)} concept(s), starting "
                    f"with <{concepts[0]}>; a shapes file is not read as ontology data",
                    line=found[0] if found else None, column=found[1] if found else None,
                    hint="move the concepts (or the shapes) into a file of their own")


def _problem(path: Path, code: str, message: str, *, line: int | None = None,
             column: int | None = None, hint: str | None = None) -> Finding:
    return make_finding(code, Position(display_path(path), line, column), message, hint=hint)


def graph_names(files: list[Path], roots: list[Path]) -> dict[Path, str]:
    """Each file's name in the store: its path below the ``--ontology`` folder it was found in (a file given
    itself: its name), so the same file gets the same graph whichever folder a command runs from.

    Should two roots hold files of one relative name, those files are named by their display path instead.

    >>> graph_names([Path("/a/onto/sub/x.ttl"), Path("/b/y.ttl")], [Path("/a/onto"), Path("/b/y.ttl")])
    {PosixPath('/a/onto/sub/x.ttl'): 'sub/x.ttl', PosixPath('/b/y.ttl'): 'y.ttl'}
    """
    resolved = [root.resolve() for root in roots]
    names: dict[Path, str] = {}
    for path in files:
        names[path] = path.name
        for root in resolved:
            if root == path:
                break
            if path.is_relative_to(root):
                names[path] = path.relative_to(root).as_posix()
                break
    taken: dict[str, int] = {}
    for name in names.values():
        taken[name] = taken.get(name, 0) + 1
    return {path: name if taken[name] == 1 else display_path(path).replace(os.sep, "/")
            for path, name in names.items()}


def _read(path: Path, graph_name: str) -> tuple[SourceFile | None, Finding | None]:
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
    return _source(path, text, graph_name), None


def _source(path: Path, text: str, graph_name: str) -> SourceFile:
    graph_id = URIRef(FILE_GRAPH_PREFIX + quote(graph_name))
    prefixes = {prefix or "": namespace for prefix, namespace in _PREFIX_RE.findall(text)}
    return SourceFile(path=path, display=display_path(path), text=text, graph_id=graph_id, prefixes=prefixes)


def source_from_text(path: Path, text: str, roots: list[Path]) -> SourceFile:
    """A Turtle file not written yet (``path`` is where it will be), parsed as :func:`load_ontology` would.

    Raises :class:`LoadError` when ``text`` does not parse; ``roots`` are the
    ``--ontology`` paths, which name its graph.
    """
    resolved = Path(os.path.abspath(path))
    source = _source(resolved, text, graph_names([resolved], roots)[resolved])
    problem = _parse_into(source, TermConverter())
    if problem is not None:
        raise LoadError([problem])
    return source


def _parse_into(source: SourceFile, convert: TermConverter, known: dict[str, str] | None = None) -> Finding | None:
    try:
        parsed = ox.parse(source.text.encode("utf-8"), format=ox.RdfFormat.TURTLE,
                          base_iri=source.path.resolve().as_uri())
        source.triples = TripleIndex.from_oxigraph(parsed, convert)
        source.prefixes = dict(parsed.prefixes)  # as the parser bound them: an "@prefix" inside a string is text
    except SyntaxError as exc:
        reason = _OX_POSITION_RE.sub("", exc.msg or str(exc)).removesuffix(f" (line {exc.lineno})")
        if _LANGUAGE_TAG_RE.search(reason):
            return _problem(source.path, "bad-language-tag", f"malformed language tag: {reason}", line=exc.lineno,
                            column=exc.offset, hint='use a BCP 47 tag such as @nl, @en or @en-GB')
        fix = locate_fix(source.text, exc.lineno, reason, known)
        if fix.line is not None and fix.line != exc.lineno:  # the mistake is before where the parser stopped
            return _problem(source.path, "syntax-error",
                            f"{reason} (the parser stopped at line {exc.lineno}, column {exc.offset})",
                            line=fix.line, column=fix.column, hint=fix.text)
        return _problem(source.path, "syntax-error", reason, line=exc.lineno, column=exc.offset, hint=fix.text)
    except Rdf12Term as exc:
        return _rdf12_problem(source, exc)
    except (ValueError, UnicodeError) as exc:
        return _problem(source.path, "syntax-error", str(exc))
    return None


def _rdf12_problem(source: SourceFile, exc: Rdf12Term) -> Finding:
    place = locate_rdf12(source.text)
    if place is None:  # not written in the text (cannot happen for Turtle pyoxigraph accepted): name it unlocated
        return _problem(source.path, "rdf12-unsupported", f"{exc.construct} is not supported", hint=FIX)
    return _problem(source.path, "rdf12-unsupported", f"{place.construct} is not supported", line=place.line,
                    column=place.column, hint=FIX)

