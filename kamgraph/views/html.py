"""HTML assembly: page data and inlined assets into one self-contained, offline page.

The page comes from our own Jinja2 template (autoescaped, one cached
environment). Ontology text never becomes markup: it travels as JSON (the page data's wire
form, :mod:`kamgraph.views.wire`) inside
``<script type="application/json">`` with ``< > &`` and U+2028/U+2029 escaped,
and the page script puts it on screen with ``textContent`` only. Every asset
is inlined and a Content-Security-Policy with script and style hashes forbids
anything else, so the page makes no network request.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jinja2
from markupsafe import Markup

from kamgraph.views.frontend import page_script, page_stylesheet
from kamgraph.views.page_data import page_title
from kamgraph.views.pyvis_network import vis_assets
from kamgraph.views.wire import encode

# Done by str.replace, one call per character: on a 15 MB thesaurus page that takes 57 ms where
# str.translate with the same table took 1.1 s (it goes character by character through Python's mapping).
_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                 ("\u2029", "\\u2029"))


@dataclass(frozen=True)
class PageAssets:
    vis_js: str
    vis_css: str
    page_js: str
    page_css: str
    live_js: str | None = None


def _template_text(name: str) -> str:
    return resources.files("kamgraph.views").joinpath("templates", name).read_text("utf-8")


@lru_cache(maxsize=1)
def load_assets() -> PageAssets:
    """The page's scripts and styles, read once per process."""
    vis_js, vis_css = vis_assets()
    return PageAssets(vis_js=vis_js, vis_css=vis_css, page_js=page_script(), page_css=page_stylesheet())


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja2 environment of every page kamgraph writes (map and glossary)."""
    return jinja2.Environment(loader=jinja2.PackageLoader("kamgraph.views", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, keep_trailing_newline=True)


def stylesheet(name: str) -> str:
    """A stylesheet of the templates folder, to inline (e.g. the glossary's)."""
    return _template_text(name)


def script_json(value: object) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``</script>``, no line separators.

    >>> script_json({"label": "</script>"})
    '{"label":"\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for character, escaped in _JSON_ESCAPES:
        text = text.replace(character, escaped)
    return text


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def live_script(version: int) -> str:
    """The reload script of ``kamgraph serve``: polls the server's build number, reloads when it changes."""
    return _template_text("live.js").replace("__KAMGRAPH_BUILD__", str(int(version)))


def render_page(data: dict, *, live_version: int | None = None) -> str:
    """The map page for ``data`` (see :mod:`kamgraph.views.page_data`); the same data always gives the same page.

    ``live_version`` (``serve`` only, never written to disk) adds the reload
    script and lets it, and only it, reach the serving origin.
    """
    assets = load_assets()
    if live_version is not None:
        assets = dataclasses.replace(assets, live_js=live_script(live_version))
    csp = "; ".join([
        "default-src 'none'",
        f"script-src {csp_hash(assets.vis_js)} {csp_hash(assets.page_js)}"
        + (f" {csp_hash(assets.live_js)}" if assets.live_js else ""),
        f"style-src {csp_hash(assets.vis_css)} {csp_hash(assets.page_css)}",
        "img-src data: blob:",
        "font-src data:",
        "connect-src 'self'" if assets.live_js else "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    languages = data["languages"]
    return environment().get_template("map.html.j2").render(
        csp=Markup(csp),  # built only from our own hashes and keywords
        language=languages[0] if languages else "en",
        title=page_title(data),
        assets=assets,
        data_json=script_json(encode(data)),  # the wire form: see kamgraph.views.wire
    )
