"""Every row of the performance goals table, measured side by side on this machine, with its ratio; then the peers.

    .venv/bin/python benchmarks/goals.py                  # the whole table (10-20 minutes on a loaded 2-core machine)
    .venv/bin/python benchmarks/goals.py --quick          # fewer runs, no 50k vocabulary
    .venv/bin/python benchmarks/goals.py --install-peers  # first create the peers' venvs (below), then measure
    .venv/bin/python benchmarks/goals.py --browser-only output /tmp/stw-out  # the page-ready rows on built folders

How it measures. Every build is a whole ``kamgraph build`` process. The
commands that a ratio compares run alternated (A B A B, the order turned each
repetition); each ratio is the median of the ratios within a repetition, and
is given for wall time and for CPU time (user + system, from ``os.wait4``),
since on a machine shared with others wall time says more about the
neighbours than about the program. Peak memory is the child's maximum RSS.

* *cold*: a fresh ``--out`` folder and an empty cache folder (``KAMGRAPH_CACHE_DIR``):
  nothing laid out or validated before. *warm*: the same folder and cache again.
* the *import floor* is ``python -c "import rdflib, networkx, pyvis.network"``;
  the *parse* is pyoxigraph's ``parse()`` of the same file, read into a list, timed in-process.
* *page ready*: headless Chromium, from navigation start to the first drawing
  of the map (``<html data-ready="true">``), in wall time and as the renderer
  main thread's CPU time from the first HTML parsed to then (Chrome's trace
  thread clock: ``page_ready.main_thread_cpu_ms``). The *bare pyvis page* is what
  pyvis itself writes for the same nodes, labels, colours, positions and edges
  with physics off, marked ready at its first drawing the same way; its two
  CDN tags are taken out so that neither page waits for the network.
* *installed size*: the files of kamgraph's runtime dependency closure (no test
  extras), summed from each distribution's RECORD in this environment.

The peers (pyLODE 2.13 ``-p vocpub``, Ontospy 2.7 ``gendocs --type 1``) each live in a
venv of their own, ``PEERS/pylode`` and ``PEERS/ontospy`` (default ``/tmp/kamgraph-peers``)::

    python3 -m venv /tmp/kamgraph-peers/pylode && /tmp/kamgraph-peers/pylode/bin/pip install pylode==2.13.2
    python3 -m venv /tmp/kamgraph-peers/ontospy && /tmp/kamgraph-peers/ontospy/bin/pip install ontospy==2.7

(``--install-peers`` runs exactly these.) A peer that is not installed is skipped, and the report says so.
They read one file, so on KAM they get the ontology's data files merged into one
Turtle file (shapes apart); kamgraph reads the ontology folder as it always does.
Not a test: it asserts nothing, it reports.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from skos_generator import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KAMGRAPH = str(BIN / "kamgraph")
ONTOLOGY = ROOT / "ontology"
STW_CANDIDATES = (ROOT.parent / "shared" / "data" / "stw-skos.ttl", Path("/work/shared/data/stw-skos.ttl"))
FLOOR = [sys.executable, "-c", "import rdflib, networkx, pyvis.network"]
PARSE = ("import sys, time, pyoxigraph as ox\ndata = open(sys.argv[1], 'rb').read()\n"
         "t = time.perf_counter(); c = time.process_time(); list(ox.parse(data, format=ox.RdfFormat.TURTLE))\n"
         "print(time.perf_counter() - t, time.process_time() - c)")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PEERS = {"pylode": "pylode==2.13.2", "ontospy": "ontospy==2.7"}


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: int


class OverBudget(Exception):
    """A child ran longer than the budget (``--budget``) and was stopped: the row says so instead of a ratio."""


BUDGET = [900.0]  # wall seconds one child may take; set from --budget


def run(command: list[str], *, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Run:
    """One child process: wall seconds, CPU seconds (user + system) and peak RSS; it must succeed in the budget."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, cwd=cwd,
                                   env={**os.environ, **(env or {})})
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > BUDGET[0]:
                process.kill()
                _, _, usage = os.wait4(process.pid, 0)
                raise OverBudget(f"stopped after {BUDGET[0]:.0f} s wall ({usage.ru_utime + usage.ru_stime:.0f} s CPU, "
                                 f"{usage.ru_maxrss // 1024} MB)")
            time.sleep(0.02)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command)}\n{errors.read().decode(errors='replace')[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def parse_seconds(source: Path) -> tuple[float, float]:
    """pyoxigraph's parse of ``source`` in-process: (wall, CPU) seconds, imports excluded."""
    output = subprocess.run([sys.executable, "-c", PARSE, str(source)], capture_output=True, text=True, check=True)
    wall, cpu = output.stdout.split()
    return float(wall), float(cpu)


class Scratch:
    """Fresh folders for outputs and caches, numbered, under one temporary folder."""

    def __init__(self, root: Path):
        self.root, self.count = root, 0

    def fresh(self, name: str) -> Path:
        self.count += 1
        path = self.root / f"{name}-{self.count}"
        path.mkdir(parents=True)
        return path


def build(source: Path, out: Path, cache: Path) -> Run:
    return run([KAMGRAPH, "build", "--ontology", str(source), "--out", str(out)],
               env={"KAMGRAPH_CACHE_DIR": str(cache)})


def alternated(commands: dict[str, Callable[[], Run]], runs: int) -> dict[str, list[Run]]:
    """Each command once per repetition, the order turned by one each time (A B C, B C A, ...)."""
    names = list(commands)
    results: dict[str, list[Run]] = {name: [] for name in names}
    for repetition in range(runs):
        turn = repetition % len(names)
        for name in names[turn:] + names[:turn]:
            results[name].append(commands[name]())
    return results


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    """Median (min–max) of ``values``."""
    if len(values) == 1:
        return f"{values[0]:.{digits}f} {unit}"
    return f"{statistics.median(values):.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def ratio_text(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}×" + (f" ({min(ratios):.2f}–{max(ratios):.2f})" if len(ratios) > 1 else "")


def verdict(value: float, goal: float) -> str:
    return "met" if value <= goal else "NOT met"


def print_row(work: str, measured: str, goal: str, status: str) -> None:
    print(f"| {work} | {measured} | {goal} | {status} |", flush=True)


def folder_bytes(folder: Path, *, skip_hidden: bool = False) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()
               and not (skip_hidden and any(part.startswith(".") for part in p.relative_to(folder).parts)))


# --- the rows -----------------------------------------------------------------------------------------------


def kam_rows(scratch: Scratch, runs: int) -> Path:
    """KAM build warm and cold against the import floor; returns a cold build's output folder."""
    warm_out, warm_cache = scratch.fresh("kam-warm-out"), scratch.fresh("kam-warm-cache")
    build(ONTOLOGY, warm_out, warm_cache)
    last_cold: list[Path] = []

    def cold() -> Run:
        out = scratch.fresh("kam-cold-out")
        last_cold.append(out)
        return build(ONTOLOGY, out, scratch.fresh("kam-cold-cache"))

    def validated_before() -> Run:  # a fresh output folder, validation results cached: layout and pages redone
        return build(ONTOLOGY, scratch.fresh("kam-fresh-out"), warm_cache)

    results = alternated({"floor": lambda: run(FLOOR), "warm": lambda: build(ONTOLOGY, warm_out, warm_cache),
                          "cold": cold, "fresh out, validated before": validated_before}, runs)
    floor = results["floor"]
    print(f"\nimport floor: {spread([r.wall for r in floor])} wall, {spread([r.cpu for r in floor])} CPU "
          f"({runs} runs each, alternated)\n")
    print("| work | measured (median of per-repetition ratios, min–max) | goal | |")
    print("|---|---|---|---|")
    for name, goal in (("warm", 2.0), ("cold", 2.5), ("fresh out, validated before", None)):
        builds = results[name]
        wall = [b.wall / f.wall for b, f in zip(builds, floor, strict=True)]
        cpu = [b.cpu / f.cpu for b, f in zip(builds, floor, strict=True)]
        status = (f"wall {verdict(statistics.median(wall), goal)}, CPU {verdict(statistics.median(cpu), goal)}"
                  if goal else "(not a goal: shows the validation cache's share)")
        print_row(f"KAM build, {name} ÷ import floor",
                  f"wall {ratio_text(wall)} ({spread([b.wall for b in builds])}); "
                  f"CPU {ratio_text(cpu)} ({spread([b.cpu for b in builds])}); "
                  f"peak {max(b.peak_mb for b in builds)} MB",
                  f"≤ {goal}×" if goal else "–", status)
    return last_cold[-1]


def large_row(name: str, source: Path, scratch: Scratch, runs: int, goal: float,
              rss_goal: int | None = None) -> Path | None:
    """A cold build against the import floor plus pyoxigraph's parse of the same file."""
    outs: list[Path] = []

    def cold() -> Run:
        out = scratch.fresh(f"{name}-out")
        outs.append(out)
        return build(source, out, scratch.fresh(f"{name}-cache"))

    parses: list[tuple[float, float]] = []

    def parse() -> Run:
        wall, cpu = parse_seconds(source)
        parses.append((wall, cpu))
        return Run(wall, cpu, 0)

    try:
        results = alternated({"floor": lambda: run(FLOOR), "build": cold, "parse": parse}, runs)
    except OverBudget as stopped:
        print_row(f"{name} cold build ÷ (import floor + pyoxigraph parse)", f"the build was {stopped}",
                  f"≤ {goal}×" + (f"; ≤ {rss_goal} MB" if rss_goal else ""), "NOT met (did not finish)")
        return None
    floor, builds = results["floor"], results["build"]
    wall = [b.wall / (f.wall + p[0]) for b, f, p in zip(builds, floor, parses, strict=True)]
    cpu = [b.cpu / (f.cpu + p[1]) for b, f, p in zip(builds, floor, parses, strict=True)]
    peak = max(b.peak_mb for b in builds)
    status = f"wall {verdict(statistics.median(wall), goal)}, CPU {verdict(statistics.median(cpu), goal)}"
    if rss_goal is not None:
        status += f"; RSS {verdict(peak, rss_goal)}"
    print_row(f"{name} cold build ÷ (import floor + pyoxigraph parse)",
              f"wall {ratio_text(wall)} (build {spread([b.wall for b in builds])}, parse "
              f"{spread([p[0] for p in parses])}); CPU {ratio_text(cpu)} (build {spread([b.cpu for b in builds])}); "
              f"peak {peak} MB", f"≤ {goal}×" + (f"; ≤ {rss_goal} MB" if rss_goal else ""), status)
    return outs[-1]


def bare_pyvis_page(index: Path, target: Path) -> Path:
    """What pyvis writes for the map's own nodes, labels, colours, positions and edges, physics off."""
    from pyvis.network import Network

    from kamgraph.views.wire import decode

    text = index.read_text(encoding="utf-8")
    island = re.search(r'id="kamgraph-data">(.*?)</script>', text, re.DOTALL)
    assert island, f"{index}: no page data"
    data = decode(json.loads(island.group(1)))  # the wire form: kamgraph/views/wire.py
    language = data["languages"][0]
    network = Network(directed=True, cdn_resources="in_line", height="100vh", width="100%")
    for concept in data["concepts"]:
        label = concept["labels"].get(language) or concept["id"]
        network.add_node(concept["id"], label=label, color=concept["colour"], x=concept["x"], y=concept["y"],
                         shape="box", physics=False)
    for edge in data["edges"]:
        network.add_edge(edge["from"], edge["to"])
    network.toggle_physics(False)
    html = network.generate_html()
    html = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*>|<script[^>]+src="https?://[^"]+"[^>]*></script>', "", html)
    mark = ('<script>network.once("afterDrawing", function () {'
            ' document.documentElement.setAttribute("data-ready", "true"); }); network.redraw();</script>')
    target.write_text(html.replace("</body>", mark + "</body>"), encoding="utf-8")
    return target


@contextmanager
def chromium() -> Iterator[Callable[[Path], Run]]:
    """A function loading a page once: seconds from navigation start to its first drawing (``wall``) and
    the renderer main thread's CPU seconds from the first HTML parsed to then (``cpu``, NaN if the trace lacks it)."""
    from page_ready import TRACE_CATEGORIES, WATCH_READY, main_thread_cpu_ms
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("KAMGRAPH_CHROMIUM") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)

        def ready(page_file: Path) -> Run:
            context = browser.new_context(viewport={"width": 1366, "height": 768})
            page = context.new_page()
            page.add_init_script(WATCH_READY)
            browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
            page.goto(page_file.resolve().as_uri())
            page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=180_000)
            cpu = main_thread_cpu_ms(browser.stop_tracing())
            milliseconds = float(page.evaluate("window.__readyAt"))
            context.close()
            return Run(milliseconds / 1000, float("nan") if cpu is None else cpu / 1000, 0)

        yield ready
        browser.close()


def paired_ratios(tops: list[Run], bottoms: list[Run], field: str) -> list[float]:
    """``top.field / bottom.field`` per repetition, leaving out repetitions where either is NaN."""
    pairs = [(getattr(t, field), getattr(b, field)) for t, b in zip(tops, bottoms, strict=True)]
    return [t / b for t, b in pairs if t == t and b == b]


def browser_rows(kam_out: Path, stw_out: Path | None, scratch: Scratch, runs: int) -> None:
    kam_page = kam_out / "index.html"
    bare = bare_pyvis_page(kam_page, scratch.fresh("bare") / "bare-pyvis.html")
    if not Path(os.environ.get("KAMGRAPH_CHROMIUM") or "/usr/bin/chromium").exists():
        print_row("KAM page ready ÷ bare pyvis page", "skipped: Chromium not found", "≤ 1.0×", "not measured")
        return
    with chromium() as ready:
        ready(kam_page)  # the first load of a fresh browser is slower for any page
        pages = {"kam": kam_page, "bare": bare} | ({"stw": stw_out / "index.html"} if stw_out else {})

        def load(page: Path) -> Callable[[], Run]:
            return lambda: ready(page)

        times = alternated({name: load(page) for name, page in pages.items()}, runs)

    def both(top: str, bottom: str) -> tuple[str, list[float], list[float]]:
        wall, cpu = paired_ratios(times[top], times[bottom], "wall"), paired_ratios(times[top], times[bottom], "cpu")
        cpus = [r.cpu for r in times[top] if r.cpu == r.cpu]
        text = (f"wall {ratio_text(wall)} ({top.upper()} {spread([r.wall for r in times[top]])}); "
                f"main-thread CPU {ratio_text(cpu) if cpu else 'not measured'}"
                + (f" ({top.upper()} {spread(cpus, digits=3)})" if cpus else ""))
        return text, wall, cpu

    def verdicts(wall: list[float], cpu: list[float], goal: float) -> str:
        return (f"wall {verdict(statistics.median(wall), goal)}"
                + (f", CPU {verdict(statistics.median(cpu), goal)}" if cpu else ""))

    text, wall, cpu = both("kam", "bare")
    bare_cpu = [r.cpu for r in times["bare"] if r.cpu == r.cpu]
    print_row("KAM page ready ÷ bare pyvis page (same graph, positions, physics off)",
              f"{text}; bare {spread([r.wall for r in times['bare']])} wall"
              + (f", {spread(bare_cpu, digits=3)} CPU" if bare_cpu else ""),
              "≤ 1.0×", verdicts(wall, cpu, 1.0))
    if stw_out:
        text, wall, cpu = both("stw", "kam")
        weight = (stw_out / "index.html").stat().st_size / 1e6
        print_row("STW page ready ÷ KAM page ready; STW page weight", f"{text}; {weight:.1f} MB", "≤ 3×; ≤ 6 MB",
                  f"ready {verdicts(wall, cpu, 3.0)}; weight {verdict(weight, 6.0)}")


def output_row(kam_out: Path) -> None:
    pages = folder_bytes(kam_out, skip_hidden=True) / 1e6
    everything = folder_bytes(kam_out) / 1e6
    print_row("everything a KAM build writes", f"{everything:.2f} MB ({pages:.2f} MB of pages, the rest the layout "
              f"cache); index.html {(kam_out / 'index.html').stat().st_size / 1e6:.2f} MB", "≤ 2.5 MB",
              verdict(everything, 2.5))


def runtime_closure(name: str = "kamgraph") -> list[metadata.Distribution]:
    """kamgraph and every distribution it needs at run time (markers honoured, no extras), each once."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [name]
    while todo:
        wanted = re.split(r"[\s<>=!~;\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if wanted in seen:
            continue
        try:
            distribution = metadata.distribution(wanted)
        except metadata.PackageNotFoundError:
            continue
        seen[wanted] = distribution
        for requirement in distribution.requires or []:
            if "extra ==" in requirement:
                continue
            marker = requirement.split(";", 1)[1] if ";" in requirement else ""
            if marker and not _marker_holds(marker):
                continue
            todo.append(requirement)
    return list(seen.values())


def _marker_holds(marker: str) -> bool:
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    return Marker(marker).evaluate()


def distribution_bytes(distribution: metadata.Distribution) -> int:
    total = 0
    for file in distribution.files or []:
        path = Path(str(distribution.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def install_row() -> None:
    sizes = sorted(((distribution_bytes(d), d.metadata["Name"]) for d in runtime_closure()), reverse=True)
    total = sum(size for size, _ in sizes) / 1e6
    largest = ", ".join(f"{name} {size / 1e6:.0f}" for size, name in sizes[:6])
    print_row("installed size (kamgraph's runtime dependencies)",
              f"{total:.0f} MB in {len(sizes)} distributions (largest, MB: {largest})",
              "drop what no build needs", "scipy " + ("still installed" if any(n.lower() == "scipy" for _, n in sizes)
                                                      else "dropped"))


# --- peers --------------------------------------------------------------------------------------------------


def merged_kam(target: Path) -> Path:
    """The ontology's data files (shapes apart) as one Turtle file, for the peers that read one file."""
    from kamgraph.sources.files import load_ontology

    ontology = load_ontology([ONTOLOGY])
    graph = ontology.index().to_graph()
    for prefix, namespace in ontology.prefixes().items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.serialize(target, format="turtle")
    return target


def peers(peer_root: Path, kam_file: Path, stw: Path | None, scratch: Scratch, runs: int, large_runs: int) -> None:
    print("\nPeers, whole processes, alternated with a cold kamgraph build of the same vocabulary; "
          "ratio = peer ÷ kamgraph (wall, CPU):\n")
    commands: dict[str, Callable[[Path, Path], list[str]]] = {}
    pylode = peer_root / "pylode" / "bin" / "pylode"
    ontospy = peer_root / "ontospy" / "bin" / "ontospy"
    if pylode.exists():
        commands["pyLODE 2.13 -p vocpub"] = lambda source, out: [str(pylode), "-i", str(source), "-p", "vocpub",
                                                                  "-o", str(out / "pylode.html")]
    else:
        print(f"pyLODE: skipped, not installed ({pylode} missing; see this script's docstring)")
    if ontospy.exists():
        commands["Ontospy 2.7 gendocs --type 1"] = lambda source, out: [str(ontospy), "gendocs", "--type", "1",
                                                                        "-o", str(out), str(source)]
    else:
        print(f"Ontospy: skipped, not installed ({ontospy} missing; see this script's docstring)")
    if not commands:
        return
    print("| vocabulary | tool | wall | CPU | peak RSS | peer ÷ kamgraph |")
    print("|---|---|---|---|---|---|")
    inputs = [("KAM", ONTOLOGY, kam_file, runs)] + ([("STW", stw, stw, large_runs)] if stw else [])
    for name, ours, theirs, repetitions in inputs:
        outs: dict[str, Path] = {}

        def ours_cold(source: Path = ours) -> Run:
            return build(source, scratch.fresh("peer-kam-out"), scratch.fresh("peer-kam-cache"))

        def peer_job(tool: str, command: Callable[[Path, Path], list[str]], source: Path,
                     outs: dict[str, Path] = outs) -> Callable[[], Run]:
            def job() -> Run:
                out = outs[tool] = scratch.fresh("peer-out")  # Ontospy exits 0 having written nothing without it
                return run(command(source, out), cwd=out)
            return job

        jobs: dict[str, Callable[[], Run]] = {"kamgraph build (cold)": ours_cold}
        for tool, command in commands.items():
            jobs[tool] = peer_job(tool, command, theirs)
        try:
            results = alternated(jobs, repetitions)
        except OverBudget as stopped:
            print(f"| {name} | (one of the tools) | {stopped} | | | not measured |", flush=True)
            continue
        ours_runs = results["kamgraph build (cold)"]
        for tool, runs_of in results.items():
            wall = [r.wall / k.wall for r, k in zip(runs_of, ours_runs, strict=True)]
            cpu = [r.cpu / k.cpu for r, k in zip(runs_of, ours_runs, strict=True)]
            written = "" if tool.startswith("kamgraph") else f"; wrote {folder_bytes(outs[tool]) / 1e6:.1f} MB"
            print(f"| {name} | {tool} | {spread([r.wall for r in runs_of])} | {spread([r.cpu for r in runs_of])} | "
                  f"{max(r.peak_mb for r in runs_of)} MB | {ratio_text(wall)}, {ratio_text(cpu)}{written} |",
                  flush=True)


def install_peers(peer_root: Path) -> None:
    for name, requirement in PEERS.items():
        venv = peer_root / name
        if not (venv / "bin" / name).exists():
            subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
            subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", requirement], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each small measurement")
    parser.add_argument("--large-runs", type=int, default=3, help="repetitions on STW and of the peers on STW")
    parser.add_argument("--quick", action="store_true", help="3 and 1 repetitions, no 50k vocabulary")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--peers", type=Path, default=Path("/tmp/kamgraph-peers"), help="the peers' venvs")
    parser.add_argument("--install-peers", action="store_true")
    parser.add_argument("--stw", type=Path, help="the STW thesaurus (default: ../shared/data/stw-skos.ttl)")
    parser.add_argument("--budget", type=float, default=900.0, help="wall seconds any one process may take")
    parser.add_argument("--browser-only", nargs="+", type=Path, metavar="OUT",
                        help="only the page-ready rows, on these built --out folders: KAM's, then optionally STW's")
    args = parser.parse_args()
    BUDGET[0] = args.budget
    runs, large_runs = (3, 1) if args.quick else (args.runs, args.large_runs)
    stw = args.stw or next((p for p in STW_CANDIDATES if p.exists()), None)
    if args.install_peers:
        install_peers(args.peers)
    print(f"kamgraph {metadata.version('kamgraph')} at {ROOT} (git {_git_head()}); {os.cpu_count()} CPUs; "
          f"load average before: {_load()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    with tempfile.TemporaryDirectory(prefix="kamgraph-goals-") as tmp:
        scratch = Scratch(Path(tmp))
        if args.browser_only:
            kam_page, *stw_page = args.browser_only
            browser_rows(kam_page, stw_page[0] if stw_page else None, scratch, runs)
            print(f"\nload average after: {_load()}")
            return
        kam_out = kam_rows(scratch, runs)
        stw_out = large_row("STW", stw, scratch, large_runs, 4.0) if stw else None
        if not stw:
            print_row("STW cold build", "skipped: stw-skos.ttl not found (--stw)", "≤ 4×", "not measured")
        if not args.quick:
            synthetic = scratch.fresh("syn") / "syn-50000.ttl"
            synthetic.write_text(generate(50_000), encoding="utf-8")
            large_row("50k synthetic", synthetic, scratch, 1, 6.0, rss_goal=600)
        browser_rows(kam_out, stw_out, scratch, runs)
        output_row(kam_out)
        install_row()
        if not args.no_peers:
            peers(args.peers, merged_kam(scratch.fresh("merged") / "kam.ttl"), stw, scratch, runs, large_runs)
    print(f"\nload average after: {_load()}")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _git_head() -> str:
    result = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h"], capture_output=True, text=True,
                            check=False)
    return result.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
