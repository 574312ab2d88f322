"""The Python SHACL Core evaluator gives exactly pySHACL's results, and hands over to pySHACL what it does not do.

Every comparison is of whole result rows (focus, value, path, severity, message, code of the source
shape, hint), as multisets: on the KAM ontology, on it with every tests/bad file, on seeded mutants of
its files, on generated data against its shapes, and on generated shapes using each supported component.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from helpers import BAD, ONTOLOGY
from kamgraph.checks import shacl
from kamgraph.checks.context import CheckContext
from kamgraph.checks.shacl_core import Unsupported
from kamgraph.checks.shapes import ShapesRefused, usable_shapes
from kamgraph.errors import LoadError
from kamgraph.namespaces import RDF, SKOS
from kamgraph.pipeline import load, load_and_check
from kamgraph.sources.ontology import Ontology
from kamgraph.sources.triples import TripleIndex
from kamgraph.vocabulary import read_vocabulary
from mutations import mutate

# The shapes of these files are left to pySHACL: a count written as a word, a shape without a message.
NEEDS_PYSHACL = {"invalid-shape.ttl", "shapes-with-data.ttl"}


def both_ways(ontology: Ontology) -> tuple[Counter | str, Counter | str]:
    """(Python evaluator's rows, pySHACL's rows) for an ontology, or the name of what each raised."""
    context = CheckContext(ontology, read_vocabulary(ontology.index()))
    shapes = usable_shapes(ontology)
    typed = dict.fromkeys(context.vocabulary.concept_categories, SKOS.Concept)
    target = ontology.union()
    for concept in typed:
        target.add((concept, RDF.type, SKOS.Concept))
    try:
        theirs: Counter | str = Counter(shacl.pyshacl_rows(shapes, target))
    except ShapesRefused:
        theirs = "refused"
    try:
        ours: Counter | str = Counter(shacl.native_rows(shapes, context.data, typed))
    except Unsupported:
        ours = "unsupported"
    return ours, theirs


@pytest.mark.parametrize("bad", [None, *sorted(BAD.glob("*.ttl"))], ids=lambda p: p.name if p else "kam")
def test_the_evaluator_gives_pyshacls_results(bad: Path | None):
    try:
        ontology = load([ONTOLOGY, *([bad] if bad else [])])
    except LoadError:
        return  # nothing to validate: the file cannot be read
    ours, theirs = both_ways(ontology)
    if bad is not None and bad.name in NEEDS_PYSHACL:
        assert ours == "unsupported"
    else:
        assert ours == theirs
        if bad is not None and bad.stem in {row.code for row in ours}:
            assert ours, "the bad file's own finding comes from the shapes"


@pytest.mark.parametrize("seed", range(24))
def test_mutated_ontologies_give_pyshacls_results(seed: int, tmp_path: Path):
    files = sorted(ONTOLOGY.glob("*.ttl"))
    mutant = mutate(files, seed)
    for path in files:
        (tmp_path / path.name).write_bytes(mutant.data if path == mutant.file else path.read_bytes())
    try:
        ontology = load([tmp_path])
    except LoadError:
        return
    ours, theirs = both_ways(ontology)
    if ours != "unsupported":
        assert ours == theirs, f"seed {seed}: {mutant.file.name} after {'; '.join(mutant.edits)}"


# --- generated data against the KAM shapes ---------------------------------------------------------------------

_KAM_SHAPES = (ONTOLOGY / "shapes.ttl").read_text(encoding="utf-8")
_LITERALS = ['"Prijs"@nl', '"Price"@en', '"prijs"@NL', '"Price"@en-GB', '"Preis"@de', '"Prijs"', '""@nl', '" "@en',
             '"source"', '"beyond-source"', '"sourse"', '"1"^^xsd:integer', '"x"^^xsd:integer', "kam:Other",
             "kam:Section_S1", "_:b1"]
_PREDICATES = ["skos:prefLabel", "skos:altLabel", "skos:definition", "kamo:explanation", "dcterms:source",
               "kamo:origin", "skos:inScheme", "skos:related", "skos:broader", "dcterms:title", "owl:versionInfo",
               "dcterms:license"]
_PREFIXES = """@prefix kam: <https://w3id.org/kamgraph/kam/> . @prefix kamo: <https://w3id.org/kamgraph/kamo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix dcterms: <http://purl.org/dc/terms/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""


def _index(turtle: str) -> TripleIndex:
    return TripleIndex.from_oxigraph(ox.parse(_PREFIXES + turtle, format=ox.RdfFormat.TURTLE))


def _compare(shapes_text: str, data_text: str) -> bool:
    """Whether the evaluator did the shapes (True) or handed them over (False); asserts the same rows when it did."""
    shapes = _index(shapes_text).to_graph()
    data = _index(data_text)
    try:
        ours = Counter(shacl.native_rows(shapes, data, {}))
    except Unsupported:
        return False
    try:
        theirs = Counter(shacl.pyshacl_rows(Graph() + shapes, data.to_graph()))
    except ShapesRefused:
        raise AssertionError("pySHACL refused shapes the evaluator accepted") from None
    assert ours == theirs
    return True


_statement = st.tuples(st.sampled_from(["kam:A", "kam:B"]), st.sampled_from(_PREDICATES), st.sampled_from(_LITERALS))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(types=st.lists(st.sampled_from(["skos:Concept", "owl:Ontology", "kamo:Actor"]), max_size=3),
       statements=st.lists(_statement, max_size=14))
def test_generated_data_against_the_kam_shapes(types, statements):
    data = "".join(f"kam:{s} a {t} .\n" for s, t in zip("AB", types, strict=False))
    data += "kamo:Actor rdfs:subClassOf skos:Concept .\n"
    data += "".join(f"{s} {p} {o} .\n" for s, p, o in statements)
    assert _compare(_KAM_SHAPES, data)


# --- generated shapes, one component or a few at a time ---------------------------------------------------------

_VALUES = ["ex:a", "ex:b", "ex:c", "_:x", '"a"@nl', '"A"@en-GB', '"b"@nl', '"b"', '"ab"', '""', '"12"^^xsd:integer',
           '"x"^^xsd:integer', '"2020-01-01"^^xsd:date', '"true"^^xsd:boolean']
_CONSTRAINTS = [
    "sh:minCount 1", "sh:minCount 0", "sh:minCount 2", "sh:maxCount 0", "sh:maxCount 1",
    "sh:datatype xsd:string", "sh:datatype rdf:langString", "sh:datatype xsd:integer", "sh:datatype rdfs:Literal",
    "sh:datatype xsd:date", "sh:datatype xsd:boolean", "sh:nodeKind sh:IRI", "sh:nodeKind sh:Literal",
    "sh:nodeKind sh:BlankNodeOrIRI", "sh:nodeKind sh:BlankNode", "sh:nodeKind sh:IRIOrLiteral", "sh:class ex:C",
    "sh:minLength 1", "sh:minLength 2", "sh:maxLength 1", 'sh:pattern "^a"', 'sh:pattern "b"; sh:flags "i"',
    'sh:pattern "A"', 'sh:languageIn ( "nl" )', 'sh:languageIn ( "en" "nl" )', 'sh:languageIn ( "*" )',
    "sh:uniqueLang true", "sh:uniqueLang false", 'sh:in ( ex:a "b" "12"^^xsd:integer )', "sh:hasValue ex:a",
    'sh:hasValue "b"', "sh:disjoint ex:q", "sh:qualifiedValueShape [ sh:nodeKind sh:IRI ] ; sh:qualifiedMinCount 1",
    "sh:qualifiedValueShape [ sh:datatype xsd:string ] ; sh:qualifiedMaxCount 1",
    "sh:or ( [ sh:nodeKind sh:IRI ] [ sh:datatype rdf:langString ] )",
    "sh:or ( [ sh:class ex:C ] [ sh:severity sh:Warning ; sh:nodeKind sh:Literal ] )",
    "sh:or ( [ sh:path ex:q ; sh:minCount 1 ] [ sh:path ex:p ; sh:maxCount 1 ] )",
    'sh:or ( [ sh:property [ sh:path ex:q ; sh:severity sh:Warning ; sh:minCount 1 ; sh:message "w" ] ] )',
    "sh:or ( [ sh:severity sh:Warning ; sh:property [ sh:path ex:q ; sh:minCount 1 ] ] [ sh:nodeKind sh:BlankNode ] )",
    "sh:or ( [ sh:deactivated true ; sh:nodeKind sh:BlankNode ] [ sh:nodeKind sh:BlankNode ] )",
    "sh:and ( [ sh:nodeKind sh:Literal ] [ sh:minLength 2 ] )", "sh:not [ sh:datatype rdf:langString ]",
    "sh:xone ( [ sh:nodeKind sh:IRIOrLiteral ] [ sh:datatype xsd:string ] )",
    'sh:node [ sh:nodeKind sh:IRI ; sh:message "n" ; sh:name "n" ]',
    'sh:node [ sh:property [ sh:path ex:q ; sh:minCount 1 ; sh:message "nq" ; sh:name "nq" ] ]',
    'sh:node [ sh:severity sh:Warning ; sh:class ex:C ; sh:message "nw" ]',
]
_TARGETS = ["sh:targetClass ex:C", "sh:targetNode ex:a", "sh:targetNode ex:z", "sh:targetSubjectsOf ex:p",
            "sh:targetObjectsOf ex:p", "sh:targetClass ex:D"]
_SEVERITIES = ["", "sh:severity sh:Warning ;", "sh:severity sh:Info ;"]


def _parameter(constraint: str) -> str:
    return constraint.split()[0]


_node_constraints = st.sampled_from([c for c in _CONSTRAINTS if "Count" not in c and "uniqueLang" not in c])


@st.composite
def shapes_and_data(draw) -> tuple[str, str]:
    shapes = []
    for i in range(draw(st.integers(1, 3))):
        targets = " ; ".join(draw(st.lists(st.sampled_from(_TARGETS), min_size=1, max_size=2, unique=True)))
        properties = []
        for j in range(draw(st.integers(0, 2))):
            picked = draw(st.lists(st.sampled_from(_CONSTRAINTS), min_size=1, max_size=3, unique_by=_parameter))
            constraints = " ; ".join(picked)
            path = draw(st.sampled_from(["ex:p", "ex:q", "rdf:type"]))
            properties.append(f'[ sh:path {path} ; sh:name "p{i}{j}" ; sh:message "pm{i}{j}" ; '
                              f"{draw(st.sampled_from(_SEVERITIES))} {constraints} ]")
        own = " ; ".join(draw(st.lists(_node_constraints, max_size=2, unique_by=_parameter)))
        shapes.append(f'ex:S{i} a sh:NodeShape ; sh:name "s{i}" ; sh:message "m{i}"@en ; {targets} ; '
                      f"{draw(st.sampled_from(_SEVERITIES))} {own + ' ;' if own else ''} "
                      + "".join(f"sh:property {p} ; " for p in properties) + 'sh:description "d" .')
    data = ["ex:D rdfs:subClassOf ex:C ."] if draw(st.booleans()) else []
    for subject in ("ex:a", "ex:b", "ex:c"):
        data += [f"{subject} a {c} ." for c in draw(st.lists(st.sampled_from(["ex:C", "ex:D"]), max_size=2))]
        data += [f"{subject} {p} {draw(st.sampled_from(_VALUES))} ."
                 for p in draw(st.lists(st.sampled_from(["ex:p", "ex:q"]), max_size=8))]
    return "\n".join(shapes), "\n".join(data)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=shapes_and_data())
def test_generated_shapes_give_pyshacls_results(case):
    shapes, data = case
    assert _compare(shapes, data), "every generated shape is one the evaluator does"


# Every value kind under one property, one subject with none, one with a few (and one value also on ex:q).
_EVERY_VALUE = "\n".join([*(f"ex:a ex:p {v} ." for v in _VALUES), "ex:a a ex:C . ex:b a ex:D . ex:c a ex:C .",
                           "ex:D rdfs:subClassOf ex:C . ex:b ex:p ex:a , \"b\"@nl , \"a\"@nl . ex:a ex:q \"b\" .",
                           "ex:c ex:p _:x . ex:b ex:q ex:a ."])


@pytest.mark.parametrize("constraint", _CONSTRAINTS)
@pytest.mark.parametrize("severity", ["", "sh:severity sh:Warning ;"])
def test_each_component_on_every_kind_of_value(constraint: str, severity: str):
    on_property = (f'ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:name "c" ; '
                   f'sh:message "m" ; {severity} {constraint} ] .')
    assert _compare(on_property, _EVERY_VALUE)
    if "Count" not in constraint and "uniqueLang" not in constraint:  # the components a node shape may have
        on_values = f'ex:S a sh:NodeShape ; sh:targetObjectsOf ex:p ; sh:message "m" ; {severity} {constraint} .'
        assert _compare(on_values, _EVERY_VALUE)


@pytest.mark.parametrize("shape", [
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ; sh:message \"m\" .",
    # the sh:node shape has no message of its own, and its results are reported too:
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:node [ sh:nodeKind sh:IRI ] ; sh:message \"m\" .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ; "
    "sh:message \"m\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property [ sh:path ex:p ; sh:minCount 1 ] .",  # no message
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message \"m\"@en , \"n\"@nl ; sh:nodeKind sh:IRI .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:sparql [ sh:select \"SELECT $this WHERE {}\" ] .",
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:property ex:S .",
    # pySHACL refuses a validation path this deep ("Validation path too deep!"):
    "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:message \"m\" ; " + "sh:not [ " * 20 + "sh:nodeKind sh:IRI"
    + " ]" * 20 + " .",
])
def test_what_the_evaluator_does_not_do_is_handed_over(shape):
    assert not _compare(shape, "ex:a a ex:C ; ex:p ex:b .")


def test_an_unsupported_shape_is_validated_by_pyshacl_with_the_same_findings(tmp_path: Path, monkeypatch):
    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    (folder / "extra-shapes.ttl").write_text(_PREFIXES + (
        'ex:NoteEqualsLabel a sh:NodeShape ; sh:targetClass skos:Concept ; sh:property [ sh:path skos:note ; '
        'sh:name "note-not-label" ; sh:message "has a note that is not its label" ; '
        'sh:equals skos:prefLabel ] .\n'), encoding="utf-8")
    calls = []
    real = shacl.pyshacl_rows

    def counted(*args):
        calls.append(args)
        return real(*args)

    monkeypatch.setenv("KAMGRAPH_CACHE_DIR", "")
    monkeypatch.setattr(shacl, "pyshacl_rows", counted)
    findings = [f for f in load_and_check([folder]).report.findings if f.code == "note-not-label"]
    assert len(calls) == 1 and findings, "sh:equals is pySHACL's to evaluate, and it finds concepts without notes"


def test_a_kam_build_does_not_import_pyshacl(tmp_path: Path):
    code = ("import sys\nfrom pathlib import Path\nfrom kamgraph.pipeline import build_map\n"
            f"build_map([Path({str(ONTOLOGY)!r})], Path({str(tmp_path / 'out')!r}))\n"
            "print('pyshacl' in sys.modules, 'rdflib.plugins.sparql' in sys.modules)")
    env = {"KAMGRAPH_CACHE_DIR": "", "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert run.stdout.split()[-2:] == ["False", "False"]
