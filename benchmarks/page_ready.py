"""How fast the KAM map becomes interactive in headless Chromium, and how smoothly it zooms.

Reports, side by side for the committed page and (optionally) a reference page:
  * ready: time from navigation start to ``<html data-ready="true">`` (nodes drawn,
    positions fixed at build time, deep link applied), median of several runs;
  * after load: from the file being read to ready (parsing, scripts, first drawing);
  * zoom: frames per second while ``network.moveTo`` zooms in and out for two seconds
    (requestAnimationFrame counting);
  * size of the HTML file.

    .venv/bin/python benchmarks/page_ready.py [--runs 7] [--page output/index.html] [--reference other.html]

Numbers depend on the machine and its load; compare pages measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402

# Runs before the page's own scripts (Playwright init script): records when the page marks itself ready.
WATCH_READY = """
new MutationObserver((changes, observer) => {
  if (document.documentElement && document.documentElement.dataset.ready === 'true') {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-ready']});
"""

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


def measure(browser: Browser, page_file: Path, runs: int, viewport: tuple[int, int]) -> dict:
    ready, script, fps = [], [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.add_init_script(WATCH_READY)
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=60_000)
        timings = page.evaluate("""() => {
            const nav = performance.getEntriesByType('navigation')[0];
            return {ready: window.__readyAt, loaded: nav.responseEnd};
        }""")
        ready.append(timings["ready"])
        script.append(timings["ready"] - timings["loaded"])
        fps.append(page.evaluate(ZOOM_FPS)["fps"])
        context.close()
    return {"ready_ms": statistics.median(ready), "after_load_ms": statistics.median(script),
            "zoom_fps": statistics.median(fps), "bytes": page_file.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", type=Path, default=ROOT / "output" / "index.html")
    parser.add_argument("--reference", type=Path, help="another page to measure in the same run")
    arguments = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        print("Chromium not found (apt-get install chromium, or set KAMGRAPH_CHROMIUM)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    pages = [arguments.page] + ([arguments.reference] if arguments.reference else [])
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        print(f"{'page':<40} {'viewport':>9} {'ready ms':>9} {'after load ms':>15} {'zoom fps':>9} {'KiB':>7}")
        for page_file in pages:
            for viewport in ((1366, 768), (390, 844)):
                result = measure(browser, page_file, arguments.runs, viewport)
                print(f"{str(page_file)[-40:]:<40} {viewport[0]:>4}x{viewport[1]:<4} {result['ready_ms']:>9.0f} "
                      f"{result['after_load_ms']:>15.0f} {result['zoom_fps']:>9.1f} {result['bytes'] / 1024:>7.0f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
