"""query sends no request anywhere unless told: SERVICE is off by default, FROM is refused (no fetch)."""

from __future__ import annotations

import socket
import threading

import pytest

from helpers import SMALL


@pytest.fixture
def listener():
    """A socket on 127.0.0.1 that records whether anyone connected."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        server.settimeout(0.5)
        yield server


def connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except TimeoutError:
        return False
    connection.close()
    return True


QUERIES = {
    "service": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "service silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "service in a subquery": "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o . SERVICE <{url}> { ?s ?q ?r } } } }",
    "service in optional": "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE <{url}> { ?s ?q ?r } } }",
    "service in construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "service in ask": "ASK { SERVICE <{url}> { ?s ?p ?o } }",
    "from": "SELECT * FROM <{url}> WHERE { ?s ?p ?o }",
    "from named": "SELECT * FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } }",
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_no_request_leaves_without_allow_service(name: str, listener, run_cli):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    code, out, err = run_cli("query", QUERIES[name].replace("{url}", url), "--ontology", SMALL)
    assert code == 1, out
    assert ("--allow-service" in err) if "service" in name else ("FROM" in err)
    assert "internal error" not in err
    assert not connected(listener)


def test_allow_service_lets_the_request_go(listener, run_cli):
    """Asked for, the request is sent; the listener hangs up, which is the query's error, not an internal one."""
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
    listener.settimeout(10)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(connected(listener)))
    thread.start()
    code, _, err = run_cli("query", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}", "--ontology",
                           SMALL, "--allow-service")
    thread.join(timeout=15)
    assert seen == [True]  # the request was sent, as asked
    assert code == 1 and "the query failed" in err and "internal error" not in err
