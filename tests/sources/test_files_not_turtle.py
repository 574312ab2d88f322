"""Files that are not Turtle at all: one clear line naming the file, exit code 1, no traceback.

Each case lays out a folder beside a good file and runs ``kamgraph build`` on
it; the previous map in the output folder must survive.
"""

from __future__ import annotations

import os
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import kamgraph.sources.files
from helpers import deny_reading

GOOD = b"""@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<http://example.org/a> a skos:Concept ; skos:prefLabel "A"@en .
"""
HTML = b"""<!DOCTYPE html>
<html><head><title>Concepts</title></head>
<body><p>Saved from the browser as concepts.ttl</p></body></html>
"""
PREVIOUS_MAP = b"<!doctype html><title>the last good map</title>\n"


def binary(folder: Path) -> Path:
    path = folder / "image.ttl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + random.Random(4).randbytes(4096))
    return path


def binary_utf8(folder: Path) -> Path:
    """Valid UTF-8 that is still binary: NUL and control bytes."""
    path = folder / "zeros.ttl"
    path.write_bytes(b"\x00\x01\x02\x00" * 256)
    return path


def html(folder: Path) -> Path:
    path = folder / "concepts.ttl"
    path.write_bytes(HTML)
    return path


def folder_named_ttl_given_directly(folder: Path) -> Path:
    path = folder.parent / "x.ttl"
    path.mkdir()
    return path


def symlink_loop(folder: Path) -> Path:
    os.symlink("loop.ttl", folder / "loop.ttl")
    return folder / "loop.ttl"


def symlink_pair_loop(folder: Path) -> None:
    os.symlink("loop-b.ttl", folder / "loop-a.ttl")
    os.symlink("loop-a.ttl", folder / "loop-b.ttl")


def broken_symlink(folder: Path) -> Path:
    os.symlink("gone.ttl", folder / "link.ttl")
    return folder / "link.ttl"


def named_pipe(folder: Path) -> Path:
    path = folder / "pipe.ttl"
    os.mkfifo(path)
    return path


def surrogate_escape(folder: Path) -> Path:
    """A \\u escape naming half of a UTF-16 surrogate pair (rdf-tests' turtle-syntax-bad-numeric-escape)."""
    path = folder / "surrogate.ttl"
    path.write_bytes(b'<http://example.org/s> <http://example.org/p> "\\uD800" .\n')
    return path


def colon_in_blank_node(folder: Path) -> Path:
    """rdf-tests' turtle-syntax-bad-bnode-01."""
    path = folder / "bnode.ttl"
    path.write_bytes(b"_:b:c <http://example.org/p> <http://example.org/o> .\n")
    return path


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    # name: (make the bad entry in the folder, what the message must say); "file:line:" for parse errors
    "binary-file": (binary, r":1:1: error \[not-utf8\]: byte 0x89 is not valid UTF-8"),
    "binary-but-utf8": (binary_utf8, r":1:\d+: error \[syntax-error\]"),
    "html-saved-as-ttl": (html, r":1:\d+: error \[syntax-error\]"),
    "directory-named-x.ttl": (folder_named_ttl_given_directly, r": error \[no-turtle-files\]: no .ttl files in"),
    "symlink-loop": (symlink_loop, r": error \[unreadable-file\]: is a symbolic link loop"),
    "broken-symlink": (broken_symlink, r": error \[file-not-found\]: is a link to gone.ttl, which does not exist"),
    "named-pipe": (named_pipe, r": error \[unreadable-file\]: is not a regular file"),
    "surrogate-escape": (surrogate_escape, r":1:\d+: error \[syntax-error\]"),
    "colon-in-blank-node-label": (colon_in_blank_node, r":1:\d+: error \[syntax-error\]"),
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    """``tmp_path/ontology/`` with one good file.

    ``tmp_path`` is the working folder, so messages name ``ontology/…``.
    """
    folder = tmp_path / "ontology"
    folder.mkdir()
    (folder / "good.ttl").write_bytes(GOOD)
    monkeypatch.chdir(tmp_path)
    return folder


def run_build(run_cli, tmp_path: Path, *ontology: Path) -> tuple[int, str, Path]:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    (out / "index.html").write_bytes(PREVIOUS_MAP)
    args = ["build", "--out", out]
    for path in ontology:
        args += ["--ontology", path]
    code, stdout, stderr = run_cli(*args)
    assert "Traceback" not in stdout + stderr
    assert (out / "index.html").read_bytes() == PREVIOUS_MAP
    return code, stderr, out


def finding_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("kamgraph: ")]


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.corpus("not-turtle")) for name in CASES])
def test_not_turtle_gives_one_line_naming_the_file(name: str, folder: Path, tmp_path: Path, run_cli):
    make, wanted = CASES[name]
    bad = make(folder)
    given = bad if bad.parent != folder else folder
    code, stderr, _ = run_build(run_cli, tmp_path, *([folder, given] if given != folder else [folder]))
    assert code == 1
    [line] = finding_lines(stderr)
    assert re.match(re.escape(os.path.relpath(bad, tmp_path)) + wanted, line), line


@pytest.mark.corpus("not-turtle")
def test_a_folder_named_like_a_turtle_file_inside_the_ontology_is_walked_not_read(tmp_path: Path, run_cli):
    (tmp_path / "ontology" / "more.ttl").mkdir(parents=True)
    (tmp_path / "ontology" / "good.ttl").write_bytes(GOOD)
    other = GOOD.replace(b"/a>", b"/b>").replace(b'"A"@en', b'"B"@en')
    (tmp_path / "ontology" / "more.ttl" / "b.ttl").write_bytes(other)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli("build", "--ontology", tmp_path / "ontology", "--out", out)
    assert code == 0, stderr
    assert "(2 concepts" in stdout


@pytest.mark.corpus("not-turtle")
def test_two_links_pointing_at_each_other_are_both_named(folder: Path, tmp_path: Path, run_cli):
    symlink_pair_loop(folder)
    code, stderr, _ = run_build(run_cli, tmp_path, folder)
    assert code == 1
    assert finding_lines(stderr) == [
        f"ontology/{name}: error [unreadable-file]: is a symbolic link loop (point the link at a file)"
        for name in ("loop-a.ttl", "loop-b.ttl")]


@pytest.mark.corpus("not-turtle")
def test_a_file_that_vanishes_between_listing_and_reading(folder: Path, tmp_path: Path, run_cli, monkeypatch):
    doomed = folder / "doomed.ttl"
    doomed.write_bytes(GOOD.replace(b"/a>", b"/d>"))
    real_discover = kamgraph.sources.files.discover

    def listing_then_delete(paths):
        listed = real_discover(paths)
        doomed.unlink()
        return listed

    monkeypatch.setattr(kamgraph.sources.files, "discover", listing_then_delete)
    code, stderr, _ = run_build(run_cli, tmp_path, folder)
    assert code == 1
    [line] = finding_lines(stderr)
    assert line.startswith("ontology/doomed.ttl: error [file-not-found]: the file disappeared"), line


@pytest.mark.corpus("not-turtle")
def test_a_file_without_read_permission(folder: Path, tmp_path: Path, run_cli, monkeypatch):
    secret = folder / "secret.ttl"
    secret.write_bytes(GOOD.replace(b"/a>", b"/s>"))
    secret.chmod(0)
    deny_reading(monkeypatch, secret)
    code, stderr, _ = run_build(run_cli, tmp_path, folder)
    assert code == 1
    [line] = finding_lines(stderr)
    assert line == "ontology/secret.ttl: error [unreadable-file]: permission denied (make the file readable)"


def test_every_bad_file_is_reported_in_one_run(folder: Path, tmp_path: Path, run_cli):
    """All broken entries of one folder are listed together, one line each, so an author fixes them in one go."""
    made = [make(folder) for make, _ in CASES.values() if make is not folder_named_ttl_given_directly]
    code, stderr, _ = run_build(run_cli, tmp_path, folder)
    assert code == 1
    lines = finding_lines(stderr)
    assert sorted(line.split(":")[0] for line in lines) == sorted(os.path.relpath(path, tmp_path) for path in made)
