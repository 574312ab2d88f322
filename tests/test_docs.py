"""Docs that cannot drift: the Quick start, the commands and the error codes in the README."""

from __future__ import annotations

import re

from rdflib import Graph

from conftest import ONTOLOGY, ROOT
from kamgraph.cli import cli
from kamgraph.namespaces import SH

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
    for name, command in cli.commands.items():
        assert f"kamgraph {name}" in README, name
        assert command.help and "Example" in command.help, name


def emitted_codes() -> set[str]:
    codes = set()
    for path in (ROOT / "kamgraph").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'(?:_problem\([^,]+, |Severity\.[A-Z]+,\s*)"([a-z0-9]+(?:-[a-z0-9]+)+)"', text))
        codes |= set(re.findall(r'Severity\.[A-Z]+, "([a-z0-9-]+)"', text))
    for shapes in [*ONTOLOGY.rglob("shapes*.ttl"), *(ROOT / "kamgraph" / "vocab").glob("*shapes*.ttl")]:
        graph = Graph().parse(shapes, format="ox-turtle")
        codes |= {str(name) for name in graph.objects(None, SH.name)}
    return codes


def test_every_error_code_is_explained():
    codes = emitted_codes()
    assert {"syntax-error", "undeclared-concept", "broader-cycle", "missing-label-en"} <= codes
    table = README.split("### Error codes", 1)[1]
    missing = sorted(code for code in codes if f"`{code}`" not in table)
    assert not missing, f"README lacks: {missing}"
