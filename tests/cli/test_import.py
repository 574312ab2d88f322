"""kamgraph import: a sheet (CSV or .xlsx) of concepts becomes Turtle that validates; bad cells are located."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import networkx as nx
import openpyxl
import pytest

from helpers import ONTOLOGY, page_data_in
from kamgraph.pipeline import load_and_check
from kamgraph.views.export import flat_graph

HEADER = ["id", "label_nl", "label_en", "definition_nl", "definition_en", "category", "section", "source", "origin",
          "relations"]
FIVE = [
    ["kam:PriceNegotiation", "Prijsonderhandeling", "Price negotiation", "Onderhandelen over de prijs.",
     "Negotiating the price.", "kamo:Activity", "kam:Section_S13", "kam:Section_S13", "source",
     "kamo:concerns:kam:SellingPrice"],
    ["kam:DiscountPolicy", "Kortingsbeleid", "Discount policy", "Regels voor kortingen.", "Rules for discounts.",
     "kamo:BusinessConcept", "kam:Section_S13", "kam:Section_S13", "source", "kamo:concerns:kam:SellingPrice"],
    ["kam:AccountReview", "Accountreview", "Account review", "Jaarlijkse bespreking.", "Yearly review.",
     "kamo:Activity", "kam:Section_S3", "kam:Section_S3", "source", "kamo:concerns:kam:KeyAccount"],
    ["kam:ReviewMeeting", "Reviewoverleg", "Review meeting", "Het overleg.", "The meeting.", "kamo:Activity",
     "kam:Section_S3", "kam:Section_S3", "source", "kamo:concerns:kam:AccountReview"],
    ["kam:PriceFloor", "Bodemprijs", "Price floor", "De laagste prijs.", "The lowest price.", "kamo:BusinessConcept",
     "kam:Section_S13", "kam:Section_S13", "source", "kamo:concerns:kam:SellingPrice"],
]


def write_xlsx(path: Path, rows: list[list[str]], title: str = "concepts") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def ontology_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    return folder


def test_a_spreadsheet_of_five_new_concepts_becomes_a_map(run_cli, ontology_copy: Path, tmp_path: Path):
    sheet = write_xlsx(tmp_path / "concepts.xlsx", [HEADER, *FIVE])
    out = ontology_copy / "my-concepts.ttl"
    code, stdout, err = run_cli("import", sheet, "--ontology", ontology_copy, "--out", out)
    assert code == 0, err
    assert "(5 concepts from" in stdout and "0 error(s)" in stdout
    code, _, err = run_cli("build", "--ontology", ontology_copy, "--out", tmp_path / "site")
    assert code == 0, err
    shown = {c["id"]: c for c in page_data_in(tmp_path / "site")["concepts"]}
    for row in FIVE:
        assert shown[row[0]]["labels"] == {"nl": row[1], "en": row[2]}
        assert shown[row[0]]["category"] == row[5]
    edges = {(e["from"], e["relation"], e["to"]) for e in page_data_in(tmp_path / "site")["edges"]}
    assert ("kam:ReviewMeeting", "kamo:concerns", "kam:AccountReview") in edges  # a target of the sheet itself
    code, _, err = run_cli("import", sheet, "--ontology", ontology_copy, "--out", out)
    assert code == 0, err  # importing again replaces the file: no conflicting labels with the earlier import


def test_export_then_import_round_trips_the_kam_concepts(run_cli, tmp_path: Path):
    """The KAM concepts exported to CSV and imported on the vocabulary and header alone give the same graph."""
    exported = tmp_path / "kam.csv"
    assert run_cli("export", "--format", "csv", "--out", exported)[0] == 0
    base = tmp_path / "base"
    base.mkdir()
    for name in ("kamo-schema.ttl", "kam-header.ttl", "shapes.ttl"):
        shutil.copy(ONTOLOGY / name, base)
    code, _, err = run_cli("import", exported, "--ontology", base, "--out", base / "kam-imported.ttl")
    assert code == 0, err
    original, imported = (flat_graph(load_and_check(path).concepts) for path in (ONTOLOGY, base))
    assert original.number_of_nodes() > 100 and dict(original.nodes(data=True)) == dict(imported.nodes(data=True))

    def relations(graph: nx.MultiDiGraph) -> list[tuple]:
        # a relation's annotation (stated/implied, evidence) is in the relations table, not in the concepts sheet
        return sorted((u, v, k, sorted((n, x) for n, x in d.items() if n != "status"))
                      for u, v, k, d in graph.edges(keys=True, data=True))

    assert original.number_of_edges() > 100 and relations(original) == relations(imported)
    _, again, _ = run_cli("export", "--ontology", base, "--format", "csv")
    assert again == exported.read_bytes().decode("utf-8")


def test_formula_looking_text_survives_the_round_trip(run_cli, ontology_copy: Path, tmp_path: Path):
    label = "=SUM(A1:A2) is not a formula"
    rows = [HEADER, [*FIVE[0][:2], label, *FIVE[0][3:]]]
    with (tmp_path / "one.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows(rows)
    out = ontology_copy / "my-concepts.ttl"
    assert run_cli("import", tmp_path / "one.csv", "--ontology", ontology_copy, "--out", out)[0] == 0
    _, text, _ = run_cli("export", "--ontology", ontology_copy, "--format", "csv")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "kam:PriceNegotiation")
    assert row["label_en"] == "'" + label  # inert in a spreadsheet
    assert run_cli("import", io_file(tmp_path, text), "--ontology", ontology_copy, "--out", out)[0] == 0
    assert f'"{label}"@en' in out.read_text(encoding="utf-8")


def io_file(folder: Path, text: str) -> Path:
    path = folder / "exported.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_bad_cells_are_located_by_sheet_row_and_column(run_cli, ontology_copy: Path, tmp_path: Path):
    bad = [
        ["kam:Fine", "Goed", "Fine", "", "", "kamo:Activity", "", "kam:Section_S3", "source", ""],
        ["kam:BadCategory", "Slecht", "Bad category", "", "", "kamo:Activty", "", "kam:Section_S3", "source", ""],
        ["nope:Unknown", "Onbekend", "Unknown prefix", "", "", "", "", "kam:Section_S3", "source", ""],
        ["kam:BadRelation", "Rel", "Bad relation", "", "", "kamo:Activity", "", "kam:Section_S3", "source",
         "kamo:concern:kam:SellingPrice kamo:concerns:kam:SellingPrise"],
        ["kam:Fine", "Dubbel", "Twice", "", "", "kamo:Activity", "", "kam:Section_S3", "source", ""],
    ]
    sheet = write_xlsx(tmp_path / "bad.xlsx", [HEADER, *bad], title="Nieuwe begrippen")
    out = ontology_copy / "my-concepts.ttl"
    code, _, err = run_cli("import", sheet, "--ontology", ontology_copy, "--out", out)
    assert code == 1 and not out.exists() and "nothing was written" in err
    lines = [line for line in err.splitlines() if "[sheet-bad-cell]" in line]
    located = {line.split(": error", 1)[0].rsplit("/", 1)[1] for line in lines}
    assert located == {"bad.xlsx:3:6", "bad.xlsx:4:1", "bad.xlsx:5:10", "bad.xlsx:6:1"}, err
    assert "sheet 'Nieuwe begrippen', row 3, column F (category): 'kamo:Activty' is not a known category" in err
    assert "did you mean kamo:Activity?" in err
    assert "did you mean kamo:concerns" in err or "kamo:concerns:kam:SellingPrice" in err
    assert "'kam:SellingPrise' (in 'kamo:concerns:kam:SellingPrise') is not a concept" in err
    assert "kam:Fine is already row 2" in err


def test_unreadable_sheets_and_missing_columns(run_cli, ontology_copy: Path, tmp_path: Path):
    out = ontology_copy / "my-concepts.ttl"
    (tmp_path / "notes.txt").write_text("id\n", encoding="utf-8")
    code, _, err = run_cli("import", tmp_path / "notes.txt", "--ontology", ontology_copy, "--out", out)
    assert code == 1 and "[sheet-unreadable]" in err
    (tmp_path / "fake.xlsx").write_bytes(b"not a zip")
    code, _, err = run_cli("import", tmp_path / "fake.xlsx", "--ontology", ontology_copy, "--out", out)
    assert code == 1 and "not an .xlsx workbook" in err and "Traceback" not in err
    code, _, err = run_cli("import", write_xlsx(tmp_path / "s.xlsx", [HEADER, *FIVE]), "--sheet", "Other",
                           "--ontology", ontology_copy, "--out", out)
    assert code == 1 and "no sheet 'Other'" in err and "concepts" in err
    (tmp_path / "labels.csv").write_text("name,label\nkam:X,X\n", encoding="utf-8")
    code, _, err = run_cli("import", tmp_path / "labels.csv", "--ontology", ontology_copy, "--out", out)
    assert code == 1 and "[sheet-missing-column]" in err and "no id column" in err
    assert not out.exists()


def test_an_import_that_breaks_validation_writes_nothing(run_cli, ontology_copy: Path, tmp_path: Path):
    """A label another concept already has is fine in the sheet but an error of the ontology: nothing written."""
    rows = [HEADER, [FIVE[0][0], "Key account", "Key account", *FIVE[0][3:]]]
    sheet = write_xlsx(tmp_path / "dup.xlsx", rows)
    out = ontology_copy / "my-concepts.ttl"
    code, _, err = run_cli("import", sheet, "--ontology", ontology_copy, "--out", out)
    assert code == 1 and "[duplicate-label]" in err and not out.exists()
