"""A new author's mistakes in a copy of ontology/: each gives one finding at its line, with the fix, and the map stays.

Each case copies the KAM ontology, makes one realistic mistake (a new file
``my-concepts.ttl`` or an edit of an existing file), and runs ``kamgraph build
--verbose`` over a folder holding the last good map. Compared with the clean
ontology, exactly one finding must be new: of the expected code, at the line
holding the mistake (``marker``), with a hint; an error exits 1 and leaves
``index.html`` byte for byte as it was, a warning builds (exit 0).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpers import ONTOLOGY, page_data_of

GOOD = """@prefix kam:  <https://w3id.org/kamgraph/kam/> .
@prefix kamo: <https://w3id.org/kamgraph/kamo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

kam:PriceNegotiation a skos:Concept , kamo:Activity ;
    skos:inScheme kam:Scheme ;
    skos:prefLabel "Prijsonderhandeling"@nl , "Price negotiation"@en ;
    skos:definition "Onderhandelen over de prijs."@nl , "Negotiating the price."@en ;
    dcterms:source kam:Section_S13 ;
    kamo:origin "source" ;
    kamo:concerns kam:SellingPrice .
"""
RELATION = """
kamo:negotiatedBy a owl:ObjectProperty ;
    rdfs:subPropertyOf skos:related ;
    rdfs:label "wordt onderhandeld door"@nl , "is negotiated by"@en .

kam:SellingPrice kamo:negotiatedBy kam:KeyAccountManager .
"""
SHAPE_AND_CONCEPT = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kamsh: <https://w3id.org/kamgraph/shapes#> .
kamsh:NoteShape a sh:NodeShape ; sh:targetClass skos:Concept ; sh:property [ sh:path skos:note ; sh:maxCount 9 ] .
"""


@dataclass(frozen=True)
class Mistake:
    name: str
    code: str
    file: str  # where the finding must be (relative to the ontology copy)
    marker: str  # text on the finding's line in that file
    new: dict[str, str] = field(default_factory=dict)  # files written into the copy
    edit: tuple[str, str, str] | None = None  # (file, old, new): one replacement in an existing file
    severity: str = "error"


def mine(old: str, new: str) -> dict[str, str]:
    assert old in GOOD, old
    return {"my-concepts.ttl": GOOD.replace(old, new, 1)}


MISTAKES = [
    Mistake("Dutch label tagged @dutch", "unknown-language-tag", "my-concepts.ttl", "@dutch",
            mine('"Prijsonderhandeling"@nl', '"Prijsonderhandeling"@dutch')),
    Mistake("Dutch label tagged @nederlands (too long a subtag)", "bad-language-tag", "my-concepts.ttl",
            "@nederlands", mine('"Prijsonderhandeling"@nl', '"Prijsonderhandeling"@nederlands')),
    Mistake("category typo kamo:Activty", "unknown-class", "my-concepts.ttl", "kamo:Activty",
            mine("kamo:Activity ;", "kamo:Activty ;")),
    Mistake("skos:concept in lower case", "unknown-class", "my-concepts.ttl", "skos:concept",
            mine("a skos:Concept ,", "a skos:concept ,")),
    Mistake("relation property typo kamo:concern", "unknown-property", "my-concepts.ttl", "kamo:concern ",
            mine("kamo:concerns kam:SellingPrice", "kamo:concern kam:SellingPrice")),
    Mistake("SKOS property typo skos:prefLable", "unknown-property", "my-concepts.ttl", "skos:prefLable",
            mine("skos:prefLabel", "skos:prefLable")),
    Mistake("Dublin Core typo dcterms:sorce", "unknown-property", "my-concepts.ttl", "dcterms:sorce",
            mine("dcterms:source", "dcterms:sorce")),
    Mistake("section typo kam:Section_S31", "unknown-resource", "my-concepts.ttl", "kam:Section_S31",
            mine("kam:Section_S13", "kam:Section_S31")),
    Mistake("scheme typo kam:Schema", "unknown-resource", "my-concepts.ttl", "kam:Schema",
            mine("kam:Scheme", "kam:Schema")),
    Mistake("relation target typo kam:SellingPrise", "undeclared-concept", "my-concepts.ttl", "kam:SellingPrise",
            mine("kam:SellingPrice .", "kam:SellingPrise .")),
    Mistake("relation type typo'd as a sub-property of skos:relatd", "unknown-property", "my-concepts.ttl",
            "skos:relatd", {"my-concepts.ttl": GOOD.replace("kamo:concerns kam:SellingPrice",
                                                            "kamo:haggles kam:Discounts")
                            + "\nkamo:haggles a owl:ObjectProperty ; rdfs:subPropertyOf skos:relatd ;\n"
                            '    rdfs:label "pingelt over"@nl , "haggles over"@en ;\n'
                            '    kamo:inverseLabel "waarover gepingeld wordt door"@nl , "is haggled over by"@en .\n'}),
    Mistake("new relation type without its inverse reading", "missing-reading", "my-concepts.ttl",
            "kamo:negotiatedBy a", {"my-concepts.ttl": GOOD + RELATION}),
    Mistake("new relation type read in Dutch only backwards", "missing-reading-language", "my-concepts.ttl",
            "kamo:negotiatedBy a", {"my-concepts.ttl": GOOD + RELATION.replace(
                '"is negotiated by"@en .', '"is negotiated by"@en ;\n    kamo:inverseLabel "onderhandelt over"@nl .')},
            severity="warning"),
    Mistake("concept re-declared with another category", "conflicting-categories", "my-concepts.ttl",
            "kamo:Strategy", {"my-concepts.ttl": GOOD + "\nkam:SellingPrice a kamo:Strategy .\n"}),
    Mistake("concept re-labelled in another file", "conflicting-labels", "my-concepts.ttl", '"Prijs"@nl',
            {"my-concepts.ttl": GOOD + '\nkam:SellingPrice skos:prefLabel "Prijs"@nl .\n'}),
    Mistake("broader loop split over two files", "broader-cycle", "my-concepts.ttl",
            "kam:CustomerManagement skos:broader",
            {"my-concepts.ttl": GOOD + "\nkam:CustomerManagement skos:broader kam:KeyAccountManagement .\n"}),
    Mistake("@prefix kam: bound to another namespace", "conflicting-prefix", "my-concepts.ttl", "@prefix kam:",
            mine("<https://w3id.org/kamgraph/kam/>", "<https://w3id.org/kamgraph/kam#>")),
    Mistake("two Dutch prefLabels on one concept", "duplicate-label-language", "my-concepts.ttl",
            "kam:PriceNegotiation a",
            mine('"Prijsonderhandeling"@nl ,', '"Prijsonderhandeling"@nl , "Onderhandeling"@nl ,')),
    Mistake("a label another concept already has", "duplicate-label", "my-concepts.ttl", '"Selling price"@en',
            mine('"Price negotiation"@en', '"Selling price"@en')),
    Mistake("no English label", "missing-label-en", "my-concepts.ttl", "kam:PriceNegotiation a",
            mine(' , "Price negotiation"@en', "")),
    Mistake("kamo:origin misspelt as \"sourse\"", "missing-origin", "my-concepts.ttl", '"sourse"',
            mine('kamo:origin "source"', 'kamo:origin "sourse"'), severity="warning"),
    Mistake("a relation pointing at text", "relation-to-literal", "my-concepts.ttl", '"de verkoopprijs"',
            mine("kamo:concerns kam:SellingPrice", 'kamo:concerns "de verkoopprijs"')),
    Mistake("a display order that is not a number", "ill-typed-literal", "my-concepts.ttl", '"first"',
            {"my-concepts.ttl": GOOD + '\nkamo:Activity kamo:displayOrder "first"^^xsd:integer .\n'}),
    Mistake("a backup copy of shapes.ttl in a subfolder", "duplicate-shape", "backup/shapes.ttl", "kamsh:",
            {"backup/shapes.ttl": (ONTOLOGY / "shapes.ttl").read_text(encoding="utf-8")}),
    Mistake('sh:minCount "one" in a shape', "invalid-shape", "shapes.ttl", 'sh:qualifiedMinCount "one"',
            edit=("shapes.ttl", "sh:qualifiedMinCount 1 .", 'sh:qualifiedMinCount "one" .')),
    Mistake("shapes and a concept in one file", "shapes-with-data", "my-concepts.ttl", "kam:PriceNegotiation a",
            {"my-concepts.ttl": GOOD.replace("@prefix xsd:", SHAPE_AND_CONCEPT + "@prefix xsd:")}),
    Mistake("'.' where ';' was meant", "syntax-error", "my-concepts.ttl", '"Price negotiation"@en .',
            mine('"Price negotiation"@en ;', '"Price negotiation"@en .')),
    Mistake("';' where '.' was meant, in kam-concepts.ttl", "syntax-error", "kam-concepts.ttl", "kamo:firstLine 62 ;",
            edit=("kam-concepts.ttl", "    kamo:firstLine 62 .\n\nkam:CustomerLoyalty",
                  "    kamo:firstLine 62 ;\n\nkam:CustomerLoyalty")),
    Mistake("an unescaped quote inside a definition", "syntax-error", "my-concepts.ttl", "gouden",
            mine('"Onderhandelen over de prijs."@nl', '"Onderhandelen over de "gouden" prijs."@nl')),
    Mistake("a prefix used but not declared", "syntax-error", "my-concepts.ttl", "dcterms:source",
            mine("@prefix dcterms: <http://purl.org/dc/terms/> .\n", "")),
    Mistake("a space inside an IRI", "syntax-error", "my-concepts.ttl", "Price Negotiation>",
            mine("kam:PriceNegotiation a", "<https://w3id.org/kamgraph/kam/Price Negotiation> a")),
    Mistake("the last statement without its '.'", "syntax-error", "my-concepts.ttl", "kamo:concerns",
            mine("kamo:concerns kam:SellingPrice .", "kamo:concerns kam:SellingPrice")),
]


@pytest.fixture(scope="module")
def good_map(tmp_path_factory) -> Path:
    """The last good map: the clean ontology built once."""
    from kamgraph.pipeline import build_map

    out = tmp_path_factory.mktemp("good")
    build_map([ONTOLOGY], out)
    return out


@pytest.fixture(scope="module")
def clean_findings(good_map: Path) -> set[tuple[str, str, str]]:
    from kamgraph.pipeline import load_and_check

    return {identity(f.file or "", f.code, f.message) for f in load_and_check([ONTOLOGY]).report.findings}


def identity(file: str, code: str, message: str) -> tuple[str, str, str]:
    return Path(file).name, code, message.split(": ", 1)[0]


def make(mistake: Mistake, root: Path) -> Path:
    folder = root / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    for relative, text in mistake.new.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    if mistake.edit:
        relative, old, new = mistake.edit
        text = (folder / relative).read_text(encoding="utf-8")
        assert old in text, old
        (folder / relative).write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


def new_findings(err: str, clean: set[tuple[str, str, str]]) -> list[str]:
    lines = [line for line in err.splitlines() if " error [" in line or " warning [" in line]
    fresh = []
    for line in lines:
        place, rest = line.split(": ", 1)
        code = rest.split("[", 1)[1].split("]", 1)[0]
        message = rest.split("]: ", 1)[1]
        if identity(place.split(":")[0], code, message) not in clean:
            fresh.append(line)
    return fresh


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.name)
def test_a_mistake_gives_one_located_finding_with_its_fix(mistake: Mistake, tmp_path: Path, good_map: Path,
                                                         clean_findings, run_cli):
    folder = make(mistake, tmp_path)
    out = tmp_path / "output"
    shutil.copytree(good_map, out)
    before = (out / "index.html").read_bytes()
    code, _, err = run_cli("build", "--ontology", folder, "--out", out, "--verbose")
    fresh = new_findings(err, clean_findings)
    assert len(fresh) == 1, "\n".join(fresh) or err
    (finding,) = fresh
    assert f"{mistake.severity} [{mistake.code}]" in finding, finding
    target = folder / mistake.file
    where = finding.split(": ", 1)[0]
    assert where.split(":")[0].endswith(mistake.file), finding
    line = int(where.split(":")[1])
    assert mistake.marker in target.read_text(encoding="utf-8").splitlines()[line - 1], finding
    assert finding.endswith(")"), f"no hint: {finding}"
    if mistake.severity == "error":
        assert code == 1, err
        assert (out / "index.html").read_bytes() == before  # the last good map untouched
    else:
        assert code == 0, err


def test_a_regional_tag_is_no_mistake(tmp_path: Path, clean_findings, run_cli):
    """@en-GB, as the README recommends: no finding, and the label is the English one on the map."""
    folder = make(Mistake("regional", "", "", "", mine('"Price negotiation"@en', '"Price negotiation"@en-GB')),
                  tmp_path)
    code, _, err = run_cli("build", "--ontology", folder, "--out", tmp_path / "output", "--verbose")
    assert code == 0 and new_findings(err, clean_findings) == [], err
    data = page_data_of((tmp_path / "output" / "index.html").read_text(encoding="utf-8"))
    concept = next(c for c in data["concepts"] if c["id"] == "kam:PriceNegotiation")
    assert concept["labels"]["en"] == "Price negotiation"
