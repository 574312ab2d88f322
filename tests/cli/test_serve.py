"""kamgraph serve, in-process: the page it serves is the page the rebuild just made, with the reload script."""

from __future__ import annotations

from pathlib import Path

import kamgraph.live.serve as serve
import kamgraph.live.watch as watch
import kamgraph.views.site as site
from helpers import SMALL, page_data_in, page_data_of


def test_serve_shows_the_page_it_built_without_rendering_it_again(run_cli, monkeypatch, tmp_path: Path):
    made: list[str | None] = []  # the scope of every page data made: None is the whole map
    real_page_data = site.page_data
    monkeypatch.setattr(site, "page_data", lambda *args, **options: made.append(options.get("scope"))
                        or real_page_data(*args, **options))
    monkeypatch.setattr(watch, "watch_and_rebuild", lambda rebuilder, report, stop=None: report(rebuilder.run()))
    shown: list[str] = []
    real_update = serve.LivePage.update
    monkeypatch.setattr(serve.LivePage, "update", lambda page, version, html: shown.append(html)
                        or real_update(page, version, html))

    code, stdout, stderr = run_cli("serve", "--ontology", SMALL, "--out", tmp_path, "--port", "0")

    assert code == 0, stderr
    assert "serving" in stdout and "rebuilt" in stdout  # progress lines; findings go to stderr
    assert made == [None]  # one page data per build (the whole map's, its topic views in it), none more
    (live,) = shown
    assert page_data_of(live) == page_data_in(tmp_path)
    assert "connect-src 'self'" in live and "__kamgraph/build" in live
    assert "connect-src 'none'" in (tmp_path / "index.html").read_text(encoding="utf-8")
