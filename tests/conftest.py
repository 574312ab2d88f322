"""Shared fixtures: a CLI runner, the checked KAM ontology, a typo'd ontology, and Debian's Chromium.

The paths live in :mod:`helpers` and are re-exported here, where tests/browser/ imports them from.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from helpers import FIXTURES, ONTOLOGY, OUTPUT, ROOT, SMALL, TYPO

__all__ = ["FIXTURES", "ONTOLOGY", "OUTPUT", "ROOT", "chromium_path"]

# Validation results are cached by content (kamgraph.checks.shacl); the tests keep theirs apart from the user's.
os.environ.setdefault("KAMGRAPH_CACHE_DIR", tempfile.mkdtemp(prefix="kamgraph-test-cache-"))

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    candidate = os.environ.get("KAMGRAPH_CHROMIUM") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium; skipped locally when none is installed, a failure in CI."""
    executable = chromium_path()
    if executable is None:
        message = "Chromium not found (apt-get install -y chromium, or set KAMGRAPH_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: browser tests must run in CI")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def run_cli(capsys):
    """Run the kamgraph CLI in-process; returns (exit code, stdout, stderr)."""
    from kamgraph.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as stopped:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return stopped.value.code, captured.out, captured.err

    return run


@pytest.fixture(scope="session")
def kam_checked():
    """The real ontology (ontology/), loaded and checked once: ``.ontology``, ``.report``, ``.concepts``."""
    from kamgraph.pipeline import load_and_check

    return load_and_check([ONTOLOGY])


@pytest.fixture
def typo_ontology(tmp_path: Path) -> Path:
    """tests/fixtures/small.ttl plus one statement pointing at ``ex:Aple``: one error, ``undeclared-concept``.

    The statement is the file's last line, written at column 1 (:data:`helpers.TYPO`).
    """
    path = tmp_path / "typo.ttl"
    path.write_text(SMALL.read_text(encoding="utf-8") + f"\n{TYPO}\n", encoding="utf-8")
    return path


# Corpus tally: tests marked @pytest.mark.corpus("kind") are counted per kind and
# outcome, and the counts are printed at the end of the run (the issue asks for them).
_CORPUS_TALLY: dict[str, Counter] = {}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    marker = item.get_closest_marker("corpus")
    if marker and (report.when == "call" or (report.when == "setup" and not report.passed)):
        _CORPUS_TALLY.setdefault(marker.args[0], Counter())[report.outcome] += 1
    return report


def pytest_terminal_summary(terminalreporter):
    if not _CORPUS_TALLY:
        return
    terminalreporter.section("corpora: cases run per kind")
    for kind in sorted(_CORPUS_TALLY):
        tally = _CORPUS_TALLY[kind]
        terminalreporter.write_line(f"{kind}: {sum(tally.values())} ran, {tally['passed']} passed, "
                                    f"{tally['failed']} failed, {tally['skipped']} skipped")
