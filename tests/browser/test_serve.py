"""kamgraph serve: 127.0.0.1 only, the served map reloads itself after a good rebuild,
the file on disk stays published.
"""

from __future__ import annotations

import re
import shutil
import urllib.request
from pathlib import Path

import pytest

from browser.pages import READY, open_static, wait_until
from conftest import FIXTURES
from helpers import page_data_in, page_data_of
from processes import Process

pytestmark = pytest.mark.browser


def served_label(page) -> str:
    return page.evaluate("kamgraph.data.concepts.find(c => c.id === 'ex:Apple').labels.en")


def test_served_map_reloads_after_a_rebuild_and_survives_a_broken_save(browser, tmp_path: Path):
    ontology = tmp_path / "ontology"
    ontology.mkdir()
    source = ontology / "small.ttl"
    shutil.copy(FIXTURES / "small.ttl", source)
    out = tmp_path / "out"
    process = Process("serve", "--ontology", str(ontology), "--out", str(out), "--port", "0")
    try:
        url = re.search(r"http://127\.0\.0\.1:\d+/", "\n".join(process.wait_for("serving"))).group(0)
        process.wait_for("watching for changes")
        page, log = open_static(browser, url, allow_local_http=True)
        wait_until(page, READY, timeout=30_000)
        assert served_label(page) == "Apple"
        served_csp = page.locator("meta[http-equiv=Content-Security-Policy]").get_attribute("content")
        assert "connect-src 'self'" in served_csp
        on_disk = (out / "index.html").read_text()
        assert "connect-src 'none'" in on_disk and "__kamgraph" not in on_disk
        served = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        assert page_data_of(served) == page_data_in(out)  # the page just built, not a second rendering of it

        source.write_text(source.read_text().replace('"Apple"@en', '"Green apple"@en'))
        process.wait_for("rebuilt")
        wait_until(page, "!!window.kamgraph && kamgraph.data.concepts.some(c => c.labels.en === 'Green apple')")
        wait_until(page, READY)
        served = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        assert page_data_of(served) == page_data_in(out)

        build = urllib.request.urlopen(url + "__kamgraph/build", timeout=5).read()
        source.write_text(source.read_text() + "\nex:Broken skos:prefLabel .\n")
        process.wait_for("build failed")
        page.wait_for_timeout(1500)  # several polls: a failed build must not reload the page
        assert urllib.request.urlopen(url + "__kamgraph/build", timeout=5).read() == build
        assert served_label(page) == "Green apple"
        assert log.external_requests == [] and log.page_errors == [] and log.console_errors == []
        page.context.close()
    finally:
        process.stop()
