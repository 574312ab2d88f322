"""Serve the output folder on 127.0.0.1, with a map that reloads itself after each good rebuild.

The map served at ``/`` is rendered in memory with the reload script
(``live.js``) and a CSP that lets it reach this origin; the file on disk stays
the published page (``connect-src 'none'``, no script of ours beyond the map).

The server stays in its folder and on this machine: a path (or symbolic link)
that leads outside the output folder is 404, folders are never listed, a
request whose ``Host`` is not the loopback address served is 403 (a web page
elsewhere cannot reach it by DNS rebinding), an idle connection is closed after
:data:`IDLE_TIMEOUT` seconds and at most :data:`MAX_CONNECTIONS` are served at
once, and a client that goes away mid-answer is not an error.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kamgraph.errors import KamgraphError

HOST = "127.0.0.1"
BUILD_PATH = "/__kamgraph/build"
IDLE_TIMEOUT = 10.0  # seconds a connection may stay silent before it is closed
MAX_CONNECTIONS = 32  # connections served at once; more are closed at once, not queued on a thread each


class ServeError(KamgraphError):
    """The server could not start (the port is taken, or not ours to use)."""


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
    timeout = IDLE_TIMEOUT  # socketserver sets it on the connection: a silent client is dropped

    def do_GET(self) -> None:  # named by the http.server API
        if not self._host_allowed():
            self.send_error(HTTPStatus.FORBIDDEN, "Host not allowed: this server answers only to its own address")
            return
        route = self.path.split("?", 1)[0].split("#", 1)[0]
        version, html = self.live.current()
        if route == BUILD_PATH:
            self._send(str(version).encode("ascii"), "text/plain; charset=utf-8")
        elif route in ("/", "/index.html") and html:
            self._send(html, "text/html; charset=utf-8")
        else:
            super().do_GET()

    def do_HEAD(self) -> None:  # named by the http.server API
        if not self._host_allowed():
            self.send_error(HTTPStatus.FORBIDDEN)
            return
        super().do_HEAD()

    def _host_allowed(self) -> bool:
        """``Host`` names this server: 127.0.0.1 or localhost, with the port it listens on."""
        port = getattr(self.server, "server_port", None)
        host = (self.headers.get("Host") or "").strip().lower()
        return host in {f"{HOST}:{port}", f"localhost:{port}"}

    def send_head(self) -> Any:
        """Files inside the folder only: a path or link out of it, or a folder without index.html, is 404."""
        path = self.translate_path(self.path)
        root = os.path.realpath(self.directory)
        try:
            real = os.path.realpath(path)
        except (OSError, ValueError):
            real = ""
        if os.path.isdir(real):
            real = os.path.realpath(os.path.join(real, "index.html"))
        inside = real.startswith(root + os.sep)
        if not inside or not os.path.isfile(real):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        if os.path.isdir(path) and not self.path.split("?", 1)[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address with a slash
        self.path = "/" + os.path.relpath(real, root).replace(os.sep, "/")  # serve what was checked
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Never list a folder."""
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")
        return None

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the http.server API
        """Quiet: the terminal is for the ontology's findings."""


class BoundedServer(ThreadingHTTPServer):
    """A thread per connection, at most :data:`MAX_CONNECTIONS` of them; disconnects are quiet."""

    daemon_threads = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # too many at once: close this one rather than hold a thread for it
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or times out is normal; anything else is one line, not a traceback."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, socket.timeout)):
            return
        print(f"kamgraph serve: a request from {client_address[0]} failed: {type(error).__name__}: {error}",
              file=sys.stderr)


def start_server(out_dir: Path, live: LivePage, port: int) -> ThreadingHTTPServer:
    """Listen on 127.0.0.1 only (never on other interfaces) in a daemon thread; :class:`ServeError` if it cannot."""
    handler = type("LiveHandler", (Handler,), {"live": live})
    try:
        server = BoundedServer((HOST, port), partial(handler, directory=str(out_dir)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(f"port {port} on {HOST} is already in use (another kamgraph serve?); "
                             "pick another with --port, or --port 0 for any free one") from exc
        raise ServeError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc}") from exc
    threading.Thread(target=server.serve_forever, name="kamgraph-serve", daemon=True).start()
    return server
