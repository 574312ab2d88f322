"""kamgraph watch: rebuild the map whenever an ontology file changes, printing what each save broke and fixed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from kamgraph.cli import cli
from kamgraph.cli.options import draft_option, ontology_option, out_option, resolve_paths
from kamgraph.cli.terminal import inert, print_findings, say, shown

if TYPE_CHECKING:  # the CLI imports the pipeline only when a command runs
    from kamgraph.findings import Finding
    from kamgraph.live.watch import Rebuild


class RebuildPrinter:
    """Prints each rebuild as an author wants to see it: what the save broke, what it fixed, whether the map changed.

    The first build prints every finding. After that a rebuild prints its *new* findings and, as
    ``fixed: …``, the ones that went away, so a long-known list (concepts without a definition)
    does not bury the news; a failed build also repeats the errors that still block it. A finding
    that only moved (a line added above it) is neither new nor fixed.
    """

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.previous: dict[tuple, Finding] | None = None

    def __call__(self, outcome: Rebuild) -> None:
        current = {_identity(f): f for f in outcome.findings}
        before = self.previous or {}
        fresh = [f for key, f in current.items() if key not in before]
        fixed = [f for key, f in before.items() if key not in current] if self.previous is not None else []
        still = [f for key, f in current.items() if key in before and f.is_error and not outcome.ok]
        self.previous = current
        print_rebuild(outcome, self.out_dir, fresh, fixed, still)


def _identity(finding: Finding) -> tuple:
    """What makes a finding the same across rebuilds: not its line, which moves as the author types above it."""
    return finding.file, finding.code, finding.subject, finding.message


def print_rebuild(outcome: Rebuild, out_dir: Path, fresh: list[Finding], fixed: list[Finding],
                  still: list[Finding]) -> None:
    from kamgraph.findings import Report

    print_findings(still + fresh)
    for finding in fixed:
        if shown(finding):
            click.echo(inert(f"fixed: {finding.format()}", one_line=True), err=True)
    changes = f"; {len(fresh)} new, {len(fixed)} fixed" if fresh or fixed else ""
    if outcome.ok and outcome.concepts is not None:  # a good build always has its concepts
        say(f"rebuilt {Path(out_dir) / 'index.html'} in {outcome.seconds:.1f}s "
            f"({outcome.concepts.graph.number_of_nodes()} concepts; {Report(outcome.findings).summary()}{changes})")
    else:
        reason = outcome.problem or Report(outcome.findings).summary()
        click.echo(f"build failed ({inert(reason, one_line=True)}{changes}); the last good map is kept", err=True)
    say("watching for changes (Ctrl-C to stop)")


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
