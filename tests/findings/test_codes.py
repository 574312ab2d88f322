"""The registry of finding codes (kamgraph/findings/codes.py): every code reported is registered, with its severity."""

from __future__ import annotations

import re

from rdflib import Graph

from helpers import ONTOLOGY, ROOT
from kamgraph.findings import CHECKS, CODES, SHAPES
from kamgraph.namespaces import SH


def test_every_shape_of_the_ontology_has_a_registered_code_of_its_severity():
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="ox-turtle")
    severities = {SH.Violation: "error", SH.Warning: "warning"}
    named = {str(name): severities[shapes.value(shape, SH.severity)] for shape, name in shapes.subject_objects(SH.name)}
    assert len(named) >= 10
    for code, severity in named.items():
        assert code in CODES, code
        assert CODES[code].severity.value == severity, code
        assert CODES[code].stage in (SHAPES, CHECKS), code
    assert {c.code for c in CODES.values() if c.stage == SHAPES} <= set(named)


def test_every_code_the_code_reports_is_registered():
    finding_call = re.compile(r"(?:make_finding|\.finding|\.about|_problem)\(\s*"  # a call that makes a finding,
                              r'(?:[\w.]+, )?"([a-z0-9]+(?:-[a-z0-9]+)+)"')  # maybe a first argument, then the code
    used = set()
    for path in (ROOT / "kamgraph").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(finding_call.findall(text))
    assert {"syntax-error", "undeclared-concept", "broader-cycle", "empty-file", "missing-label"} <= used
    assert used <= set(CODES), sorted(used - set(CODES))
