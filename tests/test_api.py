"""The public Python API: the README's example runs as written, and `import kamgraph` stays cheap."""

from __future__ import annotations

import doctest
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
import requests

import kamgraph
from conftest import ONTOLOGY, ROOT

README = ROOT / "README.md"


def api_section() -> tuple[str, int]:
    """The README's "Python API" section and the line it starts on."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Python API\n") + 1
    end = text.index("\n## ", start)
    return text[start:end], text.count("\n", 0, start)


def test_the_readme_example_runs_as_written(tmp_path: Path, monkeypatch):
    section, first_line = api_section()
    block = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert block, "the Python API section has a ```python block"
    shutil.copytree(ONTOLOGY, tmp_path / "ontology")  # the example runs "from the project folder" and writes site/
    monkeypatch.chdir(tmp_path)
    line = first_line + section.count("\n", 0, block.start(1))
    test = doctest.DocTestParser().get_doctest(block.group(1), {}, "README.md: Python API", str(README), line)
    assert len(test.examples) >= 10
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=report.append)
    assert result.failed == 0, "".join(report)
    assert (tmp_path / "site" / "index.html").is_file()


def test_the_readme_table_names_every_public_name():
    section, _ = api_section()
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    named = {name for row in rows for name in re.findall(r"`(\w+)[`(]", row.split("|")[1])}
    assert named == set(kamgraph.__all__) - {"__version__"}


def test_every_public_name_resolves_and_says_what_it_is():
    for name in kamgraph.__all__:
        value = getattr(kamgraph, name)
        if name != "__version__":
            assert value.__doc__ and value.__doc__.strip(), name
    assert set(dir(kamgraph)) >= set(kamgraph.__all__)
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        kamgraph.no_such_name  # noqa: B018


def test_import_kamgraph_imports_none_of_the_pipeline():
    probe = ("import sys, kamgraph; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rdflib', 'networkx', 'pyshacl', 'jinja2')"
             " or m.startswith('kamgraph.')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_paths_may_be_one_path_or_many():
    files = sorted(ONTOLOGY.glob("*.ttl"))
    counts = {len(kamgraph.load(given).dataset) for given in (str(ONTOLOGY), ONTOLOGY, [ONTOLOGY], files,
                                                                  (str(f) for f in files))}
    assert len(counts) == 1 and counts.pop() > 1000


def test_the_concept_graph_is_plain_networkx():
    graph = kamgraph.load_and_check(ONTOLOGY).concepts.graph
    assert isinstance(graph, nx.MultiDiGraph)
    assert nx.has_path(graph.to_undirected(as_view=True), "kam:KeyAccount", "kam:ValueBasedPricing")


def test_require_valid_raises_with_every_finding():
    checked = kamgraph.load_and_check([ONTOLOGY, ROOT / "tests" / "bad" / "broader-cycle.ttl"])
    assert checked.report.has_errors
    with pytest.raises(kamgraph.ValidationFailed) as failed:
        kamgraph.require_valid(checked)
    assert isinstance(failed.value, kamgraph.KamgraphError)
    assert "broader-cycle" in {f.code for f in failed.value.findings}


def oxigraph_server(location: Path) -> tuple[subprocess.Popen, str]:
    binary = Path(sys.executable).parent / "oxigraph"
    command = str(binary) if binary.exists() else shutil.which("oxigraph")
    assert command, "the oxigraph server comes with the test extras (pip install -e '.[test]')"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([command, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        try:
            requests.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
            return process, base
        except requests.exceptions.ConnectionError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("oxigraph did not start within 10 s")


def test_an_endpoint_gives_the_same_findings_and_graph_as_the_files(tmp_path: Path):
    from kamgraph.sources.store import publish

    process, base = oxigraph_server(tmp_path / "store")
    try:
        from_files = kamgraph.load_and_check(ONTOLOGY)
        publish(from_files.ontology, f"{base}/store", f"{base}/query")
        from_store = kamgraph.load_and_check(endpoint=f"{base}/query", timeout=10)
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert from_store.report.summary() == from_files.report.summary()
    assert sorted(from_store.concepts.graph.nodes) == sorted(from_files.concepts.graph.nodes)
    assert kamgraph.render_map(from_store.concepts) == kamgraph.render_map(from_files.concepts)
