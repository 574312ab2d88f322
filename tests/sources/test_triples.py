"""Term conversion (kamgraph/sources/triples.py): rdflib's log of ill-typed literals stays quiet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import ROOT, SMALL


def test_ill_typed_literal_prints_no_traceback(tmp_path: Path):
    """In a real process: rdflib would log a traceback per ill-typed literal to stderr."""
    bad = tmp_path / "typed.ttl"
    bad.write_text(SMALL.read_text()
                   + '\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\nex:Apple kamo:firstLine "x"^^xsd:integer .\n')
    result = subprocess.run([sys.executable, "-m", "kamgraph", "validate", "--ontology", str(bad)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1 and "[ill-typed-literal]" in result.stdout
    assert "Traceback" not in result.stderr
