"""Smoke tests: every outside tool installed by scripts/install-tools.sh runs here and gives the
verdicts the other tests rely on, on tiny samples made in tmp_path."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from support import tools
from support.oxigraph_server import oxigraph_server
from support.virtuoso import virtuoso_server

EX = "http://example.org/"

DATA_TTL = """\
@prefix ex: <http://example.org/> .
ex:a a ex:Person ; ex:name "Ann" ; ex:knows ex:b .
"""

VIOLATING_TTL = """\
@prefix ex: <http://example.org/> .
ex:a a ex:Person ; ex:name 42 .
ex:b a ex:Person .
"""

SHAPES_TTL = """\
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:PersonShape a sh:NodeShape ;
    sh:targetClass ex:Person ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:datatype xsd:string ] .
"""

CONTEXT_URL = "https://handcar.example/ns/context.jsonld"
CONTEXT = '{"@context": {"ex": "http://example.org/", "name": "ex:name", "Person": "ex:Person"}}'


def jsonld_doc(context_url: str, **terms: str) -> str:
    """A JSON-LD document about ex:a naming its context by URL."""
    return json.dumps({"@context": context_url, "@id": "ex:a", **terms})


@pytest.fixture
def samples(tmp_path: Path) -> dict[str, Path]:
    files = {
        "data.ttl": DATA_TTL,
        "violating.ttl": VIOLATING_TTL,
        "shapes.ttl": SHAPES_TTL,
        "broken.ttl": '@prefix ex: <http://example.org/> .\nex:a ex:name "x" .\nex:a ex:name\n',
        "context.jsonld": CONTEXT,
        "doc.jsonld": jsonld_doc(CONTEXT_URL, **{"@type": "Person", "name": "Ann"}),
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    return paths


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = CONTEXT.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[str]]]:
    """A context really served on 127.0.0.1, to prove the tools do not fetch it: (url, hits)."""
    hits: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"hits": hits})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld", hits
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.mark.requires("rapper")
def test_rapper_counts_and_rejects(samples: dict[str, Path]) -> None:
    assert tools.rapper_parse(samples["data.ttl"], "turtle") == 3
    with pytest.raises(tools.ToolError, match="rapper"):
        tools.rapper_parse(samples["broken.ttl"], "turtle")


@pytest.mark.requires("jena")
def test_riot_counts_validates_and_rejects(samples: dict[str, Path]) -> None:
    assert tools.riot_count(samples["data.ttl"]) == 3
    tools.riot_validate(samples["data.ttl"])
    with pytest.raises(tools.ToolError, match="riot"):
        tools.riot_validate(samples["broken.ttl"])


@pytest.mark.requires("jena")
def test_riot_reads_jsonld_with_local_context_only(
    samples: dict[str, Path], tmp_path: Path, context_server: tuple[str, list[str]]
) -> None:
    contexts = {CONTEXT_URL: samples["context.jsonld"]}
    assert tools.riot_count(samples["doc.jsonld"], contexts=contexts) == 2
    url, hits = context_server
    remote = tmp_path / "remote.jsonld"
    remote.write_text(jsonld_doc(url, name="Ann"), encoding="utf-8")
    with pytest.raises(tools.RemoteDocumentRefused):
        tools.riot_count(remote)  # no mapping: jsonld-java told to refuse remote contexts
    with pytest.raises(tools.RemoteDocumentRefused):
        tools.riot_count(remote, contexts=contexts)  # mapping lacks this URL
    assert hits == []


@pytest.mark.requires("jena")
def test_jena_shacl_verdicts(samples: dict[str, Path]) -> None:
    assert tools.jena_shacl(samples["data.ttl"], samples["shapes.ttl"]) is True
    assert tools.jena_shacl(samples["violating.ttl"], samples["shapes.ttl"]) is False


@pytest.mark.requires("node-jsonld")
def test_jsonld_js_expands_with_local_context_and_refuses_remote(
    samples: dict[str, Path], tmp_path: Path, context_server: tuple[str, list[str]]
) -> None:
    expanded = tools.jsonld_expand(samples["doc.jsonld"], {CONTEXT_URL: samples["context.jsonld"]})
    assert expanded == [
        {
            "@id": f"{EX}a",
            "@type": [f"{EX}Person"],
            f"{EX}name": [{"@value": "Ann"}],
        }
    ]
    url, hits = context_server
    remote = tmp_path / "remote.jsonld"
    remote.write_text(jsonld_doc(url, name="Ann"), encoding="utf-8")
    with pytest.raises(tools.RemoteDocumentRefused, match=r"jsonld\.js"):
        tools.jsonld_expand(remote)
    assert hits == []
    # safe mode: a term the context does not define is an error, not a silent drop
    undefined = tmp_path / "undefined.jsonld"
    undefined.write_text(jsonld_doc(CONTEXT_URL, nickname="A"), encoding="utf-8")
    with pytest.raises(tools.ToolError, match="nickname"):
        tools.jsonld_expand(undefined, {CONTEXT_URL: samples["context.jsonld"]})


@pytest.mark.slow  # two engines on the samples (~5 s): the portability tests run both by default
@pytest.mark.requires("node-shacl", "jena")
def test_rdf_validate_shacl_agrees_with_jena(samples: dict[str, Path]) -> None:
    shapes = samples["shapes.ttl"]
    for name, expected in (("data.ttl", True), ("violating.ttl", False)):
        data = samples[name]
        assert tools.shacl_js(data, shapes) is expected
        assert tools.jena_shacl(data, shapes) is expected
    report = tools.shacl_js_report(samples["violating.ttl"], shapes)
    assert {r["focusNode"] for r in report["results"]} == {f"{EX}a", f"{EX}b"}
    with pytest.raises(tools.ToolError, match="rdf-validate-shacl"):
        tools.shacl_js(samples["broken.ttl"], shapes)


@pytest.mark.slow  # a Virtuoso start (~3 s): tests/stores load into Virtuoso by default
@pytest.mark.requires("virtuoso")
def test_virtuoso_loads_and_counts(samples: dict[str, Path], tmp_path: Path) -> None:
    graph = f"{EX}graph"
    with virtuoso_server(tmp_path / "virtuoso") as vt:
        assert vt.http_url.startswith("http://127.0.0.1:")
        vt.load_turtle(samples["data.ttl"], graph)
        rows = vt.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        assert int(rows[0]["n"]["value"]) == 3
        with pytest.raises(tools.ToolError, match="virtuoso"):
            vt.isql("SELECT no_such_function()")
    with pytest.raises(OSError):  # stopped: nothing listens any more
        tools.http_request(f"{vt.http_url}/sparql", timeout=2)


@pytest.mark.requires("oxigraph")
def test_oxigraph_server_loads_and_counts(samples: dict[str, Path], tmp_path: Path) -> None:
    graph = f"{EX}graph"
    with oxigraph_server(tmp_path / "oxigraph") as ox:
        assert ox.base_url.startswith("http://127.0.0.1:")
        assert ox.put_graph(samples["data.ttl"], graph) in (201, 204)
        rows = ox.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
        assert int(rows[0]["n"]["value"]) == 3
    with pytest.raises(OSError):
        tools.http_request(f"{ox.base_url}/query", timeout=2)
