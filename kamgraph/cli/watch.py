"""kamgraph watch: rebuild the map whenever an ontology file changes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kamgraph.cli import cli
from kamgraph.cli.options import draft_option, ontology_option, out_option, print_findings, resolve_paths

if TYPE_CHECKING:  # the CLI imports the pipeline only when a command runs
    from kamgraph.findings import Finding
    from kamgraph.live.watch import Rebuild


class RebuildPrinter:
    """Prints each rebuild as an author wants to see it: what is wrong, and whether the map changed.

    Errors are printed every time; a warning only the first time it appears, so
    a long-known list (e.g. concepts without a definition) does not bury the news.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.seen_warnings: set[Finding] = set()

    def __call__(self, outcome: Rebuild) -> None:
        fresh = [f for f in outcome.findings if f.is_error or f not in self.seen_warnings]
        known = len(outcome.findings) - len(fresh)
        self.seen_warnings |= {f for f in outcome.findings if not f.is_error}
        print_rebuild(outcome, self.out_dir, fresh, known)


def print_rebuild(outcome: Rebuild, out_dir: Path, shown: list[Finding], known: int) -> None:
    from kamgraph.findings import Report

    print_findings(shown, err=False)
    if known:
        click.echo(f"({known} warning(s) already shown before are not repeated)")
    if outcome.ok and outcome.concepts is not None:  # a good build always has its concepts
        click.echo(f"rebuilt {Path(out_dir) / 'index.html'} in {outcome.seconds:.1f}s "
                   f"({outcome.concepts.graph.number_of_nodes()} concepts; {Report(outcome.findings).summary()})")
    else:
        reason = outcome.problem or Report(outcome.findings).summary()
        click.echo(f"build failed ({reason}); the last good map is kept")
    click.echo("watching for changes (Ctrl-C to stop)")


watch_out_option = out_option("Folder of the map.")


@cli.command()
@ontology_option
@watch_out_option
@draft_option
def watch(paths: tuple[Path, ...], out_dir: Path, draft: bool) -> None:
    """Rebuild the map whenever a Turtle file under the ontology paths changes.

    Prints the findings of every rebuild; when a save breaks the ontology the
    last good map stays in place, and the next good save replaces it.

    \b
    Example:
      kamgraph watch --ontology ontology/ --out output/
    """
    from kamgraph.live.watch import Rebuilder, watch_and_rebuild

    watch_and_rebuild(Rebuilder(resolve_paths(paths), out_dir, draft=draft), RebuildPrinter(out_dir))
