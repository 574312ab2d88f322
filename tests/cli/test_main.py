"""The command line as a whole (kamgraph/cli/__init__.py): usage errors, help, the console entry point."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers import ROOT
from kamgraph.cli import cli


def test_usage_errors_exit_2(run_cli):
    assert run_cli("build", "--no-such-option")[0] == 2
    assert run_cli("frobnicate")[0] == 2


@pytest.mark.parametrize("command", [[]] + [[name] for name in sorted(cli.commands)],
                         ids=lambda c: c[0] if c else "kamgraph")
def test_every_command_has_help_with_an_example(run_cli, command):
    code, out, _ = run_cli(*command, "--help")
    assert code == 0
    assert "Example" in out


def test_console_entry_point_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "kamgraph", "--version"], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0 and "kamgraph" in result.stdout
