"""kamgraph path: how two concepts are connected, as sentences."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kamgraph.cli import EXIT_ERRORS, cli, ontology_option, resolve_paths


@cli.command()
@ontology_option
@click.argument("start")
@click.argument("end")
@click.option("--lang", "language", help="Language of the sentences (default: the ontology's first).")
def path(paths: tuple[Path, ...], start: str, end: str, language: str | None) -> None:
    """Show the shortest connection between two concepts, as sentences.

    START and END are labels (in any language) or local names, case ignored.
    Exit 1 when a name is unknown (with suggestions) or no connection exists.

    \b
    Example:
      kamgraph path "Key account" "Value based pricing" --lang en
      kamgraph path KeyAccount ValueBasedPricing
    """
    from kamgraph.build import check
    from kamgraph.graph import from_ontology
    from kamgraph.paths import resolve, shortest_connection

    ontology, _ = check(resolve_paths(paths))
    concepts = from_ontology(ontology)
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
