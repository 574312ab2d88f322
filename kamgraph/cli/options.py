"""Options and output helpers shared by the commands, each defined once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kamgraph.findings import Finding
from kamgraph.sources import DEFAULT_TIMEOUT

Command = TypeVar("Command", bound=Callable[..., Any])  # a command function, or a click command

DEFAULT_ONTOLOGY = Path("ontology")
DEFAULT_OUT = Path("output")

ontology_option = click.option(
    "--ontology", "paths", multiple=True, type=click.Path(path_type=Path),
    help="A Turtle file or a folder of them (all *.ttl below it). Repeatable. Default: ontology/",
)
draft_option = click.option(
    "--draft", is_flag=True,
    help="Mark concepts with findings (warnings) by a badge, with the finding in the details panel.")
timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
    help="Seconds each request to the SPARQL store may take in all (connecting, and the whole answer).")
endpoint_option = click.option(
    "--endpoint", metavar="QUERY_URL",
    help="Read the ontology from this SPARQL 1.1 query endpoint instead of Turtle files "
         "(Oxigraph: http://HOST:PORT/query).")
store_option = click.option(
    "--store", metavar="GRAPH_STORE_URL", required=True,
    help="The store's SPARQL 1.1 Graph Store Protocol URL, written to (Oxigraph: http://HOST:PORT/store).")
language_option = click.option(
    "--lang", "language", help="Language of the labels shown (default: the ontology's first).")


def out_option(what: str) -> Callable[[Command], Command]:
    """``--out DIR`` (default ``output/``); ``what`` says what the command writes there."""
    return click.option("--out", "out_dir", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_OUT,
                        show_default=True, help=what)


def format_option(*choices: str,
                  help: str | None = None) -> Callable[[Command], Command]:  # noqa: A002 - click's own parameter name
    """``--format`` with ``choices``, the first the default."""
    return click.option("--format", "output_format", type=click.Choice(choices), default=choices[0],
                        show_default=True, help=help)


def resolve_paths(given: tuple[Path, ...]) -> list[Path]:
    """The ``--ontology`` paths, or the default ``ontology/``."""
    return list(given) or [DEFAULT_ONTOLOGY]


def one_source(paths: tuple[Path, ...], endpoint: str | None) -> None:
    """Refuse ``--ontology`` together with ``--endpoint``: the ontology comes from files or from a store."""
    if endpoint and paths:
        raise click.UsageError("give either --ontology or --endpoint, not both")


def print_findings(findings: list[Finding], *, err: bool = True) -> None:
    """Findings go to standard error whatever ``err`` says (one stream for every command):
    :func:`kamgraph.cli.terminal.print_findings`, kept here for the commands that import it from here."""
    from kamgraph.cli.terminal import print_findings as to_terminal

    to_terminal(findings)
