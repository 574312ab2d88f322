"""The live server stays in its folder and on this machine: a real server on 127.0.0.1, raw HTTP requests."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import kamgraph.live.serve as serve
from helpers import SMALL

BOUND = 10.0  # seconds any socket operation of a test may wait


@pytest.fixture
def served(tmp_path: Path, monkeypatch) -> Iterator[tuple[int, Path]]:
    """A real server on 127.0.0.1 over a folder with a page, a topic map, an empty folder and a big file."""
    monkeypatch.setattr(serve.Handler, "timeout", 0.5)  # idle connections closed quickly in tests
    monkeypatch.setattr(serve, "MAX_CONNECTIONS", 4)
    out = tmp_path / "out"
    (out / "maps").mkdir(parents=True)
    (out / "empty").mkdir()
    (out / "index.html").write_text("<p>the map</p>", encoding="utf-8")
    (out / "maps" / "Fruit.html").write_text("<p>fruit</p>", encoding="utf-8")
    (out / "big.bin").write_bytes(b"x" * 8_000_000)
    (tmp_path / "secret.txt").write_text("outside the folder", encoding="utf-8")
    server = serve.start_server(out, serve.LivePage(), 0)
    try:
        yield server.server_address[1], out
    finally:
        server.shutdown()
        server.server_close()


def request(port: int, path: str, host: str | None = "default") -> tuple[int, bytes]:
    """One raw GET (no client library normalising the path or the Host header); (status, body)."""
    header = "" if host is None else f"Host: {f'127.0.0.1:{port}' if host == 'default' else host}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=BOUND) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\n{header}Connection: close\r\n\r\n".encode("latin-1"))
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


def test_files_in_the_folder_are_served(served):
    port, _ = served
    assert request(port, "/index.html") == (200, b"<p>the map</p>")
    assert request(port, "/maps/Fruit.html") == (200, b"<p>fruit</p>")
    assert request(port, "/")[0] == 200
    assert request(port, "/", host=f"localhost:{port}")[0] == 200


@pytest.mark.parametrize("path", ["/../secret.txt", "/maps/../../secret.txt", "/%2e%2e/secret.txt",
                                  "/..%2fsecret.txt", "/etc/passwd", "//etc/passwd"])
def test_a_path_out_of_the_folder_is_not_found(served, path: str):
    port, _ = served
    status, body = request(port, path)
    assert status == 404 and b"outside the folder" not in body


def test_a_symbolic_link_out_of_the_folder_is_not_followed(served, tmp_path: Path):
    port, out = served
    (out / "passwd").symlink_to("/etc/passwd")
    (out / "secret.txt").symlink_to(tmp_path / "secret.txt")
    (out / "outside").symlink_to(tmp_path)
    (out / "inside.html").symlink_to(out / "index.html")
    assert request(port, "/passwd")[0] == 404
    assert request(port, "/secret.txt")[0] == 404
    assert request(port, "/outside/secret.txt")[0] == 404
    assert request(port, "/outside/")[0] == 404
    assert request(port, "/inside.html") == (200, b"<p>the map</p>")  # a link that stays inside is fine


def test_no_folder_is_listed(served):
    port, _ = served
    assert request(port, "/empty/")[0] == 404
    status, body = request(port, "/maps/")
    assert status == 404 and b"Fruit.html" not in body


@pytest.mark.parametrize("host", ["evil.example", f"evil.example:{0}", "127.0.0.1.evil.example", "", None,
                                  "192.168.1.5", "127.0.0.1:1"])
def test_a_host_that_is_not_this_server_is_refused(served, host):
    port, _ = served
    status, body = request(port, "/index.html", host=host)
    assert status == 403 and b"the map" not in body


def test_idle_connections_are_closed_and_bounded_in_number(served):
    port, _ = served
    before = threading.active_count()
    idle = [socket.create_connection(("127.0.0.1", port), timeout=BOUND) for _ in range(20)]
    try:
        assert threading.active_count() <= before + serve.MAX_CONNECTIONS + 1  # + the serving loop's own
        for connection in idle:
            assert connection.recv(1) == b""  # closed by the server (idle timeout or over the bound)
    finally:
        for connection in idle:
            connection.close()
    assert request(port, "/index.html")[0] == 200  # served again once the idle ones are gone


def test_a_client_that_hangs_up_mid_answer_is_not_a_traceback(served, capfd):
    port, _ = served
    for _ in range(3):
        connection = socket.create_connection(("127.0.0.1", port), timeout=BOUND)
        connection.sendall(f"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        connection.recv(1024)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # reset, not FIN
        connection.close()
    assert request(port, "/index.html")[0] == 200
    captured = capfd.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "Error" not in captured.err


def test_a_busy_port_is_a_clear_error(run_cli, tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, _out, err = run_cli("serve", "--ontology", SMALL, "--out", tmp_path / "out", "--port", port)
    assert code == 1
    assert f"port {port}" in err and "in use" in err
    assert "internal error" not in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()  # nothing was built for a server that could not start
