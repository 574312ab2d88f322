"""The site: which pages a build writes, and their names.

``index.html`` is the whole map, and carries a topic view per category (its
concepts and their direct neighbours), shown at ``index.html#topic=<name>``:
one page, one copy of vis-network. ``maps/<name>.html`` is a small page per
topic that opens that view, so the address of a topic map stays what it was.
A vocabulary too large to draw at once gets no topics: its page opens on the
overview, whose bubbles already show one category at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kamgraph.findings import Finding
from kamgraph.graph import ConceptGraph
from kamgraph.names import local_name
from kamgraph.views.html import environment, render_page
from kamgraph.views.page_data import OVERVIEW_THRESHOLD, page_data, page_title

MAP_PAGE = "index.html"
MAPS_FOLDER = "maps"


@dataclass
class Site:
    """Every page of a build by path relative to the output folder, and the whole map's page data."""

    pages: dict[str, str] = field(default_factory=dict)
    index_data: dict = field(default_factory=dict)


def topic_names(concepts: ConceptGraph) -> dict[str, str]:
    """Category id -> its topic's name, e.g. ``kamo:PricingMethod`` -> ``PricingMethod``.

    Only categories that have concepts get a topic; names are file-safe and unique
    (case ignored), since each also names the file ``maps/<name>.html``.
    """
    used = {attributes["category"] for _, attributes in concepts.graph.nodes(data=True)}
    names: dict[str, str] = {}
    taken: set[str] = set()
    for iri in sorted(concepts.vocabulary.categories, key=str):
        category_id = concepts.node_id(iri)
        if category_id not in used:
            continue
        stem = re.sub(r"[^A-Za-z0-9_-]", "_", local_name(iri)) or "category"
        name, number = stem, 2
        while name.lower() in taken:
            name, number = f"{stem}-{number}", number + 1
        taken.add(name.lower())
        names[category_id] = name
    return names


def topic_page(index: dict, category: str, name: str) -> str:
    """``maps/<name>.html``: opens the topic's view of the whole map (no script; a link if refresh is off)."""
    title = page_title({**index, "scope": category})
    languages = index["languages"]
    return environment().get_template("topic.html.j2").render(
        language=languages[0] if languages else "en", title=title, href=f"../{MAP_PAGE}#topic={name}")


def render_site(concepts: ConceptGraph, *, findings: list[Finding] | None = None,
                layout_cache: Path | None = None, changes: dict | None = None) -> Site:
    """Every page of a build: ``index.html`` with its topic views and, per topic, ``maps/<name>.html``."""
    names = topic_names(concepts) if concepts.graph.number_of_nodes() <= OVERVIEW_THRESHOLD else {}
    index = page_data(concepts, findings=findings, layout_cache=layout_cache, topics=names, changes=changes)
    site = Site(pages={MAP_PAGE: render_page(index)}, index_data=index)
    for category, name in names.items():
        site.pages[f"{MAPS_FOLDER}/{name}.html"] = topic_page(index, category, name)
    return site


def render_map(concepts: ConceptGraph, *, findings: list[Finding] | None = None, scope: str | None = None,
               layout_cache: Path | None = None) -> str:
    """One map page on its own (no topic views): the whole map, or one category's focused map, e.g. to hand out."""
    return render_page(page_data(concepts, findings=findings, scope=scope, layout_cache=layout_cache))
