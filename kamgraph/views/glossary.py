"""The glossary: every concept with its labels and definitions in both languages, as HTML and Markdown.

Listed alphabetically (by the first language's label, with an index in each
other language) and by section of the summary; every concept has an anchor
(its local name) and links to its place on the map
(``index.html#concept=<localName>&lang=<language>``). The HTML is an
autoescaped Jinja2 template with a CSP that allows only its own stylesheet;
the Markdown escapes every character Markdown would read as markup.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from kamgraph.graph import ConceptGraph
from kamgraph.views.html import csp_hash, environment, stylesheet
from kamgraph.views.site import MAP_PAGE
from kamgraph.vocabulary import pick_label

# Our Markdown never starts a line with ontology text, so only inline markup needs escaping.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~>])")


@dataclass(frozen=True)
class Entry:
    """One concept as the glossary shows it."""

    anchor: str
    labels: dict[str, str]
    definitions: dict[str, str]
    explanations: dict[str, str]  # editorial (kamo:explanation): shown marked, apart from the definitions
    category: str
    section: str | None
    map_links: dict[str, str]


def map_link(local_name: str, language: str) -> str:
    """The map's deep link to a concept, shown in ``language``."""
    return f"{MAP_PAGE}#concept={quote(local_name, safe='')}&lang={quote(language, safe='')}"


def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it: accents and case ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def entries(concepts: ConceptGraph) -> list[Entry]:
    """Every concept, in alphabetical order of its label in the first language."""
    graph, languages = concepts.graph, concepts.languages
    categories = {concepts.node_id(c.iri): c for c in concepts.vocabulary.categories.values()}
    found = []
    for _, attrs in graph.nodes(data=True):
        labels = {lang: pick_label(attrs["labels"], [lang, *languages], attrs["local_name"]) for lang in languages}
        definitions = {}
        for lang in languages:
            text = (attrs["definitions"].get(lang) or attrs["standard_definitions"].get(lang)
                    or " ".join(attrs["scope_notes"].get(lang, [])))
            if text:
                definitions[lang] = text
        category = categories.get(attrs["category"])
        found.append(Entry(
            anchor=attrs["local_name"],
            labels=labels,
            definitions=definitions,
            explanations={lang: text for lang in languages if (text := attrs["explanations"].get(lang))},
            category=pick_label(category.labels, languages, attrs["category"]) if category else attrs["category"],
            section=attrs["section"],
            map_links={lang: map_link(attrs["local_name"], lang) for lang in languages},
        ))
    first = languages[0]
    return sorted(found, key=lambda e: (sort_key(e.labels[first]), e.anchor))


def _initial(text: str) -> str:
    letter = sort_key(text)[:1].upper()
    return letter if letter.isalpha() else "#"


def _by_section(concepts: ConceptGraph, listed: list[Entry]) -> list[dict]:
    languages = concepts.languages
    groups: list[dict[str, Any]] = [
        {"id": s.id, "labels": s.labels, "title": {lang: pick_label(s.labels, [lang, *languages], s.id)
                                                   for lang in languages},
         "entries": [e for e in listed if e.section == s.id]} for s in concepts.sections]
    rest = [e for e in listed if e.section not in {s.id for s in concepts.sections}]
    if rest:
        groups.append({"id": None, "title": {lang: heading("outside", lang) for lang in languages}, "entries": rest})
    return [g for g in groups if g["entries"]]


def _letters(listed: list[Entry], language: str) -> list[tuple[str, list[Entry]]]:
    ordered = sorted(listed, key=lambda e: (sort_key(e.labels[language]), e.anchor))
    letters: dict[str, list[Entry]] = {}
    for entry in ordered:
        letters.setdefault(_initial(entry.labels[language]), []).append(entry)
    return list(letters.items())


def render_html(concepts: ConceptGraph) -> str:
    """The glossary page: self-contained, no script, no request."""
    listed = entries(concepts)
    languages = concepts.languages
    css = stylesheet("glossary.css")
    csp = "; ".join(["default-src 'none'", f"style-src {csp_hash(css)}", "base-uri 'none'", "form-action 'none'"])
    return environment().get_template("glossary.html.j2").render(
        csp=Markup(csp), css=Markup(css), languages=languages, first=languages[0],
        title={lang: pick_label(concepts.title, [lang, *languages], "kamgraph") for lang in languages},
        letters=_letters(listed, languages[0]),
        indexes={lang: _letters(listed, lang) for lang in languages[1:]},
        sections=_by_section(concepts, listed), heading=heading,
    )


def markdown_text(text: str) -> str:
    """Ontology text made inert in Markdown: special characters escaped, HTML angle brackets as entities."""
    flat = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;").replace("<", "&lt;"))


def render_markdown(concepts: ConceptGraph) -> str:
    """The same glossary as Markdown, for wikis and printing."""
    listed = entries(concepts)
    languages = concepts.languages
    first = languages[0]
    title = " / ".join(dict.fromkeys(pick_label(concepts.title, [lang, *languages], "kamgraph") for lang in languages))
    lines = [f"# {markdown_text(title)}", "",
             "## " + " / ".join(heading("alphabetical", lang) for lang in languages), ""]
    for letter, group in _letters(listed, first):
        lines += [f"### {letter}", ""]
        for entry in group:
            names = " / ".join(f"{markdown_text(entry.labels[lang])} ({lang})" for lang in languages)
            lines += [f'<a id="{html.escape(entry.anchor)}"></a>', f"**{names}** — {markdown_text(entry.category)}", ""]
            for lang in languages:
                if entry.definitions.get(lang):
                    lines += [f"- {lang}: {markdown_text(entry.definitions[lang])}"]
            for lang in languages:
                if entry.explanations.get(lang):
                    lines += [f"- {lang}, *{heading('explanation', lang)}*: {markdown_text(entry.explanations[lang])}"]
            links = " · ".join(f"[{heading('map', lang)}]({entry.map_links[lang]})" for lang in languages)
            lines += [f"- {links}", ""]
    lines += ["## " + " / ".join(heading("sections", lang) for lang in languages), ""]
    for section in _by_section(concepts, listed):
        lines += [f"### {markdown_text(section['title'][first])}", ""]
        lines += [f"- [{markdown_text(e.labels[first])}](#{e.anchor})" for e in section["entries"]] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


_HEADINGS = {
    "alphabetical": {"nl": "Alfabetisch", "en": "Alphabetical"},
    "sections": {"nl": "Per sectie", "en": "By section"},
    "outside": {"nl": "Buiten de secties", "en": "Outside the sections"},
    "map": {"nl": "op de kaart", "en": "on the map"},
    "index": {"nl": "Index", "en": "Index"},
    "definition": {"nl": "Geen definitie in de bron.", "en": "No definition in the source."},
    "explanation": {"nl": "uitleg van de redactie, niet uit de samenvatting",
                    "en": "editors' explanation, not from the summary"},
}


def heading(key: str, language: str) -> str:
    """Fixed glossary wording in ``language`` (English for languages it does not know)."""
    return _HEADINGS[key].get(language, _HEADINGS[key]["en"])
