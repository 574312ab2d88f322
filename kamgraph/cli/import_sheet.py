"""kamgraph import: concepts from a spreadsheet (CSV or .xlsx) into a Turtle file of the ontology."""

from __future__ import annotations

from pathlib import Path

import click

from kamgraph.cli import cli
from kamgraph.cli.options import ontology_option, print_findings, resolve_paths
from kamgraph.cli.terminal import say


@cli.command("import")
@ontology_option
@click.argument("sheet_path", metavar="SHEET", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--out", "out_file", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="The Turtle file to write, e.g. ontology/my-concepts.ttl (replaced if it exists).")
@click.option("--sheet", "sheet_name", help="For .xlsx: the sheet to read (default: the first).")
def import_sheet(paths: tuple[Path, ...], sheet_path: Path, out_file: Path, sheet_name: str | None) -> None:
    """Turn a sheet of concepts into Turtle that validates with the ontology.

    The columns are those 'kamgraph export --format csv' writes: id, label_nl,
    label_en, definition_nl, definition_en, category, section, source, origin,
    and relations (relation:target items separated by spaces, e.g.
    kamo:concerns:kam:SellingPrice). Names use the ontology's prefixes. Every
    bad cell is reported with its sheet, row and column; the file is written
    only when the ontology with it has no errors (exit 1 otherwise, nothing
    written).

    \b
    Example:
      kamgraph import concepts.xlsx --out ontology/my-concepts.ttl
      kamgraph export --format csv --out kam.csv && kamgraph import kam.csv --out /tmp/kam-concepts.ttl
    """
    from kamgraph.errors import ValidationFailed
    from kamgraph.output import write_atomic
    from kamgraph.pipeline import check
    from kamgraph.sources.files import load_ontology, source_from_text
    from kamgraph.sources.ontology import assemble
    from kamgraph.sources.spreadsheet import SheetError, read_sheet, sheet_to_graph, to_turtle
    from kamgraph.vocabulary import read_vocabulary
    from kamgraph.vocabulary.read import category_classes

    roots = resolve_paths(paths)
    loaded = load_ontology(roots)
    target = out_file.resolve()
    others = [source for source in loaded.files if source.path.resolve() != target]  # an earlier import is replaced
    base = assemble(others, warnings=loaded.warnings, when_empty=lambda: ValidationFailed([]))
    vocabulary = read_vocabulary(base.index())
    try:
        sheet = read_sheet(sheet_path, sheet_name)
    except SheetError as failure:
        raise ValidationFailed(failure.findings) from None
    imported = sheet_to_graph(sheet, base, categories={*vocabulary.categories, *category_classes(base.index())},
                              relation_types=vocabulary.relation_types, concepts=vocabulary.concept_categories)
    if imported.findings:
        raise ValidationFailed(imported.findings)
    text = to_turtle(imported, sheet)
    new_file = source_from_text(out_file, text, roots)
    checked = check(assemble([*others, new_file], warnings=loaded.warnings, when_empty=lambda: ValidationFailed([])))
    if checked.report.has_errors:
        raise ValidationFailed(checked.report.findings)
    write_atomic(out_file, text)
    mine = [f for f in checked.report.findings if f.file == new_file.display]
    print_findings(mine, err=True)
    say(f"wrote {out_file} ({len(imported.concepts)} concepts from {sheet_path}; "
               f"{checked.report.summary()} in the ontology with it)")
