"""kamgraph watch in a real process with a real watcher: it picks up a change and recovers from a broken save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from processes import Process

NEW_CONCEPT = """@prefix ex:   <http://example.org/small/> .
@prefix exo:  <http://example.org/small-vocab#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:Cherry a exo:Fruit ;
    skos:prefLabel "Kers"@nl , "{label}"@en ;
    skos:related ex:Apple .
"""


@pytest.fixture
def ontology(tmp_path: Path) -> Path:
    folder = tmp_path / "ontology"
    folder.mkdir()
    shutil.copy(FIXTURES / "small.ttl", folder / "small.ttl")
    return folder


def test_watch_rebuilds_on_change_and_keeps_the_last_good_map(ontology: Path, tmp_path: Path):
    out = tmp_path / "out"
    process = Process("watch", "--ontology", str(ontology), "--out", str(out))
    try:
        process.wait_for("watching for changes")
        assert "Cherry" not in (out / "index.html").read_text()

        added = ontology / "fruit.ttl"
        added.write_text(NEW_CONCEPT.format(label="Cherry"))
        process.wait_for("rebuilt")
        good = (out / "index.html").read_text()
        assert "Cherry" in good

        added.write_text(NEW_CONCEPT.format(label="Cherry").replace(' ;\n    skos:related', '\n    skos:related'))
        failed = process.wait_for("build failed")
        assert any("fruit.ttl:7:" in line and "[syntax-error]" in line for line in failed), failed
        assert (out / "index.html").read_text() == good, "a broken save must leave the last good map"

        added.write_text(NEW_CONCEPT.format(label="Sour cherry"))
        process.wait_for("rebuilt")
        assert "Sour cherry" in (out / "index.html").read_text()
    finally:
        code = process.stop()
    assert code == 130
    assert not any("Traceback" in line for line in process.seen)


def test_known_warnings_are_not_repeated_but_errors_are(capsys, tmp_path):
    from kamgraph.cli.watch import RebuildPrinter
    from kamgraph.findings import Finding, Severity
    from kamgraph.live.watch import Rebuild

    warning = Finding("a.ttl", 3, 1, Severity.WARNING, "missing-definition", "kam:X has no definition")
    error = Finding("a.ttl", 7, 1, Severity.ERROR, "syntax-error", "a dot is expected")
    printer = RebuildPrinter(tmp_path)
    printer(Rebuild(False, [warning, error]))
    printer(Rebuild(False, [warning, error]))
    lines = capsys.readouterr().out.splitlines()
    assert sum("[missing-definition]" in line for line in lines) == 1
    assert sum("[syntax-error]" in line for line in lines) == 2
    assert "(1 warning(s) already shown before are not repeated)" in lines
