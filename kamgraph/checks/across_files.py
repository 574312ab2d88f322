"""What two files say differently about one thing: a concept's category, a prefix's namespace.

Each file alone is fine; together they disagree, and the map would silently
take one side. Both places are named, so the author can decide which is right.
(Different labels for one concept are :func:`kamgraph.checks.content.conflicting_labels`.)
"""

from __future__ import annotations

import re
from collections import defaultdict

from rdflib import URIRef

from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding, Position
from kamgraph.namespaces import RDF
from kamgraph.sources.locate import locate_term
from kamgraph.sources.ontology import SourceFile
from kamgraph.vocabulary import DEFAULT_CATEGORY


def _at(position: Position) -> str:
    return f"{position.file}:{position.line}" if position.line else position.file


def conflicting_categories(context: CheckContext) -> list[Finding]:
    """A concept put in one category by one file and in another by a second file."""
    if len(context.ontology.data_files) < 2:
        return []  # one file cannot disagree with itself
    categories = set(context.vocabulary.categories) - {DEFAULT_CATEGORY}
    findings = []
    for concept in context.vocabulary.concepts:
        stated: list[tuple[SourceFile, URIRef]] = []
        for source in context.ontology.files_defining(concept):
            stated += [(source, c) for c in sorted(source.triples.objects(concept, RDF.type), key=str)
                       if isinstance(c, URIRef) and c in categories]
        if len({c for _, c in stated}) < 2 or len({s.display for s, _ in stated}) < 2:
            continue  # one file may give several categories on purpose; only files disagreeing are reported
        first_file, first = stated[0]
        later_file, later = next((s, c) for s, c in stated if s is not first_file and c != first)
        shown = context.name(context.vocabulary.concept_categories[concept])
        findings.append(context.finding(
            "conflicting-categories", locate_term(later_file, concept, later),
            f"{context.name(concept)} is a {context.name(first)} in {_at(locate_term(first_file, concept, first))} "
            f"but a {context.name(later)} here; the map shows it as {shown}", subject=context.name(concept),
            hint="describe the concept in one file, or give it the same category in both"))
    return findings


def _prefix_position(source: SourceFile, prefix: str, namespace: str) -> Position:
    pattern = re.compile(rf"^[ \t]*(?:@prefix|PREFIX)[ \t]+{re.escape(prefix)}:[ \t]*<{re.escape(namespace)}>",
                         re.MULTILINE | re.IGNORECASE)
    match = pattern.search(source.text)
    if not match:
        return Position(source.display, None, None)
    offset = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
    return Position(source.display, source.text.count("\n", 0, offset) + 1, 1)


def conflicting_prefixes(context: CheckContext) -> list[Finding]:
    """One prefix name bound to different namespaces in different files, reported in the files of the minority."""
    bindings: dict[str, dict[str, list[SourceFile]]] = defaultdict(lambda: defaultdict(list))
    for source in context.ontology.files:
        for prefix, namespace in source.prefixes.items():
            bindings[prefix][namespace].append(source)
    findings = []
    for prefix, by_namespace in sorted(bindings.items()):
        if len(by_namespace) < 2:
            continue
        ranked = sorted(by_namespace.items(), key=lambda item: (-len(item[1]), item[1][0].display))
        usual, usual_files = ranked[0]
        elsewhere = ", ".join(s.display for s in usual_files[:3]) + (" …" if len(usual_files) > 3 else "")
        for namespace, sources in ranked[1:]:
            for source in sources:
                findings.append(context.finding(
                    "conflicting-prefix", _prefix_position(source, prefix, namespace),
                    f"{prefix or '(empty)'}: is <{namespace}> here but <{usual}> in {elsewhere}, so "
                    f"{prefix}:Name in this file names something else than in the other files",
                    hint=f"write @prefix {prefix}: <{usual}> . (or use another prefix name)"))
    return findings
