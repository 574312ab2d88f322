"""The W3C RDF 1.1 Turtle test suite (tests/w3c/rdf-turtle/), driven by its manifest, through kamgraph's loader.

* negative syntax and negative evaluation tests: one located ``file:line`` error
  naming the file, and exit 1 from the CLI, never a traceback;
* positive syntax tests: the file loads;
* evaluation tests: the file loads into a graph isomorphic to the expected
  N-Triples.

The suite assumes each file is retrieved from ``http://www.w3.org/2013/TurtleTests/``
and resolves relative IRIs against that; kamgraph resolves them against the
file's own ``file:`` URI, so IRIs under the folder's URI in the loaded graph
are rebased onto the suite's home before comparing.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from helpers import W3C
from kamgraph.errors import LoadError
from kamgraph.sources.files import load_ontology

SUITE = W3C / "rdf-turtle"
SUITE_BASE = "http://www.w3.org/2013/TurtleTests/"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RDFT = Namespace("http://www.w3.org/ns/rdftest#")
NEGATIVE = {RDFT.TestTurtleNegativeSyntax, RDFT.TestTurtleNegativeEval}
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
ANCHOR = '<http://example.org/anchor> <http://example.org/p> "loaded beside the test file" .\n'


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    action: Path
    result: Path | None

    @property
    def negative(self) -> bool:
        return RDFT[self.kind] in NEGATIVE


def _file(iri) -> Path:
    return SUITE / str(iri).removeprefix(SUITE_BASE)


def manifest_cases() -> list[Case]:
    """Every entry of the manifest's mf:entries list, in order."""
    manifest = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE_BASE + "manifest.ttl")
    root = manifest.value(predicate=RDF.type, object=MF.Manifest)
    cases = []
    for entry in Collection(manifest, manifest.value(root, MF.entries)):
        kind = manifest.value(entry, RDF.type)
        result = manifest.value(entry, MF.result)
        cases.append(Case(kind=str(kind).removeprefix(str(RDFT)), name=str(entry).rsplit("#", 1)[1],
                          action=_file(manifest.value(entry, MF.action)),
                          result=_file(result) if result is not None else None))
    return cases


CASES = manifest_cases()


def cases_of(*kinds: str) -> list:
    return [pytest.param(case, id=case.name, marks=pytest.mark.corpus(f"w3c-turtle {case.kind}"))
            for case in CASES if case.kind in kinds]


@pytest.fixture(scope="module")
def anchor(tmp_path_factory) -> Path:
    """A good file loaded beside each test file, so that a test file without triples is not an empty ontology."""
    path = tmp_path_factory.mktemp("anchor") / "anchor.ttl"
    path.write_text(ANCHOR, encoding="utf-8")
    return path


def test_the_manifest_lists_every_kind_the_readme_announces():
    kinds = {}
    for case in CASES:
        kinds[case.kind] = kinds.get(case.kind, 0) + 1
    assert kinds == {"TestTurtleEval": 132, "TestTurtlePositiveSyntax": 77, "TestTurtleNegativeSyntax": 78,
                     "TestTurtleNegativeEval": 4}
    assert all(case.action.is_file() for case in CASES)
    assert all(case.result.is_file() for case in CASES if case.result)


@pytest.mark.parametrize("case", cases_of("TestTurtleNegativeSyntax", "TestTurtleNegativeEval"))
def test_negative_test_gives_one_located_error(case: Case, run_cli):
    with pytest.raises(LoadError) as caught:
        load_ontology(case.action)
    [finding] = caught.value.findings
    assert finding.code in ("syntax-error", "not-utf8", "bad-language-tag"), finding.format()
    assert Path(finding.file).name == case.action.name
    assert isinstance(finding.line, int) and finding.line >= 1, finding.format()
    assert "\n" not in finding.format()
    code, out, err = run_cli("validate", "--ontology", case.action)
    assert code == 1
    assert out.splitlines()[0].startswith(f"{finding.file}:{finding.line}:")
    assert "Traceback" not in out + err


@pytest.mark.parametrize("case", cases_of("TestTurtlePositiveSyntax"))
def test_positive_syntax_test_loads(case: Case, anchor: Path):
    ontology = load_ontology([anchor, case.action])
    assert [Path(f.display).name for f in ontology.files] == ["anchor.ttl", case.action.name]


def _rdf11_term(term, folder_uri: str):
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal and language tags case-insensitive; rdflib does not."""
    if isinstance(term, Literal):
        if term.language:
            return Literal(str(term), lang=term.language.lower())
        return Literal(str(term)) if term.datatype == XSD_STRING else term
    if isinstance(term, URIRef) and str(term).startswith(folder_uri):
        return URIRef(SUITE_BASE + str(term).removeprefix(folder_uri))
    return term


def _rdf11_graph(graph: Graph, folder_uri: str = "file:never-a-prefix") -> Graph:
    unified = Graph()
    for triple in graph:
        unified.add(tuple(_rdf11_term(term, folder_uri) for term in triple))
    return unified


@pytest.mark.parametrize("case", cases_of("TestTurtleEval"))
def test_evaluation_test_gives_the_expected_triples(case: Case, anchor: Path):
    ontology = load_ontology([anchor, case.action])
    source = next(f for f in ontology.files if f.path.name == case.action.name)
    loaded = _rdf11_graph(ontology.dataset.graph(source.graph_id), SUITE.resolve().as_uri() + "/")
    expected = _rdf11_graph(Graph().parse(case.result, format="nt"))
    assert isomorphic(loaded, expected), case.name


def test_the_real_cli_reports_every_negative_test_in_one_run(tmp_path: Path):
    """One real process given all negative files: one located line per file, exit 1, no traceback."""
    negatives = [case.action for case in CASES if case.negative]
    command = [sys.executable, "-m", "kamgraph", "validate"]
    for path in negatives:
        command += ["--ontology", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr
    lines = [line for line in done.stdout.splitlines() if " error [" in line]
    assert len(lines) == len(negatives)
    for path in negatives:
        assert sum(1 for line in lines if line.startswith(f"{path}:")) == 1, path.name
    assert all(line.split(":")[1].isdigit() for line in lines)

