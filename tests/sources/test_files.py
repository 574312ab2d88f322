"""Loading: strict parsing, one named graph per file, located errors for unreadable input."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import deny_reading, write
from kamgraph.errors import LoadError
from kamgraph.sources.files import load_ontology

GOOD = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
ex:a a skos:Concept ; skos:prefLabel "A"@en .
"""


def only_finding(error: LoadError):
    assert len(error.findings) == 1, [f.format() for f in error.findings]
    return error.findings[0]


def test_each_file_is_its_own_named_graph(tmp_path: Path):
    write(tmp_path / "a.ttl", GOOD)
    write(tmp_path / "sub" / "b.ttl", GOOD.replace("ex:a", "ex:b"))
    ontology = load_ontology(tmp_path)
    assert [Path(f.display).name for f in ontology.files] == ["a.ttl", "b.ttl"]
    sizes = [len(ontology.dataset.graph(f.graph_id)) for f in ontology.files]
    assert sizes == [2, 2]
    assert len(ontology.union()) == 4
    assert ontology.prefixes()["ex"] == "http://example.org/"


def test_rdflib_leniency_is_not_inherited(tmp_path: Path):
    # rdflib's own Turtle parser accepts a literal as subject; the strict parser must not.
    bad = write(tmp_path / "bad.ttl", '@prefix ex: <http://example.org/> .\n"x" ex:p ex:o .\n')
    with pytest.raises(LoadError) as caught:
        load_ontology(bad)
    finding = only_finding(caught.value)
    assert (finding.code, finding.line) == ("syntax-error", 2)
    assert finding.file.endswith("bad.ttl")


def test_all_broken_files_are_reported_together(tmp_path: Path):
    write(tmp_path / "one.ttl", "@prefix ex: <http://example.org/> .\nex:a ex:b\n")
    write(tmp_path / "two.ttl", b"@prefix ex: <http://example.org/> .\nex:a ex:b \"caf\xe9\" .\n")
    write(tmp_path / "three.ttl", GOOD)
    with pytest.raises(LoadError) as caught:
        load_ontology(tmp_path)
    codes = sorted((Path(f.file).name, f.code) for f in caught.value.findings)
    assert codes == [("one.ttl", "syntax-error"), ("two.ttl", "not-utf8")]
    not_utf8 = next(f for f in caught.value.findings if f.code == "not-utf8")
    assert (not_utf8.line, not_utf8.column) == (2, 15)


def test_missing_path_is_an_error(tmp_path: Path):
    with pytest.raises(LoadError) as caught:
        load_ontology(tmp_path / "nowhere.ttl")
    assert only_finding(caught.value).code == "file-not-found"


def test_folder_without_turtle_is_an_error(tmp_path: Path):
    with pytest.raises(LoadError) as caught:
        load_ontology(tmp_path)
    assert only_finding(caught.value).code == "no-turtle-files"


def test_empty_ontology_is_an_error(tmp_path: Path):
    write(tmp_path / "empty.ttl", "# nothing here yet\n")
    with pytest.raises(LoadError) as caught:
        load_ontology(tmp_path)
    assert only_finding(caught.value).code == "empty-ontology"


def test_empty_file_beside_good_ones_is_a_warning(tmp_path: Path):
    write(tmp_path / "good.ttl", GOOD)
    write(tmp_path / "empty.ttl", b"")
    ontology = load_ontology(tmp_path)
    assert [w.code for w in ontology.warnings] == ["empty-file"]


def test_byte_order_mark_is_accepted(tmp_path: Path):
    path = write(tmp_path / "bom.ttl", b"\xef\xbb\xbf" + GOOD.encode())
    assert len(load_ontology(path).union()) == 2


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch):
    path = write(tmp_path / "secret.ttl", GOOD)
    deny_reading(monkeypatch, path)
    with pytest.raises(LoadError) as caught:
        load_ontology(path)
    finding = only_finding(caught.value)
    assert finding.code == "unreadable-file" and "permission" in finding.message


def test_shapes_files_are_kept_apart(tmp_path: Path):
    write(tmp_path / "data.ttl", GOOD)
    write(tmp_path / "shapes.ttl", """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://example.org/S> a sh:NodeShape ; sh:targetClass skos:Concept .
""")
    ontology = load_ontology(tmp_path)
    assert [Path(f.display).name for f in ontology.data_files] == ["data.ttl"]
    assert len(ontology.shapes) == 2
    assert len(ontology.union()) == 2
