"""The findings of a build do not depend on Python's hash seed.

Which statement a finding quotes once followed the iteration order of a set, so
``unknown-property`` named the nl label in one run and the en label in the next.
Every tests/bad/ file is validated with the real ontology under two hash seeds,
in two processes, and the printed findings must be the same text.
"""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import BAD, ONTOLOGY

FILES = sorted(BAD.glob("*.ttl"))
SCRIPT = """
import sys
from pathlib import Path
from kamgraph.errors import LoadError
from kamgraph.pipeline import load_and_check
for bad in sys.argv[2:]:
    try:
        findings = load_and_check([Path(sys.argv[1]), Path(bad)]).report.findings
    except LoadError as error:
        findings = error.findings
    print(bad, *(finding.format() for finding in findings), sep="\\n")
"""


def findings_with_seed(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "KAMGRAPH_CACHE_DIR": ""}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ONTOLOGY), *map(str, FILES)],
                          capture_output=True, text=True, env=env, timeout=600, check=True)
    return done.stdout


def test_findings_are_the_same_under_any_hash_seed() -> None:
    first = findings_with_seed("5")
    assert first.count("\n") > 2 * len(FILES)  # every file printed its findings
    assert findings_with_seed("7") == first  # seeds under which the set order quoted different statements
