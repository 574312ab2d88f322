"""kamgraph watch's printing (kamgraph/cli/watch.py): each rebuild's new and fixed findings, on standard error."""

from __future__ import annotations

from dataclasses import replace

from kamgraph.cli.watch import RebuildPrinter
from kamgraph.findings import Finding, Severity
from kamgraph.live.watch import Rebuild

WARNING = Finding("a.ttl", 3, 1, Severity.WARNING, "missing-definition", "kam:X has no definition", subject="kam:X")
ERROR = Finding("a.ttl", 7, 1, Severity.ERROR, "syntax-error", "a dot is expected")


def test_a_rebuild_prints_its_new_and_fixed_findings(capsys, tmp_path):
    printer = RebuildPrinter(tmp_path)
    printer(Rebuild(False, [WARNING, ERROR]))
    first = capsys.readouterr()
    assert "[" not in first.out  # findings on standard error: one stream for every command
    assert "[missing-definition]" in first.err and "[syntax-error]" in first.err

    printer(Rebuild(False, [WARNING, ERROR]))  # a save that changed nothing
    again = capsys.readouterr().err.splitlines()
    assert sum("[syntax-error]" in line for line in again) == 1  # the error that still blocks the build
    assert not any("[missing-definition]" in line for line in again)

    moved = replace(WARNING, line=5)  # the author added two lines above it: the same finding
    printer(Rebuild(False, [moved]))
    fixed = capsys.readouterr().err.splitlines()
    assert "fixed: a.ttl:7:1: error [syntax-error]: a dot is expected" in fixed
    assert not any("[missing-definition]" in line and not line.startswith("fixed") for line in fixed)
    assert any("0 new, 1 fixed" in line for line in fixed)


def test_control_characters_in_a_finding_are_shown_escaped(capsys, tmp_path):
    from kamgraph.cli.terminal import print_findings

    print_findings([Finding("a.ttl", 1, 1, Severity.ERROR, "syntax-error", "label \x1b[2J\r0 error(s)\nfake")])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\r" not in err and err.count("\n") == 1
    assert "\\x1b[2J\\r0 error(s)\\nfake" in err
