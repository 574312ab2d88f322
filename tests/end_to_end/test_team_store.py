"""The README's team recipe, run as written against a real Oxigraph server: two authors, a learner.

Author 1 publishes a checkout; author 2 publishes another checkout of the same files from inside its
ontology folder (the same graphs are replaced, none added), then a draft folder with --keep-others; a
learner builds from the store and gets the map a build from the files gives. Then author 1 renames a
file and publishes again: the old graph and the draft are removed, and the command says so.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, ONTOLOGY, ROOT, page_data_in
from kamgraph.sources.ontology import FILE_GRAPH_PREFIX
from kamgraph.sources.store import PREFIX_GRAPH
from sources.test_store import select, start_server, stop

DRAFT = FIXTURES / "new-concept.ttl"  # one activity more, related to an existing concept


def recipe() -> list[list[str]]:
    """The kamgraph commands of the README's team recipe, in order, as argument lists."""
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("### A shared store for a team", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block, "the team recipe is a sh block"
    return [shlex.split(line)[1:] for line in block.group(1).splitlines() if line.startswith("kamgraph ")]


def graphs(base: str) -> dict[str, int]:
    return {row["g"]: int(row["n"]) for row in select(
        base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}


@pytest.fixture
def team(tmp_path: Path):
    process, base = start_server(tmp_path / "team-store")
    folders = {name: tmp_path / name for name in ("author-1", "author-2", "learner")}
    for name in ("author-1", "author-2"):
        shutil.copytree(ONTOLOGY, folders[name] / "ontology")
    (folders["author-2"] / "drafts").mkdir()
    shutil.copy(DRAFT, folders["author-2"] / "drafts" / "my-concepts.ttl")
    folders["learner"].mkdir()
    yield base, folders
    stop(process)


def test_two_authors_and_a_learner_as_the_readme_says(run_cli, team, monkeypatch, tmp_path: Path):
    base, folders = team
    steps = [[arg.replace("http://127.0.0.1:7878", base) for arg in args] for args in recipe()]
    assert [args[0] for args in steps] == ["publish", "publish", "publish", "build"]
    where = [folders["author-1"], folders["author-2"] / "ontology", folders["author-2"], folders["learner"]]
    files = sorted(p.name for p in ONTOLOGY.rglob("*.ttl"))

    monkeypatch.chdir(where[0])
    code, out, err = run_cli(*steps[0])
    assert code == 0, err
    first = graphs(base)
    assert set(first) == {FILE_GRAPH_PREFIX + name for name in files} | {PREFIX_GRAPH}

    monkeypatch.chdir(where[1])
    code, out, err = run_cli(*steps[1])
    assert code == 0, err
    assert graphs(base) == first and "removed" not in out  # replaced, not duplicated

    monkeypatch.chdir(where[2])
    code, out, err = run_cli(*steps[2])
    assert code == 0, err
    assert f"kept {len(files)} other graph(s)" in out
    assert set(graphs(base)) == set(first) | {FILE_GRAPH_PREFIX + "my-concepts.ttl"}

    monkeypatch.chdir(where[3])
    code, out, err = run_cli(*steps[3])
    assert code == 0, err
    code, _, err = run_cli("build", "--ontology", folders["author-1"] / "ontology",
                           "--ontology", folders["author-2"] / "drafts", "--out", tmp_path / "from-files")
    assert code == 0, err
    from_store, from_files = page_data_in(where[3] / "output"), page_data_in(tmp_path / "from-files")
    assert from_store == from_files
    assert "kam:PriceNegotiation" in {c["id"] for c in from_store["concepts"]}
    assert (where[3] / "output" / "index.html").read_bytes() == (tmp_path / "from-files" / "index.html").read_bytes()

    ontology = folders["author-1"] / "ontology"
    (ontology / "kam-beyond-source.ttl").rename(ontology / "kam-beyond.ttl")
    monkeypatch.chdir(where[0])
    code, out, err = run_cli(*steps[0])
    assert code == 0, err
    assert f"removed {FILE_GRAPH_PREFIX}kam-beyond-source.ttl" in out
    assert f"removed {FILE_GRAPH_PREFIX}my-concepts.ttl" in out and "--keep-others" in out
    assert set(graphs(base)) == ({FILE_GRAPH_PREFIX + n for n in files} - {FILE_GRAPH_PREFIX + "kam-beyond-source.ttl"}
                                 | {FILE_GRAPH_PREFIX + "kam-beyond.ttl", PREFIX_GRAPH})
