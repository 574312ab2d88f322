"""kamgraph.changes: two versions compared by meaning; an author's three edits are exactly what is reported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph

from helpers import ONTOLOGY, SMALL
from kamgraph.changes import compare
from kamgraph.changes import report as reports
from kamgraph.sources.files import load_ontology

NEW_CONCEPT = """@prefix kam:  <https://w3id.org/kamgraph/kam/> .
@prefix kamo: <https://w3id.org/kamgraph/kamo#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

kam:PriceNegotiation a skos:Concept , kamo:Activity ;
    skos:inScheme kam:Scheme ;
    skos:prefLabel "Prijsonderhandeling"@nl , "Price negotiation"@en ;
    skos:definition "Onderhandelen over de prijs."@nl , "Negotiating the price."@en ;
    dcterms:source kam:Section_S13 ;
    kamo:origin "source" .
"""


def three_edits(folder: Path) -> None:
    """What an author does: a definition reworded, a concept added, a relation (and its annotation) removed.

    One more file is rewritten by another serializer (order, layout and blank node names all change), which
    must show nothing.
    """
    concepts = folder / "kam-concepts.ttl"
    concepts.write_text(concepts.read_text(encoding="utf-8").replace(
        '"Special customers who are worth more to the company.',
        '"Special customers who are worth much more to the company.', 1), encoding="utf-8")
    relations = folder / "kam-relations.ttl"
    text = relations.read_text(encoding="utf-8")
    relations.write_text(text[:text.index("# R3 (L5)\n")] + text[text.index("# R4 (L5–L6)"):], encoding="utf-8")
    (folder / "my-concepts.ttl").write_text(NEW_CONCEPT, encoding="utf-8")
    beyond = folder / "kam-beyond-source.ttl"
    beyond.write_text(Graph().parse(beyond).serialize(format="turtle"), encoding="utf-8")


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("edited") / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    three_edits(folder)
    return folder


@pytest.fixture(scope="module")
def changes(edited):
    return compare(load_ontology([ONTOLOGY]), load_ontology([edited]), old_name="before", new_name="after")


def test_the_three_edits_and_nothing_else(changes):
    assert [c.id for c in changes.concepts_added] == ["kam:PriceNegotiation"]
    assert changes.concepts_added[0].labels == {"nl": "Prijsonderhandeling", "en": "Price negotiation"}
    assert [(c.id, [f.field for f in c.fields]) for c in changes.concepts_changed] == [
        ("kam:KeyAccount", ["definitions@en"])]
    assert "much more" in changes.concepts_changed[0].fields[0].new
    assert [(r.source, r.relation, r.target) for r in changes.relations_removed] == [
        ("kam:KeyAccountManagement", "kamo:aimsAt", "kam:CustomerRelationship")]
    assert changes.relations_removed[0].sentences["en"] == "Key account management – aims at – Customer relationship"
    assert not (changes.concepts_removed or changes.relations_added or changes.categories_added
                or changes.categories_removed or changes.relation_types_added or changes.relation_types_removed)
    # the reworded definition (1 each way), the new concept (9), the relation and its annotation (1 + 9)
    assert (changes.statements_added, changes.statements_removed) == (1 + 9, 1 + 1 + 9)
    assert not changes.equal


def test_a_reformatted_copy_is_equal(tmp_path: Path):
    copy = tmp_path / "small.ttl"
    copy.write_text(Graph().parse(SMALL).serialize(format="nt"), encoding="utf-8")  # no prefixes, other order
    same = compare(load_ontology([SMALL]), load_ontology([copy]))
    assert same.equal and not same.concepts_changed and same.statements_added == same.statements_removed == 0


def test_categories_relation_types_and_other_statements(tmp_path: Path):
    text = SMALL.read_text(encoding="utf-8")
    changed = (text.replace("exo:Tree rdfs:subClassOf skos:Concept ;", "exo:Wood rdfs:subClassOf skos:Concept ;")
               .replace("ex:AppleTree a exo:Tree", "ex:AppleTree a exo:Wood")
               .replace("exo:growsOn", "exo:hangsFrom")
               .replace('ex:Pear a exo:Fruit ;', 'ex:Pear a exo:Fruit ; rdfs:comment "Juicy"@en ;'))
    (tmp_path / "small.ttl").write_text(changed, encoding="utf-8")
    found = compare(load_ontology([SMALL]), load_ontology([tmp_path / "small.ttl"]))
    assert [t.id for t in found.categories_added] == ["exo:Wood"] and [t.id for t in found.categories_removed] == [
        "exo:Tree"]
    assert [t.id for t in found.relation_types_added] == ["exo:hangsFrom"]
    assert [t.id for t in found.relation_types_removed] == ["exo:growsOn"]
    assert [(r.relation, r.target) for r in found.relations_added] == [("exo:hangsFrom", "ex:AppleTree")]
    fields = {c.id: {f.field: (f.old, f.new) for f in c.fields} for c in found.concepts_changed}
    assert fields["ex:AppleTree"] == {"category": ("exo:Tree", "exo:Wood")}
    assert fields["ex:Pear"] == {"rdfs:comment": ([], ['"Juicy"@en'])}


def test_reports_name_the_changes_in_every_format(changes):
    import json

    data = json.loads(reports.to_json(changes))
    assert data["schema"] == "kamgraph-diff/1" and data["equal"] is False
    assert [c["id"] for c in data["concepts"]["added"]] == ["kam:PriceNegotiation"]
    assert data["concepts"]["changed"][0]["fields"][0]["field"] == "definitions@en"
    assert data["relations"]["removed"][0]["relation"] == "kamo:aimsAt"
    assert set(data) == {"schema", "old", "new", "equal", "concepts", "relations", "categories", "relationTypes",
                         "statements"}
    text = reports.to_text(changes, "en")
    assert "+ concept kam:PriceNegotiation \"Price negotiation\"" in text
    assert "~ concept kam:KeyAccount" in text and "definitions@en:" in text
    assert "- relation kam:KeyAccountManagement kamo:aimsAt kam:CustomerRelationship" in text
    markdown = reports.to_markdown(changes, "en")
    assert "### Concepts added\n\n- `kam:PriceNegotiation` Price negotiation" in markdown
    assert "### Concepts changed" in markdown and "### Relations removed" in markdown
    assert "### Concepts removed" not in markdown


def test_markdown_renders_label_text_inert():
    assert reports.markdown_text("<img src=x onerror=alert(1)> [link](javascript:x) *b*") == (
        r"\<img src=x onerror=alert(1)\> \[link\](javascript:x) \*b\*")
