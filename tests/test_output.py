"""Nothing lost: a failed build leaves the previous output byte for byte; a good one replaces it whole.

Failures are real where the machine allows (bad Turtle, invalid ontology, two
real processes) and simulated where it cannot (a full disk, a folder root can
still write to, Ctrl-C half-way through a write).
"""

from __future__ import annotations

import errno
import os
import re
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kamgraph.output
from helpers import FIXTURES, SMALL
from kamgraph.pipeline import LAYOUT_CACHE, build_map
from kamgraph.views.site import MAP_PAGE as MAP_FILE

SYNTAX_ERROR = b"@prefix ex: <http://example.org/small/> .\nex:Broken ex:p\n"
VALIDATION_ERROR = (b"@prefix ex: <http://example.org/small/> .\n"
                    b"@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
                    b'ex:Apple skos:prefLabel "Second English label"@en .\n')
WRITES = re.compile(r"""\.write_(?:text|bytes)\(|\bopen\([^)]*["'][^"']*[wax+]|os\.replace\(|shutil\.(?:copy|move)""")
NEIGHBOUR = b"a file someone else keeps in the output folder\n"


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, bytes]:
    """The pages two different ontologies give, built once."""
    built = {}
    for name in ("small", "payloads"):
        out = tmp_path_factory.mktemp(name)
        build_map([FIXTURES / f"{name}.ttl"], out)
        built[name] = (out / MAP_FILE).read_bytes()
    return built


@pytest.fixture
def previous(tmp_path: Path, pages) -> Path:
    """An output folder holding the last good map (of payloads.ttl) and a file of someone else's."""
    out = tmp_path / "output"
    out.mkdir()
    (out / MAP_FILE).write_bytes(pages["payloads"])
    (out / "notes.txt").write_bytes(NEIGHBOUR)
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (the focused maps in maps/ included), by relative path.

    The layout cache (.layout-cache/, positions by graph content) is left out: it is
    not a page, and any entry in it is valid for the graph it is named after.
    """
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and LAYOUT_CACHE not in p.relative_to(folder).parts}


def half_then(failure: BaseException):
    """An ``os.fdopen`` whose stream writes half of the text, then fails like a full disk or Ctrl-C would."""
    real_fdopen = os.fdopen

    def fdopen(*args, **kwargs):
        stream = real_fdopen(*args, **kwargs)
        real_write = stream.write

        def write(text):
            real_write(text[: len(text) // 2])
            stream.flush()
            raise failure

        stream.write = write
        return stream

    return fdopen


def syntax_error(tmp_path, monkeypatch) -> list[Path]:
    (tmp_path / "broken.ttl").write_bytes(SYNTAX_ERROR)
    return [SMALL, tmp_path / "broken.ttl"]


def validation_error(tmp_path, monkeypatch) -> list[Path]:
    (tmp_path / "second-label.ttl").write_bytes(VALIDATION_ERROR)
    return [SMALL, tmp_path / "second-label.ttl"]


def unwritable_folder(tmp_path, monkeypatch) -> list[Path]:
    def refuse(*args, **kwargs):  # root ignores chmod, so refuse the way a read-only folder would
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(kamgraph.output.tempfile, "mkstemp", refuse)
    return [SMALL]


def full_disk(tmp_path, monkeypatch) -> list[Path]:
    monkeypatch.setattr(kamgraph.output.os, "fdopen", half_then(OSError(errno.ENOSPC, "No space left on device")))
    return [SMALL]


def interrupted_mid_write(tmp_path, monkeypatch) -> list[Path]:
    monkeypatch.setattr(kamgraph.output.os, "fdopen", half_then(KeyboardInterrupt()))
    return [SMALL]


FAILURES = {
    # name: (set the failure up, exit code, what stderr says)
    "syntax-error": (syntax_error, 1, "error [syntax-error]"),
    "validation-error": (validation_error, 1, "error [conflicting-labels]"),
    "unwritable-output-folder": (unwritable_folder, 1, "cannot write here: Permission denied"),
    "full-disk": (full_disk, 1, "cannot write: No space left on device"),
    "interrupt-mid-write": (interrupted_mid_write, 130, "kamgraph: interrupted"),
}


@pytest.mark.parametrize("name", [pytest.param(n, marks=pytest.mark.corpus("nothing-lost")) for n in FAILURES])
def test_a_failed_build_leaves_the_previous_output_byte_identical(name, previous: Path, tmp_path, monkeypatch,
                                                                  run_cli):
    set_up, expected_code, says = FAILURES[name]
    before = snapshot(previous)
    args = ["build", "--out", previous]
    for path in set_up(tmp_path, monkeypatch):
        args += ["--ontology", path]
    code, out, err = run_cli(*args)
    assert (code, out) == (expected_code, "")
    assert says in err and "Traceback" not in err
    assert snapshot(previous) == before  # byte-identical, and no temporary file left behind


@pytest.mark.corpus("nothing-lost")
def test_an_output_path_under_a_file_is_refused(tmp_path: Path, run_cli):
    blocker = tmp_path / "not-a-folder"
    blocker.write_bytes(NEIGHBOUR)
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", blocker / "site")
    assert code == 1 and "cannot write here" in err and "Traceback" not in err
    assert blocker.read_bytes() == NEIGHBOUR


@pytest.mark.corpus("nothing-lost")
def test_a_successful_build_replaces_the_map_whole(previous: Path, pages, run_cli):
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", previous)
    assert code == 0, err
    after = snapshot(previous)
    assert {name: after[name] for name in after if not name.startswith("maps/")} == {
        MAP_FILE: pages["small"], "notes.txt": NEIGHBOUR}
    assert sorted(name for name in after if name.startswith("maps/")) == [
        "maps/Concept.html", "maps/Fruit.html", "maps/Tree.html"]
    assert stat.S_IMODE((previous / MAP_FILE).stat().st_mode) == kamgraph.output.FILE_MODE


def test_several_files_are_written_all_or_none(tmp_path: Path, monkeypatch):
    """When one file of a build cannot be written, none of the others is replaced either."""
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    first.write_text("old a")
    second.write_text("old b")
    real_stage = kamgraph.output._stage

    def second_fails(path, text):
        if path == second:
            raise kamgraph.output.OutputError(f"{path}: cannot write: No space left on device")
        return real_stage(path, text)

    monkeypatch.setattr(kamgraph.output, "_stage", second_fails)
    with pytest.raises(kamgraph.output.OutputError):
        kamgraph.output.write_files({first: "new a", second: "new b"})
    assert (first.read_text(), second.read_text()) == ("old a", "old b")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "b.html"]


@pytest.mark.corpus("nothing-lost")
def test_two_builds_at_once_never_tear_the_map(previous: Path, pages):
    """Two real processes build different ontologies into one folder while we keep reading the map."""
    command = [sys.executable, "-m", "kamgraph", "build", "--out", str(previous), "--ontology"]
    processes = [subprocess.Popen([*command, str(FIXTURES / f"{name}.ttl")], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for name in ("small", "payloads")]
    complete = {pages["small"], pages["payloads"]}
    reads = 0
    while any(p.poll() is None for p in processes):
        assert (previous / MAP_FILE).read_bytes() in complete
        reads += 1
        time.sleep(0.002)
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    assert reads > 0
    assert (previous / MAP_FILE).read_bytes() in complete
    # no temporary left behind
    assert sorted(p.name for p in previous.iterdir()) == [LAYOUT_CACHE, MAP_FILE, "maps", "notes.txt"]


def test_kamgraph_writes_files_only_through_the_atomic_helper():
    """A new output (glossary, per-category maps) must go through kamgraph.output, or it could be torn."""
    package = Path(kamgraph.output.__file__).parent
    assert WRITES.search(Path(kamgraph.output.__file__).read_text("utf-8")), "the pattern finds the helper's own write"
    offenders = []
    for path in package.rglob("*.py"):
        if path.name == "output.py":
            continue
        text = path.read_text("utf-8")
        offenders += [f"{path.relative_to(package)}: {m.group(0)}" for m in WRITES.finditer(text)]
    assert offenders == []
