"""The pipeline end to end: load -> validate -> graph -> map -> file.

Nothing is written unless every earlier step succeeded, and the map is
written atomically, so the last good map survives any failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kamgraph.errors import ValidationFailed
from kamgraph.findings import Report
from kamgraph.graph import ConceptGraph, from_ontology
from kamgraph.load import Ontology, load_ontology
from kamgraph.output import write_files
from kamgraph.validate import validate_ontology
from kamgraph.views.map import MAP_PAGE, render_map

MAP_FILE = MAP_PAGE


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


def build_map(paths: list[Path], out_dir: Path, *, draft: bool = False) -> BuildResult:
    """Validate, then write ``out_dir/index.html``; raise :class:`ValidationFailed` on any error.

    A ``draft`` map carries the warnings, shown as badges; a published one never does.
    """
    concepts, report = checked_concepts(paths)
    html = render_map(concepts, findings=report.findings if draft else None)
    written = write_files({Path(out_dir) / MAP_FILE: html})
    return BuildResult(report=report, concepts=concepts, written=written)
