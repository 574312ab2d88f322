"""kamgraph stats: counts per category and relation type, and coverage of the source's sections."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import (
    endpoint_option,
    format_option,
    language_option,
    one_source,
    ontology_option,
    resolve_paths,
    timeout_option,
)


@cli.command()
@ontology_option
@language_option
@format_option("text", "json")
@endpoint_option
@timeout_option
def stats(paths: tuple[Path, ...], language: str | None, output_format: str, endpoint: str | None,
          timeout: float) -> None:
    """Count concepts per category and relations per type; list sections with no concept and concepts with no source.

    \b
    Example:
      kamgraph stats --lang en
    """
    from kamgraph.graph.stats import compute_stats
    from kamgraph.pipeline import load_and_check

    one_source(paths, endpoint)
    # counts help an author even while errors remain
    checked = load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout)
    report = checked.report
    result = compute_stats(checked.ontology.index(), checked.concepts, language)
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
