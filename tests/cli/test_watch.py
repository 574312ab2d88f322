"""kamgraph watch's printing (kamgraph/cli/watch.py): errors on every rebuild, a warning only once."""

from __future__ import annotations

from kamgraph.cli.watch import RebuildPrinter
from kamgraph.findings import Finding, Severity
from kamgraph.live.watch import Rebuild


def test_known_warnings_are_not_repeated_but_errors_are(capsys, tmp_path):
    warning = Finding("a.ttl", 3, 1, Severity.WARNING, "missing-definition", "kam:X has no definition")
    error = Finding("a.ttl", 7, 1, Severity.ERROR, "syntax-error", "a dot is expected")
    printer = RebuildPrinter(tmp_path)
    printer(Rebuild(False, [warning, error]))
    printer(Rebuild(False, [warning, error]))
    lines = capsys.readouterr().out.splitlines()
    assert sum("[missing-definition]" in line for line in lines) == 1
    assert sum("[syntax-error]" in line for line in lines) == 2
    assert "(1 warning(s) already shown before are not repeated)" in lines
