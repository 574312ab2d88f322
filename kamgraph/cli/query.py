"""kamgraph query: SPARQL over the loaded ontology, as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import (
    endpoint_option,
    format_option,
    one_source,
    ontology_option,
    resolve_paths,
    timeout_option,
)


@cli.command()
@ontology_option
@click.argument("sparql")
@format_option("table", "csv", "json", help="table for reading; csv and json (SPARQL 1.1 results JSON) for tools.")
@endpoint_option
@timeout_option
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE send requests to the URLs the query names (federation; off by default).")
def query(paths: tuple[Path, ...], sparql: str, output_format: str, endpoint: str | None, timeout: float,
          allow_service: bool) -> None:
    """Run a SPARQL query over the ontology (all files, shapes excepted).

    The ontology's prefixes (kam:, kamo:, skos:, …) are declared for you.
    SELECT gives rows, ASK gives true/false, CONSTRUCT/DESCRIBE give Turtle.
    A malformed query is an error (exit 1) with the parser's message.
    SERVICE (federation) sends no request unless --allow-service is given.

    \b
    Example:
      kamgraph query 'SELECT ?c ?label WHERE { ?c a kamo:Actor ; skos:prefLabel ?label FILTER(lang(?label)="en") }'
    """
    from kamgraph.names import Namer
    from kamgraph.pipeline import load
    from kamgraph.sources.sparql import as_table, as_turtle, run_query

    one_source(paths, endpoint)
    ontology = load(resolve_paths(paths), endpoint=endpoint, timeout=timeout)
    result = run_query(ontology.union(), ontology.prefixes(), sparql, allow_service=allow_service)
    if result.type == "ASK":
        click.echo(json.dumps({"head": {}, "boolean": result.askAnswer}) if output_format == "json"
                   else str(result.askAnswer).lower())
        return
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None  # rdflib sets it for these two query types
        click.echo(as_turtle(result.graph, ontology.prefixes()), nl=False)
        return
    if output_format == "json":
        serialized = result.serialize(format="json")
        assert serialized is not None  # given no destination, rdflib returns the bytes
        click.echo(serialized.decode("utf-8"))
        return
    table = as_table(result, Namer(ontology.prefixes()))
    if output_format == "csv":
        stream = io.StringIO()
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        click.echo(stream.getvalue(), nl=False)
        return
    widths = [max([len(c), *(len(r[i]) for r in table.rows)]) for i, c in enumerate(table.columns)]
    click.echo("  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip())
    click.echo("  ".join("-" * w for w in widths))
    for row in table.rows:
        click.echo("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    click.echo(f"({len(table.rows)} row(s))")
