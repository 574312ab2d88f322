"""kamgraph build: validate, then write the concept map (from Turtle files or a SPARQL store)."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import draft_option, ontology_option, out_option, resolve_paths, timeout_option
from kamgraph.cli.progress import StageProgress
from kamgraph.cli.terminal import NORMAL, VERBOSE, level, print_findings, say


@cli.command()
@ontology_option
@out_option("Folder to write index.html (and maps/) into.")
@draft_option
@click.option("--endpoint", metavar="URL",
              help="Read the ontology from this SPARQL 1.1 query endpoint instead of Turtle files "
                   "(e.g. http://127.0.0.1:7878/query).")
@timeout_option
@click.option("--max-answer-mb", type=click.FloatRange(min=0.001), default=256, show_default=True,
              help="Refuse an answer of the SPARQL store larger than this many megabytes.")
def build(paths: tuple[Path, ...], out_dir: Path, draft: bool, endpoint: str | None, timeout: float,
          max_answer_mb: float) -> None:
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
    """
    from kamgraph.pipeline import build_site, load_and_check

    if endpoint and paths:
        raise click.UsageError("give either --ontology or --endpoint, not both")
    with StageProgress() as progress:
        checked = load_and_check(resolve_paths(paths), endpoint=endpoint, timeout=timeout,
                                 max_bytes=int(max_answer_mb * 1024 * 1024), progress=progress)
        result = build_site(checked, out_dir, draft=draft, progress=progress)
    graph = result.concepts.graph
    index, *focused = result.written
    if level.value == VERBOSE:
        print_findings(result.report.findings)
    say(f"wrote {index} ({graph.number_of_nodes()} concepts, {graph.number_of_edges()} relations; "
               f"{result.report.summary()})")
    if focused:
        say(f"wrote {len(focused)} topic pages, one per category, in {focused[0].parent}/ "
                   f"(each opens its topic view of {index.name})")
    if result.report.warnings and level.value == NORMAL:
        click.echo("run 'kamgraph validate' (or build --verbose) to see the warnings", err=True)
