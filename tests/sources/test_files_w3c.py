"""The W3C RDF 1.1 and RDF 1.2 Turtle test suites (tests/w3c/), driven by their manifests, through kamgraph's loader.

The run starts at ``rdf12/rdf-turtle/manifest.ttl``, which includes the RDF 1.2
evaluation and syntax manifests and the RDF 1.1 one (``mf:include``), so every
entry of both suites is a case:

* negative syntax tests: one located ``file:line`` error naming the file, and
  exit 1 from the CLI, never a traceback;
* positive tests whose data holds a term only RDF 1.2 has (a triple term, a
  literal with a base direction; read by pyoxigraph on its own, not through
  kamgraph): one located ``rdf12-unsupported`` error at the construct it names
  (kamgraph reads RDF 1.1 data; the README says so);
* other positive syntax tests (RDF 1.2's ``VERSION``, all of RDF 1.1): the file loads;
* other evaluation tests: the file loads into a graph isomorphic to the
  expected N-Triples.

Each manifest assumes its files are retrieved from its ``mf:assumedTestBase``
and resolves relative IRIs against that; kamgraph resolves them against the
file's own ``file:`` URI, so IRIs under the folder's URI in the loaded graph
are rebased onto the test base before comparing.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic

from helpers import W3C
from kamgraph.errors import LoadError
from kamgraph.sources.files import load_ontology

TOP_MANIFEST = W3C / "rdf12" / "rdf-turtle" / "manifest.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RDFT = Namespace("http://www.w3.org/ns/rdftest#")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
ANCHOR = '<http://example.org/anchor> <http://example.org/p> "loaded beside the test file" .\n'
RDF12_TOKENS = ("<<(", "<<", "~", "{|", "@")  # how each named construct is written


@dataclass(frozen=True)
class Case:
    suite: str  # rdf11 or rdf12
    kind: str
    name: str
    action: Path
    result: Path | None
    base: str  # the manifest's mf:assumedTestBase

    @property
    def negative(self) -> bool:
        return self.kind in ("TestTurtleNegativeSyntax", "TestTurtleNegativeEval")

    @property
    def uses_rdf12_terms(self) -> bool:
        """Whether the data holds a triple term or a directional literal, as pyoxigraph alone reads it."""
        if self.negative:
            return False
        for quad in ox.parse(path=str(self.action), format=ox.RdfFormat.TURTLE, base_iri=self.base):
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.Triple) or (isinstance(term, ox.Literal) and term.direction is not None):
                    return True
        return False


def _path(iri) -> Path:
    return Path(str(iri).removeprefix("file://"))


def manifest_cases(manifest_path: Path = TOP_MANIFEST) -> list[Case]:
    """Every entry of the manifest's mf:entries list, in order, then those of the manifests it includes."""
    manifest = Graph().parse(manifest_path, format="turtle")
    root = manifest.value(predicate=RDF.type, object=MF.Manifest)
    suite = manifest_path.relative_to(W3C).parts[0]
    base = str(manifest.value(root, MF.assumedTestBase))
    cases = []
    entries = manifest.value(root, MF.entries)
    for entry in Collection(manifest, entries) if entries is not None else ():
        result = manifest.value(entry, MF.result)
        cases.append(Case(suite=suite, kind=str(manifest.value(entry, RDF.type)).removeprefix(str(RDFT)),
                          name=str(entry).rsplit("#", 1)[1], action=_path(manifest.value(entry, MF.action)),
                          result=_path(result) if result is not None else None, base=base))
    includes = manifest.value(root, MF.include)
    for included in Collection(manifest, includes) if includes is not None else ():
        cases.extend(manifest_cases(_path(included)))
    return cases


CASES = manifest_cases()


def cases_where(select) -> list:
    return [pytest.param(case, id=f"{case.suite}-{case.name}",
                         marks=pytest.mark.corpus(f"w3c-turtle {case.suite} {case.kind}"))
            for case in CASES if select(case)]


@pytest.fixture(scope="module")
def anchor(tmp_path_factory) -> Path:
    """A good file loaded beside each test file, so that a test file without triples is not an empty ontology."""
    path = tmp_path_factory.mktemp("anchor") / "anchor.ttl"
    path.write_text(ANCHOR, encoding="utf-8")
    return path


def test_the_manifests_list_every_kind_the_readme_announces():
    kinds = Counter((case.suite, case.kind) for case in CASES)
    assert kinds == {("rdf11", "TestTurtleEval"): 145, ("rdf11", "TestTurtlePositiveSyntax"): 74,
                     ("rdf11", "TestTurtleNegativeSyntax"): 94, ("rdf12", "TestTurtleEval"): 29,
                     ("rdf12", "TestTurtlePositiveSyntax"): 41, ("rdf12", "TestTurtleNegativeSyntax"): 33}
    assert len(CASES) == 416
    assert all(case.action.is_file() for case in CASES)
    assert all(case.result.is_file() for case in CASES if case.result)
    assert sum(case.uses_rdf12_terms for case in CASES) == 62  # README: the positive RDF 1.2 cases refused
    assert not any(case.uses_rdf12_terms for case in CASES if case.suite == "rdf11")


@pytest.mark.parametrize("case", cases_where(lambda case: case.negative))
def test_negative_test_gives_one_located_error(case: Case, run_cli):
    with pytest.raises(LoadError) as caught:
        load_ontology(case.action)
    [finding] = caught.value.findings
    # pyoxigraph 0.5 accepts turtle12-bad-ann-2 (a triple inside an annotation): refused as RDF 1.2 all the same
    refusals = ("syntax-error", "not-utf8", "bad-language-tag")
    refusals += ("rdf12-unsupported",) if case.suite == "rdf12" else ()
    assert finding.code in refusals, finding.format()
    assert Path(finding.file).name == case.action.name
    assert isinstance(finding.line, int) and finding.line >= 1, finding.format()
    assert "\n" not in finding.format()
    code, _, err = run_cli("validate", "--ontology", case.action)
    assert code == 1
    assert err.splitlines()[0].startswith(f"{finding.file}:{finding.line}:")  # findings: standard error
    assert "Traceback" not in err


@pytest.mark.parametrize("case", cases_where(lambda case: case.uses_rdf12_terms))
def test_rdf12_data_is_refused_at_the_construct_it_names(case: Case, anchor: Path):
    with pytest.raises(LoadError) as caught:
        load_ontology([anchor, case.action])
    [finding] = caught.value.findings
    assert finding.code == "rdf12-unsupported", finding.format()
    assert Path(finding.file).name == case.action.name
    assert finding.line is not None and finding.column is not None, finding.format()
    line = case.action.read_text(encoding="utf-8").splitlines()[finding.line - 1]
    written = line[finding.column - 1:]
    token = next(token for token in RDF12_TOKENS if written.startswith(token))
    assert "RDF 1.2" in finding.message
    assert (token in finding.message) if token != "@" else ("base direction" in finding.message), finding.format()


@pytest.mark.parametrize("case", cases_where(lambda case: case.kind == "TestTurtlePositiveSyntax"
                                             and not case.uses_rdf12_terms))
def test_positive_syntax_test_loads(case: Case, anchor: Path):
    ontology = load_ontology([anchor, case.action])
    assert [Path(f.display).name for f in ontology.files] == ["anchor.ttl", case.action.name]


def _rdf11_term(term, folder_uri: str, base: str):
    """RDF 1.1 makes "x" and "x"^^xsd:string one literal and language tags case-insensitive; rdflib does not."""
    if isinstance(term, Literal):
        if term.language:
            return Literal(str(term), lang=term.language.lower())
        return Literal(str(term)) if term.datatype == XSD_STRING else term
    if isinstance(term, URIRef) and str(term).startswith(folder_uri):
        return URIRef(base + str(term).removeprefix(folder_uri))
    return term


def _rdf11_graph(graph: Graph, folder_uri: str = "file:never-a-prefix", base: str = "") -> Graph:
    unified = Graph()
    for triple in graph:
        unified.add(tuple(_rdf11_term(term, folder_uri, base) for term in triple))
    return unified


@pytest.mark.parametrize("case", cases_where(lambda case: case.kind == "TestTurtleEval"
                                             and not case.uses_rdf12_terms))
def test_evaluation_test_gives_the_expected_triples(case: Case, anchor: Path):
    ontology = load_ontology([anchor, case.action])
    source = next(f for f in ontology.files if f.path.name == case.action.name)
    loaded = _rdf11_graph(ontology.dataset.graph(source.graph_id), case.action.parent.resolve().as_uri() + "/",
                          case.base)
    expected = _rdf11_graph(Graph().parse(case.result, format="nt"))
    assert isomorphic(loaded, expected), case.name


def test_the_real_cli_reports_every_refused_file_in_one_run(tmp_path: Path):
    """One real process given every negative and every RDF 1.2 file: one located line per file, exit 1."""
    refused = [case.action for case in CASES if case.negative or case.uses_rdf12_terms]
    command = [sys.executable, "-m", "kamgraph", "validate"]
    for path in refused:
        command += ["--ontology", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr
    lines = [line for line in done.stderr.splitlines() if " error [" in line]  # findings: standard error
    assert len(lines) == len(refused)
    for path in refused:
        assert sum(1 for line in lines if line.startswith(f"{path}:")) == 1, path.name
    assert all(line.split(":")[1].isdigit() for line in lines)
