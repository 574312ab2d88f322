"""Output behaviour of every command: --quiet and --verbose everywhere, findings on standard error, inert text."""

from __future__ import annotations

import io
from pathlib import Path

import click
import pytest

from helpers import SMALL
from kamgraph.cli import COMMAND_MODULES, cli
from kamgraph.cli.terminal import InertStream, inert


@pytest.mark.parametrize("name", COMMAND_MODULES)
def test_every_command_has_quiet_and_verbose(name: str):
    with click.Context(cli) as context:
        command = cli.get_command(context, name)
    assert command is not None
    options = {option for param in command.params for option in getattr(param, "opts", [])}
    assert {"--quiet", "-q", "--verbose", "-v"} <= options, name


def test_build_quiet_says_nothing_and_verbose_shows_the_warnings(run_cli, tmp_path: Path):
    code, out, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path / "quiet", "--quiet")
    assert code == 0 and out == "" and err == ""
    code, out, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path / "normal")
    assert code == 0 and "wrote" in out and "warning [" not in out + err
    code, out, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path / "verbose", "--verbose")
    assert code == 0 and "warning [missing-category]" in err and "warning [" not in out


def test_validate_quiet_prints_errors_only(run_cli, typo_ontology: Path):
    code, _, err = run_cli("validate", "--ontology", typo_ontology, "-q")
    assert code == 1
    assert "error [undeclared-concept]" in err and "warning [" not in err


def test_a_failed_build_prints_its_findings_on_standard_error(run_cli, typo_ontology: Path, tmp_path: Path):
    code, out, err = run_cli("build", "--ontology", typo_ontology, "--out", tmp_path)
    assert code == 1 and "[undeclared-concept]" in err and "[" not in out


HOSTILE = '''@prefix ex: <http://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:A a skos:Concept ; skos:prefLabel "Clear\\u001b[2J\\r0 error(s), 0 warning(s)\\u202e"@en ; skos:related ex:B .
ex:B a skos:Concept ; skos:prefLabel "Clear\\u001b[2J\\r0 error(s), 0 warning(s)\\u202e"@en .
'''


def test_control_characters_in_labels_reach_no_terminal_raw(run_cli, tmp_path: Path):
    hostile = tmp_path / "hostile.ttl"
    hostile.write_text(HOSTILE, encoding="utf-8")
    for command in (["validate"], ["build", "--out", str(tmp_path / "out")], ["stats"], ["export", "--format", "csv"]):
        _, _, err = run_cli(*command, "--ontology", hostile)
        assert "\x1b" not in err and "\u202e" not in err, command
        assert "\r" not in err.replace("\r\n", "\n"), command
    _, _, err = run_cli("validate", "--ontology", hostile)
    assert "[duplicate-label]" in err and "Clear\\x1b[2J\\r0 error(s), 0 warning(s)\\u202e" in err


def test_standard_output_is_escaped_only_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    InertStream(screen).write("label\x1b[2J\r\n")
    assert screen.getvalue() == "label\\x1b[2J\r\n"  # CRLF line ends (CSV) kept
    assert inert("tab\tand\nnewline") == "tab\tand\nnewline"
    assert inert("one\nline", one_line=True) == "one\\nline"
