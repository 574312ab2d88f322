"""Find where an IRI is written in a Turtle file, so findings can say file:line:column.

RDF parsers keep no positions for triples, so this searches the file's text for
the forms an author would have typed: ``prefix:local`` for each declared prefix
that fits, or ``<full-iri>``. A match at the start of a line (subject position)
is preferred over one inside a statement. Offsets become lines and columns through
each file's line starts, found once (:func:`line_starts`): on a thesaurus, counting
newlines afresh for every finding took most of the validation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.term import Node

from kamgraph.findings import Position
from kamgraph.sources.ontology import Ontology, SourceFile

_BASE_RE = re.compile(r"^\s*(?:@base|BASE)\s+<([^>]*)>", re.MULTILINE | re.IGNORECASE)


@lru_cache(maxsize=16)
def line_starts(text: str) -> list[int]:
    """The offset at which each line of ``text`` starts (line 1 at index 0), once per text.

    >>> line_starts("a\\nbc\\n")
    [0, 2, 5]
    """
    starts = [0]
    found = text.find("\n")
    while found >= 0:
        starts.append(found + 1)
        found = text.find("\n", found + 1)
    return starts


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of ``offset`` in ``text``.

    >>> line_and_column("a\\nbc", 3)
    (2, 2)
    """
    starts = line_starts(text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def line_offset(text: str, line: int) -> int:
    """Where 1-based ``line`` of ``text`` starts."""
    return line_starts(text)[line - 1]


def written_forms(source: SourceFile, iri: str) -> list[str]:
    forms = [f"<{iri}>"]
    for base in _BASE_RE.findall(source.text[:20_000]):
        if base and iri.startswith(base) and len(iri) > len(base):
            forms.append(f"<{iri[len(base):]}>")
    for prefix, namespace in source.prefixes.items():
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            forms.append(f"{prefix}:{iri[len(namespace):]}")
    return forms


_SUBJECT_TOKEN = re.compile(r"^([ \t]*)([^\s;,]+?)(?=[\s;,]|\.?$)", re.MULTILINE)


def _subject_positions(source: SourceFile) -> dict[str, tuple[int, int]]:
    """The first (line, column) of every token that starts a line: one pass, cached per file.

    Locating a thousand findings in a 3 MB thesaurus by a regex search each
    would take minutes; a look-up here takes microseconds.
    """
    if source.subject_positions is None:
        positions: dict[str, tuple[int, int]] = {}
        line, offset = 1, 0
        for match in _SUBJECT_TOKEN.finditer(source.text):
            line += source.text.count("\n", offset, match.start())
            offset = match.start()
            positions.setdefault(match.group(2), (line, len(match.group(1)) + 1))
        source.subject_positions = positions
    return source.subject_positions


def find_in_file(source: SourceFile, iri: str, *, after: int = 0, as_object: bool = False) -> tuple[int, int] | None:
    """(line, column) of the first place ``iri`` is written after ``after``.

    Subject position (start of a line) is preferred unless ``as_object``: then
    the first mention wins, which is the object of the statement being sought.
    """
    if not after and not as_object:
        known = _subject_positions(source)
        found = [known[form] for form in written_forms(source, iri) if form in known]
        if found:
            return min(found)
    alternatives = "|".join(re.escape(form) for form in sorted(written_forms(source, iri), key=len, reverse=True))
    as_subject = re.compile(rf"^[ \t]*(?:{alternatives})(?=[\s;,.]|$)", re.MULTILINE)
    anywhere = re.compile(rf"(?<![\w:/#<-])(?:{alternatives})(?![\w-]|\.[\w-])")
    first = anywhere.search(source.text, after) if as_object else as_subject.search(source.text, after)
    match = first or anywhere.search(source.text, after) or (anywhere.search(source.text) if after else None)
    if not match:
        return None
    offset = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
    return line_and_column(source.text, offset)


def locate_subject(ontology: Ontology, subject: URIRef) -> Position | None:
    """Where ``subject`` is described: the first file that states something about it."""
    for source in ontology.files_defining(subject) or ontology.data_files:
        found = find_in_file(source, str(subject))
        if found:
            return Position(source.display, *found)
    files = ontology.files_defining(subject)
    return Position(files[0].display, None, None) if files else None


def locate_statement(ontology: Ontology, subject: URIRef, predicate: URIRef, target: Node) -> Position | None:
    """Where a triple is written: the target's mention after its subject, in the file stating it."""
    for source in ontology.data_files:
        if (subject, predicate, target) not in source.triples:
            continue
        if isinstance(target, Literal):
            return locate_literal(source, subject, str(target))
        start = find_in_file(source, str(subject))
        offset = line_offset(source.text, start[0]) if start else 0
        found = find_in_file(source, str(target), after=offset, as_object=True)
        if found:
            return Position(source.display, *found)
        return Position(source.display, start[0] if start else None, start[1] if start else None)
    return None


def locate_literal(source: SourceFile, subject: Node, lexical: str) -> Position:
    """Where a literal value is written in ``source``: its first quoted mention after its subject (if it is named)."""
    start = find_in_file(source, str(subject)) if isinstance(subject, URIRef) else None
    offset = line_offset(source.text, start[0]) if start else 0
    for quoted in (f'"{lexical}"', f"'{lexical}'", lexical):
        index = source.text.find(quoted, offset)
        if index >= 0:
            return Position(source.display, *line_and_column(source.text, index))
    return Position(source.display, start[0] if start else None, start[1] if start else None)


def _offset_of_line(source: SourceFile, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        offset = source.text.index("\n", offset) + 1
    return offset


def described_at(source: SourceFile, iri: str) -> tuple[int, int] | None:
    """Where ``iri`` starts a description: written at the very start of a line, else as :func:`find_in_file` finds it.

    An indented mention (``    kamsh:MissingLabelNl ,`` in a list of shapes) is an object, not a subject.
    """
    alternatives = "|".join(re.escape(form) for form in sorted(written_forms(source, iri), key=len, reverse=True))
    match = re.search(rf"^(?:{alternatives})(?=[\s;,.]|$)", source.text, re.MULTILINE)
    if match:
        return source.text.count("\n", 0, match.start()) + 1, 1
    return find_in_file(source, iri)


def locate_term(source: SourceFile, subject: Node, term: URIRef) -> Position:
    """Where ``term`` (a predicate, class or object IRI) is written in a statement about ``subject`` in ``source``.

    Its first mention after the subject's own line; for a blank-node subject
    (an axiom), its first mention in the file.
    """
    start = described_at(source, str(subject)) if isinstance(subject, URIRef) else None
    after = _offset_of_line(source, start[0]) if start else 0
    found = find_in_file(source, str(term), after=after, as_object=True)
    if found is None:
        return Position(source.display, start[0] if start else None, start[1] if start else None)
    return Position(source.display, *found)


def locate_language_tag(source: SourceFile, subject: Node, value: Literal) -> Position:
    """Where the ``@tag`` of a language-tagged literal about ``subject`` is written (the ``@``)."""
    position = locate_literal(source, subject, str(value))
    if position.line is None or not value.language:
        return position
    offset = _offset_of_line(source, position.line) + (position.column or 1) - 1
    at = source.text.find(f"@{value.language}", offset)
    if at < 0:
        lowered = source.text.lower()
        at = lowered.find(f"@{value.language.lower()}", offset)
    if at < 0:
        return position
    line = source.text.count("\n", 0, at) + 1
    return Position(source.display, line, at - (source.text.rfind("\n", 0, at) + 1) + 1)
