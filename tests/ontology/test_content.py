"""What the summary says is kept apart from what the ontology adds, and both read in Dutch and English.

* every concept is explained in both languages; every editorial explanation is marked editorial and
  names the literature it draws on;
* every text claimed from the source (definitions, scope notes, labels, section texts, evidence
  quotations) is verbatim in the summary, line joins aside, and in the lines it cites;
* every alternative label records where it comes from in RDF;
* every note a learner sees exists in both languages.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from helpers import ONTOLOGY, ROOT
from kamgraph.namespaces import KAM, KAMO
from ontology.qskos import concepts
from ontology.summary import joined, line_ranges, passage, quoted_fragments, summary_lines

SUMMARY = ROOT.parent / "shared" / "source" / "kam-summary-nl.txt"
LANGUAGES = ("nl", "en")
EXPLAINING = (SKOS.definition, KAMO.standardDefinition, KAMO.explanation)
# Texts a learner reads on the page, and the note properties a concept may carry at all.
LEARNER_TEXTS = (SKOS.definition, SKOS.scopeNote, KAMO.standardDefinition, KAMO.explanation, SKOS.editorialNote)
# Source labels normalised on purpose (inventory §1.15, each with a kamo:sourceStatus or editorial note).
NORMALISED_LABELS = {KAM.OfferingValue, KAM.AccountManagement2_0}
LABEL_ORIGINS = {"source", "editorial", "beyond-source"}


@pytest.fixture(scope="module")
def data(kam_checked) -> Graph:
    return kam_checked.ontology.union()


@pytest.fixture(scope="module")
def lines() -> list[str]:
    if not SUMMARY.exists():
        pytest.skip(f"{SUMMARY} is not beside this checkout")
    return summary_lines(SUMMARY)


def texts(data: Graph, subject, prop, language: str) -> list[str]:
    return [str(v) for v in data.objects(subject, prop) if isinstance(v, Literal) and v.language == language]


def source_concepts(data: Graph) -> list[URIRef]:
    return sorted(c for c in concepts(data) if str(data.value(c, KAMO.origin)) == "source")


def sub_properties(data: Graph, root: URIRef) -> set:
    return set(data.transitive_subjects(RDFS.subPropertyOf, root))


# --- explanations ----------------------------------------------------------------------------------------

def test_every_concept_is_explained_in_both_languages(data):
    unexplained = [(str(c), language) for c in sorted(concepts(data)) for language in LANGUAGES
                   if not any(texts(data, c, prop, language) for prop in EXPLAINING)]
    assert unexplained == []
    assert len(concepts(data)) == 106


def test_an_editorial_explanation_is_one_text_per_language(data):
    for concept in concepts(data):
        counts = Counter(v.language for v in data.objects(concept, KAMO.explanation))
        assert set(counts) in (set(), set(LANGUAGES)) and set(counts.values()) <= {1}, concept


def test_the_explanation_property_is_declared_editorial_and_apart_from_source_wording(data):
    assert (KAMO.explanation, RDF.type, OWL.AnnotationProperty) in data
    assert str(data.value(KAMO.explanation, KAMO.origin)) == "editorial"
    assert {lang for lang in LANGUAGES if texts(data, KAMO.explanation, RDFS.label, lang)} == set(LANGUAGES)
    assert KAMO.explanation in sub_properties(data, SKOS.note)
    # Neither added text becomes a definition or a scope note under RDFS entailment: those stay source wording.
    for added in (KAMO.explanation, KAMO.standardDefinition):
        assert added not in sub_properties(data, SKOS.definition) | sub_properties(data, SKOS.scopeNote), added


def cited_as(data: Graph, reference: URIRef) -> tuple[str, str | None]:
    """How a text cites a reference: the first word of its label and its year ('Porter (1979)' -> Porter, 1979)."""
    label = str(data.value(reference, RDFS.label) or data.value(reference, DCTERMS.bibliographicCitation))
    year = re.search(r"\b(1[89]|20)\d\d\b", label)
    return re.split(r"[\s,(]", label, maxsplit=1)[0], year.group(0) if year else None


def cites(text: str, name: str, year: str | None) -> bool:
    """Whether ``text`` cites the work: its author in brackets or followed by a bracketed year, and its year."""
    named = re.search(rf"\({re.escape(name)}\b|\b{re.escape(name)}\b[^()]*\(\d{{4}}", text)
    return bool(named) and (year is None or year in text)


def test_explanations_name_the_literature_they_draw_on(data):
    references = {r: cited_as(data, r) for r in data.subjects(RDF.type, DCTERMS.BibliographicResource)
                  if str(r).startswith(str(KAM) + "Ref_")}
    cited = 0
    for concept in concepts(data):
        given = set(data.objects(concept, KAMO.explanationReference))
        assert given <= set(references), concept
        for language in LANGUAGES:
            for text in texts(data, concept, KAMO.explanation, language):
                named = {r for r, (name, year) in references.items() if cites(text, name, year)}
                assert named == given, (concept, language, text)
                cited += bool(given)
    assert cited >= 20


def test_standard_definitions_rest_on_a_reference(data):
    for concept in concepts(data):
        if not any(data.objects(concept, KAMO.standardDefinition)):
            continue
        references = set(data.objects(concept, RDFS.seeAlso)) | set(data.objects(concept, DCTERMS.source))
        assert any((r, RDF.type, DCTERMS.BibliographicResource) in data for r in references), concept


def test_concepts_carry_only_known_notes(data):
    notes = sub_properties(data, SKOS.note) | {SKOS.note}
    for concept in concepts(data):
        used = {p for p, _ in data.predicate_objects(concept) if p in notes}
        assert used <= set(LEARNER_TEXTS), (concept, used - set(LEARNER_TEXTS))


# --- source wording stays verbatim -----------------------------------------------------------------------

def test_source_definitions_and_scope_notes_are_verbatim(data, lines):
    source = joined(lines)
    checked = 0
    for concept in source_concepts(data):
        for prop in (SKOS.definition, SKOS.scopeNote):
            for text in texts(data, concept, prop, "nl"):
                assert joined([text]) in source, (concept, prop, text)
                checked += 1
    assert checked >= 29  # 11 definitions and 18 scope notes when the review counted them


def test_source_labels_are_in_the_summary(data, lines):
    source = joined(lines).casefold()
    for concept in source_concepts(data):
        if concept in NORMALISED_LABELS:
            continue
        for label in texts(data, concept, SKOS.prefLabel, "nl"):
            assert joined([label]).casefold() in source, (concept, label)


def test_section_texts_are_the_summary_lines(data, lines):
    sections = list(data.subjects(RDF.type, KAMO.SourceSection))
    assert len(sections) == 14
    for section in sections:
        first, last = int(data.value(section, KAMO.firstLine)), int(data.value(section, KAMO.lastLine))
        cited = [line.removeprefix(", ") for line in lines[first - 1:last] if not line.strip().isdigit()]
        assert str(data.value(section, KAMO.sourceText)).split("\n") == cited, section


def test_relation_evidence_is_quoted_from_the_cited_lines(data, lines):
    axioms = [a for a in data.subjects(RDF.type, OWL.Axiom) if data.value(a, KAMO.relationStatus) is not None]
    assert len({str(data.value(a, DCTERMS.identifier)) for a in axioms}) == len(axioms) == 151
    checked = 0
    for axiom in axioms:
        if data.value(axiom, KAMO.relationStatus) == KAMO.BeyondSource:
            continue
        cited = passage(lines, str(data.value(axiom, KAMO.sourceLines))).casefold()
        for quote in texts(data, axiom, KAMO.evidence, "nl"):
            for fragment in quoted_fragments(quote):
                assert fragment.casefold() in cited, (str(data.value(axiom, DCTERMS.identifier)), fragment)
                checked += 1
    assert checked > 100


def test_every_link_has_exactly_one_provenance_axiom(data):
    from ontology.qskos import links
    annotated = Counter((data.value(a, OWL.annotatedSource), data.value(a, OWL.annotatedProperty),
                         data.value(a, OWL.annotatedTarget))
                        for a in data.subjects(RDF.type, OWL.Axiom) if data.value(a, KAMO.relationStatus))
    assert {link: annotated[link] for link in links(data) if annotated[link] != 1} == {}


def test_line_references_are_line_numbers_and_first_lines_agree(data):
    for subject, reference in data.subject_objects(KAMO.sourceLines):
        ranges = line_ranges(str(reference))  # raises on any comment in the reference
        first = data.value(subject, KAMO.firstLine)
        if first is not None:
            assert int(first) == min(start for start, _ in ranges), (subject, reference, first)


def test_the_numbered_commercial_effects_keep_their_order(data):
    lists = list(data.subjects(RDF.type, SKOS.OrderedCollection))
    assert lists == [KAM.CommercialEffectsList]
    members = list(Collection(data, data.value(lists[0], SKOS.memberList)))
    numbered = sorted(data.subjects(SKOS.broader, KAM.CommercialEffects),
                      key=lambda c: int(data.value(c, KAMO.firstLine)))
    assert members == numbered and len(members) == 4


# --- alternative labels record their provenance ----------------------------------------------------------

def label_axioms(data: Graph) -> dict[tuple, list]:
    found: dict[tuple, list] = {}
    for axiom in data.subjects(RDF.type, OWL.Axiom):
        prop = data.value(axiom, OWL.annotatedProperty)
        if prop in (SKOS.altLabel, SKOS.hiddenLabel):
            key = (data.value(axiom, OWL.annotatedSource), prop, data.value(axiom, OWL.annotatedTarget))
            found.setdefault(key, []).append(axiom)
    return found


def test_every_alternative_label_records_where_it_comes_from(data, lines):
    axioms = label_axioms(data)
    labels = {(c, p, v) for c in concepts(data) for p in (SKOS.altLabel, SKOS.hiddenLabel) for v in data.objects(c, p)}
    assert set(axioms) == labels  # one record per label, none for a label that is not there
    origins = Counter()
    for (concept, _, label), found in axioms.items():
        assert len(found) == 1, (concept, label)
        axiom = found[0]
        origin = str(data.value(axiom, KAMO.origin))
        assert origin in LABEL_ORIGINS, (concept, label)
        origins[origin] += 1
        if origin == "source":
            cited = passage(lines, str(data.value(axiom, KAMO.sourceLines))).casefold()
            if label.language == "nl":
                assert str(label).casefold() in cited, (concept, label)
        elif origin == "beyond-source":
            assert (data.value(axiom, DCTERMS.source), RDF.type, DCTERMS.BibliographicResource) in data, label
        else:
            assert {lang for lang in LANGUAGES if texts(data, axiom, SKOS.editorialNote, lang)} == set(LANGUAGES)
    assert set(origins) == LABEL_ORIGINS


def test_a_dutch_label_not_in_the_summary_is_not_claimed_from_it(data, lines):
    source = joined(lines).casefold()
    for (concept, _, label), found in label_axioms(data).items():
        if label.language == "nl" and str(label).casefold() not in source:
            assert str(data.value(found[0], KAMO.origin)) != "source", (concept, label)


def test_no_label_provenance_hides_in_turtle_comments():
    for path in sorted(Path(ONTOLOGY).glob("kam-*.ttl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(r'"@(nl|en)\s*[,;.]\s*#', line), f"{path.name}:{number}: {line.strip()}"


# --- every learner-visible text in both languages --------------------------------------------------------

def test_every_note_a_learner_sees_exists_in_both_languages(data):
    for concept in concepts(data):
        for prop in LEARNER_TEXTS:
            counts = Counter(v.language for v in data.objects(concept, prop) if isinstance(v, Literal))
            assert counts["nl"] == counts["en"] and set(counts) <= set(LANGUAGES), (concept, prop, dict(counts))


def test_sections_references_and_readings_read_in_both_languages(data):
    for section in data.subjects(RDF.type, KAMO.SourceSection):
        assert all(texts(data, section, SKOS.prefLabel, lang) for lang in LANGUAGES), section
    for reference in data.subjects(RDF.type, DCTERMS.BibliographicResource):
        for prop in (RDFS.label, RDFS.comment):
            values = [v for v in data.objects(reference, prop) if isinstance(v, Literal)]
            languages = {v.language for v in values}
            assert languages in ({None}, set(), set(LANGUAGES)), (reference, prop, languages)
        for citation in data.objects(reference, DCTERMS.bibliographicCitation):
            assert citation.language is None, reference  # a citation is language-neutral; comments explain
    for prop in {p for p in data.subjects(KAMO.inverseLabel, None) if not isinstance(p, BNode)}:
        for reading in (RDFS.label, KAMO.inverseLabel):
            assert all(texts(data, prop, reading, lang) for lang in LANGUAGES), (prop, reading)
