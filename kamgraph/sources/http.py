"""One HTTP request with limits: a total deadline, a size cap, redirects only within the origin.

The SPARQL store is someone else's server. ``requests`` bounds each socket
read, not the request: a server trickling one header byte a second holds it
for ever, and it reads an answer of any size into memory. Here a watchdog shuts
the connection when the total ``deadline`` passes (connect, headers and body
together), the body is read in chunks and refused past ``max_bytes``, and a
redirect is followed only to the same scheme, host and port (and reported
through :func:`warnings.warn`); one to anywhere else is refused. Every failure
is an :class:`HttpFailure` saying what happened, for the caller to name its endpoint.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import ssl
import threading
import time
import warnings
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from kamgraph.errors import KamgraphError, KamgraphWarning

DEFAULT_MAX_BYTES = 256 * 1024 * 1024  # an answer larger than this is refused (``--max-answer-mb``)
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class HttpFailure(KamgraphError):
    """The request did not give a complete answer within the limits (the message says which)."""


class Redirected(KamgraphWarning):
    """The server redirected a request to another address of the same origin, and it was followed."""


@dataclass
class Answer:
    """A complete answer; the attribute names are those of ``requests.Response`` that callers read."""

    url: str
    status_code: int
    reason: str
    headers: dict[str, str]
    content: bytes = field(repr=False)

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self) -> Any:
        return json.loads(self.content)


def request(method: str, url: str, *, deadline: float, max_bytes: int = DEFAULT_MAX_BYTES,
            data: dict[str, str] | bytes | None = None, params: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> Answer:
    """Send one request (following same-origin redirects) and read the whole answer within ``deadline`` seconds."""
    if params:
        url = f"{url}{'&' if urlsplit(url).query else '?'}{urlencode(params)}"
    body = urlencode(data).encode("ascii") if isinstance(data, dict) else data
    sent = dict(headers or {})
    if isinstance(data, dict):
        sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
    ends = time.monotonic() + deadline
    for _ in range(MAX_REDIRECTS + 1):
        answer = _once(method, url, body, sent, ends, deadline, max_bytes)
        if answer.status_code not in _REDIRECTS:
            return answer
        target = urljoin(url, answer.headers.get("location", ""))
        if not answer.headers.get("location") or _origin(target) != _origin(url):
            raise HttpFailure(f"the server redirects to {target or '(no address)'}, another server; "
                              "redirects are followed only within the same scheme, host and port: "
                              "give that address yourself if it is the store you mean")
        warnings.warn(Redirected(f"{url}: redirected (HTTP {answer.status_code}) to {target}"), stacklevel=2)
        url = target
    raise HttpFailure(f"more than {MAX_REDIRECTS} redirects")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    return scheme, (parts.hostname or "").lower(), parts.port or {"http": 80, "https": 443}.get(scheme)


def _once(method: str, url: str, body: bytes | None, headers: dict[str, str], ends: float, deadline: float,
          max_bytes: int) -> Answer:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpFailure("not a usable endpoint URL; give the full address, e.g. http://127.0.0.1:7878/query")
    remaining = ends - time.monotonic()
    if remaining <= 0:
        raise HttpFailure(f"the server did not answer within {deadline:g} s (is it busy or stuck? try --timeout)")
    try:
        port = parts.port
    except ValueError as exc:
        raise HttpFailure(f"not a usable endpoint URL ({exc})") from exc
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(parts.hostname, port, timeout=remaining,
                                                 context=ssl.create_default_context())
    else:
        connection = http.client.HTTPConnection(parts.hostname, port, timeout=remaining)
    expired = threading.Event()

    def cut() -> None:  # the total deadline: a blocked read returns at once
        expired.set()
        sock = connection.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(remaining, cut)
    watchdog.daemon = True
    watchdog.start()
    try:
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        length = response.getheader("Content-Length")
        if length is not None and length.strip().isdigit() and int(length) > max_bytes:
            raise HttpFailure(f"the answer is {int(length):,} bytes, over the limit of {max_bytes:,} "
                              "(raise it with --max-answer-mb)")
        chunks, size = [], 0
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise HttpFailure(f"the answer is over the limit of {max_bytes:,} bytes "
                                  "(raise it with --max-answer-mb)")
            chunks.append(chunk)
        if expired.is_set():
            raise TimeoutError
        if length is not None and length.strip().isdigit() and size < int(length):
            raise http.client.IncompleteRead(b"".join(chunks), int(length) - size)
        return Answer(url=url, status_code=response.status, reason=response.reason or "",
                      headers={k.lower(): v for k, v in response.getheaders()}, content=b"".join(chunks))
    except HttpFailure:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set() or isinstance(exc, TimeoutError):
            raise HttpFailure(f"the server did not answer within {deadline:g} s, the whole answer in all "
                              "(is it busy, stuck or trickling? try --timeout)") from exc
        if isinstance(exc, (ConnectionRefusedError, socket.gaierror)):
            raise HttpFailure(f"cannot connect; is the SPARQL server running and the address right? "
                              f"({exc.strerror or exc})") from exc
        if isinstance(exc, http.client.IncompleteRead):
            raise HttpFailure(f"the server closed the connection mid-answer ({len(exc.partial):,} bytes "
                              "read)") from exc
        if isinstance(exc, http.client.HTTPException):
            raise HttpFailure(f"the answer is not HTTP ({type(exc).__name__}: {str(exc)[:200]})") from exc
        raise HttpFailure(f"the connection failed: {getattr(exc, 'strerror', None) or exc}") from exc
    finally:
        watchdog.cancel()
        connection.close()
