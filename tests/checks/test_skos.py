"""kamgraph's generic SKOS checks, for a vocabulary without SHACL shapes (kamgraph/checks/skos.py)."""

from __future__ import annotations

from pathlib import Path

from helpers import FIXTURES, write
from kamgraph.pipeline import load_and_check

THESAURUS = FIXTURES / "thesaurus.ttl"
HEADER = "@prefix ex: <http://example.org/g/> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"


def test_generic_checks_allow_any_language_and_warn_about_links_to_retired_concepts():
    report = load_and_check([THESAURUS]).report
    codes = {f.code for f in report.findings}
    assert {"deprecated-target", "missing-label"} <= codes
    assert not any(code.startswith("missing-label-") for code in codes)  # no language is required
    assert not report.has_errors, [f.format() for f in report.findings if f.is_error]
    missing = next(f for f in report.findings if f.code == "missing-label")
    lines = THESAURUS.read_text(encoding="utf-8").splitlines()
    assert missing.line == lines.index("ex:Loose a exo:Descriptor .") + 1 and missing.subject == "ex:Loose"


def test_two_labels_in_one_language_are_one_finding_in_one_file_and_another_across_files(tmp_path: Path):
    """S14 within a file is duplicate-label-language; two files disagreeing is conflicting-labels, said once."""
    one = write(tmp_path / "one" / "a.ttl", HEADER + 'ex:a a skos:Concept ; skos:prefLabel "A"@en , "Aa"@en .\n')
    codes = [f.code for f in load_and_check([one]).report.errors]
    assert codes == ["duplicate-label-language"]

    first = write(tmp_path / "two" / "a.ttl", HEADER + 'ex:a a skos:Concept ; skos:prefLabel "A"@en .\n')
    second = write(tmp_path / "two" / "b.ttl", HEADER + 'ex:a skos:prefLabel "Aa"@en .\n')
    errors = load_and_check([first, second]).report.errors
    assert [(f.code, Path(f.file).name, f.line) for f in errors] == [("conflicting-labels", "b.ttl", 3)]
