"""Unknown terms: classes, properties and resources used where the ontology's vocabulary is expected.

Valid Turtle can still say nothing the map understands: ``a kamo:Activty`` drops
the concept into the default category, ``kamo:concern`` makes a relation
vanish, ``dcterms:source kam:Section_S31`` points at a section that does not
exist. A term is *unknown* when it lies in a namespace the ontology declares
terms in (``kam:``, ``kamo:``) and is declared nowhere, or in one of the closed
W3C vocabularies (SKOS, Dublin Core terms, RDF, RDFS, OWL) and is not one of
their terms (``skos:prefLable``). Terms of other vocabularies are left alone.
Each finding names the closest declared term (:mod:`kamgraph.checks.suggest`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, DefinedNamespaceMeta
from rdflib.term import Node

from kamgraph.checks.context import CheckContext
from kamgraph.checks.suggest import closest
from kamgraph.findings import Finding
from kamgraph.names import local_name
from kamgraph.sources.locate import locate_term
from kamgraph.sources.ontology import SourceFile

CLOSED_VOCABULARIES: tuple[DefinedNamespaceMeta, ...] = (SKOS, DCTERMS, RDF, RDFS, OWL)
CLOSED_NAMESPACES = frozenset(str(vocabulary) for vocabulary in CLOSED_VOCABULARIES)
_CLASS_TYPES = {OWL.Class, RDFS.Class}
_PROPERTY_TYPES = {RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                   OWL.SymmetricProperty, OWL.TransitiveProperty, OWL.FunctionalProperty}


def namespace_of(iri: str) -> str:
    """The IRI without its local name: ``https://w3id.org/kamgraph/kamo#``."""
    return iri[: len(iri) - len(local_name(iri))]


def _closed_terms(vocabulary: DefinedNamespaceMeta) -> list[URIRef]:
    names = [*vocabulary.__annotations__, *getattr(vocabulary, "_extras", [])]
    return [URIRef(str(vocabulary) + name) for name in names]


class Terms:
    """What the ontology declares, and which namespaces are its own (those it declares two or more terms in)."""

    def __init__(self, context: CheckContext):
        data = self.data = context.data
        self._expects: dict[tuple[Node, str], bool] = {}
        predicates: set[Node] = set()
        self.declared: set[URIRef] = set()
        for s, p, _ in data.triples((None, None, None)):  # one pass: a thesaurus has 100k triples
            predicates.add(p)
            if isinstance(s, URIRef):
                self.declared.add(s)
        counts = Counter(namespace_of(str(s)) for s in self.declared)
        self.own = {ns for ns, count in counts.items() if count >= 2 and ns}
        self.closed = {str(v): _closed_terms(v) for v in CLOSED_VOCABULARIES}
        self.classes = set(context.vocabulary.categories) | {
            s for t in _CLASS_TYPES for s in data.subjects(RDF.type, t) if isinstance(s, URIRef)}
        self.properties = set(context.vocabulary.relation_types) | {
            s for t in _PROPERTY_TYPES for s in data.subjects(RDF.type, t) if isinstance(s, URIRef)}
        self.properties |= {p for p in predicates if isinstance(p, URIRef) and p in self.declared}
        self._unknown: dict[Node, bool] = {}

    def is_unknown(self, term: Node) -> bool:
        known = self._unknown.get(term)
        if known is None:
            known = self._unknown[term] = self._is_unknown(term)
        return known

    def _is_unknown(self, term: Node) -> bool:
        if not isinstance(term, URIRef):
            return False
        namespace = namespace_of(str(term))
        if namespace in self.closed:
            return term not in self.closed[namespace]
        return namespace in self.own and term not in self.declared

    def expects_declared(self, predicate: Node, value: URIRef) -> bool:
        """Whether most values of ``predicate`` in ``value``'s namespace are declared (sections, schemes, references).

        ``rdfs:isDefinedBy <…/document.rdf>`` in a thesaurus names outside documents; that is not a typo.
        """
        key = (predicate, namespace_of(str(value)))
        if key not in self._expects:
            values = [o for o in self.data.objects(None, predicate)
                      if isinstance(o, URIRef) and namespace_of(str(o)) == key[1]]
            self._expects[key] = len(values) >= 2 and 2 * sum(o in self.declared for o in values) > len(values)
        return self._expects[key]

    def closed_candidates(self, term: URIRef, *, classes: bool) -> list[URIRef]:
        """Terms of the same closed vocabulary: classes (capitalised) or properties."""
        return [t for t in self.closed.get(namespace_of(str(term)), [])
                if local_name(t)[:1].isupper() == classes]


def unknown_terms(context: CheckContext) -> list[Finding]:
    """Every undeclared property, class and resource, at the statement using it, with the closest declared term."""
    terms = Terms(context)
    relation_types = context.vocabulary.relation_types
    findings: list[Finding] = []
    seen: set[tuple] = set()
    for source in context.ontology.data_files:
        for subject, predicate, value in source.triples:  # each (file, subject, term) once: order does not matter
            if isinstance(predicate, URIRef) and terms.is_unknown(predicate):
                key = (source.display, subject, predicate)
                if key not in seen:
                    seen.add(key)
                    candidates = [*terms.properties, *terms.closed_candidates(predicate, classes=False)]
                    findings.append(_unknown(context, "unknown-property", source, subject, predicate, value,
                                             predicate, candidates, "is not a declared property, so the "
                                             "statement is ignored"))
                continue
            if not isinstance(value, URIRef) or not terms.is_unknown(value) or predicate in relation_types:
                continue  # a relation to an undeclared concept is undeclared-concept's
            key = (source.display, subject, value)
            if key in seen:
                continue
            seen.add(key)
            if predicate in (RDF.type, RDFS.subClassOf):
                candidates = [*terms.classes, *terms.closed_candidates(value, classes=True)]
                findings.append(_unknown(context, "unknown-class", source, subject, predicate, value, value,
                                         candidates, "is not a declared class (category)"))
            elif predicate in (RDFS.subPropertyOf, OWL.inverseOf):
                candidates = [*terms.properties, *terms.closed_candidates(value, classes=False)]
                findings.append(_unknown(context, "unknown-property", source, subject, predicate, value, value,
                                         candidates, "is not a declared property"))
            elif namespace_of(str(value)) in CLOSED_NAMESPACES or terms.expects_declared(predicate, value):
                used_alike = [o for o in context.data.objects(None, predicate)
                              if isinstance(o, URIRef) and o in terms.declared]
                same_namespace = [d for d in terms.declared if namespace_of(str(d)) == namespace_of(str(value))]
                candidates = used_alike if closest(str(value), used_alike, context.data) else same_namespace
                findings.append(_unknown(context, "unknown-resource", source, subject, predicate, value, value,
                                         [*candidates, *terms.closed_candidates(value, classes=False)],
                                         "is declared nowhere"))
    return findings


def _unknown(context: CheckContext, code: str, source: SourceFile, subject: Node, predicate: Node, value: Node,
             term: URIRef, candidates: Iterable[URIRef], what: str) -> Finding:
    named = isinstance(subject, URIRef)
    who = context.name(subject) if named else "a blank node"
    shown = f'"{value}"' + (f"@{value.language}" if value.language else "") if isinstance(value, Literal) else (
        context.name(value))
    statement = f"{who} {context.name(predicate)} {shown}"
    guess = closest(str(term), candidates, context.data)
    hint = f"did you mean {context.name(guess)}?" if guess else _declare(code)
    return context.finding(code, locate_term(source, subject, term), f"{statement}: {context.name(term)} {what}",
                           subject=context.name(subject) if named else None, hint=hint)


def _declare(code: str) -> str:
    return {"unknown-property": "declare the property (e.g. a relation type under skos:related) or fix the name",
            "unknown-class": "declare the class with rdfs:subClassOf skos:Concept, or fix the name"}.get(
        code, "declare it, or fix the name")
