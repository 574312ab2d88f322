"""Serve the output folder on 127.0.0.1, with a map that reloads itself after each good rebuild.

The map served at ``/`` is rendered in memory with the reload script
(``live.js``) and a CSP that lets it reach this origin; the file on disk stays
the published page (``connect-src 'none'``, no script of ours beyond the map).
"""

from __future__ import annotations

import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"
BUILD_PATH = "/__kamgraph/build"


class LivePage:
    """The latest good live page and its build number, shared between the rebuild loop and the server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.version = 0
        self.html = b""

    def update(self, version: int, html: str) -> None:
        with self._lock:
            self.version, self.html = version, html.encode("utf-8")

    def current(self) -> tuple[int, bytes]:
        with self._lock:
            return self.version, self.html


class Handler(SimpleHTTPRequestHandler):
    """Static files from the output folder; the live map at ``/`` and ``/index.html``; the build number."""

    live: LivePage

    def do_GET(self) -> None:  # named by the http.server API
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        version, html = self.live.current()
        if route == BUILD_PATH:
            self._send(str(version).encode("ascii"), "text/plain; charset=utf-8")
        elif route in ("/", "/index.html") and html:
            self._send(html, "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
        """Quiet: the terminal is for the ontology's findings."""


def start_server(out_dir: Path, live: LivePage, port: int) -> ThreadingHTTPServer:
    """Listen on 127.0.0.1 only (never on other interfaces) in a daemon thread."""
    handler = type("LiveHandler", (Handler,), {"live": live})
    server = ThreadingHTTPServer((HOST, port), partial(handler, directory=str(out_dir)))
    threading.Thread(target=server.serve_forever, name="kamgraph-serve", daemon=True).start()
    return server
