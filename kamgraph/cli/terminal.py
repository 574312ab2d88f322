"""What reaches the author's terminal: findings on standard error, at the chosen verbosity, and inert.

* **One stream.** Every command prints its findings, and the summary of them,
  on standard error; standard output carries only what the command makes (the
  JSON report of ``validate --format json``, an export, query results, stats,
  the "wrote …" lines), so it can be piped.
* **Verbosity.** ``--quiet`` prints errors only (no warnings, no "wrote …"
  lines); ``--verbose`` prints every finding, warnings and notes included, even
  where a command would only count them (``build``). Every command has both
  (:func:`add_verbosity`, applied by the command group to each command).
* **Inert text.** Ontology text is data: a label holding ``ESC[2J`` must not
  clear the screen, nor a ``\\r`` overwrite the summary line with a fake one.
  :func:`inert` shows control characters (C0, DEL, C1) and bidirectional
  overrides escaped (``\\x1b``, ``\\r``, ``\\u202e``); a finding is always one
  line. :class:`InertStream` does the same for everything else printed:
  always on standard error, and on standard output when it is a terminal
  (exports piped to a file stay byte-exact).
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

import click

from kamgraph.findings import Finding, Severity

QUIET, NORMAL, VERBOSE = 0, 1, 2
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
_UNSAFE_WITH_NEWLINES = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


class _Level:
    value = NORMAL


level = _Level()


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ESCAPES.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def inert(text: str, *, one_line: bool = False) -> str:
    r"""``text`` with every control character shown escaped; with ``one_line``, newlines and tabs too.

    >>> inert("Prijs\x1b[2J"), inert("a\nb", one_line=True), inert("a\r\nb")
    ('Prijs\\x1b[2J', 'a\\nb', 'a\r\nb')
    """
    if one_line:
        return _UNSAFE_WITH_NEWLINES.sub(_escape, text)
    return _UNSAFE.sub(_escape, text)


class InertStream(io.TextIOBase):
    """A text stream that writes to ``raw`` with control characters escaped (newlines, tabs, CRLF kept)."""

    def __init__(self, raw: TextIO):
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(inert(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.raw, "encoding", None) or "utf-8"

    def fileno(self) -> int:
        return self.raw.fileno()


@contextmanager
def inert_streams() -> Iterator[None]:
    """While a command runs: standard error always inert, standard output when it is a terminal."""
    saved = sys.stdout, sys.stderr
    sys.stderr = InertStream(sys.stderr)
    if sys.stdout.isatty():
        sys.stdout = InertStream(sys.stdout)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def print_findings(findings: list[Finding], *, everything: bool = False) -> None:
    """Each finding on one line of standard error: errors always, warnings unless ``--quiet``, notes with
    ``--verbose``; ``everything`` prints warnings and notes whatever the level (what ``validate`` is for)."""
    for finding in findings:
        if shown(finding, everything=everything):
            click.echo(inert(finding.format(), one_line=True), err=True)


def shown(finding: Finding, *, everything: bool = False) -> bool:
    if finding.severity is Severity.ERROR:
        return True
    if level.value == QUIET:
        return False
    return everything or level.value == VERBOSE or finding.severity is Severity.WARNING


def say(message: str, *, err: bool = False) -> None:
    """A line of progress or result ("wrote output/index.html"); not printed with ``--quiet``."""
    if level.value != QUIET:
        click.echo(inert(message), err=err)


def _set_level(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        level.value = QUIET if param.name == "quiet" else VERBOSE


def add_verbosity(command: click.Command) -> click.Command:
    """Give ``command`` ``--quiet`` and ``--verbose`` (once; the command's own function never sees them)."""
    if not any(param.name in ("quiet", "verbose") for param in command.params):
        command.params += [
            click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_set_level, is_eager=True,
                         help="Print errors only: no warnings, no progress lines."),
            click.Option(["-v", "--verbose"], is_flag=True, expose_value=False, callback=_set_level, is_eager=True,
                         help="Print every finding, warnings and notes included."),
        ]
    return command
