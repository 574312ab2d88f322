"""The command line as a whole (kamgraph/cli/__init__.py): usage errors, help, the console entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT, SMALL
from kamgraph.cli import all_commands


def test_usage_errors_exit_2(run_cli):
    assert run_cli("build", "--no-such-option")[0] == 2
    assert run_cli("frobnicate")[0] == 2


@pytest.mark.parametrize("command", [[]] + [[name] for name in sorted(all_commands())],
                         ids=lambda c: c[0] if c else "kamgraph")
def test_every_command_has_help_with_an_example(run_cli, command):
    code, out, _ = run_cli(*command, "--help")
    assert code == 0
    assert "Example" in out


def test_console_entry_point_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "kamgraph", "--version"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0 and "kamgraph" in result.stdout


def test_a_build_imports_only_what_it_uses(tmp_path):
    """Commands are imported when they run; pyvis (IPython), rdflib's SPARQL engine and pySHACL (no shapes) never."""
    code = ("import sys\nfrom kamgraph.cli import main\ntry:\n"
            f"    main(['build', '--ontology', {str(SMALL)!r}, '--out', {str(tmp_path / 'out')!r}])\n"
            "except SystemExit as stop:\n    assert not stop.code, stop.code\n"
            "print(sorted({m for m in sys.modules if m.startswith('kamgraph.cli.') or m.split('.')[0] in "
            "('pyvis', 'IPython', 'pyshacl', 'oxrdflib', 'scipy')} | {m for m in sys.modules "
            "if m.startswith('rdflib.plugins.sparql')}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == str(["kamgraph.cli.build", "kamgraph.cli.options",
                                                  "kamgraph.cli.progress", "kamgraph.cli.terminal"])
    assert (tmp_path / "out" / "index.html").exists()
