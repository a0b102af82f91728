"""Fixtures for ``handcar serve``: the seed release built by this branch, the app over it in
Starlette's TestClient, and a raw ASGI request for paths an HTTP client would normalise."""

from __future__ import annotations

import asyncio
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette

from support.release import built_release

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

BASE = "https://w3id.org/djo/id/"
PYONGYANG = "/djo/id/place/pyongyang"


@pytest.fixture(scope="session")
def release() -> Path:
    return built_release()


@pytest.fixture(scope="session")
def app(release: Path) -> Starlette:
    from handcar.serve import create_app

    return create_app(release)


@pytest.fixture(scope="session")
def client(app: Starlette) -> Iterator[TestClient]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Starlette 1.x: "install httpx2" (httpx still works)
        with TestClient(app, follow_redirects=False) as test_client:
            yield test_client


def raw_request(app: Starlette, path: str, *, method: str = "GET", raw_path: bytes | None = None,
                headers: dict[str, str] | None = None, body: bytes = b"",
                query_string: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    """Send one request straight to the ASGI app, ``path`` exactly as given (no normalising):
    status, headers, body."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
        "scheme": "http", "path": path, "raw_path": raw_path or path.encode("latin-1"),
        "root_path": "", "query_string": query_string, "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8000),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
    }
    sent: list[dict] = []
    chunks = [body]

    async def receive() -> dict:
        if chunks:
            return {"type": "http.request", "body": chunks.pop(), "more_body": False}
        await asyncio.Event().wait()  # the client stays connected until the answer is sent
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    head = {k.decode(): v.decode() for k, v in start["headers"]}
    data = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], head, data
