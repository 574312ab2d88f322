"""kamgraph validate: exit codes, findings as data (JSON), --strict, and load errors reported like findings."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SMALL, TYPO

BROKEN = '@prefix ex: <http://example.org/> .\nex:a ex:p "open .\n'


def test_validate_exit_codes(run_cli, tmp_path: Path):
    code, out, _ = run_cli("validate", "--ontology", SMALL)
    assert code == 0 and "0 error(s)" in out
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN)
    code, out, _ = run_cli("validate", "--ontology", broken)
    assert code == 1 and f"{broken.name}:2:" in out and "[syntax-error]" in out


def test_missing_ontology_is_a_clear_error(run_cli, tmp_path: Path):
    code, out, _ = run_cli("validate", "--ontology", tmp_path / "nope.ttl")
    assert code == 1
    assert "nope.ttl: error [file-not-found]" in out


def test_json_lists_located_findings(run_cli, typo_ontology: Path):
    code, out, _ = run_cli("validate", "--ontology", typo_ontology, "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["ok"] is False and result["errors"] == 1
    [error] = [f for f in result["findings"] if f["severity"] == "error"]
    assert error["code"] == "undeclared-concept"
    assert error["file"].endswith(typo_ontology.name)
    assert error["line"] == typo_ontology.read_text().splitlines().index(TYPO) + 1
    assert error["column"] == len("ex:Pear skos:broader ") + 1
    assert error["subject"] == "ex:Pear" and "ex:Apple" in error["hint"]


def test_json_reports_syntax_errors_too(run_cli, tmp_path: Path):
    bad = tmp_path / "broken.ttl"
    bad.write_text(BROKEN)
    code, out, _ = run_cli("validate", "--ontology", bad, "--format", "json")
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "syntax-error" and finding["line"] == 2


def test_strict_makes_warnings_count(run_cli):
    code, out, _ = run_cli("validate", "--ontology", SMALL)
    assert code == 0 and "warning [missing-category]" in out
    code, out, _ = run_cli("validate", "--ontology", SMALL, "--strict")
    assert code == 1 and "--strict" in out
    code, out, _ = run_cli("validate", "--ontology", SMALL, "--strict", "--format", "json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_unknown_format_is_a_usage_error(run_cli):
    assert run_cli("validate", "--format", "xml")[0] == 2
