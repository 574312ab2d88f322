#!/usr/bin/env python3
"""Set up kamgraph in ./.venv and run it: the two commands of the README's Quick start, and the lint.

    python3 dev.py build [kamgraph build options]   # set up, then build output/index.html
    python3 dev.py test  [pytest options]           # set up, then run the whole test suite
    python3 dev.py lint                             # set up, then run ruff and mypy (configured in pyproject.toml)

Set-up happens once and again whenever pyproject.toml changes. Needs only
Python 3.11+ and access to the package index. The browser tests drive Debian's
Chromium; when it is missing and this runs as root on Debian, `test` installs
it with apt-get, otherwise those tests are skipped (and fail under CI=true).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".kamgraph-setup"
PYTEST_NO_TESTS = 5


def say(message: str) -> None:
    print(f"dev.py: {message}", flush=True)


def run(command: list[str], **kwargs: Any) -> int:
    return subprocess.call(command, cwd=ROOT, **kwargs)


def setup() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs on whatever python3 is there, to say so
        sys.exit(f"dev.py: kamgraph needs Python 3.11 or newer, this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and (BIN / "kamgraph").exists():
        return
    if not (BIN / "python").exists():
        say("creating .venv")
        if run([sys.executable, "-m", "venv", str(VENV)]) != 0:
            sys.exit("dev.py: could not create .venv (on Debian: apt-get install python3-venv)")
    say("installing kamgraph and its test dependencies into .venv (once; a minute or two)")
    pip = [str(BIN / "python"), "-m", "pip", "install", "--disable-pip-version-check", "--quiet"]
    log = VENV / "pip.log"
    with log.open("w") as output:
        ok = (run([*pip, "--upgrade", "pip"], stdout=output, stderr=subprocess.STDOUT) == 0
              and run([*pip, "--editable", ".[test]"], stdout=output, stderr=subprocess.STDOUT) == 0)
    if not ok:
        print("".join(log.read_text().splitlines(keepends=True)[-30:]), file=sys.stderr)
        sys.exit(f"dev.py: installing the dependencies failed (the whole pip output is in {log})")
    STAMP.write_text(wanted)


def chromium() -> str | None:
    given = os.environ.get("KAMGRAPH_CHROMIUM")
    if given and Path(given).exists():
        return given
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else shutil.which("chromium")


def ensure_browser() -> None:
    if chromium():
        return
    can_install = shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0
    if not can_install:
        say("Chromium not found: the browser tests will be skipped (install Debian's 'chromium' to run them)")
        return
    say("installing Debian's chromium for the browser tests (once)")
    quiet = {"stdout": subprocess.DEVNULL}
    if run(["apt-get", "update", "-qq"], **quiet) != 0 or run(
            ["apt-get", "install", "-y", "-qq", "chromium"], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            **quiet) != 0:
        say("could not install chromium: the browser tests will be skipped outside CI")


def lint() -> int:
    """ruff over the repository (tests/ for pyflakes' rules only), then mypy over kamgraph/, dev.py, benchmarks/."""
    checkers = {"ruff": [str(BIN / "ruff"), "check", "."], "mypy": [str(BIN / "mypy")]}
    failed = [name for name, command in checkers.items() if run(command) != 0]
    if failed:
        say(f"{' and '.join(failed)} found problems")
        return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("build", "test", "lint") or (argv[0] == "lint" and argv[1:]):
        print(__doc__.strip())
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    if command == "build":
        return run([str(BIN / "kamgraph"), "build", *rest])
    if command == "lint":
        return lint()
    ensure_browser()
    code = run([str(BIN / "python"), "-m", "pytest", *rest])
    if code == PYTEST_NO_TESTS:
        say("pytest collected no tests: that counts as a failure")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
