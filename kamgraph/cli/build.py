"""kamgraph build: validate, then write the concept map (from Turtle files or a SPARQL store)."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import (
    draft_option,
    endpoint_option,
    one_source,
    ontology_option,
    out_option,
    resolve_paths,
    timeout_option,
)
from kamgraph.cli.progress import StageProgress
from kamgraph.cli.terminal import NORMAL, VERBOSE, level, print_findings, say


@cli.command()
@ontology_option
@out_option("Folder to write index.html (and maps/) into.")
@draft_option
@endpoint_option
@timeout_option
@click.option("--max-answer-mb", type=click.FloatRange(min=0.001), default=256, show_default=True,
              help="Refuse an answer of the SPARQL store larger than this many megabytes.")
@click.option("--since", "since", metavar="REV",
              help="With --draft: mark on the map what changed since REV (a git revision, file or folder; "
                   "see 'kamgraph diff').")
def build(paths: tuple[Path, ...], out_dir: Path, draft: bool, endpoint: str | None, timeout: float,
          max_answer_mb: float, since: str | None) -> None:
    """Validate the ontology, then write the concept map (OUT/index.html, with a
    topic view per category at #topic=<category>) and a small page per
    category opening its topic view (OUT/maps/<category>.html).

    On any error every finding is printed, the exit code is 1, and the
    previous map is left untouched. --draft is for authors: never publish a
    draft map (the default build never shows findings).

    \b
    Example:
      kamgraph build --ontology ontology/ --ontology extra.ttl --out site/
      kamgraph build --draft --out /tmp/draft
      kamgraph build --endpoint http://127.0.0.1:7878/query --out site/
      kamgraph build --draft --since HEAD~1 --out /tmp/draft
    """
    from kamgraph.pipeline import build_site, load_and_check

    one_source(paths, endpoint)
    if since and not draft:
        raise click.UsageError("--since marks a draft map: add --draft")
    with StageProgress() as progress:
        checked = load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout,
                                 max_bytes=int(max_answer_mb * 1024 * 1024), progress=progress)
        marks = None
        if since:
            from kamgraph.changes import compare, load_version
            from kamgraph.changes.report import draft_marks

            progress(f"comparing with {since}")
            marks = draft_marks(compare(load_version(since, resolve_paths(paths)), checked.ontology, old_name=since))
        result = build_site(checked, out_dir, draft=draft, progress=progress, changes=marks, release_triples=True)
    graph = result.concepts.graph
    index, *focused = result.written
    if level.value == VERBOSE:
        print_findings(result.report.findings)
    say(f"wrote {index} ({graph.number_of_nodes()} concepts, {graph.number_of_edges()} relations; "
               f"{result.report.summary()})")
    if focused:
        say(f"wrote {len(focused)} topic pages, one per category, in {focused[0].parent}/ "
                   f"(each opens its topic view of {index.name})")
    if marks is not None:
        say(f"marked {len(marks['concepts'])} concept(s) changed since {since}")
    if result.report.warnings and level.value == NORMAL:
        click.echo("run 'kamgraph validate' (or build --verbose) to see the warnings", err=True)
