"""Write outputs atomically: a failed or interrupted build never leaves a half-written map.

The text goes to a temporary file in the same folder, is flushed to disk, and
then renamed over the target in one step (``os.replace``), so readers see the
old file or the new one, never a mix.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from kamgraph.errors import OutputError


def write_atomic(path: Path, text: str) -> Path:
    path = Path(path)
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
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        raise
    return path
