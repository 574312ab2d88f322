"""kamgraph diff: files, folders and git revisions; text, JSON and Markdown; exit 0 equal, 1 different, 2 trouble."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from changes.test_compare import three_edits
from helpers import ONTOLOGY, SMALL


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Author", "-c", "user.email=author@example.org", *args], cwd=folder,
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """A git repository of the KAM ontology, committed and tagged v1, then edited in the work tree."""
    root = tmp_path_factory.mktemp("repo")
    shutil.copytree(ONTOLOGY, root / "ontology")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    git(root, "tag", "v1")
    three_edits(root / "ontology")
    return root


def test_a_git_revision_as_old_against_the_work_tree(run_cli, repository, monkeypatch):
    monkeypatch.chdir(repository)
    code, out, err = run_cli("diff", "HEAD")
    assert code == 1, err
    assert "+ concept kam:PriceNegotiation" in out and "~ concept kam:KeyAccount" in out
    assert "- relation kam:KeyAccountManagement kamo:aimsAt kam:CustomerRelationship" in out
    assert out.count("\n+ ") + out.count("\n- ") + out.count("\n~ ") == 3
    code, out, _ = run_cli("diff", "v1", "ontology", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["old"] == "v1" and len(data["concepts"]["added"]) == 1
    code, out, _ = run_cli("diff", "v1", "HEAD", "--format", "markdown")
    assert code == 0 and "No changes" in out


def test_git_revision_from_another_folder_with_ontology_path(run_cli, repository, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("diff", "--ontology", repository / "ontology", "HEAD", "--format", "markdown")
    assert code == 1, err
    assert "### Concepts added" in out and "### Relations removed" in out and "### Concepts changed" in out


def test_equal_versions_exit_0(run_cli, tmp_path: Path):
    shutil.copy(SMALL, tmp_path / "copy.ttl")
    code, out, _ = run_cli("diff", SMALL, tmp_path / "copy.ttl")
    assert code == 0 and "no changes" in out


def test_trouble_is_exit_2_with_a_clear_message(run_cli, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # not a git repository
    code, _, err = run_cli("diff", "no-such-thing", SMALL)
    assert code == 2 and "not inside a git repository" in err and "Traceback" not in err
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b .\n", encoding="utf-8")
    code, _, err = run_cli("diff", SMALL, broken)
    assert code == 2 and "broken.ttl:2" in err and "[syntax-error]" in err


def test_an_unknown_revision_in_a_repository(run_cli, repository, monkeypatch):
    monkeypatch.chdir(repository)
    code, _, err = run_cli("diff", "no-such-tag")
    assert code == 2 and "neither a file or folder nor a git revision" in err
