"""The site: which pages a build writes, and their names.

``index.html`` is the whole map; ``maps/<Category>.html`` is one focused map
per category (its concepts and their direct neighbours), each linking to the
others. A vocabulary too large to draw at once gets no focused maps: its page
opens on the overview, whose bubbles already show one category at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kamgraph.findings import Finding
from kamgraph.graph import ConceptGraph
from kamgraph.names import local_name
from kamgraph.views.html import render_page
from kamgraph.views.page_data import OVERVIEW_THRESHOLD, MapLink, page_data

MAP_PAGE = "index.html"
MAPS_FOLDER = "maps"


@dataclass
class Site:
    """Every page of a build by path relative to the output folder, and the whole map's page data."""

    pages: dict[str, str] = field(default_factory=dict)
    index_data: dict = field(default_factory=dict)


def map_file_names(concepts: ConceptGraph) -> dict[str, str]:
    """Category id -> file name for its focused map, e.g. ``kamo:PricingMethod`` -> ``PricingMethod.html``.

    Only categories that have concepts get a map; names are made file-safe and unique.
    """
    used = {attrs["category"] for _, attrs in concepts.graph.nodes(data=True)}
    names: dict[str, str] = {}
    taken: set[str] = set()
    for iri in sorted(concepts.vocabulary.categories, key=str):
        category_id = concepts.node_id(iri)
        if category_id not in used:
            continue
        stem = re.sub(r"[^A-Za-z0-9_-]", "_", local_name(iri)) or "category"
        name, number = f"{stem}.html", 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}.html", number + 1
        taken.add(name.lower())
        names[category_id] = name
    return names


def render_site(concepts: ConceptGraph, *, findings: list[Finding] | None = None,
                layout_cache: Path | None = None) -> Site:
    """Every page of a build: ``index.html`` and, up to the overview threshold, ``maps/*.html``."""
    names = map_file_names(concepts) if concepts.graph.number_of_nodes() <= OVERVIEW_THRESHOLD else {}
    index = page_data(concepts, findings=findings, layout_cache=layout_cache,
                      links=[MapLink(c, f"{MAPS_FOLDER}/{n}") for c, n in names.items()])
    site = Site(pages={MAP_PAGE: render_page(index)}, index_data=index)
    for category, name in names.items():
        links = [MapLink(None, f"../{MAP_PAGE}")] + [MapLink(c, n) for c, n in names.items()]
        site.pages[f"{MAPS_FOLDER}/{name}"] = render_page(page_data(
            concepts, findings=findings, scope=category, links=links, layout_cache=layout_cache))
    return site


def render_map(concepts: ConceptGraph, *, findings: list[Finding] | None = None, scope: str | None = None,
               layout_cache: Path | None = None) -> str:
    """One map page on its own (no links to other pages): the whole map, or one category's focused map."""
    return render_page(page_data(concepts, findings=findings, scope=scope, layout_cache=layout_cache))
