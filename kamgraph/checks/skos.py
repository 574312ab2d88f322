"""Generic SKOS integrity checks, for vocabularies that bring no SHACL shapes of their own.

They check what the SKOS reference states about labels (S13, S14) and what
any map needs (a label); S27 (related vs broader) is a structure check for
every vocabulary (:mod:`kamgraph.checks.structure`). They require no
particular language, and run in Python over the triple index rather than
through pySHACL because they must stay fast on whole thesauri: one pass over
the labels, linear in the vocabulary (pySHACL needs seconds for a
100k-triple thesaurus).
"""

from __future__ import annotations

from rdflib import Literal

from kamgraph.checks.content import repeats_a_language_in_one_file
from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding
from kamgraph.namespaces import SKOS


def generic_skos(context: CheckContext) -> list[Finding]:
    """A finding for every concept breaking a generic SKOS rule."""
    data = context.data
    findings = []
    for concept in sorted(context.vocabulary.concept_categories, key=str):
        labels = [v for v in data.objects(concept, SKOS.prefLabel) if isinstance(v, Literal)]
        if not labels:
            findings.append(context.about("missing-label", concept,
                                          "has no skos:prefLabel; the map shows its local name instead"))
            continue
        if repeats_a_language_in_one_file(context, concept):
            findings.append(context.about("duplicate-label-language", concept,
                                          "has more than one skos:prefLabel in one language (SKOS S14)"))
        if any(not str(label).strip() for label in labels):
            findings.append(context.about("empty-label", concept, "has an empty skos:prefLabel"))
        alternatives = set(data.objects(concept, SKOS.altLabel))
        if any(label in alternatives for label in labels):
            findings.append(context.about("label-also-alt", concept,
                                          "uses the same text as prefLabel and altLabel (SKOS S13)"))
    return findings
