"""Write outputs atomically: a failed or interrupted build never leaves a half-written map.

This module is the only place kamgraph writes files. Each text goes to a
temporary file in the target's own folder and is flushed to disk; only when
every file has been written this way are they renamed over their targets
(``os.replace``, one atomic step each): :func:`write_files`.

A build writes many pages and its layout cache, and they must be seen together:
:func:`new_generation` gives it a fresh folder beside ``--out`` holding a copy
of the current one (hard links, so it costs no space), the build writes there,
and the finished folder is swapped with ``--out`` in one step (Linux
``renameat2(RENAME_EXCHANGE)``). Until that step nothing under ``--out`` has
changed, caches included; after it, every new file is there at once. A build
killed before the swap leaves only its own folder beside ``--out``, removed by
the next build.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kamgraph.errors import OutputError

FILE_MODE = 0o644
GENERATION_MARK = ".kamgraph-generation-"  # in the name of a build's folder beside --out: .<out>.kamgraph-...
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def write_atomic(path: Path, text: str) -> Path:
    """Write one file atomically; see :func:`write_files`."""
    return write_files({Path(path): text})[0]


def write_files(files: dict[Path, str]) -> list[Path]:
    """Write every ``path: text`` pair, all or none; raise :class:`OutputError` when one cannot be written."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files.items():
            staged.append((_stage(Path(path), text), Path(path)))
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException as exc:
        for temporary, _ in staged:
            _remove(temporary)
        if isinstance(exc, OSError):  # only os.replace gets here: _stage raises OutputError
            raise OutputError(f"{exc.filename2 or exc.filename}: cannot replace: {exc.strerror or exc}") from exc
        raise
    for folder in {path.parent for _, path in staged}:
        _sync_folder(folder)
    return [path for _, path in staged]


def _stage(path: Path, text: str) -> str:
    """Write ``text`` to a new temporary file beside ``path``, on disk; return its name."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, FILE_MODE)
    except BaseException as exc:
        _remove(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise
    return temporary


def _remove(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable (where the platform allows opening a folder)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


@contextlib.contextmanager
def new_generation(out_dir: Path) -> Iterator[Path]:
    """A folder to write the next content of ``out_dir`` into; it replaces ``out_dir`` whole when the block ends.

    The folder starts as a copy of ``out_dir`` (hard links), so files the build
    does not write (a cache, someone's notes) carry over. An exception in the
    block removes it and leaves ``out_dir`` as it was.
    """
    out_dir = Path(os.path.realpath(out_dir))  # a link to a folder: swap the folder it names, keep the link
    if Path.cwd().resolve().is_relative_to(out_dir):
        raise OutputError(f"{out_dir}: the output folder holds the working folder; give --out a folder of its own")
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: cannot write here: not a folder")
    _remove_abandoned(out_dir)
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{GENERATION_MARK}{os.getpid()}-",
                                        dir=out_dir.parent))
    except OSError as exc:
        raise OutputError(f"{out_dir}: cannot write here: {exc.strerror or exc}") from exc
    try:
        if out_dir.is_dir():
            _link_tree(out_dir, staging)
        yield staging
        _sync_folder(staging)
        _switch(staging, out_dir)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{out_dir}: cannot write: {exc.strerror or exc}") from exc
        raise
    shutil.rmtree(staging, ignore_errors=True)  # now the previous generation
    _sync_folder(out_dir.parent)


def _link_tree(source: Path, target: Path) -> None:
    """Copy the tree under ``source`` into the existing folder ``target``: files as hard links, links as links."""
    with os.scandir(source) as entries:
        for entry in entries:
            destination = target / entry.name
            if entry.is_symlink():
                os.symlink(os.readlink(entry.path), destination)
            elif entry.is_dir():
                os.mkdir(destination)
                shutil.copystat(entry.path, destination)
                _link_tree(Path(entry.path), destination)
            else:
                try:
                    os.link(entry.path, destination)
                except OSError:  # a file system without hard links
                    shutil.copy2(entry.path, destination)


def _switch(staging: Path, out_dir: Path) -> None:
    """Put ``staging`` at ``out_dir`` in one step; ``staging`` then holds what was there (if anything)."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        os.mkdir(staging)  # so the caller's clean-up finds what it expects
        return
    if _exchange(staging, out_dir):
        return
    # No atomic exchange here (not Linux, or a file system without it): two renames, a moment without out_dir.
    previous = staging.with_name(staging.name + "-previous")
    os.rename(out_dir, previous)
    os.rename(staging, out_dir)
    os.rename(previous, staging)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2(RENAME_EXCHANGE); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _remove_abandoned(out_dir: Path) -> None:
    """Remove the folders of builds into ``out_dir`` that were killed (their process is gone)."""
    with contextlib.suppress(OSError):
        for candidate in out_dir.parent.glob(f".{out_dir.name}{GENERATION_MARK}*"):
            pid = candidate.name.removeprefix(f".{out_dir.name}{GENERATION_MARK}").split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(candidate, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != 0
