"""kamgraph watch (kamgraph/live/watch.py) in a real process with a real watcher.

It picks up a change and recovers from a broken save.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import SMALL
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
    shutil.copy(SMALL, folder / "small.ttl")
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


def test_a_stray_rdf12_tilde_is_a_finding_and_the_last_map_stays(tmp_path: Path):
    """One ``~`` typed after a statement used to take watch and serve down (a TypeError in term conversion)."""
    from helpers import SMALL
    from kamgraph.live.watch import Rebuilder

    source = tmp_path / "small.ttl"
    source.write_bytes(SMALL.read_bytes())
    out = tmp_path / "out"
    rebuilder = Rebuilder([source], out)
    assert rebuilder.run().ok
    before = (out / "index.html").read_bytes()
    source.write_text(SMALL.read_text(encoding="utf-8") + "ex:Apple skos:related ex:Pear ~ .\n", encoding="utf-8")
    outcome = rebuilder.run()
    assert not outcome.ok
    [finding] = outcome.findings
    assert finding.code == "rdf12-unsupported" and "reifier ~" in finding.message and finding.line is not None
    assert (out / "index.html").read_bytes() == before
