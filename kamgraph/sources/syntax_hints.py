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

from kamgraph.names import WELL_KNOWN

GENERIC = "fix the Turtle syntax at this position (the error is often at the end of the statement before)"
_UNDECLARED = re.compile(r"The prefix ([\w.-]*): has not been declared")
_QUOTE_INSIDE = re.compile(r'"[^"\n]*"[\w(]')
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


def _previous_content(lines: list[str], index: int) -> tuple[int, str] | None:
    """The nearest line before ``index`` (0-based) with content: its 1-based number and its content."""
    for number in range(index - 1, -1, -1):
        content = _content(lines[number])
        if content.strip():
            return number + 1, content
    return None


def syntax_hint(text: str, line: int | None, reason: str, prefixes: dict[str, str] | None = None) -> str:
    """The likely fix for a syntax error the parser reported at ``line`` with ``reason``.

    >>> syntax_hint('kam:A kam:p kam:B .\\n    kam:q kam:C .\\n', 2, ". is not a valid RDF object")
    "line 1 ends the statement with '.', but this indented line continues it: end line 1 with ';'"
    """
    undeclared = _UNDECLARED.search(reason)
    if undeclared:
        prefix = undeclared.group(1)
        namespace = {**WELL_KNOWN, **(prefixes or {})}.get(prefix)
        return (f"add @prefix {prefix}: <{namespace or 'namespace IRI'}> . at the top of the file"
                + ("" if namespace else " (or fix the prefix name)"))
    if _SPACE_IN_IRI.search(reason):
        return "an IRI cannot hold a space or tab: remove it (kam:PriceNegotiation) or write it as %20"
    if "Unexpected end of file" in reason and line is not None:
        return f"a string or IRI opened on line {line} is never closed: add the closing quote (or >)"
    lines = text.split("\n")
    index = min(max((line or 1) - 1, 0), max(len(lines) - 1, 0))
    current = lines[index] if lines else ""
    if _QUOTE_INSIDE.search(_content(current)):
        return 'a " inside a string ends it: write \\" for the quote, or quote the text with """…"""'
    if reason.startswith("Unexpected end") and not _previous_content(lines, len(lines)):
        return GENERIC
    if reason.startswith("Unexpected end"):
        last = _previous_content(lines, len(lines))
        assert last is not None
        return f"the last statement (line {last[0]}) is not finished: end it with '.'"
    before = _previous_content(lines, index)
    indented = current[:1] in (" ", "\t")
    if before and before[1].endswith(",") and (current.strip().startswith(".") or current.strip().startswith(";")):
        return f"line {before[0]} ends with ',' but no value follows: remove the ','"
    if before and before[1].endswith(".") and indented and "not a valid" in reason:
        return (f"line {before[0]} ends the statement with '.', but this indented line continues it: "
                f"end line {before[0]} with ';'")
    starts_statement = current[:1] not in (" ", "\t", "") and bool(_content(current).strip())
    if before and starts_statement and ("dot is expected" in reason or "not a valid" in reason):
        if before[1].endswith(";"):
            return (f"line {before[0]} ends with ';' but line {index + 1} starts a new statement: "
                    f"end line {before[0]} with '.'")
        if not before[1].endswith((".", ",")):
            return f"line {before[0]} does not end its statement: add '.' at its end"
    if "dot is expected" in reason:
        for number in range(index, 0, -1):
            starts = lines[number][:1] not in (" ", "\t", "") and bool(_content(lines[number]).strip())
            previous = _previous_content(lines, number)
            if starts and previous and previous[1].endswith(";"):
                return (f"line {previous[0]} ends with ';' but line {number + 1} starts a new statement: "
                        f"end line {previous[0]} with '.'")
        return "end the statement with '.' (or separate its parts with ';' and ',')"
    return GENERIC
