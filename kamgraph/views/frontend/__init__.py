"""The map page's front end: small script modules joined into one inline script, and its stylesheet.

Each ``*.js`` file here is one concern (UI strings, state, label fall-back, the
vis-network adapter, search, panel, legend, outline, tour, routing, overview …)
and adds itself to the one ``kamgraph`` namespace object. :func:`page_script`
joins them in the fixed order of :data:`MODULES` inside one function wrapper,
so the page carries exactly one script of ours under one CSP hash; no bundler
is involved. Only ``main.js`` does anything when loaded: it starts the page.
"""

from __future__ import annotations

from importlib import resources

# Load order: pure helpers first, then state, then the views, then start-up.
MODULES = (
    "strings.js",     # UI text: one table per language, looked up by key
    "labels.js",      # label fall-back: current language, the others, untagged, local name
    "dom.js",         # element creation (textContent only), safe colours, guarded localStorage
    "graph.js",       # adjacency and neighbourhoods (pure)
    "routing.js",     # the address: #concept=…&lang=…&mode=…&topic=…, parsed and written; back/forward
    "topics.js",      # topic views: the page data narrowed to one category's focused map (pure)
    "wire.js",        # the page data's wire form (as the page carries it), decoded into the page data
    "model.js",       # the page data and its indexes, read once
    "visibility.js",  # what is drawn: one pure function of the state
    "state.js",       # the one state object and its transitions
    "status.js",      # relation status (stated, implied, beyond the source): line styles and names (pure)
    "map.js",         # the adapter over vis-network: DataSet, filtered DataViews, display from the state
    "regions.js",     # categories as labelled regions behind the concepts; their names when labels are too small
    "overview.js",    # large maps: category bubbles and the "Overview" button
    "draft.js",       # draft maps: badges on the canvas, findings in the panel
    "panel.js",       # the details panel and the selection's status line
    "search.js",      # search ranking (pure) and the search combobox
    "legend.js",      # legend (category filter), relation filter, focus depth
    "outline.js",     # every concept by section or category
    "progress.js",    # the student's progress record in localStorage: versioned, one per vocabulary
    "modes.js",       # the mode buttons, which part of the page each mode shows, links between modes
    "read.js",        # Read: the source text section by section, concept mentions as links
    "compare.js",     # Compare: a concept's members side by side, a sequence as a timeline
    "practise.js",    # Practise: the build's questions, Leitner boxes, progress per section
    "tour.js",        # the tour on a card over the map, resumable, progress per section
    "interface.js",   # document title and language, static UI text, language buttons, map links
    "export.js",      # the current view as PNG
    "main.js",        # start-up: reads the data, builds the state, mounts every view
)

_OPENING = """/* kamgraph concept map explorer, joined from kamgraph/views/frontend/ ({names}).
   Ontology text is data: it reaches the page only through textContent, attribute values
   and vis-network's canvas, never as markup. */
(function () {{
"use strict";
var kamgraph = window.kamgraph = {{}};
"""
_CLOSING = "}());\n"


def _read(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text("utf-8")


def page_script() -> str:
    """Every module, in :data:`MODULES` order, as one script (the text of one ``<script>`` element)."""
    parts = [_OPENING.format(names=", ".join(MODULES))]
    for name in MODULES:
        text = _read(name)
        if "</script" in text.lower() or "<!--" in text:
            raise ValueError(f"{name} holds text that would end the inline script")
        parts.append(f"\n/* ==== {name} ==== */\n{text.rstrip()}\n")
    parts.append(_CLOSING)
    return "".join(parts)


def page_stylesheet() -> str:
    """The page's own styles (vis-network's come from pyvis)."""
    return _read("map.css")
