"""kamgraph serve: watch, rebuild, and serve the output folder on 127.0.0.1 with a self-reloading map."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kamgraph.cli import cli
from kamgraph.cli.options import draft_option, ontology_option, resolve_paths
from kamgraph.cli.terminal import say
from kamgraph.cli.watch import RebuildPrinter, watch_out_option

if TYPE_CHECKING:  # the CLI imports the pipeline only when a command runs
    from kamgraph.live.watch import Rebuild


@cli.command()
@ontology_option
@watch_out_option
@draft_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port).")
def serve(paths: tuple[Path, ...], out_dir: Path, draft: bool, port: int) -> None:
    """Serve OUT on http://127.0.0.1:PORT/ and rebuild on every change; the open map reloads itself.

    Listens on 127.0.0.1 only. The files written to OUT are the published
    pages; only the map served at / carries the small reload script.

    \b
    Example:
      kamgraph serve --port 8000     # then open http://127.0.0.1:8000/
    """
    from kamgraph.live.serve import HOST, LivePage, start_server
    from kamgraph.live.watch import Rebuilder, watch_and_rebuild
    from kamgraph.views.html import render_page

    rebuilder = Rebuilder(resolve_paths(paths), out_dir, draft=draft)
    live = LivePage()
    printer = RebuildPrinter(out_dir)

    def publish(outcome: Rebuild) -> None:
        if outcome.ok and outcome.index_data is not None:  # the page just built, with the reload script
            live.update(rebuilder.good_builds, render_page(outcome.index_data, live_version=rebuilder.good_builds))
        printer(outcome)

    server = start_server(Path(out_dir), live, port)  # before the first build: a busy port is exit 1 at once
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    server = start_server(Path(out_dir), live, port)
    say(f"serving {out_dir}/ at http://{HOST}:{server.server_address[1]}/")
    try:
        watch_and_rebuild(rebuilder, publish)
    finally:
        server.shutdown()
