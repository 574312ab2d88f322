"""A progress line on the terminal for builds that take more than a second.

It appears only when standard error is a terminal, and only once the build
has run for ``DELAY`` seconds, so quick builds, pipes, CI logs and the
machine-readable outputs stay exactly as they were. It is transient: it
vanishes when the build ends.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.status import Status

DELAY = 1.0


class StageProgress:
    """Call with each stage's name; use as a context manager around the build."""

    def __init__(self, *, enabled: bool | None = None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.started = time.monotonic()
        self._status: Status | None = None  # rich is imported only once a build turns out slow
        self._stage = ""

    def __call__(self, stage: str) -> None:
        self._stage = stage
        if not self.enabled:
            return
        if self._status is None and time.monotonic() - self.started >= DELAY:
            from rich.console import Console

            self._status = Console(file=getattr(sys.stderr, "raw", sys.stderr)).status(stage)  # its own escapes, raw
            self._status.start()
        elif self._status is not None:
            self._status.update(stage)

    def __enter__(self) -> StageProgress:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None
