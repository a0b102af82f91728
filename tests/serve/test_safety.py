"""handcar serve's safety (issue 15, point 6): path traversal, oversized requests and queries,
malformed Accept headers, pathological queries, updates, SERVICE and LOAD; CORS; the log."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from pathlib import Path

import pytest

from serve.conftest import BASE, PYONGYANG, TestClient, raw_request

SECRET = "not-in-the-release"


@pytest.fixture(scope="module")
def outside(tmp_path_factory) -> Path:
    """A release copy with symlinks out of it, and a secret file beside it."""
    from support.release import built_release

    root = tmp_path_factory.mktemp("serve-safety")
    (root / "secret.txt").write_text(SECRET)
    copy = root / "out"
    shutil.copytree(built_release(), copy)
    (copy / "evil.txt").symlink_to(root / "secret.txt")
    (copy / "evildir").symlink_to(root)
    (copy / "alias.ttl").symlink_to("dataset.ttl")  # inside the release: allowed
    (copy / "site" / "place").mkdir(parents=True, exist_ok=True)
    (copy / "site" / "place" / "pyongyang.html").unlink(missing_ok=True)
    (copy / "site" / "place" / "pyongyang.html").symlink_to(root / "secret.txt")
    (copy / "fifo").parent.mkdir(exist_ok=True)
    os.mkfifo(copy / "fifo")
    return copy


@pytest.fixture(scope="module")
def outside_app(outside):
    from handcar.serve import create_app

    return create_app(outside)


FILES = "/djo/id/release/"


@pytest.mark.parametrize("path", [
    FILES + "../../../../etc/passwd",
    FILES + "../secret.txt",
    FILES + "ontology/../../secret.txt",
    FILES + "%2e%2e/secret.txt",               # as a server that does not decode would pass it
    FILES + "%2E%2E%2Fsecret.txt",
    FILES + "/etc/passwd",                      # absolute after the prefix
    FILES + "//etc/passwd",
    FILES + "..\\secret.txt",
    FILES + "dataset.ttl\x00.html",
    FILES + "evil.txt",                         # a symlink out of the release
    FILES + "evildir/secret.txt",
    FILES + "fifo",                             # not a regular file: never opened
    FILES + ".",
    "/../../etc/passwd",
    "/djo/id/../../etc/passwd",
    "/djo/id/place/../../../../etc/passwd.ttl",
    "/djo/../../secret.txt",
])
def test_path_traversal_is_refused(outside_app, path) -> None:
    status, _, body = raw_request(outside_app, path)
    assert status == 404, path
    assert SECRET.encode() not in body and b"root:" not in body


def test_encoded_traversal_through_a_real_client(outside_app) -> None:
    with TestClient(outside_app) as client:
        for path in [FILES + "%2e%2e/secret.txt", FILES + "..%2fsecret.txt",
                     FILES + "evil.txt", FILES + "%2e%2e%2f%2e%2e%2fetc/passwd"]:
            answer = client.get(path)
            assert answer.status_code == 404 and SECRET not in answer.text, path


def test_symlinks_inside_the_release_are_served_and_outside_not(outside_app, outside) -> None:
    status, _, body = raw_request(outside_app, FILES + "alias.ttl")
    assert status == 200 and body == (outside / "dataset.ttl").read_bytes()
    status, _, body = raw_request(outside_app, PYONGYANG + ".html")  # site page links out
    assert status == 200 and SECRET.encode() not in body and b"<h1>Pyongyang</h1>" in body
    status, _, body = raw_request(outside_app, "/djo/evil.txt")  # the site's layout, too
    assert status == 404 and SECRET.encode() not in body


def test_oversized_request_bodies(client, monkeypatch) -> None:
    monkeypatch.setenv("HANDCAR_SERVE_MAX_REQUEST_BYTES", "1000")
    declared = client.post("/sparql", content=b"query=" + b"x" * 2000,
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert declared.status_code == 413
    assert "HANDCAR_SERVE_MAX_REQUEST_BYTES" in declared.text

    def chunks():  # no Content-Length: counted while it is read
        for _ in range(10):
            yield b"x" * 500

    streamed = client.post("/sparql", content=chunks(),
                           headers={"Content-Type": "application/sparql-query"})
    assert streamed.status_code == 413
    assert client.post(PYONGYANG, content=b"x" * 2000).status_code == 413  # any path


def test_oversized_queries(client, monkeypatch) -> None:
    monkeypatch.setenv("HANDCAR_QUERY_MAX_BYTES", "200")
    query = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 300
    in_url = client.get("/sparql", params={"query": query})
    assert in_url.status_code == 414 and "HANDCAR_QUERY_MAX_BYTES" in in_url.text
    in_body = client.post("/sparql", content=query.encode(),
                          headers={"Content-Type": "application/sparql-query"})
    assert in_body.status_code == 413


@pytest.mark.parametrize("query", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "DELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/x>",
    "DROP ALL",
    "CLEAR DEFAULT",
    "CREATE GRAPH <urn:g>",
    "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(client, query) -> None:
    for answer in [
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"update": query}),
        client.post("/sparql", content=query.encode(),
                    headers={"Content-Type": "application/sparql-update"}),
    ]:
        assert answer.status_code == 403
        assert "read-only" in answer.text


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
    "ASK { { SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    "SELECT * WHERE { FILTER EXISTS { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_service_is_refused(client, query) -> None:
    answer = client.get("/sparql", params={"query": query})
    assert answer.status_code == 403
    assert "SERVICE is refused" in answer.text


def test_pathological_query_is_stopped(client, monkeypatch) -> None:
    monkeypatch.setenv("HANDCAR_SERVE_QUERY_TIMEOUT", "1")
    started = time.monotonic()
    answer = client.get("/sparql", params={
        "query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
    assert answer.status_code == 503
    assert "query time" in answer.text and "HANDCAR_SERVE_QUERY_TIMEOUT" in answer.text
    assert time.monotonic() - started < 10
    assert client.get(PYONGYANG + ".ttl").status_code == 200  # and the server goes on


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o }",
                                   "CONSTRUCT WHERE { ?s ?p ?o }"])
def test_result_cap(client, monkeypatch, query) -> None:
    monkeypatch.setenv("HANDCAR_SERVE_QUERY_MAX_RESULTS", "5")
    answer = client.get("/sparql", params={"query": query})
    assert answer.status_code == 503
    assert "HANDCAR_SERVE_QUERY_MAX_RESULTS" in answer.text
    small = client.get("/sparql", params={"query": query + " LIMIT 5"},
                       headers={"Accept": "text/csv, text/turtle"})
    assert small.status_code == 200


@pytest.mark.parametrize("accept", [
    "", ",", ";", "*", "*/", "/*", "text/", "text/turtle;q=", "text/turtle;q=2", ";;;q=0.5",
    'text/turtle;x="', "text/turtle;" + "a=b;" * 2000, "\u00ff\u00fe/\u00ff", "a/b, " * 3000,
])
def test_malformed_accept_never_fails(client, accept) -> None:
    for path in [PYONGYANG, "/djo", "/.well-known/void"]:
        answer = client.get(path, headers={"Accept": accept.encode("latin-1")})
        assert answer.status_code in (200, 303, 406), (path, accept)
    answer = client.get("/sparql", params={"query": "ASK {}"},
                        headers={"Accept": accept.encode("latin-1")})
    assert answer.status_code in (200, 406)


def test_cors(client) -> None:
    origin = {"Origin": "https://example.org"}
    for path in [PYONGYANG + ".ttl", "/djo/context.jsonld", "/sparql?query=ASK%7B%7D"]:
        answer = client.get(path, headers=origin)
        assert answer.headers["access-control-allow-origin"] == "*"
    preflight = client.options("/sparql", headers={
        **origin, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "content-type" in preflight.headers["access-control-allow-headers"].lower()
    redirect = client.get(PYONGYANG, headers=origin)
    assert "location" in redirect.headers["access-control-expose-headers"].lower()


def test_nosniff_everywhere(client) -> None:
    for path in ["/", PYONGYANG, PYONGYANG + ".ttl", "/sparql", "/nowhere"]:
        assert client.get(path).headers["x-content-type-options"] == "nosniff"


def test_access_log_is_one_json_line_per_request(client, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="handcar.serve.access"):
        client.get(PYONGYANG, headers={"Accept": "text/turtle", "User-Agent": "ua\n{\"x\":1}"})
        client.get("/sparql", params={"query": "ASK {}"})
    lines = [r.getMessage() for r in caplog.records if r.name == "handcar.serve.access"]
    assert len(lines) == 2 and all("\n" not in line for line in lines)
    first, second = (json.loads(line) for line in lines)
    assert first["path"] == PYONGYANG and first["status"] == 303 and first["method"] == "GET"
    assert first["accept"] == "text/turtle" and first["user_agent"] == 'ua\n{"x":1}'
    assert second["path"] == "/sparql" and second["query_bytes"] > 0 and second["bytes"] > 0
    assert set(first) == {"time", "client", "method", "path", "query_bytes", "status", "bytes",
                          "ms", "accept", "user_agent"}
    assert BASE not in second["path"]
