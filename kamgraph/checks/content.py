"""Content checks SHACL cannot state per node: literal types, labels across concepts and files, categories, colours."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding, Position
from kamgraph.namespaces import KAMO, SKOS
from kamgraph.sources.locate import locate_literal
from kamgraph.sources.ontology import SourceFile
from kamgraph.vocabulary import DEFAULT_CATEGORY, language_of, plain_colour

_PLAIN_STRINGS = {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def ill_typed_literals(context: CheckContext) -> list[Finding]:
    """Literals whose text does not fit their datatype, such as ``"twelve"^^xsd:integer``."""
    findings = []
    for source in context.ontology.data_files:
        for subject, predicate, value, datatype_iri in _typed_literal_triples(source):
            if not value.ill_typed:
                continue
            datatype = context.name(datatype_iri)
            named = isinstance(subject, URIRef)
            findings.append(context.finding(
                "ill-typed-literal", locate_literal(source, subject, str(value)),
                f'{context.name(subject) if named else "a blank node"} {context.name(predicate)} "{value}" '
                f"is not a valid {datatype}", subject=context.name(subject) if named else None,
                hint=f"write a valid {datatype} value, or change the datatype"))
    return findings


def _typed_literal_triples(source: SourceFile) -> Iterator[tuple[Node, Node, Literal, URIRef]]:
    """The file's triples whose object is a literal with a datatype other than a plain string, and that datatype."""
    for subject, predicate, value in source.triples:
        if isinstance(value, Literal) and value.datatype is not None and str(value.datatype) not in _PLAIN_STRINGS:
            yield subject, predicate, value, value.datatype


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _label_position(context: CheckContext, concept: URIRef, label: Literal) -> Position | None:
    for source in context.ontology.data_files:
        if (concept, SKOS.prefLabel, label) in source.triples:
            return locate_literal(source, concept, str(label))
    return context.at_subject(concept)


def _file_order(context: CheckContext, concept: URIRef, label: Literal) -> int:
    files = context.ontology.data_files
    return next((index for index, source in enumerate(files) if (concept, SKOS.prefLabel, label) in source.triples),
                len(files))


def duplicate_labels(context: CheckContext) -> list[Finding]:
    """Two concepts with the same prefLabel in one language (case and spacing ignored).

    A reader cannot tell them apart.
    """
    owners: dict[tuple[str, str], list[tuple[URIRef, Literal]]] = defaultdict(list)
    for concept in context.vocabulary.concepts:
        for label in context.data.objects(concept, SKOS.prefLabel):
            if isinstance(label, Literal) and label.language and str(label).strip():
                owners[(language_of(label), _normalised(str(label)))].append((concept, label))
    findings = []
    shared = [(key, holders) for key, holders in owners.items() if len({concept for concept, _ in holders}) >= 2]
    for (language, _), holders in sorted(shared):
        # the first holder keeps the label: the one stated in the file read first (a new file adds the duplicate)
        holders = sorted(holders, key=lambda item: (_file_order(context, *item), str(item[0])))
        first = context.name(holders[0][0])
        for concept, label in holders[1:]:
            findings.append(context.finding(
                "duplicate-label", _label_position(context, concept, label),
                f'{context.name(concept)} has the prefLabel "{label}"@{language}, which {first} already has',
                subject=context.name(concept), hint="give each concept its own label, or merge the two concepts"))
    return findings


def conflicting_labels(context: CheckContext) -> list[Finding]:
    """A concept labelled differently, in one language, by two files: usually two authors, one concept."""
    data_files = context.ontology.data_files
    if len(data_files) < 2:
        return []  # one file cannot disagree with itself
    findings = []
    for concept in context.vocabulary.concepts:
        per_language: dict[str, list[tuple[SourceFile, Literal]]] = defaultdict(list)
        for source in data_files:
            for label in source.triples.objects(concept, SKOS.prefLabel):
                if isinstance(label, Literal) and label.language:
                    per_language[language_of(label)].append((source, label))
        for language, seen in sorted(per_language.items()):
            conflict = _first_conflict(seen)
            if conflict is None:
                continue
            (first_file, first_label), (later_file, later_label) = conflict
            findings.append(context.finding(
                "conflicting-labels", locate_literal(later_file, concept, str(later_label)),
                f'{context.name(concept)} is labelled "{first_label}"@{language} in {first_file.display} '
                f'but "{later_label}"@{language} in {later_file.display}', subject=context.name(concept),
                hint="describe the concept in one file, or make both labels the same"))
    return findings


def repeats_a_language_in_one_file(context: CheckContext, concept: URIRef) -> bool:
    """Whether one file gives ``concept`` two prefLabels in one language (SKOS S14, ``duplicate-label-language``).

    Two files that each give it one, different, label are :func:`conflicting_labels`, reported there once.
    """
    for source in context.ontology.data_files:
        languages = [language_of(label) for label in source.triples.objects(concept, SKOS.prefLabel)
                     if isinstance(label, Literal) and label.language]
        if len(languages) != len(set(languages)):
            return True
    return False


def _first_conflict(seen: list[tuple[SourceFile, Literal]]) -> tuple | None:
    """The first (file, label) pair contradicted by a label of the same language in a later file."""
    for index, (first_file, first_label) in enumerate(seen):
        for later_file, later_label in seen[index + 1:]:
            if later_file is not first_file and str(later_label) != str(first_label):
                return (first_file, first_label), (later_file, later_label)
    return None


def missing_categories(context: CheckContext) -> list[Finding]:
    """When the ontology declares categories, a concept in none is shown as plain "Concept": likely an oversight."""
    vocabulary = context.vocabulary
    if not any(category != DEFAULT_CATEGORY for category in vocabulary.categories):
        return []
    return [context.about("missing-category", concept, "is a skos:Concept in no category",
                          hint="type it with one of the ontology's categories (a class under skos:Concept)")
            for concept, category in sorted(vocabulary.concept_categories.items(), key=lambda i: str(i[0]))
            if category == DEFAULT_CATEGORY]


def bad_colours(context: CheckContext) -> list[Finding]:
    """Category colours that are not plain hex: the map ignores them, so say so."""
    findings = []
    for category in context.vocabulary.categories.values():
        if category.colour is None or plain_colour(category.colour):
            continue
        stated = next(o for o in context.data.objects(category.iri, KAMO.colour) if str(o) == category.colour)
        shown = category.colour if len(category.colour) <= 40 else category.colour[:40] + "..."
        findings.append(context.finding(
            "bad-colour", context.at_statement(category.iri, KAMO.colour, stated),
            f"{context.name(category.iri)} kamo:colour {shown!r} is not a plain hex colour; "
            "the map uses a palette colour instead", subject=context.name(category.iri),
            hint='write it as "#rrggbb"'))
    return findings
