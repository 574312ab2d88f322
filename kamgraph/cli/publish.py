"""kamgraph publish: validate, then load the ontology files into a shared SPARQL store."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import ontology_option, resolve_paths, timeout_option
from kamgraph.cli.terminal import say


@cli.command()
@ontology_option
@click.option("--endpoint", metavar="URL", required=True,
              help="The store's SPARQL 1.1 Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store).")
@timeout_option
def publish(paths: tuple[Path, ...], endpoint: str, timeout: float) -> None:
    """Validate the ontology, then put each file into the store as its own named graph.

    Nothing is sent when validation finds an error. Each file replaces the
    graph of the same name (urn:kamgraph:file:<path>); the prefixes go to
    urn:kamgraph:prefixes so that 'kamgraph build --endpoint' names concepts
    as the files do.

    \b
    Example:
      kamgraph publish --ontology ontology/ --endpoint http://127.0.0.1:7878/store
    """
    from kamgraph.pipeline import load_and_check, require_valid
    from kamgraph.sources.store import publish as publish_files

    checked = require_valid(load_and_check(resolve_paths(paths)))
    graphs = publish_files(checked.ontology, endpoint, timeout=timeout)
    say(f"published {len(graphs)} file(s) to {endpoint} as named graphs ({checked.report.summary()})")
