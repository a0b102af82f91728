"""``/store``: the SPARQL 1.1 Graph Store HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/),
read only, with indirect graph identification.

- ``GET /store?graph=<IRI>``: one named graph of the release (``…/graph/asserted``), as a graph
  (its triples, without the graph's name) in an RDF format by ``Accept``: Turtle (also for
  ``*/*``), N-Triples, RDF/XML or JSON-LD; ``HEAD`` likewise without the body;
- ``GET /store?default``: the default graph as ``/sparql`` and ``handcar query`` see it, the
  union of the named graphs (each triple once);
- 400 without exactly one of ``graph`` and ``default`` or with an IRI that is not absolute,
  404 for a graph the release does not have, 406 when no format offered is acceptable;
- ``PUT``, ``POST``, ``DELETE``, ``PATCH``: 405 with ``Allow: GET, HEAD`` (a release is
  published, never changed through its server).

What it returns is the release's own data, read from the store ``/sparql`` queries; nothing
is fetched from anywhere. A graph is written whole, one request at a time (the others wait):
the memory a response takes is one graph's.
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from urllib.parse import urlsplit

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from handcar.publish.formats import write
from handcar.publish.rdf import Quads
from handcar.serve import negotiation
from handcar.serve.documents import RDF_OFFERS
from handcar.serve.release import Served
from handcar.serve.sparql import not_acceptable

PATH = "/store"
READ = ("GET", "HEAD")
GRAPH_OFFERS = [offer for offer in RDF_OFFERS if offer.name in ("turtle", "ntriples", "xml",
                                                                 "jsonld")]
"""A graph's formats (triples, no graph names), Turtle first."""


async def graph_store(request: Request, served: Served) -> Response:
    if request.method not in READ:
        return PlainTextResponse(
            f"405 Method Not Allowed: {PATH} is read-only (GET, HEAD)\n", status_code=405,
            headers={"Allow": ", ".join(READ)})
    params = request.query_params
    named, default = params.getlist("graph"), "default" in params
    if len(named) + default != 1:
        return _refused(400, "give exactly one of ?graph=<IRI> and ?default")
    offer = negotiation.choose(request.headers.get("accept"), GRAPH_OFFERS)
    if offer is None:
        return not_acceptable(GRAPH_OFFERS)
    graph = None
    if named:
        iri = named[0]
        if not _absolute(iri):
            return _refused(400, f"graph={iri!r} is not an absolute IRI")
        graph = next((g for g in served.release.graphs.values() if g.value == iri), None)
        if graph is None:
            return _refused(404, f"the release has no graph {iri}")
    body = await run_in_threadpool(_written, served, graph, offer.name)
    headers = {"Vary": "Accept"}
    if request.method == "HEAD":
        return Response(media_type=offer.media_type,
                        headers={**headers, "Content-Length": str(len(body))})
    return Response(body, media_type=offer.media_type, headers=headers)


_ONE_AT_A_TIME = threading.Lock()
"""A graph is written whole in memory (a large corpus's provenance graph is hundreds of MB):
one at a time, so concurrent requests wait rather than multiply the memory."""


def _written(served: Served, graph: ox.NamedNode | None, name: str) -> bytes:
    """The graph's triples (``graph`` None: the union of the named graphs, each triple once)
    in format ``name``."""
    with _ONE_AT_A_TIME:
        return _write(served, graph, name)


def _write(served: Served, graph: ox.NamedNode | None, name: str) -> bytes:
    store = served.release.store
    with served.lock:
        if graph is not None:
            triples = [ox.Quad(q.subject, q.predicate, q.object)
                       for q in store.quads_for_pattern(None, None, None, graph)]
        else:
            triples = list(dict.fromkeys(
                ox.Quad(q.subject, q.predicate, q.object)
                for g in served.release.graphs.values()
                for q in store.quads_for_pattern(None, None, None, g)))
    return write(name, Quads.of(triples))


def _absolute(iri: str) -> bool:
    parts = urlsplit(iri)
    return bool(parts.scheme) and " " not in iri


def _refused(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(f"{status} {HTTPStatus(status).phrase}: {message}\n",
                             status_code=status)
