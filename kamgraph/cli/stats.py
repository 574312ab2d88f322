"""kamgraph stats: counts per category and relation type, and coverage of the source's sections."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kamgraph.cli import cli, ontology_option, resolve_paths


@cli.command()
@ontology_option
@click.option("--lang", "language", help="Language of the labels shown (default: the ontology's first).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(paths: tuple[Path, ...], language: str | None, output_format: str) -> None:
    """Count concepts per category and relations per type; list sections with no concept and concepts with no source.

    \b
    Example:
      kamgraph stats --lang en
    """
    from kamgraph.build import check
    from kamgraph.graph import from_ontology
    from kamgraph.stats import compute_stats

    ontology, report = check(resolve_paths(paths))
    result = compute_stats(ontology.union(), from_ontology(ontology), language)
    if output_format == "json":
        click.echo(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return
    click.echo(f"{result.concepts} concepts, {result.relations} relations ({report.summary()})")
    for title, rows in (("Concepts per category", result.per_category),
                        ("Relations per type", result.per_relation),
                        ("Concepts per section", result.sections)):
        click.echo(f"\n{title}:")
        width = max((len(label) for _, label, _ in rows), default=0)
        for identifier, label, count in rows:
            click.echo(f"  {count:4d}  {label.ljust(width)}  {identifier}")
    click.echo(f"\nSections with no concept: {', '.join(result.empty_sections) or 'none'}")
    click.echo(f"Concepts with no source: {', '.join(result.without_source) or 'none'}")
