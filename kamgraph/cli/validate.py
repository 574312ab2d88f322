"""kamgraph validate: print every finding, compiler-style."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kamgraph.cli import EXIT_ERRORS, cli, ontology_option, print_findings, resolve_paths


@cli.command()
@ontology_option
def validate(paths: tuple[Path, ...]) -> None:
    """Check the ontology and print every finding, compiler-style.

    Exit code 0 when there are no errors (warnings allowed), 1 otherwise.

    \b
    Example:
      kamgraph validate --ontology ontology/
    """
    from kamgraph.build import check

    _, report = check(resolve_paths(paths))
    print_findings(report.findings, err=False)
    click.echo(report.summary())
    if report.has_errors:
        sys.exit(EXIT_ERRORS)
