"""The one signature every check has: ``check(context) -> list[Finding]``.

A :class:`CheckContext` holds what a check reads (the ontology, its triple
index, the vocabulary, the prefixes for short names) and makes located
findings through the registry (:func:`kamgraph.findings.make_finding`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.term import Node

from kamgraph.findings import Finding, Position, Severity, make_finding
from kamgraph.names import Namer
from kamgraph.sources.locate import locate_statement, locate_subject
from kamgraph.sources.ontology import Ontology
from kamgraph.sources.triples import TripleIndex
from kamgraph.vocabulary import Vocabulary


@dataclass
class CheckContext:
    ontology: Ontology
    vocabulary: Vocabulary
    namer: Namer = field(init=False)

    def __post_init__(self) -> None:
        self.namer = Namer(self.ontology.prefixes())

    @property
    def data(self) -> TripleIndex:
        """Every data triple (shapes apart)."""
        return self.ontology.index()

    def name(self, term: Node) -> str:
        """A short name for messages: ``kam:KeyAccount``."""
        return self.namer.compact(term)

    def at_subject(self, subject: Node) -> Position | None:
        return locate_subject(self.ontology, subject) if isinstance(subject, URIRef) else None

    def at_statement(self, subject: URIRef, predicate: URIRef, target: Node) -> Position | None:
        return locate_statement(self.ontology, subject, predicate, target)

    def finding(self, code: str, position: Position | None, message: str, *, subject: str | None = None,
                hint: str | None = None, severity: Severity | None = None) -> Finding:
        return make_finding(code, position, message, subject=subject, hint=hint, severity=severity)

    def about(self, code: str, concept: URIRef, message: str, *, hint: str | None = None) -> Finding:
        """A finding about one concept, at the place it is described, its message led by its name."""
        name = self.name(concept)
        return self.finding(code, self.at_subject(concept), f"{name} {message}", subject=name, hint=hint)


Check = Callable[[CheckContext], list[Finding]]
