"""The author's loop, as a new author meets it: a new concept file with a typo, a located error, the fix, every output.

Runs on a temporary copy of ontology/; nothing in the checkout changes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from helpers import ONTOLOGY, page_data_in

NEW_FILE = """@prefix kam:  <https://w3id.org/kamgraph/kam/> .
@prefix kamo: <https://w3id.org/kamgraph/kamo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

kam:PriceNegotiation a skos:Concept , kamo:Activity ;
    skos:inScheme kam:Scheme ;
    skos:prefLabel "Prijsonderhandeling"@nl , "Price negotiation"@en ;
    skos:definition "Onderhandelen over de prijs."@nl , "Negotiating the price."@en ;
    dcterms:source kam:Section_S13 ;
    kamo:origin "source" ;
    kamo:concerns kam:{target} .
"""


def test_new_concept_with_a_typo_then_fixed(run_cli, tmp_path: Path):
    ontology = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, ontology)
    added = ontology / "my-concepts.ttl"
    added.write_text(NEW_FILE.format(target="SellingPrise"), encoding="utf-8")

    code, out, _ = run_cli("validate", "--ontology", ontology, "--format", "json")
    assert code == 1
    [error] = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert error["code"] == "undeclared-concept"
    assert Path(error["file"]).name == "my-concepts.ttl"
    assert (error["line"], error["column"]) == (12, len("    kamo:concerns ") + 1)
    assert error["hint"] == "did you mean kam:SellingPrice?"
    out_dir = tmp_path / "site"
    code, _, err = run_cli("build", "--ontology", ontology, "--out", out_dir)
    assert code == 1 and "my-concepts.ttl:12:19: error [undeclared-concept]" in err
    assert not (out_dir / "index.html").exists()

    added.write_text(NEW_FILE.format(target="SellingPrice"), encoding="utf-8")
    assert run_cli("validate", "--ontology", ontology)[0] == 0
    assert run_cli("build", "--ontology", ontology, "--out", out_dir)[0] == 0
    data = page_data_in(out_dir)
    assert any(c["id"] == "kam:PriceNegotiation" for c in data["concepts"])
    assert {"from": "kam:PriceNegotiation", "to": "kam:SellingPrice"}.items() <= next(
        e for e in data["edges"] if e["from"] == "kam:PriceNegotiation").items()

    assert run_cli("glossary", "--ontology", ontology, "--out", out_dir)[0] == 0
    assert 'id="PriceNegotiation"' in (out_dir / "glossary.html").read_text(encoding="utf-8")
    assert "Prijsonderhandeling" in (out_dir / "glossary.md").read_text(encoding="utf-8")

    code, out, _ = run_cli("export", "--ontology", ontology, "--format", "csv")
    assert code == 0 and any(r["id"] == "kam:PriceNegotiation" for r in csv.DictReader(io.StringIO(out)))
    code, out, _ = run_cli("path", "--ontology", ontology, "Price negotiation", "Selling price", "--lang", "en")
    assert code == 0 and out.startswith("Price negotiation → ")
