"""The pipeline end to end: load -> validate -> graph -> map -> file.

Nothing is written unless every earlier step succeeded, and the map is
written atomically, so the last good map survives any failure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kamgraph.errors import ValidationFailed
from kamgraph.findings import Report
from kamgraph.graph import ConceptGraph, from_ontology
from kamgraph.load import Ontology, load_ontology
from kamgraph.output import write_files
from kamgraph.validate import validate_ontology
from kamgraph.views.map import MAPS_FOLDER, render_site

LAYOUT_CACHE = ".layout-cache"  # inside the output folder: positions by graph content, reused by later builds


@dataclass
class BuildResult:
    report: Report
    concepts: ConceptGraph
    written: list[Path]


def check(paths: list[Path]) -> tuple[Ontology, Report]:
    """Load and validate; raises :class:`~kamgraph.errors.LoadError` when a file cannot be read."""
    ontology = load_ontology(paths)
    return ontology, validate_ontology(ontology)


def checked_ontology(paths: list[Path]) -> tuple[Ontology, Report]:
    """Load and validate; raise :class:`ValidationFailed` on any error.

    Every output (map, glossary, exports) goes through here, so none is ever made from a broken ontology.
    """
    ontology, report = check(paths)
    if report.has_errors:
        raise ValidationFailed(report.findings)
    return ontology, report


def checked_concepts(paths: list[Path]) -> tuple[ConceptGraph, Report]:
    """The concept graph of a valid ontology; raise :class:`ValidationFailed` on any error."""
    ontology, report = checked_ontology(paths)
    return from_ontology(ontology), report


Stage = Callable[[str], None]


def _quiet(_stage: str) -> None:
    """The default progress callback: say nothing."""


def build_map(paths: list[Path], out_dir: Path, *, draft: bool = False, progress: Stage = _quiet) -> BuildResult:
    """Validate, then write ``out_dir/index.html`` and one focused map per category in ``out_dir/maps/``.

    Raises :class:`ValidationFailed` on any error, before anything is written; all
    pages are written all-or-none. Focused maps of categories that no longer exist
    are removed, so the folder always matches the ontology. A ``draft`` build
    carries the warnings, shown as badges; a published one never does.
    """
    progress("reading the Turtle files")
    return build_ontology_map(load_ontology(paths), out_dir, draft=draft, progress=progress)


def build_ontology_map(ontology: Ontology, out_dir: Path, *, draft: bool = False,
                       progress: Stage = _quiet) -> BuildResult:
    """The same as :func:`build_map` for an ontology already loaded (from files or a SPARQL store)."""
    progress("validating")
    report = validate_ontology(ontology)
    if report.has_errors:
        raise ValidationFailed(report.findings)
    progress("building the concept graph")
    concepts = from_ontology(ontology)
    progress("laying out and writing the maps")
    out_dir = Path(out_dir)
    pages = render_site(concepts, findings=report.findings if draft else None, layout_cache=out_dir / LAYOUT_CACHE)
    written = write_files({out_dir / relative: html for relative, html in sorted(pages.items())})
    for old in sorted((out_dir / MAPS_FOLDER).glob("*.html")):
        if f"{MAPS_FOLDER}/{old.name}" not in pages:
            old.unlink(missing_ok=True)  # another build running at once may have removed it
    return BuildResult(report=report, concepts=concepts, written=written)
