"""The page data's wire form: what the page carries, smaller; decoded at start-up into the page data itself.

:mod:`kamgraph.views.page_data` is the schema every view reads; this module only
changes how it travels. The big row lists (``concepts``, ``edges``, ``practise``)
become *tables*; every other key is written as it is. A thesaurus page's data shrinks to
about a fifth (STW: from 10.3 MB to 1.9 MB), mostly because edges no
longer spell out their ids and endpoints, and concepts no longer carry empty fields.

The wire form is the page data with ``wire`` added and each table's list replaced::

    wire        {version, tables: [name, ...], namespaces: {prefix: namespace}}
    <table>     {fields, defaults, refs, derived, rows}

    fields      every key any row has, sorted (the decoded row's key order)
    defaults    {field: value} the value a row has when it does not write one: the field's most common value
                when it repeats (a non-empty dict or list repeats only as the same object: :func:`_key`);
                a field missing here is absent from such a row (``options?`` of a practise question)
    refs        fields holding ids: an integer n stands for ``names[n]``, in a list element-wise; a string is itself.
                ``names`` are the ids of the concepts (in order), then of ``categories``, ``relationTypes`` and
                ``sections`` (the first place an id occurs gives its number)
    derived     fields left out when they follow from the row: ``iri`` from ``id`` (``<x>`` is x; ``p:l`` is
                ``namespaces[p]`` + l), ``localName`` from ``iri`` (:func:`kamgraph.names.local_name`)
    rows        per row ``[mask, value, ...]``: bit i of ``mask`` set means ``fields[i]``'s value follows
                (in field order); unset means its default, or its derivation

An edge's ``id`` is always ``from|relation|to`` and is not sent (the decoder writes it).
The page's decoder is ``frontend/wire.js``; :func:`decode` is the same in Python, for
whatever reads a built page (tests, benchmarks). ``decode(encode(data)) == data``.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Hashable
from itertools import compress
from operator import itemgetter
from typing import Any

from kamgraph.names import local_name

WIRE_VERSION = 1
# Table name -> the fields of its rows that hold ids (concepts, categories, relation types, sections).
TABLES: dict[str, tuple[str, ...]] = {
    "concepts": ("category", "section", "sourceSection"),
    "edges": ("from", "to", "relation"),
    "practise": ("concept", "options", "answer", "relation", "section"),
}
DERIVED = {"concepts": ("iri", "localName")}  # in derivation order: localName follows from the iri
_NAMED = ("concepts", "categories", "relationTypes", "sections")  # whose ids make up ``names``
_MAX_FIELDS = 52  # a row's mask stays an exact integer in JavaScript (2**53)


def encode(data: dict) -> dict:
    """The wire form of page data (see the module docstring)."""
    names = _names(data)
    number = {name: i for i, name in reversed(list(enumerate(names))) if name is not None}  # the first place wins
    tables = [name for name in TABLES if isinstance(data.get(name), list)]
    namespaces = _namespaces(data.get("concepts") or [])
    wire = {key: value for key, value in data.items() if key not in tables}
    wire["wire"] = {"version": WIRE_VERSION, "tables": tables, "namespaces": namespaces}
    for name in tables:
        if name == "edges":
            _check_edge_ids(data[name])
        wire[name] = _encode_table(data[name], TABLES[name], DERIVED.get(name, ()), number, namespaces,
                                   omit={"id"} if name == "edges" else set())
    return wire


def decode(wire: dict) -> dict:
    """The page data a wire form stands for (the inverse of :func:`encode`)."""
    header = wire["wire"]
    if header.get("version") != WIRE_VERSION:
        raise ValueError(f"page data wire form version {header.get('version')!r}, this kamgraph reads {WIRE_VERSION}")
    data = {key: value for key, value in wire.items() if key != "wire"}
    for name in header["tables"]:
        data[name] = _decode_rows(wire[name], header["namespaces"])
    names = _names(data)
    for name in header["tables"]:
        refs = wire[name]["refs"]
        for row in data[name]:
            for field in refs:
                if field in row:
                    row[field] = _resolve(row[field], names)
        if name == "edges":
            for row in data[name]:
                row["id"] = f"{row['from']}|{row['relation']}|{row['to']}"
    return data


def _names(data: dict) -> list[str | None]:
    """Every id a reference can stand for, in order (a row whose id is no string keeps its place as None)."""
    ids = [row.get("id") for key in _NAMED for row in (data.get(key) or [])]
    return [node_id if isinstance(node_id, str) else None for node_id in ids]


def _check_edge_ids(edges: list[dict]) -> None:
    """An edge's id is not sent: the decoder writes ``from|relation|to``, so that must be what it is."""
    for row in edges:
        if row.get("id") != f"{row['from']}|{row['relation']}|{row['to']}":
            raise ValueError(f"edge id {row.get('id')!r} is not from|relation|to")


_MISSING = object()  # a row without the field


def _key(value: Any) -> Hashable:
    """Equal for two values only when they are the same JSON (``0``, ``0.0`` and ``false`` differ).

    A non-empty dict or list is equal only to itself: a field whose most common value is one (rare)
    gets no default, which costs bytes, never correctness, and spares a JSON text per value.
    """
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is dict or kind is list:
        return ("object", id(value)) if value else ("empty", kind.__name__)
    return kind.__name__, value


def _encode_table(rows: list[dict], refs: tuple[str, ...], derived: tuple[str, ...], number: dict[str, int],
                  namespaces: dict[str, str], omit: set[str]) -> dict:
    """One table, built column by column: which rows write each field, and what (``omit``: not sent)."""
    present = Counter(key for row in rows for key in row)
    fields = sorted(set(present) - omit)
    if len(fields) > _MAX_FIELDS:
        raise ValueError(f"a table of {len(fields)} fields; the wire form takes at most {_MAX_FIELDS}")
    masks = [0] * len(rows)
    values: list[list] = [[] for _ in rows]
    defaults: dict[str, Any] = {}
    kept_derived = []
    for bit, field in enumerate(fields):
        if present[field] < len(rows):  # absent by default; written where present
            column = [row.get(field, _MISSING) for row in rows]
            written = [value is not _MISSING for value in column]
        elif field in derived:
            column = list(map(itemgetter(field), rows))
            kept_derived.append(field)
            written = [value != _derive(field, row, namespaces) for row, value in zip(rows, column, strict=True)]
        else:
            column = list(map(itemgetter(field), rows))
            keys = [value if type(value) is str or value is None else _key(value) for value in column]
            common, count = Counter(keys).most_common(1)[0]  # ties: the first in row order
            if count > 1:
                defaults[field] = column[keys.index(common)]
                written = [key != common for key in keys]
            else:
                written = [True] * len(rows)
        flag, is_ref = 1 << bit, field in refs
        for i in compress(range(len(rows)), written):
            masks[i] |= flag
            value = column[i]
            if is_ref:
                value = number.get(value, value) if type(value) is str else _reference(value, number)
            values[i].append(value)
    return {"fields": fields, "defaults": defaults, "refs": [f for f in refs if f in fields],
            "derived": kept_derived, "rows": [[mask, *row] for mask, row in zip(masks, values, strict=True)]}


def _reference(value: Any, number: dict[str, int]) -> Any:
    if isinstance(value, list):
        return [_reference(item, number) for item in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f"a number {value!r} where an id belongs")
    return number.get(value, value) if isinstance(value, str) else value


def _resolve(value: Any, names: list[str | None]) -> Any:
    if isinstance(value, list):
        return [_resolve(item, names) for item in value]
    return names[value] if isinstance(value, int) and not isinstance(value, bool) else value


def _derive(field: str, row: dict, namespaces: dict[str, str]) -> Any:
    """What ``field`` would be, from the rest of the row (``None`` when it does not follow)."""
    if field == "iri":
        return _iri_of(row.get("id"), namespaces)
    if field == "localName":
        iri = row.get("iri")
        return local_name(iri) if isinstance(iri, str) and iri else None
    raise ValueError(f"no derivation for {field!r}")


def _iri_of(node_id: Any, namespaces: dict[str, str]) -> str | None:
    if not isinstance(node_id, str):
        return None
    if node_id.startswith("<") and node_id.endswith(">"):
        return node_id[1:-1]
    prefix, colon, rest = node_id.partition(":")
    return namespaces[prefix] + rest if colon and prefix in namespaces else None


def _namespaces(concepts: list[dict]) -> dict[str, str]:
    """Each id prefix's namespace, where every concept with that prefix agrees on it."""
    found: dict[str, set[str]] = {}
    for row in concepts:
        node_id, iri = row.get("id"), row.get("iri")
        if not isinstance(node_id, str) or not isinstance(iri, str) or node_id.startswith("<"):
            continue
        prefix, colon, rest = node_id.partition(":")
        if colon and iri.endswith(rest):
            found.setdefault(prefix, set()).add(iri[:len(iri) - len(rest)])
    return {prefix: namespaces.pop() for prefix, namespaces in sorted(found.items()) if len(namespaces) == 1}


def _decode_rows(table: dict, namespaces: dict[str, str]) -> list[dict]:
    fields, defaults, derived = table["fields"], table["defaults"], set(table["derived"])
    rows = []
    for encoded in table["rows"]:
        mask, values = encoded[0], iter(encoded[1:])
        row: dict[str, Any] = {}
        for bit, field in enumerate(fields):
            if mask >> bit & 1:
                row[field] = next(values)
            elif field in defaults:
                row[field] = copy.deepcopy(defaults[field])
            elif field in derived:
                row[field] = None  # filled in below, in derivation order
        for field in table["derived"]:
            if not mask >> fields.index(field) & 1:
                row[field] = _derive(field, row, namespaces)
        rows.append(row)
    return rows
