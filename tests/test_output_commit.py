"""Fault injection in a build's commit: killed at every file-system step, --out is the old build or the new one.

A forked child runs a real build and is killed (``os._exit``, no clean-up, as
SIGKILL would) at its N-th file-system step: every call that creates, links,
renames, syncs or removes (``os.link``, ``os.mkdir``, ``os.rename``,
``os.replace``, ``os.fsync``, ``os.symlink``, ``os.unlink``, ``tempfile.mkstemp``,
``tempfile.mkdtemp``, ``shutil.rmtree``, the atomic exchange). N runs from 1
until a build completes without reaching it. After each kill every file under
``--out``, layout cache included, must be byte for byte the previous build or
the new one, never a mix; the next build must succeed and leave nothing of the
killed one beside ``--out``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

import kamgraph.output
from helpers import FIXTURES, SMALL
from kamgraph.pipeline import build_map

KILLED = 87
STEPS = [(os, "link"), (os, "mkdir"), (os, "rename"), (os, "replace"), (os, "fsync"), (os, "symlink"),
         (os, "unlink"), (tempfile, "mkstemp"), (tempfile, "mkdtemp"), (shutil, "rmtree"),
         (kamgraph.output, "_exchange")]


def everything(folder: Path) -> dict[str, bytes | str]:
    """Every entry below ``folder`` (caches included): a file's bytes, a link's target, a folder as "<dir>"."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"-> {os.readlink(path)}"
        elif path.is_dir():
            found[name] = "<dir>"
        else:
            found[name] = path.read_bytes()
    return found


def build_killed_at(step: int, out: Path) -> int:
    """Build small.ttl into ``out`` in a forked child killed at its ``step``-th file-system call; its exit code."""
    pid = os.fork()
    if pid == 0:  # the child: count the steps, die at the chosen one, never return into pytest
        try:
            count = [0]
            for module, name in STEPS:
                real = getattr(module, name)

                def counted(*args, _real=real, **kwargs):
                    count[0] += 1
                    if count[0] == step:
                        os._exit(KILLED)
                    return _real(*args, **kwargs)

                setattr(module, name, counted)
            build_map([SMALL], out)
            os._exit(0)
        except BaseException:  # noqa: BLE001 - a child must never fall back into the test runner
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    """A folder holding a complete build of payloads.ttl (pages and cache), a file of someone else's and a link."""
    out = tmp_path / "template"
    build_map([FIXTURES / "payloads.ttl"], out)
    (out / "notes.txt").write_text("someone else's file\n", encoding="utf-8")
    (out / "latest").symlink_to("index.html")
    return out


@pytest.mark.corpus("fault-injection commit")
def test_a_build_killed_at_any_step_leaves_the_old_output_or_the_new(previous: Path, tmp_path: Path):
    old = everything(previous)
    reference = tmp_path / "reference"
    shutil.copytree(previous, reference, symlinks=True)
    build_map([SMALL], reference)
    new = everything(reference)
    assert new != old and new["notes.txt"] == old["notes.txt"]
    assert any(name.startswith(".layout-cache/") for name in new if name not in old)  # the cache changes too

    outcomes = []
    for step in range(1, 500):
        out = tmp_path / f"out-{step}" / "site"
        shutil.copytree(previous, out, symlinks=True)
        code = build_killed_at(step, out)
        state = everything(out)
        assert state in (old, new), f"killed at step {step}: a mix of the old and the new build"
        outcomes.append("old" if state == old else "new")
        build_map([SMALL], out)  # the next build cleans up after the killed one
        assert everything(out) == new
        assert os.listdir(out.parent) == ["site"], f"killed at step {step}: left {os.listdir(out.parent)}"
        shutil.rmtree(out.parent)
        if code == 0:
            break
        assert code == KILLED, f"step {step}: the build failed ({code}) instead of being killed"
    else:
        pytest.fail("the build never completed")
    assert len(outcomes) > 10  # a build takes many steps, and each was a kill point
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert outcomes == sorted(outcomes, key=["old", "new"].index)  # one switch, never back


@pytest.mark.corpus("fault-injection commit")
def test_a_full_disk_on_the_last_page_leaves_the_cache_as_it_was(previous: Path, monkeypatch, run_cli):
    """The layout cache is written before the pages: a build failing on a page must not keep its new cache."""
    import errno

    old = everything(previous)
    real_stage = kamgraph.output._stage
    staged: list[str] = []

    def full_at_the_map(path: Path, text: str) -> str:
        staged.append(path.name)
        if path.name == "index.html":
            raise kamgraph.output.OutputError(f"{path}: cannot write: {os.strerror(errno.ENOSPC)}")
        return real_stage(path, text)

    monkeypatch.setattr(kamgraph.output, "_stage", full_at_the_map)
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", previous)
    assert code == 1 and "No space left on device" in err
    assert any(name.endswith(".json") for name in staged)  # new cache files were written (in the new folder)
    assert everything(previous) == old
    assert sorted(os.listdir(previous.parent)) == ["template"]
