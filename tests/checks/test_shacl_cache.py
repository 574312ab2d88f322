"""Validation results are cached by content: a cached run gives exactly the findings of a fresh one."""

from __future__ import annotations

import pytest

from helpers import BAD, ONTOLOGY
from kamgraph.checks import shacl
from kamgraph.pipeline import load_and_check

# The KAM ontology alone has no shape findings (every concept explained), so each case adds a bad file.
CASES = [*([ONTOLOGY, path] for path in sorted(BAD.glob("*.ttl"))
                       if path.name in {"missing-label-en.ttl", "duplicate-label-language.ttl",
                                        "conflicting-labels.ttl", "missing-definition.ttl"})]


def findings(paths, monkeypatch, cache):
    monkeypatch.setenv("KAMGRAPH_CACHE_DIR", str(cache))
    return [f.format() for f in load_and_check(paths).report.findings]


@pytest.mark.parametrize("paths", CASES, ids=lambda p: p[-1].name)
def test_cached_findings_are_the_fresh_ones(paths, monkeypatch, tmp_path):
    uncached = findings(paths, monkeypatch, "")
    first = findings(paths, monkeypatch, tmp_path)  # validates, writes the cache
    assert len(list((tmp_path / "shacl").glob("*.json"))) == 1

    def no_pyshacl(_context):
        raise AssertionError("validated again although the content was unchanged")

    monkeypatch.setattr(shacl, "run_shapes", no_pyshacl)
    assert findings(paths, monkeypatch, tmp_path) == first == uncached
    if len(paths) > 1:  # the real ontology alone is clean; each bad file brings shape findings to compare
        assert uncached, "the case has shape findings to compare"


def test_changed_content_is_validated_again(monkeypatch, tmp_path):
    first = findings([ONTOLOGY], monkeypatch, tmp_path)
    with_bad = findings([ONTOLOGY, BAD / "missing-label-en.ttl"], monkeypatch, tmp_path)
    assert len(list((tmp_path / "shacl").glob("*.json"))) == 2
    assert set(with_bad) > set(first)


def test_a_cache_that_cannot_be_written_only_costs_time(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert findings([ONTOLOGY], monkeypatch, blocker) == findings([ONTOLOGY], monkeypatch, "")


def test_a_cached_run_does_not_validate_again(monkeypatch, tmp_path):
    first = findings([ONTOLOGY, BAD / "missing-label-en.ttl"], monkeypatch, tmp_path)

    def no_validation(*_args):
        raise AssertionError("validated again although the content was unchanged")

    monkeypatch.setattr(shacl, "native_rows", no_validation)
    monkeypatch.setattr(shacl, "pyshacl_rows", no_validation)
    assert findings([ONTOLOGY, BAD / "missing-label-en.ttl"], monkeypatch, tmp_path) == first
