"""What many tests share: the checkout's paths, and reading a generated page.

Import it by name (``from helpers import FIXTURES, page_data_of``): pytest puts
``tests/`` on ``sys.path`` (rootdir conftest, no ``tests/__init__.py``), and each
folder below it is a package, so ``tests/views/test_html.py`` is ``views.test_html``.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from kamgraph.views.wire import decode

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
ONTOLOGY = ROOT / "ontology"
OUTPUT = ROOT / "output"
FIXTURES = TESTS / "fixtures"
SMALL = FIXTURES / "small.ttl"
BAD = TESTS / "bad"
PAYLOADS = TESTS / "payloads"
W3C = TESTS / "w3c"

TYPO = "ex:Pear skos:broader ex:Aple ."  # the last line of the typo_ontology fixture: ex:Apple misspelt

# The page data: one JSON element, <script type="application/json" id="kamgraph-data">…</script>.
_DATA_ISLAND = re.compile(r'<script type="application/json" id="kamgraph-data">(.*?)</script>', re.DOTALL)


def data_island(html: str) -> str:
    """The text of the page's one data element, as written (escaped JSON)."""
    found = _DATA_ISLAND.findall(html)
    assert len(found) == 1, f"a map page has exactly one kamgraph-data element, this one has {len(found)}"
    return found[0]


def island_data(text: str) -> dict:
    """The page data of a data element's text: JSON in the wire form (kamgraph/views/wire.py), decoded."""
    return decode(json.loads(text))


def page_data_of(html: str) -> dict:
    """The page data a map page carries (the schema is in kamgraph/views/page_data.py)."""
    return island_data(data_island(html))


def page_data_in(folder: Path, page: str = "index.html") -> dict:
    """The page data of a page written by a build into ``folder``."""
    return page_data_of((Path(folder) / page).read_text(encoding="utf-8"))


def outside_data_island(html: str) -> str:
    """The page without its data element: the markup and code around the data."""
    data_island(html)
    return _DATA_ISLAND.sub("", html)


class _Elements(HTMLParser):
    """Every start tag of a page, with its attributes, as a browser's tokenizer sees them."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element of ``html`` in document order: (tag, attributes)."""
    return _Elements(html).elements


def csp_of(html: str) -> dict[str, list[str]]:
    """The page's Content-Security-Policy (its one ``<meta http-equiv>``), by directive."""
    policies = [attrs.get("content") or "" for tag, attrs in elements_of(html)
                if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(policies) == 1, f"a page has exactly one Content-Security-Policy, this one has {len(policies)}"
    directives = {}
    for part in policies[0].split(";"):
        if part.strip():
            name, *values = part.split()
            directives[name] = values
    return directives


def write(path: Path, text: str | bytes) -> Path:
    """Write ``text`` to ``path`` (UTF-8), making its folders; return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def deny_reading(monkeypatch, path: Path) -> None:
    """Make reading ``path`` fail with "Permission denied", as a chmod 000 file would.

    Tests run as root in CI, where chmod 000 does not stop a read; so ``Path.read_bytes``
    refuses that one file (by name) and reads every other as usual.
    """
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == path.name and self.resolve() == path.resolve():
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
