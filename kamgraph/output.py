"""Write outputs atomically: a failed or interrupted build never leaves a half-written map.

This module is the only place kamgraph writes files. Each text goes to a
temporary file in the target's own folder and is flushed to disk; only when
every file of the build has been written this way are they renamed over their
targets (``os.replace``, one atomic step each). Readers, and builds running at
the same time, see an old file or a new one, never a mix; a failure before the
renames (full disk, unwritable folder, Ctrl-C) leaves every previous file as it
was and no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from kamgraph.errors import OutputError

FILE_MODE = 0o644


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
