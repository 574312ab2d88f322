"""The shared store, against a real Oxigraph server on 127.0.0.1 (the `oxigraph` binary from PyPI)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from helpers import BAD, ONTOLOGY, ROOT, SMALL
from kamgraph.graph import from_ontology
from kamgraph.sources.files import load_ontology
from kamgraph.sources.ontology import FILE_GRAPH_PREFIX
from kamgraph.sources.store import PREFIX_GRAPH, load_from_endpoint
from kamgraph.views.page_data import page_data


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    found = Path(sys.executable).parent / "oxigraph"
    if found.exists():
        return str(found)
    found = shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is missing: it comes with the test extras (pip install -e '.[test]')")
    return found


def start_server(tmp: Path, command: str = "serve"):
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), command, "--location", str(tmp), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            requests.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
            return process, base
        except requests.exceptions.ConnectionError:
            if process.poll() is not None:
                pytest.fail(f"oxigraph did not start: {process.stderr.read().decode()}")
            time.sleep(0.05)
    process.kill()
    pytest.fail("oxigraph did not answer within 10 s")


def store_urls(base: str) -> tuple[str, ...]:
    """``publish``'s two URLs of one Oxigraph server: the Graph Store it writes to, the query endpoint it lists."""
    return ("--store", f"{base}/store", "--endpoint", f"{base}/query")


def stop(process) -> None:
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    process, base = start_server(tmp_path_factory.mktemp("oxigraph"))
    yield base
    stop(process)


def test_publish_then_build_from_the_store_gives_the_same_map(run_cli, server, tmp_path: Path):
    code, out, err = run_cli("publish", "--ontology", ONTOLOGY, *store_urls(server))
    assert code == 0, err
    assert "published" in out
    from_files = page_data(from_ontology(load_ontology([ONTOLOGY])))
    from_store = page_data(from_ontology(load_from_endpoint(f"{server}/query")))
    assert from_store == from_files
    code, out, err = run_cli("build", "--endpoint", f"{server}/query", "--out", tmp_path)
    assert code == 0, err
    assert f"{len(from_files['concepts'])} concepts" in out


def select(base: str, query: str) -> list[dict[str, str]]:
    """The rows of a SPARQL SELECT on the server, each variable's value as text."""
    answer = requests.post(f"{base}/query", data={"query": query},
                           headers={"Accept": "application/sparql-results+json"}, timeout=10).json()
    return [{name: cell["value"] for name, cell in row.items()} for row in answer["results"]["bindings"]]


def test_each_file_is_its_own_named_graph(run_cli, tmp_path: Path):
    """A fresh store, so that the graphs found are those this publish made and no others."""
    process, base = start_server(tmp_path / "store")
    try:
        assert run_cli("publish", "--ontology", ONTOLOGY, *store_urls(base))[0] == 0
        sizes = {row["g"]: int(row["n"]) for row in select(
            base, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    finally:
        stop(process)
    files = load_ontology([ONTOLOGY]).files
    assert len(files) == len(list(ONTOLOGY.rglob("*.ttl"))) > 1
    assert set(sizes) == {str(f.graph_id) for f in files} | {PREFIX_GRAPH}
    assert all(str(f.graph_id).startswith(FILE_GRAPH_PREFIX) for f in files)
    for source in files:
        assert sizes[str(source.graph_id)] == len(source.triples), source.display


def test_nothing_is_published_when_validation_fails(run_cli, tmp_path: Path):
    process, base = start_server(tmp_path / "store")
    try:
        bad = BAD / "broader-cycle.ttl"
        code, _, err = run_cli("publish", "--ontology", ONTOLOGY, "--ontology", bad, *store_urls(base))
        assert code == 1 and "[broader-cycle]" in err
        assert select(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == [{"n": "0"}]
    finally:
        stop(process)


def test_server_not_running(run_cli, tmp_path: Path):
    code, _, err = run_cli("build", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "--out", tmp_path)
    assert code == 1
    assert "cannot connect" in err and "running" in err and "Traceback" not in err


def test_not_a_url(run_cli, tmp_path: Path):
    code, _, err = run_cli("build", "--endpoint", "localhost-7878", "--out", tmp_path)
    assert code == 1 and "not a usable endpoint URL" in err


def test_wrong_path_shows_the_servers_message(run_cli, server, tmp_path: Path):
    code, _, err = run_cli("build", "--endpoint", f"{server}/no-such-service", "--out", tmp_path)
    assert code == 1 and "HTTP 404" in err


def test_read_only_server_refuses_publishing_with_its_own_message(run_cli, tmp_path: Path):
    location = tmp_path / "store"
    process, base = start_server(location)
    stop(process)
    process, base = start_server(location, "serve-read-only")
    try:
        code, _, err = run_cli("publish", "--ontology", SMALL, *store_urls(base))
        assert code == 1
        assert "the server answered HTTP 403 Forbidden: " in err
        assert "read-only" in err.split("HTTP 403 Forbidden: ", 1)[1]  # the server's own words follow
    finally:
        stop(process)


def test_timeout(run_cli, tmp_path: Path):
    """A server that accepts the connection and never answers (a stuck store)."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        code, _, err = run_cli("build", "--endpoint", f"http://127.0.0.1:{port}/query", "--timeout", "0.5",
                               "--out", tmp_path)
    assert code == 1 and "did not answer within 0.5 s" in err


def test_every_reading_command_takes_the_query_endpoint(run_cli, server, tmp_path: Path):
    """--endpoint means the query URL for every command that reads the ontology; --ontology with it is refused."""
    assert run_cli("publish", "--ontology", ONTOLOGY, *store_urls(server))[0] == 0
    query = f"{server}/query"
    commands = {"validate": ("validate", "--format", "json"), "stats": ("stats", "--format", "json"),
                "export": ("export", "--format", "csv"), "path": ("path", "Key account", "Selling price"),
                "query": ("query", "SELECT ?c WHERE { ?c a kamo:Actor }")}
    for name, args in commands.items():
        code, out, err = run_cli(*args, "--ontology", ONTOLOGY)
        store_code, store_out, store_err = run_cli(*args, "--endpoint", query)
        assert (store_code, code) == (0, 0), (name, store_err, err)
        if name == "validate":  # findings name the store's graph instead of the file
            assert len(json.loads(store_out)) == len(json.loads(out)) > 0
        else:
            assert store_out == out, name
    code, _, err = run_cli("glossary", "--endpoint", query, "--out", tmp_path)
    assert code == 0, err
    assert (tmp_path / "glossary.html").exists()
    code, _, err = run_cli("stats", "--endpoint", query, "--ontology", ONTOLOGY)
    assert code == 2 and "either --ontology or --endpoint" in err


def test_graph_names_do_not_depend_on_the_working_folder(tmp_path: Path, monkeypatch):
    names = set()
    for folder in (ROOT, ONTOLOGY, tmp_path):
        monkeypatch.chdir(folder)
        names.add(tuple(str(f.graph_id) for f in load_ontology([ONTOLOGY]).files))
    assert len(names) == 1
    assert f"{FILE_GRAPH_PREFIX}kam-concepts.ttl" in next(iter(names))
