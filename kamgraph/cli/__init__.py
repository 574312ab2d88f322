"""The command line: the only package that reads argv, prints, and picks exit codes.

Each command lives in a module of its own in this package and registers itself
on the ``cli`` group; ``main`` translates kamgraph's exceptions into messages.

Exit codes: 0 success, 1 the ontology has errors (or an output could not be
written), 2 usage error, 3 internal error (a bug in kamgraph: please report it),
130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
import warnings

import click

from kamgraph import __version__
from kamgraph.cli.terminal import NORMAL, add_verbosity, inert, inert_streams, level, print_findings
from kamgraph.errors import KamgraphError, KamgraphWarning, LoadError, ValidationFailed
from kamgraph.findings import Report

EXIT_OK, EXIT_ERRORS, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
# Every command, by the module of this package that defines it. A module is imported only when its
# command runs (or help lists it): importing all ten up front cost more than the KAM build itself.
COMMAND_MODULES = ("build", "diff", "export", "glossary", "import", "path", "publish", "query", "serve", "stats",
                   "validate", "watch")
MODULE_OF = {"import": "import_sheet"}  # a command whose name is a Python keyword


class LazyGroup(click.Group):
    """A group whose commands register themselves (``@cli.command()``) when their module is first imported."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__name__}.{MODULE_OF.get(cmd_name, cmd_name)}")
        command = super().get_command(ctx, cmd_name)
        return add_verbosity(command) if command is not None else None  # --quiet and --verbose on every command


def all_commands() -> dict[str, click.Command]:
    """Every command by name, their modules imported (for help and documentation, not for running one)."""
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{MODULE_OF.get(name, name)}")
    return dict(cli.commands)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kamgraph")
def cli() -> None:
    """kamgraph: turn a SKOS/OWL ontology in Turtle into an offline HTML concept map.

    \b
    Examples:
      kamgraph build                      # ontology/ -> output/index.html
      kamgraph validate --ontology my-concepts.ttl
    """


def report_failure(error: KamgraphError) -> int:
    """Print what went wrong (every finding, or the message); the exit code for it."""
    if isinstance(error, (LoadError, ValidationFailed)):
        print_findings(error.findings)
        click.echo(f"kamgraph: {Report(error.findings).summary()}; nothing was written", err=True)
    else:
        click.echo(f"kamgraph: error: {inert(str(error), one_line=True)}", err=True)
    return EXIT_ERRORS


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: object = None, line: str | None = None) -> None:
    click.echo(f"kamgraph: warning: {message}", err=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and translate failures into messages and exit codes."""
    level.value = NORMAL
    with inert_streams():  # control characters in ontology text never reach the terminal raw
        code = _run(argv)
    sys.exit(code or 0)


def _run(argv: list[str] | None) -> int:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", KamgraphWarning)
            shown = warnings.showwarning
            warnings.showwarning = lambda message, category, *rest, **named: (
                _show_warning(message, category, *rest, **named) if issubclass(category, KamgraphWarning)
                else shown(message, category, *rest, **named))
            code = cli.main(args=argv, prog_name="kamgraph", standalone_mode=False)
    except click.exceptions.Exit as stop:
        code = stop.exit_code
    except click.ClickException as problem:
        problem.show()
        code = EXIT_USAGE if isinstance(problem, click.UsageError) else EXIT_ERRORS
    except click.exceptions.Abort:
        click.echo("kamgraph: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except KamgraphError as error:
        code = report_failure(error)
    except KeyboardInterrupt:
        click.echo("kamgraph: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except MemoryError:  # a step the pipeline does not cover (it names the input's size where it does)
        click.echo("kamgraph: error: ran out of memory; give kamgraph more memory or a smaller ontology", err=True)
        code = EXIT_ERRORS
    except Exception as bug:  # noqa: BLE001 - the last line of defence for authors
        if os.environ.get("KAMGRAPH_DEBUG"):
            traceback.print_exc()
        click.echo(f"kamgraph: internal error: {type(bug).__name__}: {bug} "
                   "(a bug in kamgraph; rerun with KAMGRAPH_DEBUG=1 for details)", err=True)
        code = EXIT_INTERNAL
    return code or 0
