"""Running out of memory is a clear message naming the input's size (exit 1), not "internal error: MemoryError"."""

from __future__ import annotations

from pathlib import Path

import kamgraph.pipeline
from helpers import SMALL


def test_out_of_memory_while_loading_names_the_input_size(monkeypatch, run_cli, tmp_path: Path):
    """Python running out while the statements are indexed (a real limit is not used: when the memory runs out
    inside pyoxigraph's Rust parser instead, the process aborts, which no Python code can catch)."""
    import kamgraph.sources.triples

    source = tmp_path / "big.ttl"
    source.write_bytes(SMALL.read_bytes() * 3)
    megabytes = f"{source.stat().st_size / 1_000_000:,.1f} MB"

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(kamgraph.sources.triples.TermConverter, "triples", exhausted)
    code, _, err = run_cli("validate", "--ontology", source)
    assert code == 1
    assert f"ran out of memory on 1 file(s), {megabytes} of Turtle" in err
    assert "internal error" not in err and "Traceback" not in err


def test_out_of_memory_while_building_names_the_ontology_size(monkeypatch, run_cli, tmp_path: Path):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(kamgraph.pipeline, "new_generation", exhausted)
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path / "out")
    assert code == 1
    assert "ran out of memory on 1 file(s), " in err and " statements, " in err and "MB of Turtle" in err
    assert "internal error" not in err
    assert not (tmp_path / "out").exists()
