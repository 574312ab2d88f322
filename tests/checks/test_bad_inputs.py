"""Every file in tests/bad/ states, in its first line, the finding it must produce.

    # expect: <code> [line=N] [column=N] [hint="text in the hint"] [message="text"] [subject="kam:X"]

Each bad file is loaded together with the real ontology (so it can refer to its
concepts and is checked by its shapes); the expected finding must be reported,
located in the bad file, and the build must refuse to write a map — unless the
file expects a warning (``severity=warning``), which must not block the build.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from helpers import BAD, ONTOLOGY
from kamgraph.pipeline import build_map, load_and_check
from kamgraph.errors import LoadError, ValidationFailed

EXPECT = re.compile(rb"^# expect: (.*)$", re.MULTILINE)


def expectation(path: Path) -> dict[str, str]:
    first = path.read_bytes().split(b"\n", 1)[0]
    match = EXPECT.match(first)
    assert match, f"{path.name}: first line must be '# expect: <code> ...'"
    words = shlex.split(match.group(1).decode("ascii"))
    expected = {"code": words[0]}
    expected.update(word.split("=", 1) for word in words[1:])
    return expected


def findings_for(path: Path):
    try:
        report = load_and_check([ONTOLOGY, path]).report
    except LoadError as error:
        return error.findings
    return report.findings


@pytest.mark.parametrize("path", sorted(BAD.glob("*.ttl")), ids=lambda p: p.name)
def test_bad_file_reports_its_finding(path: Path):
    expected = expectation(path)
    findings = [f for f in findings_for(path) if f.code == expected["code"]]
    assert findings, f"no [{expected['code']}] finding for {path.name}"
    located = [f for f in findings if f.file and Path(f.file).name == path.name] or findings
    finding = located[0]
    assert finding.severity.value == expected.get("severity", "error"), finding.format()
    assert Path(finding.file).name == path.name, finding.format()
    if "line" in expected:
        assert finding.line == int(expected["line"]), finding.format()
    if "column" in expected:
        assert finding.column == int(expected["column"]), finding.format()
    if "hint" in expected:
        assert expected["hint"] in (finding.hint or ""), finding.format()
    if "message" in expected:
        assert expected["message"] in finding.message, finding.format()
    if "subject" in expected:
        assert finding.subject == expected["subject"], finding.format()


ERROR_FILES = [p for p in sorted(BAD.glob("*.ttl")) if expectation(p).get("severity", "error") == "error"]
WARNING_FILES = [p for p in sorted(BAD.glob("*.ttl")) if p not in ERROR_FILES]


@pytest.mark.parametrize("path", ERROR_FILES, ids=lambda p: p.name)
def test_bad_file_blocks_the_build(path: Path, tmp_path: Path):
    with pytest.raises((LoadError, ValidationFailed)):
        build_map([ONTOLOGY, path], tmp_path)
    assert not (tmp_path / "index.html").exists()


@pytest.mark.parametrize("path", WARNING_FILES, ids=lambda p: p.name)
def test_a_warning_alone_does_not_block_the_build(path: Path):
    report = load_and_check([ONTOLOGY, path]).report
    assert not report.has_errors, [f.format() for f in report.errors]


def test_the_corpus_is_not_empty():
    assert len(ERROR_FILES) >= 10 and len(WARNING_FILES) >= 3
