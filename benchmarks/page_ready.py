"""How fast the KAM map becomes interactive in headless Chromium, and how smoothly it zooms.

Reports, side by side for the committed page and (optionally) a reference page, per study mode
(map, read, practise, and compare on the pricing methods: the address's ``#mode=``):
  * ready: time from navigation start to ``<html data-ready="true">`` (the map: nodes drawn,
    positions fixed at build time, deep link applied; another mode: its view in place), median of several runs;
  * after load: from the file being read to ready (parsing, scripts, first drawing);
  * zoom: frames per second while ``network.moveTo`` zooms in and out for two seconds
    (requestAnimationFrame counting; the map mode only, the others do not show the map);
  * CPU: the renderer's main-thread CPU time from the first HTML parsed to ready (Chrome's trace
    thread clock), which the neighbours on a shared machine hardly change, unlike wall time;
  * size of the HTML file.

    .venv/bin/python benchmarks/page_ready.py [--runs 7] [--page output/index.html] [--reference other.html]
                                              [--modes map,read,practise,compare]

Numbers depend on the machine and its load; compare pages measured in the same run.
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

# Runs before the page's own scripts (Playwright init script): records when the page marks itself ready,
# as a number and as a user-timing mark that a trace carries with the main thread's CPU clock.
READY_MARK = "kamgraph-ready"
WATCH_READY = """
new MutationObserver((changes, observer) => {
  if (document.documentElement && document.documentElement.dataset.ready === 'true') {
    window.__readyAt = performance.now();
    performance.mark('READY_MARK');
    observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']});
""".replace("READY_MARK", READY_MARK)
TRACE_CATEGORIES = ["devtools.timeline", "blink.user_timing"]


def main_thread_cpu_ms(trace: bytes) -> float | None:
    """CPU milliseconds of the page's main thread from its first ``ParseHTML`` to the ready mark.

    ``trace``: what ``browser.stop_tracing()`` returns for a load traced with :data:`TRACE_CATEGORIES`.
    The main thread is the one that parsed the HTML; ``tts`` is its thread clock. None when the trace
    lacks the mark or thread times (then only wall time can be reported).
    """
    events = json.loads(trace)["traceEvents"]
    parsers = collections.Counter((e["pid"], e["tid"]) for e in events if e.get("name") == "ParseHTML")
    if not parsers:
        return None
    main = parsers.most_common(1)[0][0]
    mine = [e for e in events if (e["pid"], e["tid"]) == main and "tts" in e]
    starts = [e for e in mine if e.get("name") == "ParseHTML"]
    marks = [e for e in mine if e.get("name") == READY_MARK]
    if not starts or not marks:
        return None
    return (marks[0]["tts"] - min(starts, key=lambda e: e["ts"])["tts"]) / 1000

ZOOM_FPS = """async () => {
  const network = (window.kamgraph && window.kamgraph.network) || window.network;  // older pages: window.network
  const start = network.getScale();
  let frames = 0, running = true;
  const count = () => { frames += 1; if (running) requestAnimationFrame(count); };
  requestAnimationFrame(count);
  const began = performance.now();
  let step = 0;
  while (performance.now() - began < 2000) {
    const scale = start * (1 + 0.8 * Math.sin(step / 10));
    network.moveTo({scale: scale, animation: false});
    step += 1;
    await new Promise(resolve => requestAnimationFrame(resolve));
  }
  running = false;
  const seconds = (performance.now() - began) / 1000;
  return {fps: frames / seconds, moves: step / seconds};
}"""


# The address each mode is opened at.
MODES = {"map": "", "read": "#mode=read", "practise": "#mode=practise",
         "compare": "#mode=compare&concept=PricingMethods"}


def measure(browser: Browser, page_file: Path, runs: int, viewport: tuple[int, int], mode: str = "map") -> dict:
    ready, script, fps, cpu = [], [], [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.add_init_script(WATCH_READY)
        browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
        page.goto(page_file.resolve().as_uri() + MODES[mode])
        page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=60_000)
        if (milliseconds := main_thread_cpu_ms(browser.stop_tracing())) is not None:
            cpu.append(milliseconds)
        timings = page.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            return {ready: window.__readyAt, loaded: nav.responseEnd};
        }""")
        ready.append(timings["ready"])
        script.append(timings["ready"] - timings["loaded"])
        if mode == "map":
            fps.append(page.evaluate(ZOOM_FPS)["fps"])
        context.close()
    return {"ready_ms": statistics.median(ready), "after_load_ms": statistics.median(script),
            "cpu_ms": statistics.median(cpu) if cpu else None,
            "zoom_fps": statistics.median(fps) if fps else None, "bytes": page_file.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", type=Path, default=ROOT / "output" / "index.html")
    parser.add_argument("--reference", type=Path, help="another page to measure in the same run")
    parser.add_argument("--modes", default=",".join(MODES), help="comma-separated modes to open the page in")
    arguments = parser.parse_args()
    modes = [m for m in arguments.modes.split(",") if m]
    if unknown := [m for m in modes if m not in MODES]:
        parser.error(f"unknown mode(s): {', '.join(unknown)} (known: {', '.join(MODES)})")
    executable = chromium_path()
    if executable is None:
        print("Chromium not found (apt-get install chromium, or set KAMGRAPH_CHROMIUM)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    pages = [arguments.page] + ([arguments.reference] if arguments.reference else [])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        print(f"{'page':<32} {'mode':<9} {'viewport':>9} {'ready ms':>9} {'after load ms':>15} {'CPU ms':>7} "
              f"{'zoom fps':>9} {'KiB':>7}")
        for page_file in pages:
            for mode in modes:
                for viewport in ((1366, 768), (390, 844)):
                    result = measure(browser, page_file, arguments.runs, viewport, mode)
                    fps = f"{result['zoom_fps']:>9.1f}" if result["zoom_fps"] is not None else f"{'-':>9}"
                    cpu = f"{result['cpu_ms']:>7.0f}" if result["cpu_ms"] is not None else f"{'-':>7}"
                    print(f"{str(page_file)[-32:]:<32} {mode:<9} {viewport[0]:>4}x{viewport[1]:<4} "
                          f"{result['ready_ms']:>9.0f} {result['after_load_ms']:>15.0f} {cpu} {fps} "
                          f"{result['bytes'] / 1024:>7.0f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
