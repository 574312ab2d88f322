"""Benchmark kamgraph on synthetic SKOS vocabularies and the STW thesaurus; print a Markdown report.

    .venv/bin/python benchmarks/run.py            # 1k, 10k, STW (a few minutes)
    .venv/bin/python benchmarks/run.py --large    # also 50k concepts

Every build is a whole `kamgraph build` process with a cold layout cache;
times are medians, peak memory is the child's maximum RSS (os.wait4). Ratios
are taken against baselines measured in the same run, so they hold on any
machine. Not a test: it asserts nothing, it reports.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from skos_generator import generate

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STW = ROOT.parent / "shared" / "data" / "stw-skos.ttl"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss // 1024


def build_runs(source: Path, out: Path, runs: int) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        elapsed, peak = timed([str(BIN / "kamgraph"), "build", "--ontology", str(source), "--out", str(out)])
        times.append(elapsed)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def parse_ratio(source: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds of pyoxigraph's own parse and of kamgraph's load (parse into the Oxigraph store)."""
    script = ("import sys, time, pyoxigraph as ox\nfrom kamgraph.sources.files import load_ontology\n"
              "t = time.perf_counter(); list(ox.parse(path=sys.argv[1], format=ox.RdfFormat.TURTLE))\n"
              "a = time.perf_counter() - t; t = time.perf_counter(); load_ontology(sys.argv[1])\n"
              "print(a, time.perf_counter() - t)")
    pairs = [subprocess.run([sys.executable, "-c", script, str(source)], capture_output=True, text=True,
                            check=True).stdout.split() for _ in range(runs)]
    return statistics.median(float(a) for a, _ in pairs), statistics.median(float(b) for _, b in pairs)


def browser_metrics(html: Path) -> tuple[float, float]:
    """Seconds until the page is ready, and frames per second during a 1 s animated zoom of the first view."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(html.resolve().as_uri())
        page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=120_000)
        ready = page.evaluate("performance.now()") / 1000
        frames = page.evaluate("""() => new Promise(done => {
            let count = 0; network.on('afterDrawing', () => count++);
            network.moveTo({scale: network.getScale() * 2.5, animation: {duration: 1000, easingFunction: 'linear'}});
            setTimeout(() => done(count), 1000); })""")
        browser.close()
    return ready, frames


def import_floor_ratio(runs: int = 5) -> tuple[float, float, float]:
    """KAM build vs `import rdflib, networkx, pyvis.network`, alternating A B A B; medians and median ratio."""
    floor_cmd = [sys.executable, "-c", "import rdflib, networkx, pyvis.network"]
    ratios, floors, builds = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            floor, _ = timed(floor_cmd)
            shutil.rmtree(Path(tmp) / "kam", ignore_errors=True)
            build, _ = timed([str(BIN / "kamgraph"), "build", "--out", str(Path(tmp) / "kam")])
            floors.append(floor)
            builds.append(build)
            ratios.append(build / floor)
    return statistics.median(builds), statistics.median(floors), statistics.median(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also build 50,000 concepts")
    parser.add_argument("--runs", type=int, default=3, help="builds per size (1 for 50k)")
    args = parser.parse_args()
    sizes = [1000, 10000] + ([50000] if args.large else [])
    rows, build_time = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        sources: list[tuple[str, Path, int | None]] = []  # name, file, concepts (None: a real vocabulary)
        for size in sizes:
            path = Path(tmp) / f"syn-{size}.ttl"
            path.write_text(generate(size), encoding="utf-8")
            sources.append((f"syn-{size}", path, size))
        if STW.exists():
            sources.append(("STW 9.06", STW, None))
        for name, source, concepts in sources:
            out = Path(tmp) / f"out-{name.replace(' ', '_')}"
            runs = 1 if concepts and concepts >= 50000 else args.runs
            seconds, peak = build_runs(source, out, runs)
            build_time[name] = seconds
            html = out / "index.html"
            ox_parse, our_parse = parse_ratio(source)
            ready, fps = browser_metrics(html) if not concepts or concepts <= 10000 else (float("nan"), float("nan"))
            rows.append(f"| {name} | {seconds:.2f} s | {peak} MB | {html.stat().st_size / 1e6:.1f} MB | "
                        f"{ready:.2f} s | {fps:.0f} | {our_parse:.2f} s / {ox_parse:.2f} s = "
                        f"{our_parse / ox_parse:.1f}× |")
    kam, floor, ratio = import_floor_ratio()
    print("| input | build (median, whole process, cold layout) | peak RSS | HTML | ready in Chromium "
          "| frames in a 1 s zoom of the first view | load ÷ pyoxigraph parse |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nKAM build {kam:.2f} s vs import floor {floor:.2f} s: {ratio:.2f}× (median of per-pair ratios)")
    print(f"growth 1k -> 10k: {build_time['syn-10000'] / build_time['syn-1000']:.1f}×")


if __name__ == "__main__":
    main()
