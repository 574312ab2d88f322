"""Hints for Turtle syntax errors that name the likely fix, not just the position.

The strict parser says *where* it gave up ("A dot is expected", ". is not a
valid RDF object"); the author needs to know *what to type*. These rules read
the parser's message and the lines around the position, and recognise the
mistakes authors make most: a statement ended with ``.`` where ``;`` was meant
(and the reverse), a quote inside a string, a prefix used but not declared (with
the ``@prefix`` line to add), a space inside an IRI, a trailing comma, a
string never closed, a last statement without its dot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamgraph.names import WELL_KNOWN

GENERIC = "fix the Turtle syntax at this position (the error is often at the end of the statement before)"
_UNDECLARED = re.compile(r"The prefix ([\w.-]*): has not been declared")
_SPACE_IN_IRI = re.compile(r"IRI code point '(?: |\t|\\t)'")


def _content(line: str) -> str:
    """A line without its comment and trailing space (a ``#`` inside a string or IRI is kept)."""
    text, quoted, iri = [], False, False
    for char in line:
        if char == '"' and not iri:
            quoted = not quoted
        elif char == "<" and not quoted:
            iri = True
        elif char == ">" and not quoted:
            iri = False
        elif char == "#" and not quoted and not iri:
            break
        text.append(char)
    return "".join(text).rstrip()


def _quote_inside(line: str) -> bool:
    """Whether a short string on ``line`` is followed straight by a word: ``"het "gouden" segment"``."""
    index = 0
    while index < len(line):
        char = line[index]
        if char == "#":
            return False
        if char != '"':
            index += 1
            continue
        if line.startswith('"""', index):
            return False  # a long string may hold quotes
        end = index + 1
        while end < len(line) and line[end] != '"':
            end += 2 if line[end] == "\\" else 1
        if end >= len(line):
            return False
        following = line[end + 1:end + 2]
        if following.isalnum() or following == "_":
            return True
        index = end + 1
    return False


def _previous_content(lines: list[str], index: int) -> tuple[int, str] | None:
    """The nearest line before ``index`` (0-based) with content: its 1-based number and its content."""
    for number in range(index - 1, -1, -1):
        content = _content(lines[number])
        if content.strip():
            return number + 1, content
    return None


@dataclass(frozen=True)
class Hint:
    """The fix to name, and where it goes when that is not where the parser stopped (line, column; 1-based)."""

    text: str
    line: int | None = None
    column: int | None = None


def syntax_hint(text: str, line: int | None, reason: str, prefixes: dict[str, str] | None = None) -> str:
    """The likely fix for a syntax error the parser reported at ``line`` with ``reason``.

    >>> syntax_hint('kam:A kam:p kam:B .\\n    kam:q kam:C .\\n', 2, ". is not a valid RDF object")
    "line 1 ends the statement with '.', but the indented line after it continues it: end line 1 with ';'"
    """
    return locate_fix(text, line, reason, prefixes).text


def locate_fix(text: str, line: int | None, reason: str, prefixes: dict[str, str] | None = None) -> Hint:
    """:func:`syntax_hint`, with the place of the fix when the mistake lies before where the parser stopped
    (the ``.`` that should be ``;`` is on the line before the one the parser chokes on)."""
    undeclared = _UNDECLARED.search(reason)
    if undeclared:
        prefix = undeclared.group(1)
        namespace = {**WELL_KNOWN, **(prefixes or {})}.get(prefix)
        return Hint(f"add @prefix {prefix}: <{namespace or 'namespace IRI'}> . at the top of the file"
                    + ("" if namespace else " (or fix the prefix name)"))
    if _SPACE_IN_IRI.search(reason):
        return Hint("an IRI cannot hold a space or tab: remove it (kam:PriceNegotiation) or write it as %20")
    if "Unexpected end of file" in reason and line is not None:
        return Hint(f"a string or IRI opened on line {line} is never closed: add the closing quote (or >)")
    lines = text.split("\n")
    index = min(max((line or 1) - 1, 0), max(len(lines) - 1, 0))
    current = lines[index] if lines else ""
    if _quote_inside(current):
        return Hint('a " inside a string ends it: write \\" for the quote, or quote the text with """…"""')
    if reason.startswith("Unexpected end"):
        last = _previous_content(lines, len(lines))
        if last is None:
            return Hint(GENERIC)
        return _fix(f"the last statement (line {last[0]}) is not finished: end it with '.'", *last, add=True)
    before = _previous_content(lines, index)
    if before and before[1].endswith(",") and current.strip()[:1] in (".", ";"):
        return _fix(f"line {before[0]} ends with ',' but no value follows: remove the ','", *before)
    if before and before[1].endswith(".") and current[:1] in (" ", "\t") and "not a valid" in reason:
        return _fix(f"line {before[0]} ends the statement with '.', but the indented line after it continues it: "
                    f"end line {before[0]} with ';'", *before)
    if "dot is expected" in reason or "not a valid" in reason:
        start = next((n for n in range(index, -1, -1)
                      if lines[n][:1] not in (" ", "\t", "") and _content(lines[n]).strip()), None)
        previous = _previous_content(lines, start) if start is not None else None
        if start is not None and previous and start >= index - 1:
            if previous[1].endswith(";"):
                return _fix(f"line {previous[0]} ends with ';' but line {start + 1} starts a new statement: "
                            f"end line {previous[0]} with '.'", *previous)
            if not previous[1].endswith((".", ",")) and start == index:
                return _fix(f"line {previous[0]} does not end its statement: add '.' at its end", *previous,
                            add=True)
    if "dot is expected" in reason:
        return Hint("end the statement with '.' (or separate its parts with ';' and ',')")
    return Hint(GENERIC)


def _fix(text: str, number: int, content: str, *, add: bool = False) -> Hint:
    """A hint placed on line ``number``: at its last character, or just after it when something is to be added."""
    column = len(content.rstrip()) + (1 if add else 0)
    return Hint(text, number, column)
