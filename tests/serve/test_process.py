"""The real ``handcar serve`` process on 127.0.0.1 (issue 15, point 5): it answers over HTTP,
logs one JSON line per request on stdout, refuses a raw traversal path, and stops gracefully on
SIGTERM; a missing release is exit 2 before any port is opened."""

from __future__ import annotations

import http.client
import json
import signal
import socket
import subprocess
import sys
import time

from serve.conftest import PYONGYANG


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"handcar serve exited {process.returncode}: "
                                 f"{process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("handcar serve did not start")


def request(port: int, path: str, accept: str = "*/*") -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept": accept})  # the path as it is
        answer = connection.getresponse()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read()
    finally:
        connection.close()


def test_handcar_serve_runs_and_stops(release) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "handcar", "serve", "--port", str(port), str(release)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port, process)
        status, headers, _ = request(port, PYONGYANG, "text/turtle")
        assert status == 303 and headers["location"] == PYONGYANG + ".ttl"
        status, headers, body = request(port, PYONGYANG + ".ttl")
        assert status == 200 and b"djo:City" in body
        assert "server" not in headers
        status, _, body = request(port, "/sparql?query=ASK%7B%3Fs%20a%20djo%3AHandcarLeg%7D",
                                  "application/sparql-results+json")
        assert status == 200 and json.loads(body)["boolean"] is True
        for path in ["/djo/id/release/../../../../etc/passwd",
                     "/djo/id/release/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"]:
            status, _, body = request(port, path)
            assert status in (400, 404) and b"root:" not in body, path
    finally:
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    # uvicorn finishes the requests under way, shuts down, then re-raises the signal it got
    assert process.returncode in (0, -signal.SIGTERM), err
    assert "Finished server process" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["status"] for line in lines][:3] == [303, 200, 200]
    assert lines[0]["path"] == PYONGYANG and lines[0]["client"] == "127.0.0.1"


def test_missing_release_is_exit_2(tmp_path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "serve", "--port", str(free_port()),
         str(tmp_path / "nothing")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.startswith("handcar serve: ") and len(done.stderr.splitlines()) == 1


def test_wrong_base_is_exit_2(release) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "serve", "--base", "https://example.org/data/",
         "--port", str(free_port()), str(release)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "https://w3id.org/djo/id/" in done.stderr and "--base" in done.stderr
