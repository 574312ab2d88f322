"""kamgraph build: validate, then write the concept map (from Turtle files or a SPARQL store)."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import DEFAULT_OUT, cli, ontology_option, resolve_paths
from kamgraph.cli.progress import StageProgress

endpoint_timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
    help="Seconds to wait for each answer of the SPARQL store.")


@cli.command()
@ontology_option
@click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
              show_default=True, help="Folder to write index.html (and maps/) into.")
@click.option("--draft", is_flag=True,
              help="Mark concepts with findings (warnings) by a badge, with the finding in the details panel.")
@click.option("--endpoint", metavar="URL",
              help="Read the ontology from this SPARQL 1.1 query endpoint instead of Turtle files "
                   "(e.g. http://127.0.0.1:7878/query).")
@endpoint_timeout_option
def build(paths: tuple[Path, ...], out_dir: Path, draft: bool, endpoint: str | None, timeout: float) -> None:
    """Validate the ontology, then write the concept map (OUT/index.html) and
    one focused map per category (OUT/maps/<category>.html).

    On any error every finding is printed, the exit code is 1, and the
    previous map is left untouched. --draft is for authors: never publish a
    draft map (the default build never shows findings).

    \b
    Example:
      kamgraph build --ontology ontology/ --ontology extra.ttl --out site/
      kamgraph build --draft --out /tmp/draft
      kamgraph build --endpoint http://127.0.0.1:7878/query --out site/
    """
    from kamgraph.build import build_map, build_ontology_map

    if endpoint and paths:
        raise click.UsageError("give either --ontology or --endpoint, not both")
    with StageProgress() as progress:
        if endpoint:
            from kamgraph.endpoint import load_from_endpoint

            progress("reading the ontology from the SPARQL store")
            result = build_ontology_map(load_from_endpoint(endpoint, timeout=timeout), out_dir, draft=draft,
                                        progress=progress)
        else:
            result = build_map(resolve_paths(paths), out_dir, draft=draft, progress=progress)
    graph = result.concepts.graph
    index, *focused = result.written
    click.echo(f"wrote {index} ({graph.number_of_nodes()} concepts, {graph.number_of_edges()} relations; "
               f"{result.report.summary()})")
    if focused:
        click.echo(f"wrote {len(focused)} focused maps, one per category, in {focused[0].parent}/")
    if result.report.warnings:
        click.echo("run 'kamgraph validate' to see the warnings", err=True)
