"""Labels and other language-tagged texts: reading them by language, and picking the one to show.

Every output (map, glossary, exports, paths, stats) picks a label the same
way: the wanted language, then the vocabulary's other languages in order, then
an untagged value, then any value, then a fallback such as the local name, so
a reader never sees a blank.
"""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.term import Node

from kamgraph.sources.triples import Triples

# The page opens in the first of these the vocabulary has labels in; labels missing in
# the chosen language fall back through the rest, then any language, then the local name.
PREFERRED_LANGUAGES = ("nl", "en", "de")


def by_language(graph: Triples, subject: Node, predicate: URIRef) -> dict[str, str]:
    """Literal values by language tag (``""`` for untagged), the first in sort order winning."""
    values: dict[str, str] = {}
    for value in sorted(graph.objects(subject, predicate), key=str):
        if isinstance(value, Literal):
            values.setdefault(value.language or "", str(value))
    return values


def all_by_language(graph: Triples, subject: Node, predicate: URIRef) -> dict[str, list[str]]:
    """Every literal value by language tag, sorted (synonyms, notes)."""
    values: dict[str, list[str]] = {}
    for value in sorted(graph.objects(subject, predicate), key=str):
        if isinstance(value, Literal):
            values.setdefault(value.language or "", []).append(str(value))
    return values


def pick_label(labels: dict[str, str], languages: list[str] | tuple[str, ...], fallback: str) -> str:
    """Current language first, then the others in order, then untagged, then any, then ``fallback``.

    >>> pick_label({"en": "Key account", "nl": " "}, ["nl", "en"], "KeyAccount")
    'Key account'
    >>> pick_label({}, ["nl"], "KeyAccount")
    'KeyAccount'
    """
    for language in [*languages, ""]:
        if labels.get(language, "").strip():
            return labels[language]
    return next((v for v in labels.values() if v.strip()), fallback)
