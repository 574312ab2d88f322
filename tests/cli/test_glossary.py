"""kamgraph glossary: writes glossary.html and glossary.md, refuses a broken ontology."""

from __future__ import annotations

from pathlib import Path

from helpers import SMALL


def test_cli_writes_both_files(run_cli, tmp_path: Path):
    code, out, _ = run_cli("glossary", "--ontology", SMALL, "--out", tmp_path)
    assert code == 0, out
    assert 'id="Apple"' in (tmp_path / "glossary.html").read_text()
    assert "(#Apple)" in (tmp_path / "glossary.md").read_text()


def test_cli_refuses_a_broken_ontology(run_cli, typo_ontology: Path, tmp_path: Path):
    code, _, err = run_cli("glossary", "--ontology", typo_ontology, "--out", tmp_path / "out")
    assert code == 1 and "did you mean ex:Apple?" in err
    assert not (tmp_path / "out").exists()
