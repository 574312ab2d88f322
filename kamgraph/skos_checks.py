"""Generic SKOS integrity checks, for vocabularies that bring no SHACL shapes of their own.

They check what the SKOS reference states about labels (S13, S14) and what
any map needs (a label); S27 (related vs broader) is a structure check for
every vocabulary (:mod:`kamgraph.structure_checks`). They require no particular language, and run in Python over
the triple index rather than through pySHACL because they must stay fast on
whole thesauri: one pass over the labels and relations, linear in the
vocabulary (pySHACL needs seconds for a 100k-triple thesaurus).
"""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Literal, URIRef

from kamgraph.findings import Finding, Severity
from kamgraph.namespaces import SKOS
from kamgraph.triples import TripleIndex

Report = Callable[[URIRef, Severity, str, str], Finding]


def skos_findings(data: TripleIndex, concepts: set[URIRef] | dict, report: Report) -> list[Finding]:
    """Findings for every concept breaking a generic rule; ``report(concept, severity, code, message)``."""
    findings = []
    for concept in sorted(concepts, key=str):
        labels = [v for v in data.objects(concept, SKOS.prefLabel) if isinstance(v, Literal)]
        if not labels:
            findings.append(report(concept, Severity.WARNING, "missing-label",
                                   "has no skos:prefLabel; the map shows its local name instead"))
            continue
        languages = [label.language for label in labels if label.language]
        if len(languages) != len(set(languages)):
            findings.append(report(concept, Severity.ERROR, "duplicate-label-language",
                                   "has more than one skos:prefLabel in one language (SKOS S14)"))
        if any(not str(label).strip() for label in labels):
            findings.append(report(concept, Severity.ERROR, "empty-label", "has an empty skos:prefLabel"))
        alternatives = set(data.objects(concept, SKOS.altLabel))
        if any(label in alternatives for label in labels):
            findings.append(report(concept, Severity.ERROR, "label-also-alt",
                                   "uses the same text as prefLabel and altLabel (SKOS S13)"))
    return findings
