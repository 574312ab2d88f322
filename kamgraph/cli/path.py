"""kamgraph path: how two concepts are connected, as sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kamgraph.cli import EXIT_ERRORS, cli
from kamgraph.cli.options import (
    endpoint_option,
    language_option,
    one_source,
    ontology_option,
    resolve_paths,
    timeout_option,
)


@cli.command()
@ontology_option
@click.argument("start")
@click.argument("end")
@language_option
@endpoint_option
@timeout_option
def path(paths: tuple[Path, ...], start: str, end: str, language: str | None, endpoint: str | None,
         timeout: float) -> None:
    """Show the shortest connection between two concepts, as sentences.

    START and END are labels (in any language) or local names, case ignored.
    Exit 1 when a name is unknown (with suggestions), no connection exists,
    or the ontology has errors (every finding is printed).

    \b
    Example:
      kamgraph path "Key account" "Value based pricing" --lang en
      kamgraph path KeyAccount ValueBasedPricing
    """
    from kamgraph.graph.paths import resolve, shortest_connection
    from kamgraph.pipeline import load_and_check, require_valid

    one_source(paths, endpoint)
    concepts = require_valid(load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout)).concepts
    language = language or concepts.languages[0]
    first, last = resolve(concepts, start), resolve(concepts, end)
    steps = shortest_connection(concepts, first, last, language)
    if steps is None:
        click.echo(f"kamgraph: {start!r} and {end!r} are not connected", err=True)
        sys.exit(EXIT_ERRORS)
    if not steps:
        click.echo(f"{start!r} and {end!r} are the same concept")
        return
    click.echo(" → ".join([steps[0].source, *(f"{s.reading} → {s.target}" for s in steps)]))
    for step in steps:
        click.echo(f"  {step.source} {step.reading} {step.target}.")
