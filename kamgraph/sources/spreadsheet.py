"""Concepts from a spreadsheet (CSV or .xlsx) with the columns ``kamgraph export --format csv`` writes.

A teacher who does not write Turtle adds rows to a sheet; ``kamgraph import``
turns them into a Turtle file of the ontology. The columns, by their header
(any order; others are ignored)::

    id                 the concept: a compact name (kam:PriceNegotiation) with a prefix of the ontology, or an IRI
    iri                (optional) the full IRI, used when ``id`` is empty
    label_<lang>       skos:prefLabel in that language (at least one such column)
    definition_<lang>  skos:definition in that language
    category           a category of the ontology (kamo:Activity), or empty for a plain skos:Concept
    section            the section of the source the concept belongs to (kam:Section_S13: skos:member)
    source             dcterms:source (a section or a reference)
    origin             kamo:origin ("source" or "beyond-source")
    relations          the concept's relations, ``relation:target`` items separated by spaces:
                       kamo:concerns:kam:SellingPrice (a relation type of the ontology, then a concept of
                       the ontology or of the sheet)

Every cell that cannot be used is a finding located by sheet, row and column
(``file``, ``line`` = row, ``column`` = column number; the message names the
column's letter and header), so all mistakes are reported at once and nothing
is written. The same module owns the CSV escaping :func:`csv_safe` applies on
export (against formula injection) and :func:`csv_unescape` undoes on import.
"""

from __future__ import annotations

import csv
import difflib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kamgraph.findings import Finding, Position, make_finding
from kamgraph.names import Namer
from kamgraph.namespaces import DCTERMS, KAMO, RDF, SKOS
from kamgraph.sources.ontology import Ontology

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP "CSV Injection": what a spreadsheet may execute
CSV_ESCAPE = "'"
SHEET_SUFFIXES = (".csv", ".xlsx")


def csv_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text: a formula-like start (or an escape already there) gets an apostrophe.

    >>> csv_safe("=HYPERLINK(\\"http://x\\")"), csv_safe("'=1"), csv_safe("Key account")
    ('\\'=HYPERLINK("http://x")', "''=1", 'Key account')
    """
    if cell.startswith(FORMULA_STARTS) or (cell.startswith(CSV_ESCAPE) and cell[1:2] in (*FORMULA_STARTS, CSV_ESCAPE)):
        return CSV_ESCAPE + cell
    return cell


def csv_unescape(cell: str) -> str:
    """What :func:`csv_safe` was given: one escaping apostrophe taken off.

    >>> csv_unescape(csv_safe("=1+1")), csv_unescape(csv_safe("'=1")), csv_unescape("'tis")
    ('=1+1', "'=1", "'tis")
    """
    if cell.startswith(CSV_ESCAPE) and cell[1:2] in (*FORMULA_STARTS, CSV_ESCAPE):
        return cell[1:]
    return cell


@dataclass(frozen=True)
class Cell:
    """One cell's text and where it is (row and column count from 1, as a spreadsheet shows them)."""

    text: str
    row: int
    column: int


@dataclass
class Sheet:
    """The rows of one sheet, by column header; ``name`` is the sheet's (None for CSV)."""

    path: Path
    name: str | None
    headers: list[str]
    rows: list[dict[str, Cell]] = field(default_factory=list)

    def where(self, row: int, column: int | None = None) -> str:
        """``sheet 'concepts', row 5, column C (label_en)`` (no sheet for CSV)."""
        parts = [f"sheet {self.name!r}"] if self.name else []
        parts.append(f"row {row}")
        if column is not None:
            parts.append(f"column {column_letter(column)} ({self.headers[column - 1]})")
        return ", ".join(parts)

    def finding(self, code: str, row: int | None, column: int | None, message: str,
                hint: str | None = None) -> Finding:
        where = self.where(row, column) if row is not None else (f"sheet {self.name!r}" if self.name else "")
        return make_finding(code, Position(str(self.path), row, column), f"{where}: {message}" if where else message,
                            hint=hint)


class SheetError(Exception):
    """The sheet cannot be read at all; ``findings`` say why."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("; ".join(f.format() for f in findings))


def column_letter(number: int) -> str:
    """A spreadsheet's name for column ``number`` (1 is A, 27 is AA).

    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def read_sheet(path: Path, sheet_name: str | None = None) -> Sheet:
    """The rows of a CSV file (UTF-8, with or without BOM) or of one sheet of an .xlsx workbook (the first by default).

    Raises :class:`SheetError` (``sheet-unreadable``) when the file cannot be read as either.
    """
    path = Path(path)

    def unreadable(message: str, hint: str | None = None) -> SheetError:
        return SheetError([make_finding("sheet-unreadable", Position(str(path), None, None), message, hint=hint)])

    if path.suffix.lower() not in SHEET_SUFFIXES:
        raise unreadable(f"not a .csv or .xlsx file ({path.suffix or 'no extension'})",
                         hint="save the sheet as CSV (UTF-8) or .xlsx")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise unreadable("no such file") from None
    except OSError as exc:
        raise unreadable(exc.strerror or str(exc)) from None
    if path.suffix.lower() == ".csv":
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise unreadable(f"byte {exc.start} is not UTF-8", hint="save the sheet as CSV UTF-8") from None
        table = [[csv_unescape(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]
        return _sheet(path, None, table)
    return _xlsx_sheet(path, data, sheet_name, unreadable)


def _xlsx_sheet(path: Path, data: bytes, sheet_name: str | None, unreadable: Callable[..., SheetError]) -> Sheet:
    import zipfile

    import openpyxl  # only for .xlsx

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise unreadable(f"not an .xlsx workbook ({exc})") from None
    try:
        if sheet_name is not None and sheet_name not in workbook.sheetnames:
            raise unreadable(f"no sheet {sheet_name!r}", hint=f"the sheets are {', '.join(workbook.sheetnames)}")
        worksheet = workbook[sheet_name] if sheet_name is not None else workbook.worksheets[0]
        table = [["" if value is None else csv_unescape(str(value)) for value in row]
                 for row in worksheet.iter_rows(values_only=True)]
        return _sheet(path, worksheet.title, table)
    finally:
        workbook.close()


def _sheet(path: Path, name: str | None, table: list[list[str]]) -> Sheet:
    if not table:
        raise SheetError([make_finding("sheet-missing-column", Position(str(path), None, None),
                                       "the sheet is empty: no header row", hint="start with the header row")])
    headers = [cell.strip() for cell in table[0]]
    sheet = Sheet(path=path, name=name, headers=headers)
    for number, values in enumerate(table[1:], start=2):
        cells = {headers[i]: Cell(value.strip(), number, i + 1) for i, value in enumerate(values)
                 if i < len(headers) and headers[i]}
        if any(cell.text for cell in cells.values()):
            sheet.rows.append(cells)
    return sheet


@dataclass
class Imported:
    """The statements made from a sheet, the findings about its cells, and the concepts it declares."""

    graph: Graph
    findings: list[Finding]
    concepts: list[URIRef]


def sheet_to_graph(sheet: Sheet, ontology: Ontology, *, categories: Iterable[URIRef], relation_types: Iterable[URIRef],
                   concepts: Iterable[URIRef]) -> Imported:
    """The sheet's concepts as RDF, names resolved with the ``ontology``'s prefixes.

    ``categories``, ``relation_types`` and ``concepts`` are what the ontology
    declares (its vocabulary): a category, relation or target must be one of
    them (a target may also be a concept of the sheet).
    """
    prefixes = ontology.prefixes()
    namer = Namer(prefixes)
    graph = Graph()
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    findings: list[Finding] = []
    labels = [h for h in sheet.headers if h.startswith("label_") and len(h) > len("label_")]
    if "id" not in sheet.headers or not labels:
        missing = "id column" if "id" not in sheet.headers else "label_<language> column (label_nl, label_en …)"
        findings.append(sheet.finding("sheet-missing-column", 1, None, f"the header row has no {missing}",
                                      hint="use the header row kamgraph export --format csv writes"))
        return Imported(graph, findings, [])

    category_names = {namer.compact(iri): iri for iri in categories}
    relation_names = {namer.compact(iri): iri for iri in relation_types}
    index = ontology.index()
    subjects: dict[URIRef, dict[str, Cell]] = {}
    for row in sheet.rows:
        iri = _concept_iri(sheet, row, prefixes, findings)
        if iri is None:
            continue
        if iri in subjects:
            first = next(iter(subjects[iri].values())).row
            findings.append(_bad(sheet, row["id"], f"{row['id'].text} is already row {first}",
                                 "each concept once; merge the two rows"))
            continue
        subjects[iri] = row
    declared = set(concepts) | set(subjects)
    schemes = sorted(set(index.subjects(RDF.type, SKOS.ConceptScheme)), key=str)

    def name(cell: Cell, choices: dict[str, URIRef] | None = None, what: str = "name") -> URIRef | None:
        resolved = _expand(cell.text, prefixes)
        if resolved is None or (choices is not None and resolved not in choices.values()):
            close = difflib.get_close_matches(cell.text, list(choices or {}), n=1)
            findings.append(_bad(sheet, cell, f"{cell.text!r} is not a known {what}",
                                 f"did you mean {close[0]}?" if close else _prefix_hint(cell.text, prefixes)))
            return None
        return resolved

    for iri, row in subjects.items():
        graph.add((iri, RDF.type, SKOS.Concept))
        for header, cell in row.items():
            if not cell.text:
                continue
            if header.startswith("label_") and header in labels:
                graph.add((iri, SKOS.prefLabel, Literal(cell.text, lang=header[len("label_"):])))
            elif header.startswith("definition_") and len(header) > len("definition_"):
                graph.add((iri, SKOS.definition, Literal(cell.text, lang=header[len("definition_"):])))
            elif header == "category":
                category = name(cell, {**category_names, "skos:Concept": SKOS.Concept}, "category")
                if category is not None and category != SKOS.Concept:
                    graph.add((iri, RDF.type, category))
            elif header in ("section", "source"):
                target = name(cell, what=header)
                if target is not None and not any(index.triples((target, None, None))):
                    findings.append(_bad(sheet, cell, f"{cell.text} is not described in the ontology",
                                         "name a section (kam:Section_S…) or reference of the ontology"))
                elif target is not None:
                    graph.add((target, SKOS.member, iri) if header == "section" else (iri, DCTERMS.source, target))
            elif header == "origin":
                graph.add((iri, KAMO.origin, Literal(cell.text)))
            elif header == "relations":
                for predicate, related in _relations(sheet, cell, relation_names, prefixes, declared, findings):
                    graph.add((iri, predicate, related))
        if schemes:
            graph.add((iri, SKOS.inScheme, schemes[0]))  # the ontology's (first) scheme, as its own concepts are
    return Imported(graph, findings, list(subjects))


def _bad(sheet: Sheet, cell: Cell, message: str, hint: str | None) -> Finding:
    return sheet.finding("sheet-bad-cell", cell.row, cell.column, message, hint=hint)


def _expand(text: str, prefixes: dict[str, str]) -> URIRef | None:
    """A compact name with a declared prefix, or an absolute http(s)/urn IRI (``<…>`` allowed), as an IRI."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if text.startswith(("http://", "https://", "urn:")):
        return URIRef(text) if " " not in text else None
    prefix, colon, rest = text.partition(":")
    if colon and prefix in prefixes and rest and all(ch.isalnum() or ch in "_-." for ch in rest):
        return URIRef(prefixes[prefix] + rest)
    return None


def _prefix_hint(text: str, prefixes: dict[str, str]) -> str:
    prefix = text.partition(":")[0]
    if prefix and prefix not in prefixes:
        return f"the ontology declares the prefixes {', '.join(sorted(p for p in prefixes if p))}"
    return "write a compact name such as kam:PriceNegotiation"


def _concept_iri(sheet: Sheet, row: dict[str, Cell], prefixes: dict[str, str],
                 findings: list[Finding]) -> URIRef | None:
    cell = row.get("id") if row.get("id") and row["id"].text else row.get("iri")
    if cell is None or not cell.text:
        column = sheet.headers.index("id") + 1
        findings.append(sheet.finding("sheet-bad-cell", next(iter(row.values())).row, column, "the id is empty",
                                      hint="give the concept a name, e.g. kam:PriceNegotiation"))
        return None
    iri = _expand(cell.text, prefixes)
    if iri is None:
        findings.append(_bad(sheet, cell, f"{cell.text!r} is not a compact name or IRI the ontology can resolve",
                             _prefix_hint(cell.text, prefixes)))
    return iri


def _relations(sheet: Sheet, cell: Cell, relation_types: dict[str, URIRef], prefixes: dict[str, str],
               declared: set[URIRef], findings: list[Finding]) -> list[tuple[URIRef, Node]]:
    """``relation:target`` items: the relation is the longest relation type name the item starts with."""
    found: list[tuple[URIRef, Node]] = []
    for item in cell.text.split():
        relation = max((r for r in relation_types if item.startswith(r + ":")), key=len, default=None)
        if relation is None:
            close = difflib.get_close_matches(item.rpartition(":")[0].rpartition(":")[0], list(relation_types), n=1)
            example = close[0] if close else "kamo:concerns"
            findings.append(_bad(sheet, cell, f"{item!r} does not start with a relation type of the ontology",
                                 f"write relation:target, e.g. {example}:kam:SellingPrice"))
            continue
        target = _expand(item[len(relation) + 1:], prefixes)
        if target is None or target not in declared:
            findings.append(_bad(sheet, cell, f"{item[len(relation) + 1:]!r} (in {item!r}) is not a concept of the "
                                              "ontology or of this sheet", "check the name of the target concept"))
            continue
        found.append((relation_types[relation], target))
    return found


def to_turtle(imported: Imported, sheet: Sheet) -> str:
    """The imported statements as a Turtle file of the ontology, with a line saying where they came from."""
    body = imported.graph.serialize(format="turtle")
    origin = " ".join(f"{sheet.path.name}{f' (sheet {sheet.name!r})' if sheet.name else ''}".split())  # one line
    return f"# Concepts imported from {origin} by kamgraph import; edit the sheet and import again.\n{body}"
