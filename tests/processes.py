"""A kamgraph command in a real subprocess, whose output lines a test can await with a bounded timeout."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time

import pytest

from helpers import ROOT

TIMEOUT = 30.0


class Process:
    """A kamgraph subprocess whose output lines can be awaited with a timeout."""

    def __init__(self, *args: str):
        self.popen = subprocess.Popen([sys.executable, "-m", "kamgraph", *args], cwd=ROOT, text=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=1)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.popen.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> list[str]:
        """Every line up to and including the first containing ``text``."""
        deadline = time.monotonic() + timeout
        got = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.05, deadline - time.monotonic()))
            except queue.Empty:
                break
            got.append(line)
            self.seen.append(line)
            if text in line:
                return got
        pytest.fail(f"no line with {text!r} within {timeout}s; output so far:\n" + "\n".join(self.seen))

    def stop(self) -> int:
        self.popen.send_signal(signal.SIGINT)
        try:
            return self.popen.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            return self.popen.wait(timeout=10)
