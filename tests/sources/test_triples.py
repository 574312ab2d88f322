"""Term conversion (kamgraph/sources/triples.py): rdflib's log of ill-typed literals is quiet only while converting.

kamgraph reports ill-typed literals as located findings, so rdflib's own logged
traceback for each would only be noise; but a program that imports kamgraph
keeps rdflib's logging exactly as it configured it.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, Literal

from helpers import BAD, ONTOLOGY, ROOT, SMALL
from kamgraph.sources.rdf12 import Rdf12Term
from kamgraph.sources.triples import TermConverter, from_oxigraph, quiet_ill_typed_literals, string_literal

ILL_TYPED = BAD / "ill-typed-literal.ttl"

# Run in a fresh interpreter, so that "before importing kamgraph" is real.
LOGGING_BEFORE_AND_AFTER = r"""
import json, logging, sys
from pathlib import Path

import rdflib  # first: rdflib's loggers as rdflib itself leaves them

def state():
    return {name: {"level": logger.level, "filters": [repr(f) for f in logger.filters],
                   "handlers": [repr(h) for h in logger.handlers], "propagate": logger.propagate,
                   "disabled": logger.disabled}
            for name, logger in ((n, logging.getLogger(n)) for n in ("rdflib", "rdflib.term"))}

before = state()
import kamgraph.cli, kamgraph.pipeline
imported = state()
small, ontology, ill_typed, out = map(Path, sys.argv[1:5])
kamgraph.pipeline.build_map([small], out)
report = kamgraph.pipeline.load_and_check([ontology, ill_typed]).report
assert any(f.code == "ill-typed-literal" for f in report.findings), "the ill-typed literal was converted"
print(json.dumps({"before": before, "imported": imported, "after a build": state()}))
rdflib.Literal("twelve", datatype=rdflib.XSD.integer)  # rdflib logs this, as it did before kamgraph ran
"""


def test_importing_kamgraph_and_building_leave_rdflibs_logging_as_it_was(tmp_path: Path):
    done = subprocess.run([sys.executable, "-c", LOGGING_BEFORE_AND_AFTER, str(SMALL), str(ONTOLOGY), str(ILL_TYPED),
                           str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    states = json.loads(done.stdout)
    assert states["imported"] == states["before"] and states["after a build"] == states["before"], states
    assert (tmp_path / "out" / "index.html").exists()
    # rdflib's own warning still reaches stderr, once: the one made after kamgraph, not kamgraph's.
    assert done.stderr.count("Failed to convert Literal lexical form to value") == 1, done.stderr


def test_the_ill_typed_literal_log_is_dropped_only_while_converting(caplog):
    logger = logging.getLogger("rdflib.term")
    filters = list(logger.filters)
    with caplog.at_level(logging.WARNING, logger="rdflib.term"):
        with quiet_ill_typed_literals():
            Literal("twelve", datatype=XSD.integer)
        assert caplog.records == []
        assert logger.filters == filters
        Literal("thirteen", datatype=XSD.integer)
    assert [r.name for r in caplog.records] == ["rdflib.term"]


def test_ill_typed_literal_prints_no_traceback(tmp_path: Path):
    """In a real process: rdflib would log a traceback per ill-typed literal to stderr."""
    bad = tmp_path / "typed.ttl"
    bad.write_text(SMALL.read_text()
                   + "\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                     'ex:Apple kamo:firstLine "x"^^xsd:integer .\n')
    result = subprocess.run([sys.executable, "-m", "kamgraph", "validate", "--ontology", str(bad)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1 and "[ill-typed-literal]" in result.stderr  # findings: standard error
    assert "Traceback" not in result.stderr


_TAGS = st.sampled_from(["en", "nl", "nl-BE", "EN-gb", "de-CH-1996", "x-private", "zh-Hant-TW"])


@given(st.text(), _TAGS | st.none())
def test_string_literals_are_what_rdflibs_constructor_makes(lexical, language):
    """The shortcut for string literals gives the constructor's literal, attribute for attribute."""
    made = string_literal(lexical, language)
    expected = Literal(lexical, lang=language) if language else Literal(lexical, datatype=XSD.string)
    assert made == expected and made.eq(expected) and hash(made) == hash(expected)
    assert (str(made), made.language, made.datatype, made.value, made.ill_typed) == (
        str(expected), expected.language, expected.datatype, expected.value, expected.ill_typed)


@given(st.text(), _TAGS | st.none())
def test_converted_string_literals_are_the_ones_rdflib_makes(lexical, language):
    term = ox.Literal(lexical, language=language) if language else ox.Literal(lexical)
    converted = from_oxigraph(term)  # pyoxigraph lower-cases the tag; the constructor was given it so
    expected = Literal(lexical, lang=term.language) if language else Literal(lexical, datatype=XSD.string)
    assert (converted, converted.language, converted.datatype, converted.value, converted.ill_typed) == (
        expected, expected.language, expected.datatype, expected.value, expected.ill_typed)


def test_terms_only_rdf12_has_are_refused_by_name_not_converted():
    a, b = ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b")
    with pytest.raises(Rdf12Term, match="triple term"):
        TermConverter().term(ox.Triple(a, b, a))
    with pytest.raises(Rdf12Term, match="base direction"):
        TermConverter().term(ox.Literal("x", language="ar", direction=ox.BaseDirection.RTL))
    assert str(TermConverter().term(ox.Literal("x", language="ar"))) == "x"
