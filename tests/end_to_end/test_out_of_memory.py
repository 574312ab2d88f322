"""Running out of memory is a clear message naming the input's size (exit 1), not "internal error: MemoryError"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import kamgraph.pipeline
from helpers import ROOT, SMALL

LIMITED = """
import resource, sys
import kamgraph.checks, kamgraph.pipeline, kamgraph.sources.files
from kamgraph.cli import main
with open("/proc/self/status") as status:
    size = next(int(line.split()[1]) for line in status if line.startswith("VmSize")) * 1024
resource.setrlimit(resource.RLIMIT_AS, (size + 30_000_000, resource.RLIM_INFINITY))  # 30 MB more than now
main(["validate", "--ontology", sys.argv[1]])
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc to set the limit")
def test_a_real_out_of_memory_names_the_input_size(tmp_path: Path):
    big = tmp_path / "big.ttl"
    with big.open("w", encoding="utf-8") as stream:
        stream.write("@prefix ex: <http://example.org/> .\n")
        for i in range(150_000):
            stream.write(f'ex:c{i} ex:p ex:c{i + 1} ; ex:l "label number {i} with some text" .\n')
    megabytes = f"{big.stat().st_size / 1_000_000:,.1f} MB"
    done = subprocess.run([sys.executable, "-c", LIMITED, str(big)], capture_output=True, text=True, timeout=300,
                          cwd=ROOT)
    assert done.returncode == 1, done.stderr[-2000:]
    assert f"ran out of memory on 1 file(s), {megabytes} of Turtle" in done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


def test_out_of_memory_while_building_names_the_ontology_size(monkeypatch, run_cli, tmp_path: Path):
    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(kamgraph.pipeline, "new_generation", exhausted)
    code, _, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path / "out")
    assert code == 1
    assert "ran out of memory on 1 file(s), " in err and " statements, " in err and "MB of Turtle" in err
    assert "internal error" not in err
    assert not (tmp_path / "out").exists()
