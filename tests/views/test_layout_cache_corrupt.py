"""A corrupt file in OUT/.layout-cache/ is ignored with a warning and rebuilt; the map is the one a cold build gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import SMALL
from kamgraph.pipeline import LAYOUT_CACHE

CORRUPTIONS = {
    "truncated": b'{"version": "',
    "not UTF-8": b"\xff\xfe\x00garbage",
    "a list": b"[1, 2, 3]",
    "positions not pairs": None,  # filled in from the real file below
    "a huge number": None,
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "empty": b"",
}


def _corrupt(real: dict, kind: str) -> bytes:
    if kind == "positions not pairs":
        return json.dumps({**real, "positions": {node: "x" for node in real["positions"]}}).encode()
    if kind == "a huge number":
        return json.dumps({**real, "positions": {node: [1e400, 0] for node in real["positions"]}}).encode()
    return CORRUPTIONS[kind]


@pytest.mark.parametrize("kind", list(CORRUPTIONS))
def test_a_corrupt_cache_file_is_ignored_rebuilt_and_said(kind: str, run_cli, tmp_path: Path):
    cold = tmp_path / "cold"
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", cold)
    assert code == 0, err
    out = tmp_path / "out"
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", out)
    assert code == 0, err
    sidecars = sorted((out / LAYOUT_CACHE).glob("*.json"))
    assert sidecars
    for path in sidecars:
        path.write_bytes(_corrupt(json.loads(path.read_text(encoding="utf-8")), kind))

    code, _, err = run_cli("build", "--ontology", SMALL, "--out", out)

    assert code == 0, err
    assert "kamgraph: warning:" in err and "corrupt layout cache file, ignored and laid out again" in err
    assert "internal error" not in err and "Traceback" not in err
    assert (out / "index.html").read_bytes() == (cold / "index.html").read_bytes()
    for path in sorted((out / LAYOUT_CACHE).glob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))  # rebuilt: every sidecar reads again
