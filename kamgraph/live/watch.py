"""Rebuild on every change under the ontology paths, keeping the last good map.

watchfiles (Rust ``notify``) reports changes; each batch of changes to
``*.ttl`` files triggers one rebuild. A rebuild that fails (a broken save)
reports its findings and leaves every output as it was, because
:func:`kamgraph.pipeline.build_site` writes nothing unless all went well.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import watchfiles

from kamgraph.errors import KamgraphError, LoadError, ValidationFailed
from kamgraph.findings import Finding
from kamgraph.graph import ConceptGraph
from kamgraph.pipeline import build_map
from kamgraph.sources.files import TURTLE_SUFFIX

DEBOUNCE_MS = 100


@dataclass
class Rebuild:
    """The outcome of one rebuild."""

    ok: bool
    findings: list[Finding] = field(default_factory=list)
    concepts: ConceptGraph | None = None
    problem: str | None = None
    seconds: float = 0.0
    index_data: dict | None = None  # the whole map's page data, for the page ``serve`` shows


class Rebuilder:
    """Builds the map again on request; counts good builds (what ``serve`` tells the page)."""

    def __init__(self, paths: list[Path], out_dir: Path, *, draft: bool = False):
        self.paths, self.out_dir, self.draft = paths, out_dir, draft
        self.good_builds = 0

    def run(self) -> Rebuild:
        started = time.perf_counter()
        try:
            result = build_map(self.paths, self.out_dir, draft=self.draft)
        except (LoadError, ValidationFailed) as failure:
            return Rebuild(False, list(failure.findings), seconds=time.perf_counter() - started)
        except KamgraphError as failure:
            return Rebuild(False, problem=str(failure), seconds=time.perf_counter() - started)
        self.good_builds += 1
        return Rebuild(True, result.report.findings, result.concepts, seconds=time.perf_counter() - started,
                       index_data=result.index_data)


class TurtleFilter(watchfiles.DefaultFilter):
    """Only changes to Turtle files that the build reads (editors' swap and backup files are ignored)."""

    def __init__(self, paths: list[Path]):
        super().__init__()
        self.files = {p.resolve() for p in paths if not p.is_dir()}
        self.folders = [p.resolve() for p in paths if p.is_dir()]

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        candidate = Path(path).resolve()
        if candidate in self.files:
            return True
        return (candidate.suffix == TURTLE_SUFFIX and super().__call__(change, path)
                and any(candidate.is_relative_to(folder) for folder in self.folders))


def watch_roots(paths: list[Path]) -> list[Path]:
    """Folders to watch: each folder given, and the folder of each file (editors replace files on save)."""
    roots = [p if p.is_dir() else p.parent for p in (Path(x).resolve() for x in paths)]
    return sorted(set(roots))


def changes(paths: list[Path], stop: threading.Event | None = None) -> Iterator[set[tuple[watchfiles.Change, str]]]:
    """Batches of changes to the ontology's Turtle files, until ``stop`` is set.

    The first batch is always empty and comes once the watcher is running, so
    a caller that builds then misses no save made during its build.
    """
    started = False
    for batch in watchfiles.watch(*watch_roots(paths), watch_filter=TurtleFilter(paths), debounce=DEBOUNCE_MS,
                                  step=50, stop_event=stop, raise_interrupt=True, yield_on_timeout=True,
                                  rust_timeout=250):
        if batch or not started:
            started = True
            yield batch


def watch_and_rebuild(rebuilder: Rebuilder, report: Callable[[Rebuild], None],
                      stop: threading.Event | None = None) -> None:
    """Build once the watcher runs, then again after every batch of changes; ``report`` hears each outcome."""
    for _ in changes(rebuilder.paths, stop):
        report(rebuilder.run())
