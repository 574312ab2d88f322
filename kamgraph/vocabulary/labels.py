"""Labels and other language-tagged texts: reading them by language, and picking the one to show.

Every output (map, glossary, exports, paths, stats) picks a label the same
way: the wanted language, then the vocabulary's other languages in order, then
an untagged value, then any value, then a fallback such as the local name, so
a reader never sees a blank.

Texts are read by their *language*, not their full tag: ``"Colour"@en-GB`` is
the English label and ``"Prijs"@nl-NL`` the Dutch one (:func:`language_of`,
BCP 47's primary language subtag, after ``langcodes`` has put the tag in its
standard form), so a region tag never makes a label vanish from the map, an
export or a path. Where a text exists both with and without a region, the one
tagged with the bare language wins.
"""

from __future__ import annotations

from functools import lru_cache

import langcodes
from rdflib import Literal, URIRef
from rdflib.term import Node

from kamgraph.sources.triples import Triples

# The page opens in the first of these the vocabulary has labels in; labels missing in
# the chosen language fall back through the rest, then any language, then the local name.
PREFERRED_LANGUAGES = ("nl", "en", "de")


@lru_cache(maxsize=512)
def language_of_tag(tag: str) -> str:
    """The language a tag names: ``en-GB`` -> ``en``, ``NL-nl`` -> ``nl``, ``nld`` -> ``nl``.

    A tag that is not in the language registry is kept as written, lower-cased
    (the checks report it as ``unknown-language-tag``).

    >>> language_of_tag("en-GB"), language_of_tag("nl-NL"), language_of_tag("nld"), language_of_tag("dutch")
    ('en', 'nl', 'nl', 'dutch')
    """
    try:
        return langcodes.Language.get(langcodes.standardize_tag(tag)).language or tag.lower()
    except (ValueError, LookupError):
        return tag.lower()


def language_of(value: Node) -> str:
    """The language of a literal (``""`` when it has no tag, or is not a literal)."""
    tag = value.language if isinstance(value, Literal) else None
    return language_of_tag(tag) if tag else ""


def _tagged_texts(graph: Triples, subject: Node, predicate: URIRef) -> list[tuple[str, Literal]]:
    """(language, literal) pairs, bare-language tags before regional ones, then in text order."""
    found = [(language_of(value), value) for value in graph.objects(subject, predicate) if isinstance(value, Literal)]
    if len(found) < 2:
        return found
    return sorted(found, key=lambda pair: ((pair[1].language or "").lower() != pair[0], str(pair[1])))


def by_language(graph: Triples, subject: Node, predicate: URIRef) -> dict[str, str]:
    """Literal values by language (``""`` for untagged), the first in sort order winning."""
    values: dict[str, str] = {}
    for language, value in _tagged_texts(graph, subject, predicate):
        values.setdefault(language, str(value))
    return values


def all_by_language(graph: Triples, subject: Node, predicate: URIRef) -> dict[str, list[str]]:
    """Every literal value by language, sorted (synonyms, notes)."""
    values: dict[str, list[str]] = {}
    for language, value in sorted(_tagged_texts(graph, subject, predicate), key=lambda pair: str(pair[1])):
        values.setdefault(language, []).append(str(value))
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
