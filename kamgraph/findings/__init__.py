"""Findings: what loading and checking say about an ontology, as plain data.

A finding is printed compiler-style so editors and CI logs can jump to it::

    ontology/kam-concepts.ttl:41:1: error [missing-label-en]: kam:ValueProposition has no English prefLabel

:data:`CODES` lists every code with its severity and fix; :func:`make_finding`
is the one way to make a finding of a known code.
"""

from __future__ import annotations

from kamgraph.findings.codes import CHECKS, CODES, LOAD, SHAPES, Code
from kamgraph.findings.report import Finding, Position, Report, Severity, sort_key


def make_finding(code: str, position: Position | None, message: str, *, subject: str | None = None,
                 hint: str | None = None, severity: Severity | None = None) -> Finding:
    """A finding of a registered ``code`` (a ``KeyError`` for an unregistered one), of its registered severity.

    >>> make_finding("empty-file", Position("a.ttl", None, None), "the file holds no statements").format()
    'a.ttl: warning [empty-file]: the file holds no statements'
    """
    return Finding(position.file if position else None, position.line if position else None,
                   position.column if position else None, severity or CODES[code].severity, code, message,
                   subject=subject, hint=hint)


__all__ = ["CHECKS", "CODES", "LOAD", "SHAPES", "Code", "Finding", "Position", "Report", "Severity",
           "make_finding", "sort_key"]
