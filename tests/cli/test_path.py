"""kamgraph path: the connection printed as sentences; an unknown name is an error with suggestions."""

from __future__ import annotations

from helpers import SMALL


def test_path_reads_as_sentences_in_either_direction(run_cli):
    code, out, _ = run_cli("path", "--ontology", SMALL, "Apple tree", "Loose", "--lang", "en")
    assert code == 0, out
    assert out.splitlines()[0].startswith("Apple tree → bears → Apple → ")
    assert out.splitlines()[0].endswith("→ Loose")
    code, out, _ = run_cli("path", "--ontology", SMALL, "plain", "appelboom", "--lang", "nl")
    assert code == 0 and out.splitlines()[0].endswith("groeit aan → Appelboom")


def test_path_unknown_name_suggests(run_cli):
    code, _, err = run_cli("path", "--ontology", SMALL, "Appletre", "Pear")
    assert code == 1 and "did you mean" in err and "ex:AppleTree" in err and "Traceback" not in err


def test_path_on_the_real_ontology(run_cli):
    code, out, _ = run_cli("path", "KeyAccount", "Value-based pricing", "--lang", "en")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("Key account → ") and first.endswith("→ Value-based pricing")


def test_path_refuses_an_ontology_with_errors_and_says_why(run_cli, typo_ontology):
    code, out, err = run_cli("path", "--ontology", typo_ontology, "Apple tree", "Pear")
    assert code == 1 and out == ""
    assert "[undeclared-concept]" in err and "ex:Aple" in err and "Traceback" not in err
