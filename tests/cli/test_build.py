"""kamgraph build: exit codes, compiler-style messages, and the last good map kept."""

from __future__ import annotations

from pathlib import Path

from helpers import SMALL

BROKEN = """@prefix ex: <http://example.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:a a skos:Concept ;
    skos:prefLabel "A"@en ;
    skos:related ex:b .
ex:b a skos:Concept ;
    skos:prefLabel "B@en .
"""


def test_build_writes_the_map(run_cli, tmp_path: Path):
    code, out, err = run_cli("build", "--ontology", SMALL, "--out", tmp_path)
    assert code == 0, err
    assert (tmp_path / "index.html").stat().st_size > 100_000
    assert "4 concepts" in out


def test_failed_build_keeps_the_previous_map(run_cli, tmp_path: Path):
    assert run_cli("build", "--ontology", SMALL, "--out", tmp_path)[0] == 0
    before = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*.html")}
    broken = tmp_path / "src" / "broken.ttl"
    broken.parent.mkdir()
    broken.write_text(BROKEN)
    code, _out, err = run_cli("build", "--ontology", broken.parent, "--out", tmp_path)
    assert code == 1
    assert "broken.ttl:8:" in err and "[syntax-error]" in err
    assert "nothing was written" in err and "Traceback" not in err
    assert {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*.html")} == before
    # no temporary left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == [".layout-cache", "index.html", "maps", "src"]
    assert all(p.suffix == ".html" for p in (tmp_path / "maps").iterdir())
    assert all(p.suffix == ".json" for p in (tmp_path / ".layout-cache").iterdir())


def test_validation_errors_stop_the_build(run_cli, typo_ontology: Path, tmp_path: Path):
    code, _, err = run_cli("build", "--ontology", typo_ontology, "--out", tmp_path / "out")
    assert code == 1
    assert "[undeclared-concept]" in err and "did you mean ex:Apple?" in err
    assert not (tmp_path / "out").exists()


def test_missing_ontology_is_a_clear_error(run_cli, tmp_path: Path):
    code, _, err = run_cli("build", "--ontology", tmp_path / "nope.ttl", "--out", tmp_path)
    assert code == 1 and "nope.ttl: error [file-not-found]" in err


def test_draft_since_a_git_revision_marks_the_changes(run_cli, tmp_path, monkeypatch):
    import shutil
    import subprocess

    from helpers import ONTOLOGY, page_data_in

    shutil.copytree(ONTOLOGY, tmp_path / "ontology")
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "first"]):
        subprocess.run(["git", "-c", "user.name=A", "-c", "user.email=a@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)
    concepts = tmp_path / "ontology" / "kam-concepts.ttl"
    concepts.write_text(concepts.read_text(encoding="utf-8").replace(
        '"Special customers who are worth more', '"Special customers who are worth much more', 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("build", "--since", "HEAD", "--out", tmp_path / "site")
    assert code == 2 and "add --draft" in err
    code, out, err = run_cli("build", "--draft", "--since", "HEAD", "--out", tmp_path / "site")
    assert code == 0, err
    assert "marked 1 concept(s) changed since HEAD" in out
    assert page_data_in(tmp_path / "site")["changes"] == {
        "since": "HEAD", "concepts": {"kam:KeyAccount": {"status": "changed", "fields": ["definitions@en"]}}}
    code, _, err = run_cli("build", "--draft", "--out", tmp_path / "plain")
    assert code == 0 and "changes" not in page_data_in(tmp_path / "plain")
