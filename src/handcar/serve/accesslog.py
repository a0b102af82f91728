"""The access log: one JSON object per request, on one line (an ASGI middleware).

Fields: ``time`` (UTC, ISO 8601, milliseconds), ``client`` (address), ``method``, ``path``
(decoded), ``query_bytes`` (the length of the query string: the SPARQL text itself is not
logged), ``status``, ``bytes`` (the body sent), ``ms`` (from the request to the last byte),
``accept`` and ``user_agent`` (each cut to 200 characters). JSON escapes every control
character, so a request cannot forge a log line. Written to the logger
``handcar.serve.access`` (``handcar serve`` sends it to standard output).
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER = logging.getLogger("handcar.serve.access")
_CUT = 200


class AccessLog:
    """Log each HTTP request to :data:`LOGGER` when its response is complete (or fails)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen: dict[str, Any] = {"status": 500, "bytes": 0}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = message["status"]
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            LOGGER.info(line(scope, seen["status"], seen["bytes"], started))


def line(scope: Scope, status: int, sent: int, started: float) -> str:
    """The log line of one request."""
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    client = scope.get("client")
    return json.dumps({
        "time": datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "client": client[0] if client else None,
        "method": scope["method"],
        "path": scope["path"][:1000],
        "query_bytes": len(scope.get("query_string", b"")),
        "status": status,
        "bytes": sent,
        "ms": round((time.perf_counter() - started) * 1000, 2),
        "accept": headers.get("accept", "")[:_CUT],
        "user_agent": headers.get("user-agent", "")[:_CUT],
    }, ensure_ascii=True)
