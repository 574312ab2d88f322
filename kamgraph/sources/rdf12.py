"""RDF 1.2 input is refused, with the construct named and located.

pyoxigraph parses RDF 1.2 Turtle (triple terms ``<<( s p o )>>``, reified
triples ``<< s p o >>``, reifiers ``~ r``, annotations ``{| ... |}`` and base
directions ``"x"@ar--rtl``), but rdflib, which the checks, SPARQL and the
exports run on, has no term for a triple and drops a literal's direction.
kamgraph reads RDF 1.1 data: a term that only RDF 1.2 has raises
:class:`Rdf12Term`, and :func:`locate_rdf12` finds where the construct is
written so the author gets ``file:line:column`` and its name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamgraph.errors import KamgraphError

TRIPLE_TERM = "an RDF 1.2 triple term"
DIRECTION = "an RDF 1.2 base direction"
FIX = ("kamgraph reads RDF 1.1: state the statement itself (and annotate it with owl:Axiom, "
       "as ontology/kam-relations.ttl does), or drop the language tag's --ltr/--rtl")

_CONSTRUCTS = (  # longest token first
    ("<<(", "an RDF 1.2 triple term <<( ... )>>"),
    ("<<", "an RDF 1.2 reified triple << ... >>"),
    ("{|", "an RDF 1.2 annotation {| ... |}"),
    ("~", "an RDF 1.2 reifier ~"),
)
_DIRECTION_RE = re.compile(r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*--[A-Za-z]+")


class Rdf12Term(KamgraphError):
    """A parsed term that RDF 1.1 does not have (a triple as a term, a literal with a base direction)."""

    def __init__(self, construct: str, term: object):
        self.construct = construct
        super().__init__(f"{construct} is not supported ({str(term)[:200]})")


@dataclass(frozen=True)
class Rdf12Place:
    line: int
    column: int
    construct: str


def locate_rdf12(text: str) -> Rdf12Place | None:
    """The first RDF 1.2 construct written in ``text`` (Turtle that pyoxigraph accepted), outside strings,
    IRIs and comments; ``None`` when there is none.

    >>> locate_rdf12('<a> <b> <c> ~ <r> .')
    Rdf12Place(line=1, column=13, construct='an RDF 1.2 reifier ~')
    >>> locate_rdf12('<a> <b> "~ {| <<" . # ~') is None
    True
    """
    i, size = 0, len(text)
    while i < size:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            i = size if end < 0 else end
            continue
        if char in "\"'":
            i = _after_string(text, i)
            match = _DIRECTION_RE.match(text, i)
            if match:
                return _place(text, i, "an RDF 1.2 base direction " + match.group(0))
            continue
        if char == "\\":  # an escaped character in a local name, e.g. kam:a\~b
            i += 2
            continue
        for token, construct in _CONSTRUCTS:
            if text.startswith(token, i):
                return _place(text, i, construct)
        if char == "<":
            end = text.find(">", i)
            i = size if end < 0 else end + 1
            continue
        i += 1
    return None


def _after_string(text: str, start: int) -> int:
    quote = text[start]
    long = text.startswith(quote * 3, start)
    closing = quote * 3 if long else quote
    i = start + len(closing)
    while i < len(text):
        if text[i] == "\\":
            i += 2
        elif text.startswith(closing, i):
            return i + len(closing)
        else:
            i += 1
    return len(text)


def _place(text: str, offset: int, construct: str) -> Rdf12Place:
    line_start = text.rfind("\n", 0, offset) + 1
    return Rdf12Place(text.count("\n", 0, offset) + 1, offset - line_start + 1, construct)
