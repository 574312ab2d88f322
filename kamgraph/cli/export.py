"""kamgraph export: the concept graph for other tools, to stdout or a file."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import endpoint_option, one_source, ontology_option, resolve_paths, timeout_option
from kamgraph.cli.terminal import say
from kamgraph.views.export import CSV_TABLES, FORMATS


@cli.command()
@ontology_option
@click.option("--format", "output_format", type=click.Choice(FORMATS), required=True,
              help="graphml/gexf (Gephi, yEd, networkx), json (networkx node-link), jsonld (RDF), csv.")
@click.option("--table", type=click.Choice(CSV_TABLES), default="concepts", show_default=True,
              help="For csv: one row per concept, or per relation (Source, Target, relation…).")
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Write to this file (atomically) instead of standard output.")
@endpoint_option
@timeout_option
def export(paths: tuple[Path, ...], output_format: str, table: str, out_file: Path | None, endpoint: str | None,
           timeout: float) -> None:
    """Export the concepts and relations as GraphML, GEXF, JSON, JSON-LD or CSV.

    Refuses an ontology with errors, like build.

    \b
    Example:
      kamgraph export --format gexf --out kam.gexf
      kamgraph export --format csv --table relations > relations.csv
    """
    from kamgraph.output import write_atomic
    from kamgraph.pipeline import load_and_check, require_valid
    from kamgraph.views import export as exports

    one_source(paths, endpoint)
    checked = require_valid(load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout))
    concepts = checked.concepts
    if output_format == "jsonld":
        text = exports.to_jsonld(checked.ontology.union(), checked.ontology.prefixes())
    elif output_format == "csv":
        text = exports.to_csv(concepts, table)
    else:
        text = {"graphml": exports.to_graphml, "gexf": exports.to_gexf, "json": exports.to_json}[output_format](
            concepts)
    if out_file is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out_file, text)
        say(f"wrote {out_file} ({concepts.graph.number_of_nodes()} concepts, "
                   f"{concepts.graph.number_of_edges()} relations)", err=True)
