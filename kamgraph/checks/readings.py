"""Relation types the map cannot read aloud: a reading missing in one direction or one language.

Every relation is shown as a sentence from either end ("Key account → is the
subject of → Offering value"): ``rdfs:label`` reads it forwards,
``kamo:inverseLabel`` backwards (a symmetric property reads the same both
ways). With no reading at all in a direction the map would print the raw
name (``kamo:negotiatedBy``); with one language missing it falls back to the
other language. The map's languages are those most concepts are labelled in.
"""

from __future__ import annotations

from collections import Counter

from rdflib import Literal

from kamgraph.checks.context import CheckContext
from kamgraph.checks.terms import CLOSED_NAMESPACES, namespace_of
from kamgraph.findings import Finding
from kamgraph.namespaces import SKOS
from kamgraph.vocabulary import language_of

DIRECTIONS = (("forwards", "rdfs:label"), ("backwards", "kamo:inverseLabel"))


def map_languages(context: CheckContext) -> list[str]:
    """Languages in which at least half of the concepts have a prefLabel."""
    concepts = context.vocabulary.concept_categories
    counts = Counter(language for concept in concepts for language in {
        language_of(label) for label in context.data.objects(concept, SKOS.prefLabel)
        if isinstance(label, Literal) and label.language})
    return sorted(language for language, count in counts.items() if count * 2 >= len(concepts))


def missing_readings(context: CheckContext) -> list[Finding]:
    """One finding per relation type declared by the ontology that lacks a reading in a direction or a language.

    An error when a direction has no reading at all (the map would show the bare name), else a warning
    naming the languages without one.
    """
    # the W3C vocabularies' properties (SKOS's own, mapping properties) are not the author's
    own = [relation for relation in sorted(context.vocabulary.relation_types.values(), key=lambda r: str(r.iri))
           if (relation.iri, None, None) in context.data and namespace_of(str(relation.iri)) not in CLOSED_NAMESPACES]
    if not own:
        return []
    languages = map_languages(context) or ["en"]
    findings = []
    for relation in own:
        name = context.name(relation.iri)
        absent, partial, additions = [], [], []
        for (direction, predicate), readings in zip(DIRECTIONS, (relation.labels, relation.inverse_labels),
                                                    strict=True):
            if direction == "backwards" and relation.symmetric:
                continue
            given = {language for language, text in readings.items() if text.strip()}
            missing = [language for language in languages if language not in given]
            if not given:
                absent.append(f"no {predicate} (read {direction})")
            elif missing:
                partial.append(f"no {predicate} in {', '.join('@' + m for m in missing)}")
            if missing:
                additions.append(f"{predicate} " + " , ".join(f'"…"@{m}' for m in missing))
        if not absent and not partial:
            continue
        if absent:
            message = (f"relation type {name} has {' and '.join(absent + partial)}, so the map shows the bare "
                       f"name {name} in that sentence")
        else:
            message = f"relation type {name} has {' and '.join(partial)}; that map falls back to another language"
        findings.append(context.finding("missing-reading" if absent else "missing-reading-language",
                                        context.at_subject(relation.iri), message, subject=name,
                                        hint="add " + " ; ".join(additions)))
    return findings
