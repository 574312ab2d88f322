"""The changes between two versions as text (for a terminal), JSON (for tools) or Markdown (for a changelog).

The JSON schema (``"schema": "kamgraph-diff/1"``; every list sorted by id)::

    schema          "kamgraph-diff/1"
    old, new        what was compared (a path or a git revision)
    equal           true when both hold the same statements (blank nodes matched by content)
    concepts        {added: [concept], removed: [concept], changed: [concept with fields]}
                    concept: {id, iri, labels: {lang: text}, category}
                    fields:  [{field, old, new}]  field is a record field, per language where it is a text
                             (``labels@en``, ``definitions@nl``, ``alt_labels@en``, ``category``, ``section``,
                             ``source``, ``origin``, …) or another predicate (``kamo:note``: values in Turtle);
                             old/new are null where the field is absent
    relations       {added: [relation], removed: [relation]}
                    relation: {source, relation, target, sentences: {lang: "Label – reading – Label"}}
    categories      {added: [{id, labels}], removed: [{id, labels}]}
    relationTypes   {added: [{id, labels}], removed: [{id, labels}]}
    statements      {added: N, removed: N}  every statement (triple) of every file, shapes included

Texts are data: Markdown output escapes the characters Markdown would read as markup.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from typing import Any

from kamgraph.changes.compare import Changes, ConceptChange, FieldChange, RelationChange, TermChange
from kamgraph.vocabulary import pick_label

SCHEMA = "kamgraph-diff/1"
FORMATS = ("text", "json", "markdown")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def as_dict(changes: Changes) -> dict[str, Any]:
    """The JSON document of the schema above."""
    def concept(c: ConceptChange, with_fields: bool = False) -> dict[str, Any]:
        row: dict[str, Any] = {"id": c.id, "iri": c.iri, "labels": c.labels, "category": c.category}
        if with_fields:
            row["fields"] = [asdict(f) for f in c.fields]
        return row

    return {
        "schema": SCHEMA, "old": changes.old, "new": changes.new, "equal": changes.equal,
        "concepts": {"added": [concept(c) for c in changes.concepts_added],
                     "removed": [concept(c) for c in changes.concepts_removed],
                     "changed": [concept(c, True) for c in changes.concepts_changed]},
        "relations": {"added": [asdict(r) for r in changes.relations_added],
                      "removed": [asdict(r) for r in changes.relations_removed]},
        "categories": {"added": [asdict(t) for t in changes.categories_added],
                       "removed": [asdict(t) for t in changes.categories_removed]},
        "relationTypes": {"added": [asdict(t) for t in changes.relation_types_added],
                          "removed": [asdict(t) for t in changes.relation_types_removed]},
        "statements": {"added": changes.statements_added, "removed": changes.statements_removed},
    }


def draft_marks(changes: Changes) -> dict[str, Any]:
    """What a draft map marks (page data ``changes``): each concept added or changed since ``changes.old``.

    ``{since, concepts: {id: {status: "added" | "changed", fields: [...]}}}``; a relation added or removed
    shows on both of its concepts (``+ kamo:concerns kam:SellingPrice``). Removed concepts are not on the map.
    """
    marks: dict[str, dict[str, Any]] = {c.id: {"status": "added", "fields": []} for c in changes.concepts_added}
    for c in changes.concepts_changed:
        marks[c.id] = {"status": "changed", "fields": [f.field for f in c.fields]}
    for mark, relations in (("+", changes.relations_added), ("-", changes.relations_removed)):
        for r in relations:
            ends = ((r.source, f"{mark} {r.relation} {r.target}"), (r.target, f"{mark} {r.source} {r.relation}"))
            for end, text in ends:
                marks.setdefault(end, {"status": "changed", "fields": []})["fields"].append(text)
    return {"since": changes.old, "concepts": dict(sorted(marks.items()))}


def to_json(changes: Changes) -> str:
    return json.dumps(as_dict(changes), ensure_ascii=False, indent=2) + "\n"


def _label(labels: dict[str, str], languages: list[str], fallback: str) -> str:
    return pick_label(labels, languages, fallback)


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def _summary(changes: Changes) -> list[str]:
    def count(what: str, added: list, removed: list, changed: list | None = None) -> str | None:
        parts = [f"{len(added)} added", f"{len(removed)} removed"] + (
            [f"{len(changed)} changed"] if changed is not None else [])
        return f"{what}: {', '.join(parts)}" if added or removed or changed else None

    lines = [count("concepts", changes.concepts_added, changes.concepts_removed, changes.concepts_changed),
             count("relations", changes.relations_added, changes.relations_removed),
             count("categories", changes.categories_added, changes.categories_removed),
             count("relation types", changes.relation_types_added, changes.relation_types_removed)]
    return [line for line in lines if line]


def _statements_line(changes: Changes) -> str:
    return (f"statements: {changes.statements_added} added, {changes.statements_removed} removed "
            "(every triple of every file, compared by meaning)")


def to_text(changes: Changes, language: str | None = None) -> str:
    """A report for a terminal: ``+`` added, ``-`` removed, ``~`` changed, then the fields that changed."""
    languages = [language, *changes.languages] if language else changes.languages
    lines = [f"kamgraph diff {changes.old} {changes.new}"]
    if changes.equal:
        return "\n".join([*lines, "no changes: both versions hold the same statements"]) + "\n"
    lines += _summary(changes)
    for mark, group in (("+", changes.concepts_added), ("-", changes.concepts_removed),
                        ("~", changes.concepts_changed)):
        for c in group:
            lines.append(f"{mark} concept {c.id} \"{_label(c.labels, languages, c.id)}\" ({c.category})")
            lines += [f"    {f.field}: {_value(f.old)} -> {_value(f.new)}" for f in c.fields]
    for mark, relations in (("+", changes.relations_added), ("-", changes.relations_removed)):
        for r in relations:
            lines.append(f"{mark} relation {r.source} {r.relation} {r.target}: "
                         f"{_label(r.sentences, languages, r.relation)}")
    for mark, what, terms in (("+", "category", changes.categories_added),
                              ("-", "category", changes.categories_removed),
                              ("+", "relation type", changes.relation_types_added),
                              ("-", "relation type", changes.relation_types_removed)):
        lines += [f"{mark} {what} {t.id} \"{_label(t.labels, languages, t.id)}\"" for t in terms]
    lines.append(_statements_line(changes))
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
    """``text`` shown as itself in Markdown: markup characters backslash-escaped, line breaks as spaces.

    >>> markdown_text("<b>*Key* account</b>")
    '\\\\<b\\\\>\\\\*Key\\\\* account\\\\</b\\\\>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _code(text: str) -> str:
    return f"`{text.replace('`', '')}`"


def _field_row(change: FieldChange) -> str:
    return f"  - {_code(change.field)}: {markdown_text(_value(change.old))} → {markdown_text(_value(change.new))}"


def to_markdown(changes: Changes, language: str | None = None) -> str:
    """A changelog section or pull-request comment: a summary, then a list per kind of change."""
    languages = [language, *changes.languages] if language else changes.languages
    lines = [f"## Ontology changes: {markdown_text(changes.old)} → {markdown_text(changes.new)}", ""]
    if changes.equal:
        return "\n".join([*lines, "No changes: both versions hold the same statements."]) + "\n"
    lines += [f"- {line}" for line in _summary(changes)] + [f"- {_statements_line(changes)}", ""]

    def concept_line(c: ConceptChange) -> str:
        return f"- {_code(c.id)} {markdown_text(_label(c.labels, languages, c.id))} ({_code(c.category)})"

    def relation_line(r: RelationChange) -> str:
        return (f"- {_code(r.source)} {_code(r.relation)} {_code(r.target)}: "
                f"{markdown_text(_label(r.sentences, languages, r.relation))}")

    def term_line(t: TermChange) -> str:
        return f"- {_code(t.id)} {markdown_text(_label(t.labels, languages, t.id))}"

    sections: list[tuple[str, list[str]]] = [
        ("Concepts added", [concept_line(c) for c in changes.concepts_added]),
        ("Concepts removed", [concept_line(c) for c in changes.concepts_removed]),
        ("Concepts changed", [line for c in changes.concepts_changed
                              for line in (concept_line(c), *(_field_row(f) for f in c.fields))]),
        ("Relations added", [relation_line(r) for r in changes.relations_added]),
        ("Relations removed", [relation_line(r) for r in changes.relations_removed]),
        ("Categories added", [term_line(t) for t in changes.categories_added]),
        ("Categories removed", [term_line(t) for t in changes.categories_removed]),
        ("Relation types added", [term_line(t) for t in changes.relation_types_added]),
        ("Relation types removed", [term_line(t) for t in changes.relation_types_removed]),
    ]
    for heading, rows in sections:
        if rows:
            lines += [f"### {heading}", "", *rows, ""]
    return "\n".join(lines).rstrip("\n") + "\n"
