"""Check an ontology: every rule, each a function ``check(context) -> list[Finding]``.

Findings are data: a bad ontology gives a :class:`~kamgraph.findings.Report`,
never an exception. The content rules come from the ontology's own SHACL
shapes (``ontology/shapes.ttl``, see :mod:`kamgraph.checks.shacl`); an ontology without shapes
gets kamgraph's generic SKOS rules (:mod:`kamgraph.checks.skos`, Python, fast on
whole thesauri). Structure (:mod:`~kamgraph.checks.structure`) and content
across concepts and files (:mod:`~kamgraph.checks.content`) are checked for
every ontology. Every code is listed in :data:`kamgraph.findings.CODES`.
"""

from __future__ import annotations

from kamgraph.checks.across_files import conflicting_categories, conflicting_prefixes
from kamgraph.checks.content import (
    bad_colours,
    conflicting_labels,
    duplicate_labels,
    ill_typed_literals,
    missing_categories,
)
from kamgraph.checks.context import Check, CheckContext
from kamgraph.checks.languages import unknown_language_tags
from kamgraph.checks.readings import missing_readings
from kamgraph.checks.skos import generic_skos
from kamgraph.checks.structure import broader_cycles, orphans, related_and_broader, undeclared_targets
from kamgraph.checks.terms import unknown_terms
from kamgraph.findings import Finding, Report
from kamgraph.sources.ontology import Ontology
from kamgraph.vocabulary import Vocabulary, read_vocabulary

CHECKS: tuple[Check, ...] = (broader_cycles, undeclared_targets, orphans, related_and_broader, bad_colours,
                             ill_typed_literals, duplicate_labels, conflicting_labels, missing_categories,
                             unknown_language_tags, unknown_terms, missing_readings, conflicting_categories,
                             conflicting_prefixes)

# A finding that names the cause hides the findings it explains on the same subject: a label tagged
# @dutch is the reason the concept "has no Dutch label", a typo'd category the reason it "is in none".
SUPERSEDES: dict[str, tuple[str, ...]] = {
    "unknown-language-tag": ("missing-label-nl", "missing-label-en", "missing-label"),
    "unknown-class": ("missing-category",),
    "unknown-property": ("missing-label-nl", "missing-label-en", "missing-label", "missing-definition",
                         "missing-source", "missing-origin", "missing-scheme", "orphan-concept"),
    "unknown-resource": ("missing-scheme", "missing-source"),
    "undeclared-concept": ("orphan-concept",),
    "relation-to-literal": ("orphan-concept",),
}


def shape_checks(context: CheckContext) -> list:
    """The ontology's SHACL shapes when it has any, else the generic SKOS rules."""
    if len(context.ontology.shapes):
        from kamgraph.checks.shacl import shacl_findings  # only when there are shapes
        from kamgraph.checks.shapes import ShapesRefused, duplicate_shapes, invalid_shapes

        try:
            return duplicate_shapes(context) + shacl_findings(context)
        except ShapesRefused as refused:
            return duplicate_shapes(context) + invalid_shapes(context, refused)
    return generic_skos(context)


def check_ontology(ontology: Ontology, vocabulary: Vocabulary | None = None) -> Report:
    """All findings for ``ontology``: load warnings, shapes (or generic SKOS rules), structure and content."""
    context = CheckContext(ontology, vocabulary or read_vocabulary(ontology.index()))
    findings = list(ontology.warnings)
    for check in (shape_checks, *CHECKS):
        findings += check(context)
    return Report(without_consequences(_through_broken_terms(context, findings)))


def _through_broken_terms(context: CheckContext, findings: list[Finding]) -> list[Finding]:
    """Also hide what a broken declaration explains elsewhere.

    A concept related through ``kamo:haggles`` floats alone when ``kamo:haggles`` is declared under a
    misspelt ``skos:relatd``; every finding in a file whose prefix means something else than in the
    other files (``conflicting-prefix``) waits until the prefix is fixed.
    """
    broken = {f.subject for f in findings if f.code == "unknown-property" and f.subject}
    prefixed = {f.file for f in findings if f.code == "conflicting-prefix"}
    names = {context.name(concept): concept for concept in context.vocabulary.concepts}
    kept = []
    for finding in findings:
        if finding.file in prefixed and finding.code != "conflicting-prefix":
            continue
        concept = names.get(finding.subject or "")
        if finding.code == "orphan-concept" and concept is not None and any(
                context.name(p) in broken for _, p, _ in context.data.triples((concept, None, None))):
            continue
        kept.append(finding)
    return kept


def without_consequences(findings: list[Finding]) -> list[Finding]:
    """The findings less those explained by a finding of their cause on the same subject (:data:`SUPERSEDES`)."""
    hidden = {(code, finding.subject) for finding in findings if finding.subject
              for code in SUPERSEDES.get(finding.code, ())}
    return [finding for finding in findings if (finding.code, finding.subject) not in hidden]


__all__ = ["CHECKS", "Check", "CheckContext", "check_ontology"]
