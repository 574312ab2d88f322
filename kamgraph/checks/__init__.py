"""Check an ontology: every rule, each a function ``check(context) -> list[Finding]``.

Findings are data: a bad ontology gives a :class:`~kamgraph.findings.Report`,
never an exception. The content rules come from the ontology's own SHACL
shapes (``ontology/shapes.ttl``, run by pySHACL); an ontology without shapes
gets kamgraph's generic SKOS rules (:mod:`kamgraph.checks.skos`, Python, fast on
whole thesauri). Structure (:mod:`~kamgraph.checks.structure`) and content
across concepts and files (:mod:`~kamgraph.checks.content`) are checked for
every ontology. Every code is listed in :data:`kamgraph.findings.CODES`.
"""

from __future__ import annotations

from kamgraph.checks.content import (
    bad_colours,
    conflicting_labels,
    duplicate_labels,
    ill_typed_literals,
    missing_categories,
)
from kamgraph.checks.context import Check, CheckContext
from kamgraph.checks.skos import generic_skos
from kamgraph.checks.structure import broader_cycles, orphans, related_and_broader, undeclared_targets
from kamgraph.findings import Report
from kamgraph.sources.ontology import Ontology
from kamgraph.vocabulary import Vocabulary, read_vocabulary

CHECKS: tuple[Check, ...] = (broader_cycles, undeclared_targets, orphans, related_and_broader, bad_colours,
                             ill_typed_literals, duplicate_labels, conflicting_labels, missing_categories)


def shape_checks(context: CheckContext) -> list:
    """The ontology's SHACL shapes when it has any, else the generic SKOS rules."""
    if len(context.ontology.shapes):
        from kamgraph.checks.shacl import shacl_findings  # pySHACL is imported only when there are shapes

        return shacl_findings(context)
    return generic_skos(context)


def check_ontology(ontology: Ontology, vocabulary: Vocabulary | None = None) -> Report:
    """All findings for ``ontology``: load warnings, shapes (or generic SKOS rules), structure and content."""
    context = CheckContext(ontology, vocabulary or read_vocabulary(ontology.index()))
    findings = list(ontology.warnings)
    for check in (shape_checks, *CHECKS):
        findings += check(context)
    return Report(findings)


__all__ = ["CHECKS", "Check", "CheckContext", "check_ontology"]
