"""Property: for any small ontology, ``kamgraph build`` writes a valid map or exits 1 with findings.

Hypothesis generates SKOS vocabularies with labels in random scripts (or none,
or blank), random broader/narrower/related structures (cycles included),
relations to concepts nobody declared, and the same concept IRI stated in two
files. Nothing else may happen: no traceback, no internal error, no map
written on failure, and a written map has one node per concept.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from rdflib import RDF, SKOS, Graph, Literal, Namespace

from helpers import page_data_in

EX = Namespace("http://example.org/generated/")
FINDING_RE = re.compile(r"^\S.*: error \[[a-z0-9-]+\]: ", re.MULTILINE)
RELATIONS = (SKOS.broader, SKOS.narrower, SKOS.related)

# Letters from several scripts, plus the odd characters authors paste: marks, zero-width, RTL marks, emoji.
SCRIPTS = st.sampled_from([(0x41, 0x7A), (0xC0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF),
                           (0x600, 0x6FF), (0x900, 0x97F), (0x4E00, 0x4FFF), (0xAC00, 0xAD00), (0x1F300, 0x1F64F),
                           (0x300, 0x36F), (0x200B, 0x200F), (0x2028, 0x2029)])
labels = SCRIPTS.flatmap(lambda r: st.text(st.characters(min_codepoint=r[0], max_codepoint=r[1],
                                                         exclude_categories=["Cs"]), min_size=1, max_size=12)
                         ) | st.sampled_from(["", "   ", "<script>alert(1)</script>", "{{ x }}", "a\u0000b"])


@st.composite
def ontologies(draw) -> tuple[list[str], set[str]]:
    """Turtle files (as text) and the IRIs of the concepts they declare."""
    names = draw(st.lists(st.sampled_from([f"C{i}" for i in range(8)]), min_size=1, max_size=8))
    files = [Graph(), Graph()]
    concepts = set()
    for name in names:  # a name drawn twice is the same IRI declared again, possibly in the other file
        graph = files[draw(st.integers(0, 1))]
        graph.add((EX[name], RDF.type, SKOS.Concept))
        concepts.add(str(EX[name]))
        for language in draw(st.sets(st.sampled_from(["en", "nl", "ar", None]), max_size=3)):
            graph.add((EX[name], SKOS.prefLabel, Literal(draw(labels), lang=language)))
    for _ in range(draw(st.integers(0, 10))):
        source = draw(st.sampled_from(names))
        target = draw(st.sampled_from(names * 4 + ["Undeclared"]))  # self-loops and cycles allowed
        files[draw(st.integers(0, 1))].add((EX[source], draw(st.sampled_from(RELATIONS)), EX[target]))
    return [g.serialize(format="turtle") for g in files if len(g)], concepts


@pytest.mark.corpus("generated-ontologies")
@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ontologies())
def test_build_writes_a_valid_map_or_exits_1_with_findings(run_cli, generated):
    texts, concepts = generated
    with tempfile.TemporaryDirectory() as folder:
        source, out = Path(folder) / "ontology", Path(folder) / "out"
        source.mkdir()
        for index, text in enumerate(texts):
            (source / f"part{index}.ttl").write_text(text, encoding="utf-8")
        code, stdout, stderr = run_cli("build", "--ontology", source, "--out", out)
        assert "Traceback" not in stdout + stderr
        assert code in (0, 1), stderr
        if code == 1:
            assert FINDING_RE.search(stderr), stderr
            event("exit 1: " + ", ".join(sorted(set(re.findall(r"error \[([a-z0-9-]+)\]", stderr)))))
            assert not (out / "index.html").exists()
            return
        event("map written")
        data = page_data_in(out)
        assert len(data["concepts"]) == len(concepts)
        assert all(isinstance(c["x"], int) and isinstance(c["y"], int) for c in data["concepts"])
        assert all(c["iri"] in concepts for c in data["concepts"])
