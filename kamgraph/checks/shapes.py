"""The shapes files themselves: checked before use, and their mistakes located.

Two mistakes in shapes used to end in an internal error. A backup copy of
``shapes.ttl`` in a subfolder defines every shape twice; the merged shapes
carry two ``sh:in`` lists and pySHACL refuses them. A shape with
``sh:minCount "one"`` breaks SHACL's own rules. Now a shape defined by two
files is ``duplicate-shape`` (both files named) and only the first file's
shapes are used; a shapes graph pySHACL refuses is validated against SHACL's
own shapes (pySHACL's SHACL-SHACL graph) so each ``invalid-shape`` finding
names the shape, the property and the line of the offending value.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.checks.context import CheckContext
from kamgraph.findings import Finding, Position, make_finding
from kamgraph.namespaces import RDF, SH
from kamgraph.sources.locate import described_at, locate_term, written_forms
from kamgraph.sources.ontology import Ontology, SourceFile


class ShapesRefused(Exception):
    """pySHACL refused the shapes graph while loading it (its message kept); raised by the SHACL check."""


def _drop(_record: logging.LogRecord) -> bool:
    return False


@contextlib.contextmanager
def quiet_pyshacl() -> Iterator[None]:
    """While pySHACL runs, drop what it logs to standard error (a refused shape): the findings say it, located."""
    logger = logging.getLogger("pyshacl-validate")  # pySHACL gives this logger a fresh stderr handler per run
    logger.addFilter(_drop)
    try:
        yield
    finally:
        logger.removeFilter(_drop)


def _shape_names(source: SourceFile) -> set[URIRef]:
    return {s for kind in (SH.NodeShape, SH.PropertyShape) for s in source.triples.subjects(RDF.type, kind)
            if isinstance(s, URIRef)}


def shapes_files(ontology: Ontology) -> tuple[list[SourceFile], list[tuple[SourceFile, SourceFile, URIRef]]]:
    """The shapes files to use, and each (later file, earlier file, shape) where a later one repeats a shape."""
    used: list[SourceFile] = []
    repeats: list[tuple[SourceFile, SourceFile, URIRef]] = []
    owners: dict[URIRef, SourceFile] = {}
    # A file nearer the ontology's root is the original, one in a subfolder the copy (backup/shapes.ttl).
    for source in sorted((f for f in ontology.files if f.is_shapes), key=lambda f: (len(f.path.parts), f.display)):
        names = _shape_names(source)
        clashes = sorted((name for name in names if name in owners), key=str)
        if clashes:
            repeats += [(source, owners[name], name) for name in clashes]
            continue
        owners.update(dict.fromkeys(names, source))
        used.append(source)
    return used, repeats


def usable_shapes(ontology: Ontology) -> Graph:
    """The shapes graph without the files that repeat an earlier file's shapes (the ontology's own when none do)."""
    used, repeats = shapes_files(ontology)
    if not repeats:
        return ontology.shapes
    graph = Graph()
    for source in used:
        graph.addN((s, p, o, graph) for s, p, o in source.triples)
        for prefix, namespace in source.prefixes.items():
            graph.bind(prefix, namespace, override=False)
    return graph


def duplicate_shapes(context: CheckContext) -> list[Finding]:
    """One finding per file that repeats shapes of an earlier file, at its first repeated shape."""
    _, repeats = shapes_files(context.ontology)
    findings = []
    reported: set[str] = set()
    for later, earlier, shape in repeats:
        if later.display in reported:
            continue
        reported.add(later.display)
        count = sum(1 for r in repeats if r[0] is later)
        found = described_at(later, str(shape))
        first = described_at(earlier, str(shape))
        more = f" (and {count - 1} more shape(s))" if count > 1 else ""
        findings.append(make_finding(
            "duplicate-shape", Position(later.display, *(found or (None, None))),
            f"{context.name(shape)}{more} is already defined in "
            f"{earlier.display}{f':{first[0]}' if first else ''}; this file's shapes are not used",
            subject=context.name(shape), hint="delete this copy, or move it out of the ontology folder"))
    return findings


def invalid_shapes(context: CheckContext, refused: ShapesRefused) -> list[Finding]:
    """Where the shapes break SHACL's rules: pySHACL's SHACL-SHACL validation, each result at its value."""
    from pyshacl.entrypoints import meta_validate

    shapes = usable_shapes(context.ontology)
    used, _ = shapes_files(context.ontology)
    with quiet_pyshacl():
        _, results, _ = meta_validate(shapes, inference="none")
    findings = []
    for result in sorted(results.subjects(RDF.type, SH.ValidationResult), key=str):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = str(results.value(result, SH.resultMessage) or "breaks a rule of SHACL")
        findings.append(make_finding(
            "invalid-shape", _where(used, focus, path, value),
            f"{_focus_name(context, shapes, focus)}: {_shown(context, path)}"
            f"{' ' + _shown(context, value) if value is not None else ''}: {message}",
            subject=context.name(focus) if isinstance(focus, URIRef) else None, hint=_fix(path, value)))
    if not findings:
        where = used[0].display if used else "<shapes>"
        findings.append(make_finding("invalid-shape", Position(where, None, None),
                                     f"pySHACL cannot load the shapes: {' '.join(str(refused).split())}",
                                     hint="fix the shape the message names"))
    return findings


def _where(files: list[SourceFile], focus: Node | None, path: Node | None, value: Node | None) -> Position | None:
    for source in files:
        if focus is None or (focus, None, None) not in source.triples:
            continue
        if isinstance(focus, URIRef):
            if isinstance(path, URIRef):
                return locate_term(source, focus, path)
            found = described_at(source, str(focus))
            return Position(source.display, *(found or (None, None)))
        if isinstance(path, URIRef):  # a blank node (a property shape in [ ]): the property with its value
            shown = re.escape(f'"{value}"') if isinstance(value, Literal) else ""
            forms = "|".join(re.escape(form) for form in written_forms(source, str(path)))
            match = re.search(rf"(?:{forms})\s+{shown}", source.text) or re.search(rf"(?:{forms})", source.text)
            if match:
                at = match.start()
                line = source.text.count("\n", 0, at) + 1
                return Position(source.display, line, at - (source.text.rfind("\n", 0, at) + 1) + 1)
        return Position(source.display, None, None)
    return Position(files[0].display, None, None) if files else None


def _focus_name(context: CheckContext, shapes: Graph, focus: Node | None) -> str:
    """A shape's name; for a property shape written in ``[ ]``, the shape holding it and its path."""
    if isinstance(focus, URIRef) or focus is None:
        return _shown(context, focus)
    owner = shapes.value(None, SH.property, focus)
    path = shapes.value(focus, SH.path)
    return (f"the property shape of {_shown(context, owner)}" if owner is not None else "a property shape") + (
        f" on {_shown(context, path)}" if path is not None else "")


def _shown(context: CheckContext, term: Node | None) -> str:
    if isinstance(term, Literal):
        return f'"{term}"'
    if isinstance(term, URIRef):
        return context.name(term)
    return "a blank node" if term is not None else ""


def _fix(path: Node | None, value: Node | None) -> str:
    if isinstance(value, Literal) and path is not None and str(path).endswith("Count"):
        return "write the count as a plain integer, e.g. 1 (no quotes)"
    return "write the value as SHACL requires (see the message)"
