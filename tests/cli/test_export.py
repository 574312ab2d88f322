"""kamgraph export: to standard output or (atomically) to a file; refuses a broken ontology."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers import SMALL


def test_csv_relations_to_stdout(run_cli):
    code, out, _ = run_cli("export", "--ontology", SMALL, "--format", "csv", "--table", "relations")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"Source": "ex:Apple", "Target": "ex:AppleTree"}.items() <= next(
        r for r in rows if r["relation"] == "exo:growsOn").items()


def test_out_writes_what_stdout_shows(run_cli, tmp_path: Path):
    code, shown, _ = run_cli("export", "--ontology", SMALL, "--format", "gexf")
    assert code == 0 and shown.startswith("<?xml version=")
    code, _, err = run_cli("export", "--ontology", SMALL, "--format", "gexf", "--out", tmp_path / "small.gexf")
    assert code == 0 and "(4 concepts, 3 relations)" in err
    assert (tmp_path / "small.gexf").read_text(encoding="utf-8") == shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small.gexf"]  # no temporary left behind


def test_export_refuses_a_broken_ontology_and_usage_errors(run_cli, typo_ontology: Path, tmp_path: Path):
    code, _, err = run_cli("export", "--ontology", typo_ontology, "--format", "json", "--out", tmp_path / "x.json")
    assert code == 1 and "[undeclared-concept]" in err and not (tmp_path / "x.json").exists()
    assert run_cli("export", "--format", "pdf")[0] == 2
