"""kamgraph publish: validate, then load the ontology files into a shared SPARQL store."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import ontology_option, resolve_paths, store_option, timeout_option
from kamgraph.cli.terminal import say


@cli.command()
@ontology_option
@store_option
@click.option("--endpoint", metavar="QUERY_URL", required=True,
              help="The same store's SPARQL 1.1 query endpoint, to list the graphs already there "
                   "(Oxigraph: http://HOST:PORT/query).")
@click.option("--keep-others", is_flag=True,
              help="Leave the graphs of files not published now alone (another author's files in a shared store); "
                   "by default they are removed, as files deleted or renamed since the last publish.")
@timeout_option
def publish(paths: tuple[Path, ...], store: str, endpoint: str, keep_others: bool, timeout: float) -> None:
    """Validate the ontology, then put each file into the store as its own named graph.

    Nothing is sent when validation finds an error. A file's graph is named
    by its path below its --ontology folder (urn:kamgraph:file:kam-concepts.ttl),
    so publishing from any folder replaces that graph, never duplicates it.
    The graphs of files that are not published now are removed and listed
    (files deleted or renamed since the last publish), unless --keep-others.
    The prefixes go to urn:kamgraph:prefixes so that 'kamgraph build
    --endpoint' names concepts as the files do.

    \b
    Example:
      kamgraph publish --ontology ontology/ --store http://127.0.0.1:7878/store --endpoint http://127.0.0.1:7878/query
      kamgraph publish --ontology mine/ --keep-others --store http://127.0.0.1:7878/store \\
          --endpoint http://127.0.0.1:7878/query
    """
    from kamgraph.pipeline import load_and_check, require_valid
    from kamgraph.sources.store import publish as publish_files

    checked = require_valid(load_and_check(resolve_paths(paths)))
    done = publish_files(checked.ontology, store, endpoint, keep_others=keep_others, timeout=timeout)
    say(f"published {len(done.written)} file(s) to {store} as named graphs ({checked.report.summary()})")
    for name in done.removed:
        say(f"removed {name}: no such file is published now (deleted or renamed?); "
            "use --keep-others to keep other authors' graphs")
    if done.kept:
        say(f"kept {len(done.kept)} other graph(s) (--keep-others)")
