"""The one place pyvis is used: the vis-network asset it ships, and the network's options.

pyvis is unmaintained (last release 2023) and its own template loads a CDN and
has HTML-injection sinks, so it is fenced here: we never call
``show``/``write_html``/``generate_html``, and the page comes from our own
template (:mod:`kamgraph.views.html`). The vis-network build that pyvis bundles
is read from the installed package's folder, so the asset is pinned together
with pyvis itself. pyvis is never imported: importing it imports IPython
(about a quarter of a small build's time), and all it added to the options
below was ``configure: {enabled: false}`` (tests/views/test_pyvis_network.py
compares them with what pyvis's ``get_network_data()`` gives).

Node and edge objects are not made here: the page script builds them from the
page data's concept and edge rows (``kamgraph/views/frontend/map.js``), so the
page carries each concept once. The objects pyvis made held nothing those rows
lack (id, label, colour, position; from, to), and the options below give every
node its box shape and every edge its arrow.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

VIS_VERSION = "9.1.2"
# The parts of vis-network's stylesheet the map uses: the network and its tooltip. The rest
# (220 kB, mostly inline images) styles the navigation buttons, the editing toolbar and the
# configurator, which the options below leave off.
_USED_CSS_CLASSES = {"vis-network", "vis-tooltip", "vis-overlay", "vis-active"}
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """The vis-network JavaScript and the CSS rules the map uses, from the copy shipped inside pyvis."""
    folder = pyvis_folder() / "lib" / f"vis-{VIS_VERSION}"
    return (folder / "vis-network.min.js").read_text("utf-8"), used_css(
        (folder / "vis-network.css").read_text("utf-8"))


def pyvis_folder() -> Path:
    """The installed pyvis package's folder, found without importing it."""
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed: it ships the vis-network build the map page inlines")
    return Path(next(iter(spec.submodule_search_locations)))


def used_css(stylesheet: str) -> str:
    """The rules of vis-network's flat stylesheet whose ``vis-*`` classes are all ones the map uses.

    >>> used_css("div.vis-tooltip{color:#000}div.vis-network div.vis-navigation{top:0}.vis [class*=span]{width:auto}")
    'div.vis-tooltip{color:#000}'
    """
    kept = []
    for selector, body in _CSS_RULE.findall(stylesheet):
        classes = set(re.findall(r"\.(vis-[\w-]+)", selector))
        if classes and classes <= _USED_CSS_CLASSES:
            kept.append(f"{selector.strip()}{{{body}}}")
    return "".join(kept)


@lru_cache(maxsize=1)
def network_options() -> dict:
    """vis-network options for a static (physics-off, positions given) map; made once, never changed."""
    return {
        "configure": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "multiselect": False, "hideEdgesOnDrag": False},
        "nodes": {"shape": "box", "margin": 8, "widthConstraint": {"maximum": 180},
                  "font": {"face": "system-ui, sans-serif", "size": 14, "color": "#1b1b1b"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 14, "align": "middle", "color": "#444", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "color": {"color": "#9aa3ad", "highlight": "#33475b", "hover": "#33475b"},
                  "smooth": {"enabled": True, "type": "continuous", "roundness": 0.25}},
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
    }
