"""``/store``: the SPARQL 1.1 Graph Store Protocol, read only (handcar.serve.graphstore)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from handcar.query import open_release

ASSERTED = "https://w3id.org/djo/id/graph/asserted"


def _triples(body: bytes, fmt: ox.RdfFormat) -> set[ox.Triple]:
    return {q.triple for q in ox.parse(body, format=fmt)}


def test_a_named_graph_is_its_triples_in_the_format_asked(client, release: Path) -> None:
    """``?graph=IRI`` answers with that graph of the release, and nothing else, in Turtle by
    default and in N-Triples, RDF/XML or JSON-LD by Accept."""
    store = open_release(release).store
    expected = {ox.Triple(q.subject, q.predicate, q.object) for q in
                store.quads_for_pattern(None, None, None, ox.NamedNode(ASSERTED))}
    assert expected
    turtle = client.get("/store", params={"graph": ASSERTED})
    assert turtle.status_code == 200
    assert turtle.headers["content-type"] == "text/turtle; charset=utf-8"
    assert "Accept" in turtle.headers["vary"]
    assert _triples(turtle.content, ox.RdfFormat.TURTLE) == expected
    for accept, fmt in [("application/n-triples", ox.RdfFormat.N_TRIPLES),
                        ("application/rdf+xml", ox.RdfFormat.RDF_XML)]:
        answer = client.get("/store", params={"graph": ASSERTED}, headers={"Accept": accept})
        assert answer.headers["content-type"].startswith(accept)
        assert _triples(answer.content, fmt) == expected
    jsonld = client.get("/store", params={"graph": ASSERTED},
                        headers={"Accept": "application/ld+json"})
    assert jsonld.status_code == 200 and jsonld.headers["content-type"].startswith(
        "application/ld+json")
    head = client.head("/store", params={"graph": ASSERTED})
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["content-length"]) == len(turtle.content)


def test_the_default_graph_is_the_union_of_the_named_graphs(client, release: Path) -> None:
    store = open_release(release).store
    union = {ox.Triple(q.subject, q.predicate, q.object) for q in store}
    answer = client.get("/store?default", headers={"Accept": "application/n-triples"})
    assert answer.status_code == 200
    lines = answer.content.decode().splitlines()
    assert len(lines) == len(set(lines))  # each triple once
    assert _triples(answer.content, ox.RdfFormat.N_TRIPLES) == union


@pytest.mark.parametrize(("query", "status"), [
    ("", 400), (f"?graph={ASSERTED}&default", 400), ("?graph=asserted", 400),
    ("?graph=https://example.org/not-a-graph", 404),
])
def test_a_request_naming_no_graph_of_the_release_is_refused(client, query: str,
                                                            status: int) -> None:
    assert client.get(f"/store{query}").status_code == status


def test_the_store_is_read_only(client) -> None:
    """A release is published, never changed through its server."""
    for method in ("PUT", "POST", "DELETE", "PATCH"):
        answer = client.request(method, "/store", params={"graph": ASSERTED},
                                content=b"<a:b> <a:c> <a:d> .",
                                headers={"Content-Type": "application/n-triples"})
        assert answer.status_code == 405, method
        assert answer.headers["allow"] == "GET, HEAD"
    assert client.get("/store?default", headers={"Accept": "text/html"}).status_code == 406
