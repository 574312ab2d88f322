"""Language tags checked against the IANA language subtag registry (``langcodes``), not a pattern.

The parser already refuses tags that are not well-formed BCP 47 (``@-nl``:
``bad-language-tag``). A well-formed tag can still name no language:
``"Prijs"@dutch`` parses, but no reader asks for "dutch", so the Dutch map
shows no label. Such a tag is reported with the tag the author meant
(``@nl``), found by language name (``langcodes.find``: "dutch", "nederlands",
"english") or, failing that, by spelling among the ontology's own languages.
Region forms (``@en-GB``, ``@nl-NL``) are valid and read as their language
(:func:`kamgraph.vocabulary.language_of`).
"""

from __future__ import annotations

import difflib
from collections import Counter
from functools import lru_cache

import langcodes
from rdflib import Literal, URIRef

from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding
from kamgraph.sources.locate import locate_language_tag
from kamgraph.vocabulary import language_of_tag


@lru_cache(maxsize=256)
def registered(tag: str) -> bool:
    """Whether every subtag of ``tag`` is in the IANA registry (``en-GB`` yes, ``dutch``, ``en-XX`` no)."""
    return langcodes.tag_is_valid(tag)


def intended(tag: str, languages: list[str]) -> str | None:
    """The tag an author most likely meant: by language name, by a valid primary subtag, or by spelling."""
    primary = tag.split("-")[0]
    try:
        found = str(langcodes.find(primary))
        return found
    except LookupError:
        pass
    except ImportError:  # language-data missing: names cannot be looked up
        pass
    if registered(primary) and primary != tag:
        return language_of_tag(primary)
    match = difflib.get_close_matches(primary.lower(), languages, n=1, cutoff=0.5)
    return match[0] if match else None


def unknown_language_tags(context: CheckContext) -> list[Finding]:
    """Every literal whose language tag is well-formed but registers no language, at the tag."""
    tags: Counter[str] = Counter()
    for source in context.ontology.data_files:  # one pass over the literals; the registry is asked once per tag
        tags.update(o.language for _, _, o in source.triples if isinstance(o, Literal) and o.language)
    if all(registered(tag) for tag in tags):
        return []
    used: Counter[str] = Counter()
    for tag, count in tags.items():
        used[language_of_tag(tag)] += count
    languages = [language for language, _ in used.most_common() if registered(language)]
    findings = []
    for source in context.ontology.data_files:
        for subject, predicate, value in source.triples:
            if not isinstance(value, Literal) or not value.language or registered(value.language):
                continue
            named = isinstance(subject, URIRef)
            guess = intended(value.language, languages)
            shown = f"{value[:40]}..." if len(value) > 40 else str(value)
            findings.append(context.finding(
                "unknown-language-tag", locate_language_tag(source, subject, value),
                f'{context.name(subject) if named else "a blank node"} {context.name(predicate)} "{shown}"@'
                f"{value.language}: @{value.language} is not a registered language tag, so no language "
                "of the map shows this text", subject=context.name(subject) if named else None,
                hint=f"did you mean @{guess}?" if guess else
                f"use a BCP 47 tag such as {', '.join('@' + lang for lang in languages[:3]) or '@nl or @en'}"))
    return findings
