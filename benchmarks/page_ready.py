"""How fast the KAM map becomes interactive in headless Chromium, and how smoothly it zooms.

Reports, side by side for the committed page and (optionally) a reference page, per study mode
(map, read, practise, and compare on the pricing methods: the address's ``#mode=``):
  * ready: time from navigation start to ``<html data-ready="true">`` (the map: nodes drawn,
    positions fixed at build time, deep link applied; another mode: its view in place), median of several runs;
  * after load: from the file being read to ready (parsing, scripts, first drawing);
  * zoom: frames per second while ``network.moveTo`` zooms in and out for two seconds
    (requestAnimationFrame counting; the map mode only, the others do not show the map);
  * size of the HTML file.

    .venv/bin/python benchmarks/page_ready.py [--runs 7] [--page output/index.html] [--reference other.html]
                                              [--modes map,read,practise,compare]

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


# The address each mode is opened at.
MODES = {"map": "", "read": "#mode=read", "practise": "#mode=practise",
         "compare": "#mode=compare&concept=PricingMethods"}


def measure(browser: Browser, page_file: Path, runs: int, viewport: tuple[int, int], mode: str = "map") -> dict:
    ready, script, fps = [], [], []
    for _ in range(runs):
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        page = context.new_page()
        page.add_init_script(WATCH_READY)
        page.goto(page_file.resolve().as_uri() + MODES[mode])
        page.wait_for_function("document.documentElement.dataset.ready === 'true'", timeout=60_000)
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
        print(f"{'page':<32} {'mode':<9} {'viewport':>9} {'ready ms':>9} {'after load ms':>15} {'zoom fps':>9} "
              f"{'KiB':>7}")
        for page_file in pages:
            for mode in modes:
                for viewport in ((1366, 768), (390, 844)):
                    result = measure(browser, page_file, arguments.runs, viewport, mode)
                    fps = f"{result['zoom_fps']:>9.1f}" if result["zoom_fps"] is not None else f"{'-':>9}"
                    print(f"{str(page_file)[-32:]:<32} {mode:<9} {viewport[0]:>4}x{viewport[1]:<4} "
                          f"{result['ready_ms']:>9.0f} {result['after_load_ms']:>15.0f} {fps} "
                          f"{result['bytes'] / 1024:>7.0f}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
