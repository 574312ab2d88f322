"""The pipeline's build (kamgraph/pipeline.py): what build_map writes into the output folder, and what it removes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import ROOT, SMALL
from kamgraph.pipeline import LAYOUT_CACHE, build_map
from kamgraph.views.page_data import OVERVIEW_THRESHOLD

sys.path.insert(0, str(ROOT / "benchmarks"))
from skos_generator import generate


def test_build_removes_focused_maps_of_categories_that_are_gone(tmp_path: Path):
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "Gone.html").write_text("old")
    build_map([SMALL], tmp_path)
    assert sorted(p.name for p in (tmp_path / "maps").iterdir()) == ["Concept.html", "Fruit.html", "Tree.html"]


def test_a_large_vocabulary_builds_with_an_overview(tmp_path: Path):
    source = tmp_path / "syn.ttl"
    source.write_text(generate(OVERVIEW_THRESHOLD + 500), encoding="utf-8")
    result = build_map([source], tmp_path / "out")
    assert result.concepts.graph.number_of_nodes() == OVERVIEW_THRESHOLD + 500
    assert any((tmp_path / "out" / LAYOUT_CACHE).glob("*.json"))
    assert sorted(p.name for p in result.written) == ["index.html"]  # the overview stands in for focused maps


def test_a_build_reads_the_vocabulary_once(monkeypatch, tmp_path: Path):
    import kamgraph.pipeline as pipeline

    reads = []
    real = pipeline.read_vocabulary
    monkeypatch.setattr(pipeline, "read_vocabulary", lambda data: reads.append(data) or real(data))
    monkeypatch.setattr("kamgraph.graph.concepts.read_vocabulary",
                        lambda data: pytest.fail("the concept graph read the vocabulary again"))
    monkeypatch.setattr("kamgraph.checks.read_vocabulary",
                        lambda data: pytest.fail("the checks read the vocabulary again"))
    build_map([SMALL], tmp_path)
    assert len(reads) == 1


def test_everything_a_kam_build_writes_fits_in_2500_kb(tmp_path: Path):
    build_map([ROOT / "ontology"], tmp_path)
    written = sum(path.stat().st_size for path in tmp_path.rglob("*") if path.is_file())
    assert written <= 2_500 * 1024, f"{written / 1024:.0f} kB"
    # one copy of vis-network, in the one page that draws
    pages = sorted(tmp_path.rglob("*.html"))
    assert sum("vis-network" in path.read_text(encoding="utf-8") for path in pages) == 1


def test_a_build_collects_less_often_and_leaves_the_collector_as_it_was(monkeypatch, tmp_path: Path):
    """The collector's threshold is raised while a build runs and restored after it, even when the build fails."""
    import gc

    import kamgraph.pipeline as pipeline
    from kamgraph.errors import LoadError

    seen = []
    real_check = pipeline.check
    monkeypatch.setattr(pipeline, "check", lambda ontology: seen.append(gc.get_threshold()) or real_check(ontology))
    before = gc.get_threshold()
    build_map([SMALL], tmp_path / "out")
    assert gc.get_threshold() == before
    assert seen and seen[0][0] >= pipeline.BUILD_COLLECTION_THRESHOLD and seen[0][1:] == before[1:]
    with pytest.raises(LoadError):  # a file that does not exist: the load fails inside the raised threshold
        build_map([tmp_path / "missing.ttl"], tmp_path / "out2")
    assert gc.get_threshold() == before


def test_a_build_that_releases_the_triples_writes_the_same_map(tmp_path: Path):
    """Releasing the triples once the concept graph is made changes nothing written; reading them after raises."""
    from kamgraph.pipeline import build_site, load_and_check

    kept = build_site(load_and_check([ROOT / "ontology"]), tmp_path / "kept")
    checked = load_and_check([ROOT / "ontology"])
    released = build_site(checked, tmp_path / "released", release_triples=True)
    assert [p.relative_to(tmp_path / "released") for p in released.written] == [
        p.relative_to(tmp_path / "kept") for p in kept.written]
    for page in kept.written:
        assert (tmp_path / "released" / page.relative_to(tmp_path / "kept")).read_bytes() == page.read_bytes()
    assert all(len(source.triples) == 0 for source in checked.ontology.files)
    with pytest.raises(RuntimeError, match="released"):
        checked.ontology.index()
    assert released.report == kept.report
