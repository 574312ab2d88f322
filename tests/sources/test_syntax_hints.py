"""Syntax errors carry a hint naming the likely fix, at the right column even with a BOM or CRLF line ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamgraph.errors import LoadError
from kamgraph.sources.files import load_ontology
from kamgraph.sources.syntax_hints import GENERIC, syntax_hint

PREFIX = "@prefix kam: <http://example.org/kam/> .\n"


def error_of(tmp_path: Path, text: str, data: bytes | None = None):
    path = tmp_path / "file.ttl"
    path.write_bytes(data if data is not None else text.encode("utf-8"))
    with pytest.raises(LoadError) as failed:
        load_ontology(path)
    (finding,) = failed.value.findings
    return finding


@pytest.mark.parametrize(("body", "line", "hint"), [
    ("kam:A kam:p kam:B .\n    kam:q kam:C .\n", 2, "end line 2 with ';'"),  # at the fix: line 2, not 3
    ("kam:A kam:p kam:B ;\nkam:C kam:q kam:D .\n", 2, "end line 2 with '.'"),
    ("kam:A kam:p kam:B ;\n    kam:q kam:C ;\n\n# a note\nkam:D kam:q kam:E .\n", 3, "end line 3 with '.'"),
    ("kam:A kam:p kam:B ;\n\nkam:C\n    a kam:D .\n", 2, "end line 2 with '.'"),
    ('kam:A kam:p "het "gouden" segment" .\n', 2, 'write \\"'),
    ("kam:A kam:p kam:B ,\n    .\n", 2, "remove the ','"),
    ("kam:A kam:p skos:B .\n", 2, "add @prefix skos: <http://www.w3.org/2004/02/skos/core#> ."),
    ("kam:A kam:p foo:B .\n", 2, "add @prefix foo: <namespace IRI> ."),
    ("kam:A kam:p <http://example.org/a b> .\n", 2, "space or tab"),
    ("kam:A kam:p <http://example.org/a\tb> .\n", 2, "space or tab"),
    ("kam:A kam:p kam:B\n", 2, "the last statement (line 2) is not finished"),
    ('kam:A kam:p "open .\nkam:B kam:p kam:C .\n', 2, "never closed"),
])
def test_the_hint_names_the_fix(tmp_path: Path, body: str, line: int, hint: str):
    finding = error_of(tmp_path, PREFIX + body)
    assert finding.code == "syntax-error" and finding.line == line, finding.format()
    assert hint in (finding.hint or ""), finding.format()


def test_other_errors_keep_the_generic_hint():
    assert syntax_hint('"a literal" a kam:B .\n', 1, '"a literal" is not a valid subject or graph name') == GENERIC


@pytest.mark.parametrize("data", [
    b"\xef\xbb\xbf" + PREFIX.encode() + "kam:A kam:p \"é\" , foo:B .\n".encode(),
    PREFIX.replace("\n", "\r\n").encode() + "kam:A kam:p \"é\" , foo:B .\r\n".encode(),
    b"\xef\xbb\xbf" + PREFIX.replace("\n", "\r\n").encode() + "kam:A kam:p \"é\" , foo:B .\r\n".encode(),
], ids=["bom", "crlf", "bom-crlf"])
def test_columns_are_right_with_a_bom_or_crlf(tmp_path: Path, data: bytes):
    finding = error_of(tmp_path, "", data)
    assert (finding.line, finding.column) == (2, 19), finding.format()


def test_a_prefix_line_inside_a_multi_line_string_is_text(tmp_path: Path):
    path = tmp_path / "file.ttl"
    path.write_text(PREFIX + 'kam:A kam:p """a note\n@prefix kam: <http://wrong.example/> .\n""" .\n', encoding="utf-8")
    (source,) = load_ontology(path).files
    assert source.prefixes == {"kam": "http://example.org/kam/"}
