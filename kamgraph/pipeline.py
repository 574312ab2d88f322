"""The pipeline end to end, in one place: sources -> checks -> graph -> views -> files.

Every command goes through :func:`load_and_check`; every output (map,
glossary, exports, publishing, paths) through :func:`require_valid`, so none
is ever made from a broken ontology. :func:`build_site` writes nothing unless
every earlier step succeeded, and writes all pages or none, so the last good
map survives any failure.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kamgraph.checks import check_ontology
from kamgraph.errors import OutOfMemory, ValidationFailed
from kamgraph.findings import Report
from kamgraph.graph import ConceptGraph, from_ontology
from kamgraph.output import new_generation, write_files
from kamgraph.sources.files import load_ontology
from kamgraph.sources.ontology import Ontology
from kamgraph.vocabulary import Vocabulary, read_vocabulary

LAYOUT_CACHE = ".layout-cache"  # inside the output folder: positions by graph content, reused by later builds

Progress = Callable[[str], None]
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]  # one Turtle file or folder, or several


def _quiet(_stage: str) -> None:
    """The default progress callback: say nothing."""


@dataclass
class Checked:
    """A loaded ontology, its vocabulary (read once) and the findings about it."""

    ontology: Ontology
    vocabulary: Vocabulary
    report: Report
    _concepts: ConceptGraph | None = field(default=None, repr=False)

    @property
    def concepts(self) -> ConceptGraph:
        """The concept graph (made on first use, from the vocabulary already read)."""
        if self._concepts is None:
            self._concepts = from_ontology(self.ontology, self.vocabulary)
        return self._concepts


def load(paths: Paths | None = None, *, endpoint: str | None = None, timeout: float | None = None,
         max_bytes: int | None = None) -> Ontology:
    """The ontology from Turtle files or folders (default ``ontology/``) or from a SPARQL store's query ``endpoint``.

    Raises :class:`~kamgraph.errors.LoadError` for files that cannot be read or
    parsed, :class:`~kamgraph.sources.store.EndpointError` for a store that fails;
    ``timeout`` is the store's total deadline per request (default :data:`~kamgraph.sources.DEFAULT_TIMEOUT`),
    ``max_bytes`` the largest answer it may send (default :data:`~kamgraph.sources.http.DEFAULT_MAX_BYTES`).
    """
    if endpoint:
        from kamgraph.sources import DEFAULT_TIMEOUT, store  # the HTTP client is imported only for a store
        from kamgraph.sources.http import DEFAULT_MAX_BYTES

        return store.load_from_endpoint(endpoint, timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
                                        max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes)
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]  # one path, not an iterable of its characters
    return load_ontology([Path(p) for p in paths or ["ontology"]])


def input_size(paths: Paths | None) -> str:
    """How much Turtle ``paths`` hold, for a message: "3 files, 1.2 MB"."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    files: list[Path] = []
    for path in (Path(p) for p in paths or ["ontology"]):
        files += sorted(path.rglob("*.ttl")) if path.is_dir() else [path]
    total = 0
    for file in files:
        with contextlib.suppress(OSError):
            total += file.stat().st_size
    return f"{len(files)} file(s), {_megabytes(total)} of Turtle"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


@contextlib.contextmanager
def out_of_memory_names(what: Callable[[], str]) -> Iterator[None]:
    """Turn a MemoryError into :class:`OutOfMemory` saying how large the input was (``what()``)."""
    try:
        yield
    except MemoryError as exc:
        raise OutOfMemory(f"ran out of memory on {what()}; give kamgraph more memory or a smaller "
                          "ontology") from exc


# Python's cyclic collector runs a pass every 700 new objects; a build makes millions (terms, triples,
# rows) that all live until it ends, and those passes took a quarter of a thesaurus's build CPU.
BUILD_COLLECTION_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run a step with the cyclic collector's first threshold raised; the thresholds are restored afterwards.

    Collection still happens (cycles are still freed, memory stays bounded), only less often.
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], BUILD_COLLECTION_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def check(ontology: Ontology) -> Checked:
    """Run every check on a loaded ontology."""
    vocabulary = read_vocabulary(ontology.index())
    return Checked(ontology, vocabulary, check_ontology(ontology, vocabulary))


def load_and_check(paths: Paths | None = None, *, endpoint: str | None = None, timeout: float | None = None,
                   max_bytes: int | None = None, progress: Progress = _quiet) -> Checked:
    """Load (files or a store) and check: the findings are in ``.report``, the concept graph in ``.concepts``.

    An ontology that parses gives findings, never an exception, however wrong it is;
    files that cannot be read or parsed raise :class:`~kamgraph.errors.LoadError`,
    whose ``findings`` say where.
    """
    what = (lambda: f"the store at {endpoint}") if endpoint else (lambda: input_size(paths))
    with out_of_memory_names(what), fewer_collections():
        progress("reading the ontology")
        ontology = load(paths, endpoint=endpoint, timeout=timeout, max_bytes=max_bytes)
        progress("validating")
        return check(ontology)


def require_valid(checked: Checked) -> Checked:
    """``checked`` itself when it has no error; otherwise raise :class:`ValidationFailed` with every finding."""
    if checked.report.has_errors:
        raise ValidationFailed(checked.report.findings)
    return checked


@dataclass
class BuildResult:
    report: Report
    concepts: ConceptGraph
    written: list[Path]
    index_data: dict  # the whole map's page data, e.g. for the page ``serve`` shows


def build_site(checked: Checked, out_dir: Path, *, draft: bool = False, progress: Progress = _quiet,
               changes: dict | None = None, release_triples: bool = False) -> BuildResult:
    """Write ``out_dir/index.html`` (with its topic views) and a page per topic in ``out_dir/maps/`` opening it.

    Raises :class:`ValidationFailed` on any error, before anything is written; all
    pages, and the layout cache, become visible together or not at all
    (:func:`~kamgraph.output.new_generation`). Focused maps of categories that no longer exist
    are removed, so the folder always matches the ontology. A ``draft`` build
    carries the warnings, shown as badges; a published one never does. ``changes``
    (a draft's, :func:`kamgraph.changes.report.draft_marks`) marks what changed since a version.
    ``release_triples`` drops the ontology's triples once the concept graph is made
    (:meth:`~kamgraph.sources.ontology.Ontology.release_triples`), for a caller that needs nothing else of them.
    """
    require_valid(checked)
    size = _ontology_size(checked.ontology)
    with out_of_memory_names(lambda: size), fewer_collections():
        return _build_site(checked, out_dir, draft=draft, progress=progress, changes=changes,
                           release_triples=release_triples)


def _ontology_size(ontology: Ontology) -> str:
    triples = sum(len(source.triples) for source in ontology.files)
    text = sum(len(source.text) for source in ontology.files)  # characters: no new memory to count them
    return f"{len(ontology.files)} file(s), {triples:,} statements, {_megabytes(text)} of Turtle"


def _build_site(checked: Checked, out_dir: Path, *, draft: bool, progress: Progress,
                changes: dict | None, release_triples: bool) -> BuildResult:
    from kamgraph.views.site import MAPS_FOLDER, render_site

    progress("building the concept graph")
    concepts = checked.concepts
    if release_triples:
        checked.ontology.release_triples()
    progress("laying out and writing the maps")
    out_dir = Path(out_dir)
    with new_generation(out_dir) as folder:  # everything below --out, caches included, changes in one step
        site = render_site(concepts, findings=checked.report.findings if draft else None,
                           layout_cache=folder / LAYOUT_CACHE, changes=changes if draft else None)
        pages = sorted(site.pages)
        write_files({folder / relative: site.pages[relative] for relative in pages})
        for old in sorted((folder / MAPS_FOLDER).glob("*.html")):
            if f"{MAPS_FOLDER}/{old.name}" not in site.pages:
                old.unlink()
    written = [out_dir / relative for relative in pages]
    return BuildResult(report=checked.report, concepts=concepts, written=written, index_data=site.index_data)


def build_map(paths: list[Path], out_dir: Path, *, draft: bool = False, progress: Progress = _quiet) -> BuildResult:
    """Load, check and write the map from Turtle files: :func:`load_and_check` then :func:`build_site`."""
    return build_site(load_and_check(paths, progress=progress), out_dir, draft=draft, progress=progress)
