"""A throw-away Oxigraph SPARQL server on 127.0.0.1 (the ``oxigraph`` binary from PyPI).

    with oxigraph_server(tmp_path / "store") as ox:
        ox.put_graph(path, "http://example.org/g")        # Graph Store Protocol, /store
        ox.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

``oxigraph load --location DIR`` fails while a server holds DIR: load before starting (``preload``)
or over HTTP. The server listens on 127.0.0.1 only and is always stopped on exit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .tools import (
    ToolError,
    ToolMissing,
    free_port,
    http_request,
    missing_reason,
    oxigraph_binary,
    sparql_select,
    stop_process,
    wait_for_http,
)

TOOL = "oxigraph"

_MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}


@dataclass(frozen=True)
class OxigraphInstance:
    """A running server: ``base_url`` with /query, /update and /store (Graph Store Protocol)."""

    base_url: str
    location: Path

    def put_graph(self, path: str | os.PathLike[str], graph: str | None = None) -> int:
        """Add a file's triples to ``graph`` (the default graph when None) with a GSP POST;
        the HTTP status (201 new graph, 204 added)."""
        source = Path(path)
        media_type = _MEDIA_TYPES.get(source.suffix.lower())
        if media_type is None:
            raise ToolError(TOOL, f"unknown media type for {source}")
        target = f"{self.base_url}/store?" + (
            urllib.parse.urlencode({"graph": graph}) if graph else "default"
        )
        status, body = http_request(
            target,
            data=source.read_bytes(),
            method="POST",
            headers={"Content-Type": media_type},
        )
        if status not in (200, 201, 204):
            raise ToolError(
                TOOL, f"POST {target} failed: HTTP {status}", stderr=body.decode(errors="replace")
            )
        return status

    def select(self, query: str, *, timeout: float = 120) -> list[dict[str, Any]]:
        """Run a SPARQL SELECT at /query; the JSON bindings."""
        return sparql_select(f"{self.base_url}/query", query, TOOL, timeout=timeout)


@contextmanager
def oxigraph_server(
    location: str | os.PathLike[str] | None = None,
    *,
    preload: Sequence[str | os.PathLike[str]] = (),
    extra_args: Sequence[str] = (),
    start_timeout: float = 30,
) -> Iterator[OxigraphInstance]:
    """Start ``oxigraph serve --location DIR --bind 127.0.0.1:PORT``, yield it, stop it.
    ``location`` defaults to a temporary folder, removed afterwards; ``preload`` files are
    loaded with ``oxigraph load`` before the server starts (into the default graph)."""
    reason = missing_reason(TOOL)
    binary = oxigraph_binary()
    if reason or binary is None:
        raise ToolMissing(TOOL, reason or "oxigraph not found")
    own_dir = location is None
    store = Path(location) if location is not None else Path(tempfile.mkdtemp(prefix="handcar-ox-"))
    proc: subprocess.Popen[bytes] | None = None
    try:
        store.mkdir(parents=True, exist_ok=True)
        for file in preload:
            loaded = subprocess.run(
                [str(binary), "load", "--location", str(store), "--file", os.fspath(file)],
                capture_output=True,
                text=True,
                timeout=600,
                stdin=subprocess.DEVNULL,
                check=False,
            )
            if loaded.returncode != 0:
                raise ToolError(
                    TOOL, f"load {file} failed", returncode=loaded.returncode, stderr=loaded.stderr
                )
        log = store.parent / f"{store.name}.oxigraph.log"
        for attempt in range(3):
            port = free_port()
            with log.open("wb") as out:
                proc = subprocess.Popen(
                    [
                        str(binary),
                        "serve",
                        "--location",
                        str(store),
                        "--bind",
                        f"127.0.0.1:{port}",
                        *extra_args,
                    ],
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    start_new_session=True,
                )
            base_url = f"http://127.0.0.1:{port}"
            try:
                wait_for_http(TOOL, f"{base_url}/", proc, timeout=start_timeout, log=log)
                break
            except ToolError:
                stop_process(proc)
                if attempt < 2 and "in use" in log.read_text(errors="replace"):
                    continue  # lost a port race: try another port
                raise
        yield OxigraphInstance(base_url, store)
    finally:
        if proc is not None:
            stop_process(proc)
        if own_dir:
            shutil.rmtree(store, ignore_errors=True)
            (store.parent / f"{store.name}.oxigraph.log").unlink(missing_ok=True)
