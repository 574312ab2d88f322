"""kamgraph diff: what changed between two versions of the ontology, compared by meaning."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import format_option, language_option, ontology_option, resolve_paths

EXIT_EQUAL, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2  # as diff(1)


@cli.command()
@ontology_option
@click.argument("old")
@click.argument("new", required=False)
@format_option("text", "json", "markdown",
               help="text for reading; json (schema kamgraph-diff/1, see the README) for tools; markdown for a "
                    "changelog or a pull-request comment.")
@language_option
def diff(paths: tuple[Path, ...], old: str, new: str | None, output_format: str, language: str | None) -> None:
    """Show what changed from OLD to NEW: concepts, relations, categories, relation types.

    OLD and NEW are each a Turtle file, a folder, or a git revision (HEAD~1,
    a tag, a commit) of the --ontology paths (default ontology/); NEW
    defaults to the --ontology files as they are now. Files are compared by
    meaning: reordering or reformatting a file shows nothing. Exit status as
    diff: 0 the same, 1 different, 2 trouble (a version cannot be read).

    \b
    Example:
      kamgraph diff HEAD~1                     # ontology/ at the last commit -> now
      kamgraph diff v1.0 HEAD --format markdown > CHANGES.md
      kamgraph diff old-ontology/ ontology/ --format json
    """
    from kamgraph.changes import compare, load_version
    from kamgraph.changes import report as reports
    from kamgraph.cli import report_failure
    from kamgraph.errors import KamgraphError
    from kamgraph.sources.files import load_ontology

    ontology_paths = resolve_paths(paths)
    try:
        before = load_version(old, ontology_paths)
        after = load_version(new, ontology_paths) if new else load_ontology(ontology_paths)
    except KamgraphError as error:
        report_failure(error)
        sys.exit(EXIT_TROUBLE)
    new_name = new or " ".join(str(p) for p in ontology_paths)
    changes = compare(before, after, old_name=old, new_name=new_name)
    if output_format == "json":
        click.echo(reports.to_json(changes), nl=False)
    elif output_format == "markdown":
        click.echo(reports.to_markdown(changes, language), nl=False)
    else:
        click.echo(reports.to_text(changes, language), nl=False)
    sys.exit(EXIT_EQUAL if changes.equal else EXIT_DIFFERENT)

