"""Render the concept graph as one self-contained, offline HTML page.

The page is built from our own Jinja2 template (autoescaped). Ontology text
never becomes markup: it travels as JSON inside ``<script
type="application/json">`` with ``< > &`` and U+2028/U+2029 escaped, and the
page script puts it on screen with ``textContent`` only. Every asset is
inlined and a Content-Security-Policy with script and style hashes forbids
anything else, so the page makes no network request.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import jinja2
import networkx as nx
from markupsafe import Markup

from kamgraph.findings import Finding
from kamgraph.graph import ConceptGraph
from kamgraph.layout import cached_positions
from kamgraph.naming import local_name
from kamgraph.vocabulary import plain_colour
from kamgraph.views.frontend import page_script, page_stylesheet
from kamgraph.views.pyvis_network import network_options, vis_assets

MAP_PAGE = "index.html"
# Used only for categories whose ontology gives no kamo:colour.
FALLBACK_PALETTE = ("#8ecae6", "#ffb703", "#90be6d", "#f4a6a6", "#c3aed6", "#f9c74f", "#a3c4bc",
                    "#e9c46a", "#bde0fe", "#ffafcc", "#cdb4db", "#b5e48c", "#f7b267", "#9ad1d4")
# Above this many concepts the page opens on one bubble per category (frontend/overview.js): about
# 2,000 drawn nodes is the most that keeps 20 frames/s while zooming.
OVERVIEW_THRESHOLD = 2000
_JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                               "\u2029": "\\u2029"})


@dataclass(frozen=True)
class PageAssets:
    vis_js: str
    vis_css: str
    page_js: str
    page_css: str
    live_js: str | None = None


def load_assets() -> PageAssets:
    vis_js, vis_css = vis_assets()
    return PageAssets(vis_js=vis_js, vis_css=vis_css, page_js=page_script(), page_css=page_stylesheet())


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no line separators.

    >>> script_json({"label": "</script>"})
    '{"label":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(_JSON_ESCAPES)


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def safe_link(url: str | None) -> str | None:
    """Only http(s) links reach the page; anything else (javascript:, data:, file:) is dropped."""
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc else None


def pick_label(labels: dict[str, str], languages: list[str], fallback: str) -> str:
    """Current language first, then the others in order, then untagged, then ``fallback``."""
    for language in [*languages, ""]:
        if labels.get(language, "").strip():
            return labels[language]
    return next((v for v in labels.values() if v.strip()), fallback)


# --- page data -------------------------------------------------------------------

@dataclass(frozen=True)
class MapLink:
    """A link from one generated page to another, relative to the page that shows it."""

    category: str | None  # None: the full map
    href: str


def page_data(concepts: ConceptGraph, *, scope: str | None = None, links: list[MapLink] | None = None,
              layout_cache: Path | None = None) -> dict:
    """Everything the page script needs, as plain JSON-able data.

    ``scope`` restricts the page to one category and its direct neighbours (a
    focused map); ``links`` are the other generated maps the page points to;
    ``layout_cache`` is a folder keeping positions by graph content (see :mod:`kamgraph.layout`).
    """
    graph = scoped_graph(concepts, scope)
    languages = concepts.languages
    positions = cached_positions(graph, layout_cache)
    categories = sorted(concepts.vocabulary.categories.values(),
                        key=lambda c: (c.order is None, c.order or 0, concepts.node_id(c.iri)))
    counts: dict[str, int] = {}
    for _, category in graph.nodes(data="category"):
        counts[category] = counts.get(category, 0) + 1
    category_rows = []
    colours = _category_colours(concepts, categories)
    for category in categories:
        category_id = concepts.node_id(category.iri)
        if counts.get(category_id):
            category_rows.append({"id": category_id, "localName": local_name(category.iri),
                                  "labels": category.labels,
                                  "definitions": category.definitions, "colour": colours[category_id],
                                  "count": counts[category_id]})
    category_labels = {concepts.node_id(c.iri): c.labels for c in categories}
    used_relations = {key for _, _, key in graph.edges(keys=True)}
    relation_rows = [{"id": concepts.node_id(r.iri), "labels": r.labels, "inverseLabels": r.inverse_labels,
                      "kind": r.kind, "symmetric": r.symmetric, "used": concepts.node_id(r.iri) in used_relations}
                     for r in sorted(concepts.vocabulary.relation_types.values(), key=lambda r: str(r.iri))]
    section_order = {s.id: i for i, s in enumerate(concepts.sections)}

    concept_rows = []
    for node_id in sorted(graph.nodes, key=lambda n: _reading_order(graph.nodes[n], section_order, n)):
        attrs = graph.nodes[node_id]
        x, y = positions[node_id]
        concept_rows.append({
            "id": node_id, "localName": attrs["local_name"], "iri": safe_link(attrs["iri"]),
            "labels": attrs["labels"], "altLabels": attrs["alt_labels"], "definitions": attrs["definitions"],
            "scopeNotes": attrs["scope_notes"], "standardDefinitions": attrs["standard_definitions"],
            "editorialNotes": attrs["editorial_notes"], "category": attrs["category"],
            "section": attrs["section"], "origin": attrs["origin"], "sourceStatus": attrs["source_status"],
            "sourceLines": attrs["source_lines"], "source": safe_link(attrs["source"]),
            "sourceLabels": attrs["source_labels"], "citation": attrs["citation"],
            "x": int(x), "y": int(y), "colour": colours.get(attrs["category"], "#cccccc"),
        })
    edge_rows = [{"id": f"{u}|{key}|{v}", "from": u, "to": v, "relation": key,
                  "status": graph.edges[u, v, key].get("status"),
                  "evidence": graph.edges[u, v, key].get("evidence", {})}
                 for u, v, key in sorted(graph.edges(keys=True))]
    overview = _overview(graph, positions, category_rows) if len(concept_rows) > OVERVIEW_THRESHOLD else None
    return {
        "overview": overview,
        "title": concepts.title,
        "languages": languages,
        "scope": scope,
        "maps": [{"category": link.category, "href": link.href,
                  "labels": category_labels.get(link.category, {})} for link in links or []],
        "categories": category_rows,
        "relationTypes": [row for row in relation_rows if row["used"]],
        "sections": [{"id": s.id, "labels": s.labels, "number": s.number, "firstLine": s.first_line,
                      "lastLine": s.last_line, "text": s.text} for s in concepts.sections],
        "concepts": concept_rows,
        "edges": edge_rows,
        "network": network_options(),
    }


def scoped_graph(concepts: ConceptGraph, scope: str | None) -> nx.MultiDiGraph:
    """The whole graph, or one category's concepts plus their direct neighbours (either direction)."""
    graph = concepts.graph
    if scope is None:
        return graph
    members = {node for node, category in graph.nodes(data="category") if category == scope}
    keep = set(members)
    for node in members:
        keep.update(graph.successors(node))
        keep.update(graph.predecessors(node))
    return graph.subgraph(sorted(keep))


# --- focused maps (one page per category) -----------------------------------------

MAPS_FOLDER = "maps"


def map_file_names(concepts: ConceptGraph) -> dict[str, str]:
    """Category id -> file name for its focused map, e.g. ``kamo:PricingMethod`` -> ``PricingMethod.html``.

    Only categories that have concepts get a map; names are made file-safe and unique.
    """
    used = {category for _, category in concepts.graph.nodes(data="category")}
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
                layout_cache: Path | None = None) -> dict[str, str]:
    """Every page of a build, by path relative to the output folder: ``index.html`` and ``maps/*.html``.

    A vocabulary too large to draw at once gets no focused maps: its page opens on
    the overview, whose bubbles already show one category at a time, and a copy of
    the whole page data per category would multiply the build time and size.
    """
    names = map_file_names(concepts) if concepts.graph.number_of_nodes() <= OVERVIEW_THRESHOLD else {}
    pages = {MAP_PAGE: render_map(concepts, findings=findings, layout_cache=layout_cache,
                                  links=[MapLink(c, f"{MAPS_FOLDER}/{n}") for c, n in names.items()])}
    for category, name in names.items():
        links = [MapLink(None, f"../{MAP_PAGE}")] + [MapLink(c, n) for c, n in names.items()]
        pages[f"{MAPS_FOLDER}/{name}"] = render_map(concepts, findings=findings, scope=category, links=links,
                                                    layout_cache=layout_cache)
    return pages


# --- helpers ------------------------------------------------------------------------

def _overview(graph: nx.MultiDiGraph, positions: dict, category_rows: list[dict]) -> dict:
    """One bubble per category at the centre of its concepts, sized by how many it holds."""
    members: dict[str, list[str]] = {}
    for node_id, category in sorted(graph.nodes(data="category")):
        members.setdefault(category, []).append(node_id)
    groups = []
    for row in category_rows:
        ids = members.get(row["id"], [])
        if not ids:
            continue
        cx = sum(positions[i][0] for i in ids) / len(ids)
        cy = sum(positions[i][1] for i in ids) / len(ids)
        reach = max(math.hypot(positions[i][0] - cx, positions[i][1] - cy) for i in ids)
        groups.append({"id": row["id"], "labels": row["labels"], "colour": row["colour"], "count": len(ids),
                       "x": round(cx), "y": round(cy), "size": max(40, round(0.6 * reach))})
    font = max((g["size"] for g in groups), default=40) // 4
    for group in groups:
        group["font"] = font
    return {"groups": groups}


def _category_colours(concepts: ConceptGraph, categories: list) -> dict[str, str]:
    """The ontology's kamo:colour where it is a plain hex colour; otherwise the next unused palette colour."""
    given = {c.iri: plain_colour(c.colour) for c in categories}
    used = {colour.lower() for colour in given.values() if colour}
    spare = [colour for colour in FALLBACK_PALETTE if colour not in used] or list(FALLBACK_PALETTE)
    colours, index = {}, 0
    for category in categories:
        if given[category.iri]:
            colours[concepts.node_id(category.iri)] = given[category.iri]
        else:
            colours[concepts.node_id(category.iri)] = spare[index % len(spare)]
            index += 1
    return colours


def _reading_order(attrs: dict, section_order: dict[str, int], node_id: str) -> tuple:
    """The summary's order: section, then first source line, then name."""
    section = section_order.get(attrs.get("section"), len(section_order))
    line = attrs.get("first_line")
    return (section, line is None, line or 0, node_id)


# --- draft maps (kamgraph build --draft) and the served copy (kamgraph serve) --------

def draft_findings(concepts: ConceptGraph, findings: list[Finding]) -> dict[str, list[dict]]:
    """Findings per concept node, for the draft map's badges and details panel."""
    by_node: dict[str, list[dict]] = {}
    for finding in findings:
        if finding.subject in concepts.graph:
            by_node.setdefault(finding.subject, []).append(
                {"severity": finding.severity.value, "code": finding.code, "message": finding.message,
                 "hint": finding.hint})
    return by_node


def live_script(version: int) -> str:
    """The reload script of ``kamgraph serve``: polls the server's build number, reloads when it changes."""
    text = resources.files("kamgraph.views").joinpath("templates", "live.js").read_text("utf-8")
    return text.replace("__KAMGRAPH_BUILD__", str(int(version)))


# --- the page ----------------------------------------------------------------------

def render_map(concepts: ConceptGraph, *, findings: list[Finding] | None = None,
               live_version: int | None = None, scope: str | None = None,
               links: list[MapLink] | None = None, layout_cache: Path | None = None) -> str:
    """The whole HTML page as a string; the same graph always gives the same string.

    ``scope`` and ``links`` make a focused map (see :func:`render_site`);
    ``findings`` (``build --draft``) adds them to the page data so concepts get
    a badge; ``live_version`` (``serve`` only, never written to disk) adds the
    reload script and lets it, and only it, reach the serving origin.
    """
    assets = load_assets()
    if live_version is not None:
        assets = dataclasses.replace(assets, live_js=live_script(live_version))
    data = page_data(concepts, scope=scope, links=links, layout_cache=layout_cache)
    if findings is not None:
        data["findings"] = draft_findings(concepts, findings)
    data_json = script_json(data)
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("kamgraph.views", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {csp_hash(assets.vis_js)} {csp_hash(assets.page_js)}"
        + (f" {csp_hash(assets.live_js)}" if assets.live_js else ""),
        f"style-src {csp_hash(assets.vis_css)} {csp_hash(assets.page_css)}",
        "img-src data: blob:",
        "font-src data:",
        "connect-src 'self'" if assets.live_js else "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    languages = data["languages"]
    title = pick_label(concepts.title, languages, "kamgraph")
    if scope is not None:
        category = next((c for c in data["categories"] if c["id"] == scope), None)
        title = f"{title} — {pick_label(category['labels'], languages, scope) if category else scope}"
    return environment.get_template("map.html.j2").render(
        csp=Markup(csp),  # built only from our own hashes and keywords
        language=languages[0] if languages else "en",
        title=title,
        assets=assets,
        data_json=data_json,
    )
