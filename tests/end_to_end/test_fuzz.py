"""A seeded mutation fuzzer over the real ontology files, with a bounded budget: no mutant is an internal error.

Each case is one mutant of one file of ``ontology/`` (:mod:`mutations`), loaded
with the other files by ``kamgraph validate`` in-process. It must end in exit 0
or 1, every error it reports located in a file (with a line when the file
could not be parsed), never "internal error". ``KAMGRAPH_FUZZ_CASES`` raises the
budget (default 40 mutants per run; ``KAMGRAPH_FUZZ_SEED`` moves the window, so
a long run can be split). Mutants that once broke kamgraph are kept as
``tests/bad/fuzz-*.ttl`` files, each checked by tests/checks/test_bad_inputs.py.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import ONTOLOGY
from mutations import mutate

FILES = sorted(ONTOLOGY.glob("*.ttl"))
BUDGET = int(os.environ.get("KAMGRAPH_FUZZ_CASES", "40"))
FIRST_SEED = int(os.environ.get("KAMGRAPH_FUZZ_SEED", "0"))


@pytest.mark.parametrize("seed", [pytest.param(s, marks=pytest.mark.corpus("fuzz mutants"))
                                  for s in range(FIRST_SEED, FIRST_SEED + BUDGET)])
def test_a_mutated_ontology_is_never_an_internal_error(seed: int, run_cli, tmp_path: Path):
    mutant = mutate(FILES, seed)
    for path in FILES:
        (tmp_path / path.name).write_bytes(mutant.data if path == mutant.file else path.read_bytes())
    code, out, err = run_cli("validate", "--format", "json", "--ontology", tmp_path)
    where = f"seed {seed}: {mutant.file.name} after {'; '.join(mutant.edits)}"
    assert code in (0, 1), f"{where}\n{err[-1500:]}"
    assert "internal error" not in err and "Traceback" not in err, where
    findings = json.loads(out)["findings"] if out.strip().startswith("{") else None
    if code == 1 and findings is None:  # could not be loaded: the errors are on stderr, one located line each
        lines = [line for line in err.splitlines() if " error [" in line]
        assert lines, f"{where}: exit 1 without a located error\n{err[-1500:]}"
        assert all(line.startswith(str(tmp_path)) or line.split(":", 1)[0].endswith(".ttl") for line in lines), where


def test_the_mutator_is_seeded():
    assert mutate(FILES, 7) == mutate(FILES, 7)
    assert len({mutate(FILES, seed).data for seed in range(20)}) == 20
