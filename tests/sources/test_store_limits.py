"""``build --endpoint`` against a misbehaving server of our own on 127.0.0.1: every answer is a clear error, exit 1.

The server is a raw socket loop, so it can do what no well-behaved library
would: trickle headers or body, send more than asked, redirect elsewhere,
answer garbage. Each case must end in ``kamgraph: error: <endpoint>: ...``
(exit 1, no traceback, no "internal error"), within the deadline given.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from helpers import SMALL

GRAPH = "urn:kamgraph:file:small.ttl"
Behaviour = Callable[[socket.socket, bytes, int], None]  # (connection, request, own port)


def _status(connection: socket.socket, status: str, body: bytes, content_type: str, extra: str = "") -> None:
    connection.sendall(f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                       f"Connection: close\r\n{extra}\r\n".encode() + body)


def _bindings(rows: object) -> bytes:
    return json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": rows}}).encode()


def _store(construct: bytes) -> Behaviour:
    """A store with one graph whose CONSTRUCT answer is ``construct``."""
    def answer(connection: socket.socket, request: bytes, _port: int) -> None:
        if b"CONSTRUCT" in request:
            _status(connection, "200 OK", construct, "application/n-triples")
        else:
            _status(connection, "200 OK", _bindings([{"g": {"type": "uri", "value": GRAPH}}]),
                    "application/sparql-results+json")
    return answer


def trickle_headers(connection: socket.socket, _request: bytes, _port: int) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000:
        connection.sendall(bytes([byte]))
        time.sleep(0.05)


def trickle_body(connection: socket.socket, _request: bytes, _port: int) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                       b"Content-Length: 100000\r\n\r\n")
    for _ in range(10_000):
        connection.sendall(b" ")
        time.sleep(0.05)


def huge_body(connection: socket.socket, _request: bytes, _port: int) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                       b"Connection: close\r\n\r\n")  # no length: read until closed
    chunk = b" " * 65536
    for _ in range(2_000):  # 128 MB unless the client stops reading
        connection.sendall(chunk)


def huge_declared(connection: socket.socket, _request: bytes, _port: int) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 400000000\r\n\r\n")


def redirect_elsewhere(connection: socket.socket, _request: bytes, port: int) -> None:
    _status(connection, "307 Temporary Redirect", b"", "text/plain", f"Location: http://127.0.0.1:{port + 1}/query\r\n")


def redirect_loop(connection: socket.socket, _request: bytes, port: int) -> None:
    _status(connection, "307 Temporary Redirect", b"", "text/plain", f"Location: http://127.0.0.1:{port}/again\r\n")


def garbage_status(connection: socket.socket, _request: bytes, _port: int) -> None:
    connection.sendall(b"SPARQL, YES\r\n\r\n")


def closes_mid_body(connection: socket.socket, _request: bytes, _port: int) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n{\"head\":")


def not_json(connection: socket.socket, _request: bytes, _port: int) -> None:
    _status(connection, "200 OK", b"<html>hello</html>", "text/html")


def bindings_a_list(connection: socket.socket, _request: bytes, _port: int) -> None:
    _status(connection, "200 OK", _bindings([["g"]]), "application/sparql-results+json")


def bindings_value_not_text(connection: socket.socket, _request: bytes, _port: int) -> None:
    _status(connection, "200 OK", _bindings([{"g": {"type": "uri", "value": 5}}, {"g": {"type": "uri", "value": "a"}}]),
            "application/sparql-results+json")


def status_204(connection: socket.socket, _request: bytes, _port: int) -> None:
    _status(connection, "204 No Content", b"", "text/plain")


CASES: dict[str, tuple[Behaviour, str]] = {
    "trickled headers": (trickle_headers, "did not answer within 1 s"),
    "trickled body": (trickle_body, "did not answer within 1 s"),
    "huge body": (huge_body, "over the limit of 1,048,576 bytes"),
    "huge declared length": (huge_declared, "400,000,000 bytes, over the limit"),
    "redirect to another port": (redirect_elsewhere, "redirects are followed only within the same"),
    "redirect loop": (redirect_loop, "more than 5 redirects"),
    "garbage status line": (garbage_status, "the answer is not HTTP"),
    "closed mid-body": (closes_mid_body, "closed the connection mid-answer"),
    "not JSON": (not_json, "not SPARQL query results"),
    "bindings a list": (bindings_a_list, "not SPARQL query results"),
    "binding value not text": (bindings_value_not_text, "not SPARQL query results"),
    "no content": (status_204, "HTTP 204"),
    "CONSTRUCT not N-Triples": (_store(b"<a> <b> ."), "not N-Triples"),
    "CONSTRUCT not UTF-8": (_store(b'<http://e/a> <http://e/b> "\xff" .\n'), "not N-Triples"),
    "CONSTRUCT with an RDF 1.2 triple term": (
        _store(b"<http://e/a> <http://e/b> <<( <http://e/a> <http://e/b> <http://e/c> )>> .\n"),
        "triple term, which kamgraph does not read"),
}


def _read_request(connection: socket.socket) -> bytes:
    """The whole request: headers, then as many body bytes as Content-Length says."""
    data = b""
    while b"\r\n\r\n" not in data and (chunk := connection.recv(65536)):
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length and (chunk := connection.recv(65536)):
        body += chunk
    return head + b"\r\n\r\n" + body


@pytest.fixture
def misbehaving() -> Iterator[Callable[[Behaviour], str]]:
    """Start a one-behaviour server on 127.0.0.1; returns its query endpoint URL."""
    servers: list[socket.socket] = []

    def start(behaviour: Behaviour) -> str:
        listener = socket.create_server(("127.0.0.1", 0))
        servers.append(listener)
        port = listener.getsockname()[1]

        def loop() -> None:
            while True:
                try:
                    connection, _ = listener.accept()
                except OSError:
                    return
                threading.Thread(target=serve_one, args=(connection,), daemon=True).start()

        def serve_one(connection: socket.socket) -> None:
            with connection:
                connection.settimeout(10)
                with contextlib.suppress(OSError):  # the client gave up: that is what the limits are for
                    behaviour(connection, _read_request(connection), port)

        threading.Thread(target=loop, daemon=True).start()
        return f"http://127.0.0.1:{port}/query"

    yield start
    for listener in servers:
        listener.close()


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_a_misbehaving_store_is_a_clear_error(case: str, misbehaving, run_cli, tmp_path: Path):
    behaviour, expected = CASES[case]
    url = misbehaving(behaviour)
    code, _, err = run_cli("build", "--endpoint", url, "--timeout", "1", "--max-answer-mb", "1",
                           "--out", tmp_path / "out")
    assert code == 1, err
    assert f"kamgraph: error: {url}" in err, err
    assert expected in err, err
    assert "Traceback" not in err and "internal error" not in err
    assert "cannot connect" not in err
    assert not (tmp_path / "out").exists()


def test_a_same_origin_redirect_is_followed_and_said(misbehaving, run_cli, tmp_path: Path):
    """``/old`` redirects to ``/query`` on the same server, which answers as a store holding small.ttl."""
    data = ox.serialize(ox.parse(path=str(SMALL), format=ox.RdfFormat.TURTLE), format=ox.RdfFormat.N_TRIPLES)
    store = _store(data)

    def moved(connection: socket.socket, request: bytes, port: int) -> None:
        if request.startswith(b"POST /old"):
            _status(connection, "307 Temporary Redirect", b"", "text/plain",
                    f"Location: http://127.0.0.1:{port}/query\r\n")
        else:
            store(connection, request, port)

    url = misbehaving(moved).replace("/query", "/old")
    code, out, err = run_cli("build", "--endpoint", url, "--out", tmp_path / "out")
    assert code == 0, err
    assert f"kamgraph: warning: {url}: redirected (HTTP 307) to {url.replace('/old', '/query')}" in err
    assert (tmp_path / "out" / "index.html").is_file() and "wrote" in out
