"""``handcar load``: into an Oxigraph store folder or a Graph Store Protocol endpoint, one named
graph per handcar graph, idempotent, with one clear error (exit 2) when the target is down,
refuses, is too slow, or is busy. Real stores are loaded in tests/stores/; here a small local
HTTP server plays the endpoint."""

from __future__ import annotations

import base64
import contextlib
import http.server
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from handcar.cli import app
from handcar.query import open_release
from support.tools import free_port


def handcar(*args: str):
    return CliRunner().invoke(app, list(args))


def release_sizes(release: Path) -> dict[str, int]:
    loaded = open_release(release)
    return {
        g.value: sum(1 for _ in loaded.store.quads_for_pattern(None, None, None, g))
        for g in loaded.graphs.values()
    }


# --- a store folder -------------------------------------------------------------------------------


def test_store_folder_is_loaded_once_however_often(release: Path, tmp_path: Path) -> None:
    folder = tmp_path / "store"
    for _ in range(2):
        result = handcar("load", "--store", str(folder), "--out", str(release))
        assert result.exit_code == 0, result.output
    assert "asserted" in result.stdout
    store = ox.Store(str(folder))
    sizes = {
        g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g))
        for g in store.named_graphs()
    }
    assert sizes == release_sizes(release)
    assert sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())) == 0


def test_store_folder_in_use_is_a_clear_error(release: Path, tmp_path: Path) -> None:
    folder = tmp_path / "busy"
    holder = ox.Store(str(folder))  # as an Oxigraph server would
    try:
        result = handcar("load", "--store", str(folder), "--out", str(release))
    finally:
        del holder
    assert result.exit_code == 2
    assert "in use" in result.stderr and "--endpoint" in result.stderr


# --- a Graph Store Protocol endpoint --------------------------------------------------------------


@dataclass
class Endpoint:
    """What the fake endpoint does and what it received."""

    status: int = 201
    body: bytes = b""
    content_type: str = "text/plain"
    delay: float = 0.0
    basic_auth: tuple[str, str] | None = None
    puts: list[tuple[str, str, bytes]] = field(default_factory=list)  # graph, type, body
    url: str = ""


def _handler(endpoint: Endpoint) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_PUT(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if endpoint.delay:
                time.sleep(endpoint.delay)
            if endpoint.basic_auth:
                user, password = endpoint.basic_auth
                token = base64.b64encode(f"{user}:{password}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {token}":
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", 'Basic realm="gsp"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            if 200 <= endpoint.status < 300:
                endpoint.puts.append(
                    (query["graph"][0], self.headers.get("Content-Type", ""), body)
                )
            self.send_response(endpoint.status)
            self.send_header("Content-Type", endpoint.content_type)
            self.send_header("Content-Length", str(len(endpoint.body)))
            self.end_headers()
            # the client may already have given up (the timeout test): that is the point
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(endpoint.body)

    return Handler


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    state = Endpoint()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/store"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def test_endpoint_gets_one_put_per_graph(release: Path, endpoint: Endpoint) -> None:
    result = handcar("load", "--endpoint", endpoint.url, "--out", str(release))
    assert result.exit_code == 0, result.output
    sizes = release_sizes(release)
    assert sorted(g for g, _, _ in endpoint.puts) == sorted(sizes)
    for graph, media_type, body in endpoint.puts:
        assert media_type == "text/turtle"
        parsed = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
        assert len(parsed) == sizes[graph]


def test_basic_auth_when_the_endpoint_asks_for_it(release: Path, endpoint: Endpoint) -> None:
    endpoint.basic_auth = ("ann", "s3cret")
    url = endpoint.url
    result = handcar(
        "load", "--endpoint", url, "--user", "ann", "--password", "s3cret", "--out", str(release)
    )
    assert result.exit_code == 0, result.output
    assert len(endpoint.puts) == len(release_sizes(release))
    wrong = handcar(
        "load", "--endpoint", url, "--user", "ann", "--password", "nope", "--out", str(release)
    )
    assert wrong.exit_code == 2
    assert "HTTP 401" in wrong.stderr and "--password" in wrong.stderr


def test_endpoint_down(release: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/store"
    result = handcar("load", "--endpoint", url, "--out", str(release))
    assert result.exit_code == 2
    assert f"cannot connect to {url}" in result.stderr and "server running" in result.stderr


def test_endpoint_refuses_with_the_first_line_of_its_answer(
    release: Path, endpoint: Endpoint
) -> None:
    endpoint.status, endpoint.body = 403, b"\n  read-only dataset\nsecond line\n"
    result = handcar("load", "--endpoint", endpoint.url, "--out", str(release))
    assert result.exit_code == 2
    assert "refused graph <https://w3id.org/djo/id/graph/" in result.stderr
    assert "HTTP 403 Forbidden: read-only dataset" in result.stderr
    assert "second line" not in result.stderr


def test_endpoint_error_page_is_read_as_text(release: Path, endpoint: Endpoint) -> None:
    endpoint.status, endpoint.content_type = 500, "text/html"
    endpoint.body = (
        b"<html><head><title>Error</title></head><body><h1>HTTP/1.1 500 Failed</h1>"
        b"<p>Disk &amp; quota full</p></body></html>"
    )
    result = handcar("load", "--endpoint", endpoint.url, "--out", str(release))
    assert result.exit_code == 2
    assert "HTTP 500 Internal Server Error: Disk & quota full" in result.stderr


def test_endpoint_too_slow(release: Path, endpoint: Endpoint) -> None:
    endpoint.delay = 2.0
    result = handcar("load", "--endpoint", endpoint.url, "--timeout", "0.3", "--out", str(release))
    assert result.exit_code == 2
    assert "did not answer within 0.3 s" in result.stderr


# --- options --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one of --store DIR or --endpoint URL"),
        (["--store", "s", "--endpoint", "http://x/store"], "exactly one of"),
        (["--store", "s", "--user", "u"], "go with --endpoint"),
        (["--endpoint", "ftp://x/store"], "must be an http(s) URL"),
        (["--endpoint", "http://127.0.0.1:9/store", "--password", "p"], "--password needs --user"),
        (["--endpoint", "http://127.0.0.1:9/store", "--timeout", "0"], "--timeout must be"),
    ],
)
def test_bad_options_exit_2(release: Path, args: list[str], message: str) -> None:
    result = handcar("load", *args, "--out", str(release))
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_release_exits_2(tmp_path: Path) -> None:
    result = handcar("load", "--store", str(tmp_path / "s"), "--out", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "run 'handcar build'" in result.stderr
    assert not (tmp_path / "s").exists()
