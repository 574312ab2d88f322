"""Docs that cannot drift: the Quick start, the commands and the error codes in the README."""

from __future__ import annotations

import re
import tomllib

from helpers import ROOT
from kamgraph.cli import all_commands
from kamgraph.findings import CODES

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands_near_the_top():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\w*\n(.*?)```", section, re.DOTALL).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert commands == ["python3 dev.py build", "python3 dev.py test"]
    assert README.index("## Quick start") < 1500


def test_ci_runs_the_readme_test_command():
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


def test_every_command_is_documented():
    for name, command in all_commands().items():
        assert f"kamgraph {name}" in README, name
        assert command.help and "Example" in command.help, name


def readme_error_table() -> list[tuple[str, str, str, str]]:
    table = README.split("### Error codes", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            rows.append((cells[0].strip("`"), cells[1], cells[2], cells[3]))
    return rows


def test_the_readme_error_table_is_the_registry():
    assert readme_error_table() == [(c.code, c.severity.value, c.problem, c.fix) for c in CODES.values()]


def test_the_suite_runs_the_doctests_of_kamgraph():
    """The examples in kamgraph's docstrings are tests too: pytest collects them from the package."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "kamgraph" in config["testpaths"] and "--doctest-modules" in config["addopts"].split()
    assert any(">>> " in path.read_text(encoding="utf-8") for path in (ROOT / "kamgraph").rglob("*.py"))
