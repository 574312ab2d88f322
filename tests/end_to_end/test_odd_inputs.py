"""Odd but valid Turtle: every case builds a map that carries the odd text through unchanged.

The fixtures are generated here (some are large), each as a small SKOS
vocabulary that the generic SKOS shapes accept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import page_data_in

HEADER = """@prefix ex: <http://example.org/odd/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
HUNDRED_KB = 100 * 1024


@dataclass
class Odd:
    """Files to write (name -> bytes), the concepts the map must hold, and texts it must carry verbatim."""

    files: dict[str, bytes]
    concepts: int
    texts: tuple[str, ...] = ()
    relations: int | None = None


def turtle(*statements: str) -> bytes:
    return (HEADER + "\n".join(statements) + "\n").encode("utf-8")


def concept(local: str, label: str, *more: str) -> str:
    escaped = label.replace("\\", "\\\\").replace('"', '\\"')
    return f'ex:{local} a skos:Concept ; skos:prefLabel "{escaped}"@en' + "".join(f" ; {m}" for m in more) + " ."


def _cases() -> dict[str, Odd]:
    long_label = "Key account " * (HUNDRED_KB // 12 + 1)
    long_definition = "ä€😀" * (HUNDRED_KB // 3)
    emoji = "🍎 Appel 👩🏽‍💻 🏳️‍🌈 🇳🇱"
    rtl = "إدارة الحسابات الرئيسية — ניהול לקוחות מפתח \u202eevil\u202c"
    zero_width = "Key\u200bAccount\u200c\u200dManager\u2060\ufeff"
    nfc, nfd = "Caf\u00e9 cr\u00e8me", "Cafe\u0301 cre\u0300me"
    hub_relations = " ; ".join(f"skos:related ex:Spoke{i}" for i in range(500))
    spokes = [concept(f"Spoke{i}", f"Spoke {i}") for i in range(500)]
    return {
        "byte-order-mark": Odd({"bom.ttl": b"\xef\xbb\xbf" + turtle(concept("A", "With BOM"))}, 1, ("With BOM",)),
        "crlf-line-endings": Odd({"crlf.ttl": turtle(concept("A", "Windows"), concept("B", "File",
                                                                               "skos:related ex:A"))
                                  .replace(b"\n", b"\r\n")}, 2, ("Windows",)),
        "lone-cr-in-literal": Odd({"cr.ttl": turtle('ex:A a skos:Concept ; skos:prefLabel "x"@en ; '
                                                    'skos:definition """one\rtwo"""@en .')}, 1, ("one\rtwo",)),
        "100kB-label-on-one-line": Odd({"long.ttl": turtle(concept("A", long_label))}, 1, (long_label,)),
        "100kB-definition": Odd({"long.ttl": turtle(concept("A", "Long",
                                                            f'skos:definition """{long_definition}"""@en'))},
                                1, (long_definition,)),
        "100kB-iri": Odd({"iri.ttl": turtle(concept("A", "Short",
                                                    f"skos:related <http://example.org/odd/{'x' * HUNDRED_KB}>"),
                                            concept("x" * HUNDRED_KB, "Far"))}, 2, ("Far",)),
        "emoji": Odd({"emoji.ttl": turtle(concept("A", emoji), concept("B", "😀", "skos:related ex:A"))},
                     2, (emoji, "😀")),
        "right-to-left": Odd({"rtl.ttl": turtle(concept("A", rtl), concept("B", "שלום", "skos:broader ex:A"))},
                             2, (rtl, "שלום")),
        "zero-width-characters": Odd({"zw.ttl": turtle(concept("A", zero_width))}, 1, (zero_width,)),
        "combining-accents": Odd({"nfc.ttl": turtle(concept("A", nfc), concept("B", nfd))}, 2, (nfc, nfd)),
        "concept-with-500-relations": Odd({"hub.ttl": turtle(concept("Hub", "Hub", hub_relations), *spokes)},
                                          501, ("Spoke 499",), relations=500),
        "0-byte-file-beside-good-files": Odd({"a.ttl": turtle(concept("A", "Good")), "empty.ttl": b"",
                                              "sub/b.ttl": turtle(concept("B", "Also good"))}, 2, ("Also good",)),
    }


CASES = _cases()


@pytest.mark.parametrize("name", [pytest.param(name, marks=pytest.mark.corpus("odd-but-valid")) for name in CASES])
def test_odd_but_valid_input_builds_a_map(name: str, tmp_path: Path, run_cli):
    case = CASES[name]
    source = tmp_path / "ontology"
    for relative, data in case.files.items():
        (source / relative).parent.mkdir(parents=True, exist_ok=True)
        (source / relative).write_bytes(data)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli("build", "--ontology", source, "--out", out)
    assert code == 0, stderr
    assert "Traceback" not in stdout + stderr
    data = page_data_in(out)
    assert len(data["concepts"]) == case.concepts
    shown = {text for c in data["concepts"] for field in ("labels", "definitions") for text in c[field].values()}
    for text in case.texts:
        assert text in shown, f"{text[:40]!r} did not reach the page unchanged"
    if case.relations is not None:
        assert len(data["edges"]) == case.relations


def test_an_empty_file_beside_good_ones_is_only_a_warning(tmp_path: Path, run_cli):
    for relative, data in CASES["0-byte-file-beside-good-files"].files.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(data)
    code, _, err = run_cli("validate", "--ontology", tmp_path)
    assert code == 0
    assert re.search(r"empty\.ttl: warning \[empty-file\]", err)
