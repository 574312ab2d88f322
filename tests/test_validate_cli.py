"""kamgraph validate: findings as data (JSON), --strict, and load errors reported like findings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

TYPO = (FIXTURES / "small.ttl").read_text() + "\nex:Pear skos:broader ex:Aple .\n"


def test_json_lists_located_findings(run_cli, tmp_path: Path):
    bad = tmp_path / "typo.ttl"
    bad.write_text(TYPO)
    code, out, _ = run_cli("validate", "--ontology", bad, "--format", "json")
    assert code == 1
    result = json.loads(out)
    assert result["ok"] is False and result["errors"] == 1
    [error] = [f for f in result["findings"] if f["severity"] == "error"]
    assert error["code"] == "undeclared-concept"
    assert error["file"].endswith("typo.ttl")
    assert error["line"] == TYPO.splitlines().index("ex:Pear skos:broader ex:Aple .") + 1
    assert error["column"] == len("ex:Pear skos:broader ") + 1
    assert error["subject"] == "ex:Pear" and "ex:Apple" in error["hint"]


def test_json_reports_syntax_errors_too(run_cli, tmp_path: Path):
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:p "open .\n')
    code, out, _ = run_cli("validate", "--ontology", bad, "--format", "json")
    assert code == 1
    [finding] = json.loads(out)["findings"]
    assert finding["code"] == "syntax-error" and finding["line"] == 2


def test_strict_makes_warnings_count(run_cli):
    code, out, _ = run_cli("validate", "--ontology", FIXTURES / "small.ttl")
    assert code == 0 and "warning [missing-category]" in out
    code, out, _ = run_cli("validate", "--ontology", FIXTURES / "small.ttl", "--strict")
    assert code == 1 and "--strict" in out
    code, out, _ = run_cli("validate", "--ontology", FIXTURES / "small.ttl", "--strict", "--format", "json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_unknown_format_is_a_usage_error(run_cli):
    assert run_cli("validate", "--format", "xml")[0] == 2


def test_ill_typed_literal_prints_no_traceback(tmp_path: Path):
    """In a real process: rdflib would log a traceback per ill-typed literal to stderr."""
    bad = tmp_path / "typed.ttl"
    bad.write_text((FIXTURES / "small.ttl").read_text()
                   + '\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\nex:Apple kamo:firstLine "x"^^xsd:integer .\n')
    result = subprocess.run([sys.executable, "-m", "kamgraph", "validate", "--ontology", str(bad)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1 and "[ill-typed-literal]" in result.stdout
    assert "Traceback" not in result.stderr
