"""Every file in tests/bad/ states, in its first line, the findings it must produce, and it must produce no other.

    # expect: <code> [line=N] [column=N] [severity=warning] [hint="text in the hint"] [message="text"]
    #         [subject="kam:X"] [also="<code>:<line> <code>:<line> ..."]

Each bad file is loaded together with the real ontology (so it can refer to its
concepts and is checked by its shapes). Compared with a run of the clean
ontology alone (by code, file and line), it must add exactly

* the expected finding, located in the bad file, with the details stated; and
* each finding named in ``also`` (code, and line after a colon), located in the bad
  file: the findings a minimal file brings along and rightly so, e.g. a new concept
  without ``kamo:origin`` also gets ``missing-origin``;

and nothing else, in any file. The build must refuse to write a map when any of
these is an error; a file whose findings are all warnings must not block it.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from helpers import BAD, ONTOLOGY
from kamgraph.errors import LoadError, ValidationFailed
from kamgraph.findings import CODES, Finding, Severity
from kamgraph.pipeline import build_map, load_and_check

EXPECT = re.compile(rb"^# expect: (.*)$")
ALSO = re.compile(r"^([a-z0-9-]+)(?::(\d+))?$")
FILES = sorted(BAD.glob("*.ttl"))


def expectation(path: Path) -> dict[str, str]:
    first = path.read_bytes().split(b"\n", 1)[0]
    match = EXPECT.match(first)
    assert match, f"{path.name}: first line must be '# expect: <code> ...'"
    words = shlex.split(match.group(1).decode("ascii"))
    expected = {"code": words[0]}
    for word in words[1:]:
        key, equals, value = word.partition("=")
        assert equals and key in {"line", "column", "severity", "hint", "message", "subject", "also"}, (
            f"{path.name}: unknown expectation {word!r}")
        expected[key] = value
    return expected


def also_expected(expected: dict[str, str]) -> list[tuple[str, int | None]]:
    """The ``also`` findings: (code, line or None)."""
    found = []
    for word in expected.get("also", "").split():
        match = ALSO.match(word)
        assert match and match.group(1) in CODES, f"also={word!r}: not '<registered code>[:<line>]'"
        found.append((match.group(1), int(match.group(2)) if match.group(2) else None))
    return found


def severities(expected: dict[str, str]) -> set[str]:
    """The severity of every finding the file must add (those in ``also`` as registered)."""
    return {expected.get("severity", "error")} | {CODES[code].severity.value for code, _ in also_expected(expected)}


def findings_for(paths: list[Path]) -> list[Finding]:
    try:
        return load_and_check(paths).report.findings
    except LoadError as error:
        return error.findings


def place(finding: Finding) -> tuple[str, str | None, int | None]:
    return finding.code, finding.file, finding.line


@pytest.fixture(scope="module")
def clean(kam_checked) -> set[tuple]:
    """Where the clean ontology alone has its findings (its warnings: concepts without a definition…)."""
    return {place(finding) for finding in kam_checked.report.findings}


def in_file(finding: Finding, path: Path) -> bool:
    return finding.file is not None and Path(finding.file).name == path.name


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bad_file_adds_exactly_its_findings(path: Path, clean: set[tuple]):
    expected = expectation(path)
    added = [f for f in findings_for([ONTOLOGY, path]) if place(f) not in clean]
    shown = "\n".join(f.format() for f in added) or "(none)"

    candidates = [f for f in added if f.code == expected["code"] and in_file(f, path)
                  and ("line" not in expected or f.line == int(expected["line"]))]
    assert candidates, f"no [{expected['code']}] finding in {path.name} as expected; it added:\n{shown}"
    finding = candidates[0]
    added.remove(finding)
    assert finding.severity.value == expected.get("severity", "error"), finding.format()
    if "column" in expected:
        assert finding.column == int(expected["column"]), finding.format()
    if "hint" in expected:
        assert expected["hint"] in (finding.hint or ""), finding.format()
    if "message" in expected:
        assert expected["message"] in finding.message, finding.format()
    if "subject" in expected:
        assert finding.subject == expected["subject"], finding.format()

    for code, line in also_expected(expected):
        matching = [f for f in added if f.code == code and in_file(f, path) and (line is None or f.line == line)]
        assert matching, f"also={code}:{line}: no such finding in {path.name}; it added:\n{shown}"
        added.remove(matching[0])
    assert added == [], f"{path.name} adds findings its header does not state:\n" + "\n".join(
        f.format() for f in added)


ERROR_FILES = [p for p in FILES if "error" in severities(expectation(p))]
WARNING_FILES = [p for p in FILES if p not in ERROR_FILES]


@pytest.mark.parametrize("path", ERROR_FILES, ids=lambda p: p.name)
def test_bad_file_blocks_the_build(path: Path, tmp_path: Path):
    with pytest.raises((LoadError, ValidationFailed)):
        build_map([ONTOLOGY, path], tmp_path)
    assert not (tmp_path / "index.html").exists()


@pytest.mark.parametrize("path", WARNING_FILES, ids=lambda p: p.name)
def test_a_warning_alone_does_not_block_the_build(path: Path):
    report = load_and_check([ONTOLOGY, path]).report
    assert not report.has_errors, [f.format() for f in report.errors]
    assert any(f.severity is Severity.WARNING and in_file(f, path) for f in report.findings)


def test_the_corpus_is_not_empty():
    assert len(ERROR_FILES) >= 10 and len(WARNING_FILES) >= 3
