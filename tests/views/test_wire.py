"""The page data's wire form: decoding it gives back exactly the page data, for real builds and for
generated page data (hypothesis), and it is what the page carries."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import ONTOLOGY, SMALL, data_island
from kamgraph.names import local_name
from kamgraph.pipeline import load_and_check
from kamgraph.views.html import render_page, script_json
from kamgraph.views.site import render_site
from kamgraph.views.wire import decode, encode


def canonical(value) -> str:
    """JSON text that tells 0, 0.0 and false apart (Python's == does not)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def through_the_page(data: dict) -> dict:
    """The wire form as the page's JSON island carries it, read back and decoded."""
    return decode(json.loads(script_json(encode(data))))


@pytest.fixture(scope="module", params=[SMALL, ONTOLOGY], ids=["small", "kam"])
def built(request, tmp_path_factory) -> dict:
    concepts = load_and_check([request.param]).concepts
    return render_site(concepts, layout_cache=Path(tmp_path_factory.mktemp("layout"))).index_data


def test_a_real_page_data_comes_back_unchanged(built):
    assert canonical(through_the_page(built)) == canonical(built)


def test_the_page_carries_the_wire_form_and_it_is_smaller(built):
    island = json.loads(data_island(render_page(built)))
    assert island["wire"]["tables"] == ["concepts", "edges", "practise"]
    assert "id" not in island["edges"]["fields"]  # from|relation|to: written by the decoder
    assert len(data_island(render_page(built))) < 0.75 * len(script_json(built))
    assert canonical(decode(island)) == canonical(built)


def test_derivable_iris_and_local_names_are_not_sent(built):
    table = encode(built)["concepts"]
    assert table["derived"] == ["iri", "localName"]
    derivable = [row for row in built["concepts"] if row["iri"] and local_name(row["iri"]) == row["localName"]]
    assert derivable  # every KAM and fixture concept
    sent = sum(1 for mask, *_ in table["rows"] for field in ("iri", "localName")
               if mask >> table["fields"].index(field) & 1)
    assert sent < len(built["concepts"])


def test_an_edge_id_that_does_not_follow_from_the_edge_is_refused():
    data = {"concepts": [], "edges": [{"id": "a|r|c", "from": "a", "to": "b", "relation": "r"}]}
    with pytest.raises(ValueError, match=r"is not from\|relation\|to"):
        encode(data)


def test_a_number_where_an_id_belongs_is_refused():
    with pytest.raises(ValueError, match="where an id belongs"):
        encode({"concepts": [{"id": "a", "category": 3}]})


def test_an_unknown_version_is_refused():
    wire = encode({"concepts": []})
    wire["wire"]["version"] = 99
    with pytest.raises(ValueError, match="version"):
        decode(wire)


# --- generated page data ----------------------------------------------------------------------

_TEXT = st.text(max_size=12)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.5]), _TEXT)
_VALUES = st.one_of(_SCALARS, st.dictionaries(st.sampled_from(["nl", "en"]), _TEXT, max_size=2),
                    st.lists(_SCALARS, max_size=2))
_IDS = st.one_of(st.builds(lambda local: f"ex:{local}", st.sampled_from(["A", "B", "C", "D", "E"])),
                 st.builds(lambda local: f"<https://example.org/{local}>", st.sampled_from(["a", "b/", "c#d"])),
                 st.sampled_from(["", "noprefix", "<>", "ex:"]))
_IRIS = st.one_of(st.none(), st.sampled_from(["https://example.org/A", "https://example.org/ns/A",
                                              "https://example.org/a", "urn:x"]))
_REFERENCE = st.one_of(st.none(), _IDS, _TEXT)


@st.composite
def page_data(draw) -> dict:
    concepts = []
    for node_id in draw(st.lists(_IDS, max_size=6, unique=True)):
        iri = draw(st.one_of(_IRIS, st.just(node_id[1:-1] if node_id.startswith("<") else None)))
        row = {"id": node_id, "iri": iri,
               "localName": draw(st.one_of(_TEXT, st.just(local_name(iri) if iri else "")))}
        row.update(draw(st.dictionaries(st.sampled_from(["labels", "x", "origin"]), _VALUES, max_size=3)))
        row.update(draw(st.dictionaries(st.sampled_from(["category", "section"]), _REFERENCE, max_size=2)))
        concepts.append(row)
    ids = [row["id"] for row in concepts] or ["ex:A"]
    edges = []
    for _ in range(draw(st.integers(0, 5))):
        source, target = draw(st.sampled_from(ids)), draw(st.one_of(st.sampled_from(ids), _IDS))
        relation = draw(st.sampled_from(["skos:broader", "ex:r", "<x|y>"]))
        edge = {"id": f"{source}|{relation}|{target}", "from": source, "to": target, "relation": relation}
        edge.update(draw(st.dictionaries(st.sampled_from(["status", "evidence", "lines"]), _VALUES, max_size=3)))
        edges.append(edge)
    practise = [draw(st.fixed_dictionaries(
        {"id": _TEXT, "kind": st.sampled_from(["relation", "category"]), "concept": st.sampled_from(ids)},
        optional={"options": st.lists(_REFERENCE, max_size=4), "answer": _REFERENCE, "beyond": st.booleans()}))
        for _ in range(draw(st.integers(0, 4)))]
    categories = [{"id": category, "labels": {}} for category in draw(st.lists(_IDS, max_size=2, unique=True))]
    return {"concepts": concepts, "edges": edges, "practise": practise, "categories": categories,
            "relationTypes": [{"id": "ex:r"}], "sections": [], "title": {"en": "t"}, "scope": None}


@settings(max_examples=300, deadline=None)
@given(page_data())
def test_generated_page_data_comes_back_unchanged(data):
    assert canonical(through_the_page(data)) == canonical(data)


@given(page_data())
def test_decoded_rows_share_no_objects(data):
    decoded = through_the_page(data)
    containers = [id(value) for name in ("concepts", "edges", "practise") for row in decoded[name]
                  for value in row.values() if isinstance(value, (dict, list))]
    assert len(containers) == len(set(containers))


# --- the column-wise table encoder writes what a row-by-row one writes ----------------------------

def row_by_row(rows: list[dict], refs: tuple[str, ...], number: dict[str, int]) -> dict:
    """The plain reading of the module docstring, one row at a time (no derived fields)."""
    from kamgraph.views.wire import _key, _reference

    fields = sorted({key for row in rows for key in row})
    defaults: dict = {}
    for field in fields:
        column = [row[field] for row in rows if field in row]
        if len(column) < len(rows):
            continue
        keys = [_key(value) for value in column]
        common = max(keys, key=lambda k: (keys.count(k), -keys.index(k)))
        if keys.count(common) > 1:
            defaults[field] = column[keys.index(common)]
    encoded = []
    for row in rows:
        mask, values = 0, []
        for bit, field in enumerate(fields):
            if field in row and (field not in defaults or _key(row[field]) != _key(defaults[field])):
                mask |= 1 << bit
                value = row[field]
                values.append(_reference(value, number) if field in refs else value)
        encoded.append([mask, *values])
    return {"fields": fields, "defaults": defaults, "refs": [f for f in refs if f in fields], "derived": [],
            "rows": encoded}


_SHARED = {"nl": "gedeeld"}  # one object in several rows: a default only by identity


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "b", "ref"]),
                                st.one_of(_SCALARS, st.just(_SHARED), st.just({}), st.just([]), _IDS),
                                max_size=3), max_size=8),
       st.booleans())
def test_a_table_is_encoded_as_row_by_row(rows, uniform):
    from kamgraph.views.wire import _encode_table

    if uniform:  # every row has every field: the default-taking columns
        rows = [{"a": row.get("a", 0), "b": row.get("b", False), "ref": row.get("ref", "ex:A")} for row in rows]
    rows = [{k: v for k, v in row.items() if k != "ref" or not isinstance(v, (int, float))} for row in rows]
    number = {"ex:A": 0, "ex:B": 1}
    assert _encode_table(rows, ("ref",), (), number, {}, set()) == row_by_row(rows, ("ref",), number)
