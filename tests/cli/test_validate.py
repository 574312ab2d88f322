"""kamgraph validate: exit codes, findings as data (JSON), --strict, and load errors reported like findings."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import SMALL, TYPO

BROKEN = '@prefix ex: <http://example.org/> .\nex:a ex:p "open .\n'


def test_validate_exit_codes(run_cli, tmp_path: Path):
    code, out, err = run_cli("validate", "--ontology", SMALL)
    assert code == 0 and "0 error(s)" in err and out == ""  # findings and their summary: standard error
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN)
    code, out, err = run_cli("validate", "--ontology", broken)
    assert code == 1 and f"{broken.name}:2:" in err and "[syntax-error]" in err


def test_missing_ontology_is_a_clear_error(run_cli, tmp_path: Path):
    code, _, err = run_cli("validate", "--ontology", tmp_path / "nope.ttl")
    assert code == 1
    assert "nope.ttl: error [file-not-found]" in err


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
    code, _, err = run_cli("validate", "--ontology", SMALL)
    assert code == 0 and "warning [missing-category]" in err
    code, _, err = run_cli("validate", "--ontology", SMALL, "--strict")
    assert code == 1 and "--strict" in err
    code, out, _ = run_cli("validate", "--ontology", SMALL, "--strict", "--format", "json")
    assert code == 1 and json.loads(out)["ok"] is False


def test_unknown_format_is_a_usage_error(run_cli):
    assert run_cli("validate", "--format", "xml")[0] == 2


def readme_json_schema() -> dict:
    from helpers import ROOT

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### `validate --format json`", 1)[1]
    return json.loads(section.split("```json", 1)[1].split("```", 1)[0])


def conforms(value: object, schema: dict, where: str = "$") -> list[str]:
    """The places where ``value`` breaks ``schema`` (the subset of JSON Schema the README uses)."""
    problems: list[str] = []
    types = schema.get("type")
    names = {"object": dict, "array": list, "string": str, "integer": int, "boolean": bool, "null": type(None)}
    if types is not None:
        allowed = [types] if isinstance(types, str) else types
        if not any(isinstance(value, names[t]) and not (t == "integer" and isinstance(value, bool)) for t in allowed):
            problems.append(f"{where}: {value!r} is not {allowed}")
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{where}: {value!r} not in {schema['enum']}")
    if isinstance(value, dict):
        problems += [f"{where}: no {key}" for key in schema.get("required", []) if key not in value]
        extra = set(value) - set(schema.get("properties", {}))
        problems += [f"{where}: undocumented {key}" for key in sorted(extra)] if "properties" in schema else []
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                problems += conforms(value[key], sub, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += conforms(item, schema["items"], f"{where}[{index}]")
    return problems


def test_the_json_report_is_what_the_readme_documents(run_cli, typo_ontology: Path):
    schema = readme_json_schema()
    for paths in ([typo_ontology], [SMALL]):
        _, out, err = run_cli("validate", *[a for p in paths for a in ("--ontology", p)], "--format", "json")
        report = json.loads(out)
        assert report["findings"], "a report with findings exercises the item schema"
        assert conforms(report, schema) == [], conforms(report, schema)
        assert "[" not in err  # the JSON report is the output; no finding printed beside it
    assert conforms({"findings": [], "errors": "1"}, schema)  # and the check can fail
