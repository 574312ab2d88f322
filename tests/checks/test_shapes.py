"""Shapes files checked before use: a backup copy, a count written as a word, shapes beside concepts.

Each used to end in an internal error (exit 3) or lose data; each is now a located finding and exit 1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from helpers import ONTOLOGY

NO_ENGLISH = """@prefix kam: <https://w3id.org/kamgraph/kam/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
kam:KeyAccount skos:related kam:OnlyDutch .
kam:OnlyDutch a skos:Concept ; skos:prefLabel "Alleen Nederlands"@nl .
"""


def copy_of_ontology(tmp_path: Path) -> Path:
    folder = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, folder)
    return folder


def test_a_backup_copy_of_the_shapes_in_a_subfolder_is_named_and_left_out(tmp_path: Path, run_cli):
    folder = copy_of_ontology(tmp_path)
    (folder / "backup").mkdir()
    shutil.copy(folder / "shapes.ttl", folder / "backup" / "shapes.ttl")
    (folder / "new.ttl").write_text(NO_ENGLISH,
                                    encoding="utf-8")
    code, out, err = run_cli("validate", "--ontology", folder)
    assert code == 1, out + err
    findings = [line for line in (out + err).splitlines() if "error [" in line]
    assert len(findings) == 3, findings  # the copy, and the new concept's missing English label and source
    duplicate = next(line for line in findings if "[duplicate-shape]" in line)
    assert "backup/shapes.ttl:" in duplicate
    assert "already defined in " in duplicate and "/shapes.ttl:" in duplicate.split("already defined in ")[1]
    assert any("[missing-label-en]" in line for line in findings)  # the first file's shapes still run


def test_a_count_written_as_a_word_is_located_at_the_value(tmp_path: Path, run_cli):
    folder = copy_of_ontology(tmp_path)
    shapes = folder / "shapes.ttl"
    text = shapes.read_text(encoding="utf-8")
    assert "sh:qualifiedMinCount 1 ." in text
    shapes.write_text(text.replace("sh:qualifiedMinCount 1 .", 'sh:qualifiedMinCount "one" .', 1), encoding="utf-8")
    line = next(number for number, content in enumerate(shapes.read_text().splitlines(), 1) if '"one"' in content)
    code, out, err = run_cli("validate", "--ontology", folder)
    assert code == 1, out + err
    assert "internal error" not in err
    invalid = [f for f in (out + err).splitlines() if "[invalid-shape]" in f]
    assert invalid and f"shapes.ttl:{line}:5: error [invalid-shape]" in invalid[0], invalid
    assert "sh:qualifiedMinCount" in invalid[0] and "plain integer" in invalid[0]
    assert "ConstraintLoadError" not in err  # pySHACL's own log line does not reach the author


def test_a_lone_file_with_shapes_and_concepts_is_not_called_empty(tmp_path: Path, run_cli):
    mixed = tmp_path / "mixed.ttl"
    mixed.write_text((Path(__file__).parents[1] / "bad" / "shapes-with-data.ttl").read_text(encoding="utf-8"),
                     encoding="utf-8")
    code, out, err = run_cli("validate", "--ontology", mixed)
    assert code == 1
    assert "holds no statements" not in out + err
    assert "[shapes-with-data]" in out + err and "mixed.ttl:14:1" in out + err
