"""Content checks SHACL cannot state per node: literal types, labels across concepts and files, categories.

Each check returns located findings and raises nothing.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef

from kamgraph.findings import Finding, Severity
from kamgraph.load import Ontology
from kamgraph.locate import Position, locate_literal, locate_subject
from kamgraph.namespaces import SKOS
from kamgraph.naming import Namer
from kamgraph.structure_checks import make_finding
from kamgraph.vocabulary import DEFAULT_CATEGORY, Vocabulary


_PLAIN_STRINGS = {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def ill_typed_literals(ontology: Ontology, namer: Namer) -> list[Finding]:
    """Literals whose text does not fit their datatype, such as ``"twelve"^^xsd:integer``."""
    findings = []
    for source in ontology.data_files:
        for subject, predicate, value in _typed_literal_triples(ontology, source):
            if not value.ill_typed:
                continue
            datatype = namer.compact(value.datatype)
            name = namer.compact(subject) if isinstance(subject, URIRef) else "a blank node"
            findings.append(make_finding(
                locate_literal(source, subject, str(value)), Severity.ERROR, "ill-typed-literal",
                f'{name} {namer.compact(predicate)} "{value}" is not a valid {datatype}',
                namer.compact(subject) if isinstance(subject, URIRef) else None,
                hint=f"write a valid {datatype} value, or change the datatype"))
    return findings


def _typed_literal_triples(ontology: Ontology, source):
    """The file's triples whose object is a literal with a datatype other than a plain string."""
    for subject, predicate, value in source.triples:
        if isinstance(value, Literal) and value.datatype is not None and str(value.datatype) not in _PLAIN_STRINGS:
            yield subject, predicate, value


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


def _label_position(ontology: Ontology, concept: URIRef, label: Literal) -> Position | None:
    for source in ontology.data_files:
        if (concept, SKOS.prefLabel, label) in source.triples:
            return locate_literal(source, concept, str(label))
    return locate_subject(ontology, concept)


def duplicate_labels(ontology: Ontology, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """Two concepts with the same prefLabel in one language (case and spacing ignored): a reader cannot tell them apart."""
    data = ontology.index()
    owners: dict[tuple[str, str], list[tuple[URIRef, Literal]]] = defaultdict(list)
    for concept in vocabulary.concepts:
        for label in data.objects(concept, SKOS.prefLabel):
            if isinstance(label, Literal) and label.language and str(label).strip():
                owners[(label.language, _normalised(str(label)))].append((concept, label))
    findings = []
    for (language, _), holders in sorted(owners.items()):
        if len({concept for concept, _ in holders}) < 2:
            continue
        holders = sorted(holders, key=lambda item: str(item[0]))
        first = namer.compact(holders[0][0])
        for concept, label in holders[1:]:
            findings.append(make_finding(
                _label_position(ontology, concept, label), Severity.ERROR, "duplicate-label",
                f'{namer.compact(concept)} has the prefLabel "{label}"@{language}, which {first} already has',
                namer.compact(concept), hint="give each concept its own label, or merge the two concepts"))
    return findings


def conflicting_labels(ontology: Ontology, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """A concept labelled differently, in one language, by two files: usually two authors, one concept."""
    findings = []
    if len(ontology.data_files) < 2:
        return findings  # one file cannot disagree with itself
    for concept in vocabulary.concepts:
        per_language: dict[str, list[tuple[str, Literal]]] = defaultdict(list)
        for source in ontology.data_files:
            for label in source.triples.objects(concept, SKOS.prefLabel):
                if isinstance(label, Literal) and label.language:
                    per_language[label.language].append((source.display, label))
        for language, seen in sorted(per_language.items()):
            conflict = _first_conflict(seen)
            if conflict is None:
                continue
            (first_file, first_label), (later_file, later_label) = conflict
            source = next(s for s in ontology.data_files if s.display == later_file)
            findings.append(make_finding(
                locate_literal(source, concept, str(later_label)), Severity.ERROR, "conflicting-labels",
                f'{namer.compact(concept)} is labelled "{first_label}"@{language} in {first_file} '
                f'but "{later_label}"@{language} in {later_file}', namer.compact(concept),
                hint="describe the concept in one file, or make both labels the same"))
    return findings


def _first_conflict(seen: list[tuple[str, Literal]]) -> tuple | None:
    """The first (file, label) pair contradicted by a label of the same language in a later file."""
    for index, (first_file, first_label) in enumerate(seen):
        for later_file, later_label in seen[index + 1:]:
            if later_file != first_file and str(later_label) != str(first_label):
                return (first_file, first_label), (later_file, later_label)
    return None


def missing_categories(ontology: Ontology, vocabulary: Vocabulary, namer: Namer) -> list[Finding]:
    """When the ontology declares categories, a concept in none is shown as plain "Concept": likely an oversight."""
    if not any(category != DEFAULT_CATEGORY for category in vocabulary.categories):
        return []
    return [make_finding(locate_subject(ontology, concept), Severity.WARNING, "missing-category",
                         f"{namer.compact(concept)} is a skos:Concept in no category", namer.compact(concept),
                         hint="type it with one of the ontology's categories (a class under skos:Concept)")
            for concept, category in sorted(vocabulary.concept_categories.items(), key=lambda i: str(i[0]))
            if category == DEFAULT_CATEGORY]
