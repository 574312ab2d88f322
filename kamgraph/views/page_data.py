"""The page data: everything the map page's script reads, as one JSON-able dict.

One copy of every node and edge. The schema (keys in camelCase, as the page
script reads them; every text is data, never markup)::

    title          {lang: text}              the vocabulary's title
    languages      [lang, ...]               label languages, the page's first language first
    scope          category id | null        a focused map's category (null: the whole map)
    topics         [{category, name, labels, positions: {concept id: [x, y]}}]  the whole map's topic views,
                   one per category: the page shows ``#topic=<name>`` as that category's focused map
                   (its concepts and their direct neighbours, placed from the whole map's layout)
    categories     [{id, localName, labels, definitions, colour, count}]  in legend order, only those shown
    relationTypes  [{id, labels, inverseLabels, kind, symmetric, used, sequence}]  relation types drawn on this
                   page; ``sequence``: a kamo:SequenceProperty (subject before object: Compare's timeline)
    sections       [{id, labels, number, firstLine, lastLine, text}]     the source's sections, in order
    concepts       [{id, x, y, colour, sourceSection, <the concept record, camelCase>}]  in reading order
                   (``sourceSection``: the section id when dcterms:source is a section, so "Bron" stays in the page);
                   the page script makes vis-network's nodes from these rows (its edges from ``edges``)
    edges          [{id, from, to, relation, status, evidence, lines}]  status, evidence and source lines from the
                   relation's owl:Axiom (kamo:relationStatus, kamo:evidence, kamo:sourceLines), when it has one
    overview       null | {groups: [{id, labels, colour, count, x, y, size, font}]}  above OVERVIEW_THRESHOLD
    vocabulary     text                      what stored study progress is keyed by (one per vocabulary,
                   the same in every language and topic view), see :mod:`kamgraph.views.practise`
    practise       [{id, kind, concept, section, beyond, options?, answer?, relation?}]  Practise mode's
                   questions, see :mod:`kamgraph.views.practise`
    findings       (draft maps only) {concept id: [{severity, code, message, hint, where}]}, ``where``
                   being ``file:line:column`` (or null)
    changes        (draft maps built with --since only) {since, concepts: {concept id: {status, fields}}}:
                   what changed since that version (:func:`kamgraph.changes.report.draft_marks`)
    network        vis-network's options, see :mod:`kamgraph.views.pyvis_network`

The concept record is :data:`kamgraph.graph.CONCEPT_FIELDS`, each field renamed
by one rule (:func:`camel_case`); only ``http(s)`` links survive (:func:`safe_link`).
This is the page data as every view reads it; the page carries it in a smaller
wire form (:mod:`kamgraph.views.wire`), decoded into this at start-up.
"""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import urlparse

import networkx as nx
from rdflib import URIRef

from kamgraph.findings import Finding
from kamgraph.graph import CONCEPT_FIELDS, ConceptGraph
from kamgraph.names import local_name
from kamgraph.views.layout import cached_positions, topic_positions
from kamgraph.views.practise import practise_questions, shown_questions, vocabulary_key
from kamgraph.views.pyvis_network import network_options
from kamgraph.vocabulary import pick_label, plain_colour

# Used only for categories whose ontology gives no kamo:colour.
FALLBACK_PALETTE = ("#8ecae6", "#ffb703", "#90be6d", "#f4a6a6", "#c3aed6", "#f9c74f", "#a3c4bc",
                    "#e9c46a", "#bde0fe", "#ffafcc", "#cdb4db", "#b5e48c", "#f7b267", "#9ad1d4")
# Above this many concepts the page opens on one bubble per category: about 2,000 drawn
# nodes is the most that keeps 20 frames/s while zooming.
OVERVIEW_THRESHOLD = 2000
_LINK_FIELDS = ("iri", "source")  # concept fields that become links on the page


def camel_case(name: str) -> str:
    """The page's name for a concept field.

    >>> camel_case("standard_definitions")
    'standardDefinitions'
    """
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def safe_link(url: str | None) -> str | None:
    """Only http(s) links reach the page; anything else (javascript:, data:, file:) is dropped.

    >>> safe_link("javascript:alert(1)") is None, safe_link("https://example.org/")
    (True, 'https://example.org/')
    """
    if not url:
        return None
    parsed = urlparse(url)
    return url if parsed.scheme in ("http", "https") and parsed.netloc else None


_ROW_NAMES = tuple((name, camel_case(name)) for name in CONCEPT_FIELDS)  # named once, not per concept
_LINK_NAMES = tuple((name, camel_case(name)) for name in _LINK_FIELDS)


def concept_row(node_id: str, attributes: dict) -> dict:
    """One concept as the page reads it: the concept record, camelCase, links checked."""
    row = {page_name: attributes[name] for name, page_name in _ROW_NAMES}
    for name, page_name in _LINK_NAMES:
        row[page_name] = safe_link(attributes[name])
    row["id"] = node_id
    return row


def page_data(concepts: ConceptGraph, *, scope: str | None = None, topics: dict[str, str] | None = None,
              layout_cache: Path | None = None, findings: list[Finding] | None = None,
              changes: dict | None = None) -> dict:
    """Everything the page script needs, as plain JSON-able data (the schema above).

    ``scope`` restricts the page to one category and its direct neighbours (a
    focused map on a page of its own); ``topics`` (category id -> name in the
    address) gives the whole map a topic view per category instead, so one page
    serves them all; ``layout_cache`` is a folder keeping positions by graph
    content (see :mod:`kamgraph.views.layout`); ``findings`` (draft maps) become badges.
    """
    graph = scoped_graph(concepts, scope)
    languages = concepts.languages
    whole_map = cached_positions(concepts.graph, layout_cache)  # the build's one layout, shared by every view
    positions = whole_map if scope is None else topic_positions(whole_map, concepts.graph, scope)
    categories = sorted(concepts.vocabulary.categories.values(),
                        key=lambda c: (c.order is None, c.order or 0, concepts.node_id(c.iri)))
    counts = {category: len(members) for category, members in _members(graph).items()}
    colours = _category_colours(concepts, categories)
    category_rows = [{"id": concepts.node_id(c.iri), "localName": local_name(c.iri), "labels": c.labels,
                      "definitions": c.definitions, "colour": colours[concepts.node_id(c.iri)],
                      "count": counts[concepts.node_id(c.iri)]}
                     for c in categories if counts.get(concepts.node_id(c.iri))]
    category_labels = {concepts.node_id(c.iri): c.labels for c in categories}
    used_relations = {key for _, _, key in graph.edges(keys=True)}
    relation_rows = [{"id": concepts.node_id(r.iri), "labels": r.labels, "inverseLabels": r.inverse_labels,
                      "kind": r.kind, "symmetric": r.symmetric, "used": True, "sequence": r.sequence}
                     for r in sorted(concepts.vocabulary.relation_types.values(), key=lambda r: str(r.iri))
                     if concepts.node_id(r.iri) in used_relations]
    section_order = {s.id: i for i, s in enumerate(concepts.sections)}

    concept_rows = []
    for node_id in sorted(graph.nodes, key=lambda n: _reading_order(graph.nodes[n], section_order, n)):
        attrs = graph.nodes[node_id]
        x, y = positions[node_id]
        concept_rows.append({**concept_row(node_id, attrs), "x": int(x), "y": int(y),
                             "colour": colours.get(attrs["category"], "#cccccc"),
                             "sourceSection": _source_section(concepts, attrs["source"], section_order)})
    edge_rows = [{"id": f"{u}|{key}|{v}", "from": u, "to": v, "relation": key,
                  "status": graph.edges[u, v, key].get("status"),
                  "evidence": graph.edges[u, v, key].get("evidence", {}),
                  "lines": graph.edges[u, v, key].get("lines")}
                 for u, v, key in sorted(graph.edges(keys=True))]
    overview = _overview(graph, positions, category_rows) if len(concept_rows) > OVERVIEW_THRESHOLD else None
    data = {
        "overview": overview,
        "title": concepts.title,
        "languages": languages,
        "scope": scope,
        "topics": [{"category": category, "name": name, "labels": category_labels.get(category, {}),
                    "positions": {node: [x, y] for node, (x, y) in
                                  topic_positions(whole_map, concepts.graph, category).items()}}
                   for category, name in (topics or {}).items()],
        "categories": category_rows,
        "relationTypes": relation_rows,
        "sections": [{"id": s.id, "labels": s.labels, "number": s.number, "firstLine": s.first_line,
                      "lastLine": s.last_line, "text": s.text} for s in concepts.sections],
        "concepts": concept_rows,
        "edges": edge_rows,
        "network": network_options(),
        "vocabulary": vocabulary_key([attrs for _, attrs in concepts.graph.nodes(data=True)], concepts.title),
        "practise": (practise_questions(concept_rows, edge_rows, relation_rows, category_rows) if scope is None
                     else shown_questions(_whole_questions(concepts, categories),
                                          {str(row["id"]) for row in concept_rows},
                                          {str(row["id"]) for row in category_rows},
                                          {str(row["id"]) for row in relation_rows})),
    }
    if findings is not None:
        data["findings"] = draft_findings(concepts, findings)
    if changes is not None:
        data["changes"] = changes
    return data


def page_title(data: dict) -> str:
    """The page's title in its first language; a focused map adds its category."""
    languages = data["languages"]
    title = pick_label(data["title"], languages, "kamgraph")
    if data["scope"] is not None:
        category = next((c for c in data["categories"] if c["id"] == data["scope"]), None)
        title = f"{title} — {pick_label(category['labels'], languages, data['scope']) if category else data['scope']}"
    return title


def scoped_graph(concepts: ConceptGraph, scope: str | None) -> nx.MultiDiGraph:
    """The whole graph, or one category's concepts plus their direct neighbours (either direction)."""
    graph = concepts.graph
    if scope is None:
        return graph
    members = {node for node, attrs in graph.nodes(data=True) if attrs["category"] == scope}
    keep = set(members)
    for node in members:
        keep.update(graph.successors(node))
        keep.update(graph.predecessors(node))
    return graph.subgraph(sorted(keep))


def _whole_questions(concepts: ConceptGraph, categories: list) -> list[dict]:
    """Practise questions over the whole vocabulary, for a focused map to keep those it shows.

    The whole map asks them of its own rows (the same rows in the same order), not through this.
    """
    graph = concepts.graph
    section_order = {s.id: i for i, s in enumerate(concepts.sections)}
    rows = [concept_row(n, graph.nodes[n]) for n in sorted(graph.nodes,
            key=lambda n: _reading_order(graph.nodes[n], section_order, n))]
    edges = [{"from": u, "to": v, "relation": key, "status": graph.edges[u, v, key].get("status")}
             for u, v, key in sorted(graph.edges(keys=True))]
    relations = [{"id": concepts.node_id(r.iri), "kind": r.kind} for r in concepts.vocabulary.relation_types.values()]
    used = {row["category"] for row in rows}
    category_rows = [{"id": concepts.node_id(c.iri)} for c in categories if concepts.node_id(c.iri) in used]
    return practise_questions(rows, edges, relations, category_rows)


def _members(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Concept ids per category, sorted."""
    return {category: sorted(ids) for category, ids in
            nx.utils.groups(dict(graph.nodes(data="category"))).items()}


def _source_section(concepts: ConceptGraph, source: str | None, section_order: dict[str, int]) -> str | None:
    """The section id when a concept's dcterms:source is a section of the source document (its passage is in the
    page, so the page links there instead of to the IRI), else None."""
    if not source:
        return None
    section = concepts.node_id(URIRef(source))
    return section if section in section_order else None


def _overview(graph: nx.MultiDiGraph, positions: dict, category_rows: list[dict]) -> dict:
    """One bubble per category at the centre of its concepts, sized by how many it holds."""
    members = _members(graph)
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
        if colour := given[category.iri]:
            colours[concepts.node_id(category.iri)] = colour
        else:
            colours[concepts.node_id(category.iri)] = spare[index % len(spare)]
            index += 1
    return colours


def _reading_order(attrs: dict, section_order: dict[str, int], node_id: str) -> tuple:
    """The summary's order: section, then first source line, then name."""
    section = section_order.get(attrs["section"], len(section_order))
    line = attrs.get("first_line")
    return (section, line is None, line or 0, node_id)


def draft_findings(concepts: ConceptGraph, findings: list[Finding]) -> dict[str, list[dict]]:
    """Findings per concept node, for the draft map's badges and details panel."""
    by_node: dict[str, list[dict]] = {}
    for finding in findings:
        if finding.subject is not None and finding.subject in concepts.graph:
            by_node.setdefault(finding.subject, []).append(
                {"severity": finding.severity.value, "code": finding.code, "message": finding.message,
                 "hint": finding.hint, "where": finding.location() if finding.file else None})
    return by_node
