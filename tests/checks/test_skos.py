"""kamgraph's generic SKOS checks, for a vocabulary without SHACL shapes (kamgraph/checks/skos.py)."""

from __future__ import annotations

from helpers import FIXTURES
from kamgraph.pipeline import load_and_check

THESAURUS = FIXTURES / "thesaurus.ttl"


def test_generic_checks_allow_any_language_and_warn_about_links_to_retired_concepts():
    report = load_and_check([THESAURUS]).report
    codes = {f.code for f in report.findings}
    assert {"deprecated-target", "missing-label"} <= codes
    assert not any(code.startswith("missing-label-") for code in codes)  # no language is required
    assert not report.has_errors, [f.format() for f in report.findings if f.is_error]
    missing = next(f for f in report.findings if f.code == "missing-label")
    lines = THESAURUS.read_text(encoding="utf-8").splitlines()
    assert missing.line == lines.index("ex:Loose a exo:Descriptor .") + 1 and missing.subject == "ex:Loose"

