"""``/sparql``: the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/), query only.

- ``GET /sparql?query=…``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=…``) or
  ``application/sparql-query`` (the query as the body); ``GET /sparql`` without a query is the
  query form (HTML). One ``default-graph-uri`` (a graph of the release) queries that graph;
  without it the default graph is the union of the named graphs, as in ``handcar query``, or
  the query's own ``FROM``/``FROM NAMED`` dataset.
- The query goes through :func:`handcar.query.run`, the same check and sandbox as ``handcar
  query``: updates, ``SERVICE`` and ``LOAD`` are refused (403, nothing runs, no request leaves
  the machine), the query runs in a forked child with no sockets (one per CPU at a time; the
  others wait), killed at
  :data:`~handcar.limits.SERVE_QUERY_TIMEOUT` or past :data:`~handcar.limits.SERVE_QUERY_RESULTS`
  rows (503, the body names the limit). Text over :data:`~handcar.limits.QUERY_BYTES` is 414 in
  a URL, 413 in a body; bodies over :data:`~handcar.limits.SERVE_REQUEST_BYTES` are 413.
- Results by ``Accept`` (or ``format=``, for the form): SELECT/ASK as SPARQL JSON, XML, CSV or
  TSV; CONSTRUCT/DESCRIBE as Turtle, JSON-LD or N-Triples; none acceptable → 406.

Statuses: 400 a malformed request or a query that does not parse, 403 refused, 405 another
method, 406, 413/414 too large, 415 another request body type, 503 over a limit.
"""

from __future__ import annotations

import os
import threading
from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response

from handcar import limits
from handcar.errors import LimitError
from handcar.formats import RDF_FORMATS, RESULT_FORMATS
from handcar.query import QueryError, QueryRefused, Result, kind, render, run
from handcar.query.check import READ_ONLY
from handcar.serve import negotiation
from handcar.serve.negotiation import Offer
from handcar.serve.release import Served

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
ORIGIN = "the query"

SOLUTION_OFFERS = [
    Offer.of(f.media_type, f.extension, name) for name, f in
    sorted(RESULT_FORMATS.items(), key=lambda item: item[0] != "json")
]
"""SELECT/ASK results, SPARQL JSON first."""
GRAPH_OFFERS = [
    Offer(RDF_FORMATS[name].media_type, RDF_FORMATS[name].extension, name)
    for name in ("turtle", "jsonld", "ntriples")
]
"""CONSTRUCT/DESCRIBE results, Turtle first."""

EXAMPLE = """SELECT ?leg ?index ?mode WHERE {
  ?journey djo:hasLeg ?leg .
  ?leg djo:legIndex ?index ; a ?mode .
  FILTER(STRSTARTS(STR(?mode), STR(djo:)))
} ORDER BY ?index LIMIT 100
"""


class Refused(Exception):
    """A request the endpoint answers with an error status and a one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


async def endpoint(request: Request, served: Served) -> Response:
    try:
        params = await _parameters(request)
        queries = [value for name, value in params if name == "query"]
        if any(name == "update" for name, _ in params):
            raise Refused(403, f"{READ_ONLY}: SPARQL Update is refused")
        if not queries:
            if request.method == "GET":
                return form_page()
            raise Refused(400, "no query: give one query= parameter or an "
                          f"{SPARQL_QUERY} body")
        if len(queries) > 1:
            raise Refused(400, "more than one query= parameter")
        graph = _graph(params, served)
        fmt = next((value for name, value in params if name == "format"), None) or None
        return await _answer(queries[0], graph, fmt, request, served,
                             in_url=request.method == "GET")
    except Refused as exc:
        return PlainTextResponse(exc.message + "\n", status_code=exc.status)


async def _parameters(request: Request) -> list[tuple[str, str]]:
    """The protocol's parameters: from the URL, and from a POST body (form or query)."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type == SPARQL_UPDATE:
        raise Refused(403, f"{READ_ONLY}: SPARQL Update is refused")
    if media_type not in (FORM, SPARQL_QUERY):
        raise Refused(415, f"send the query as {FORM} (query=…) or as {SPARQL_QUERY}, "
                      f"not {media_type or 'no Content-Type'}")
    body = await read_body(request, int(limits.SERVE_REQUEST_BYTES.value()))
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused(400, "the request body is not UTF-8") from None
    if media_type == SPARQL_QUERY:
        return [*params, ("query", text)]
    try:
        return params + parse_qsl(text, keep_blank_values=True, strict_parsing=bool(text),
                                  encoding="utf-8", errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, f"the body is not valid {FORM}") from None


async def read_body(request: Request, cap: int) -> bytes:
    """The request body, refused (413) as soon as it is over ``cap`` bytes, declared or sent."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise Refused(413, _too_large(limits.SERVE_REQUEST_BYTES, f"{declared} bytes"))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > cap:
            raise Refused(413, _too_large(limits.SERVE_REQUEST_BYTES, f"more than {cap} bytes"))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: limits.Limit, amount: str) -> str:
    return limit.exceeded("the request", None, amount).message


def _graph(params: list[tuple[str, str]], served: Served) -> str | None:
    defaults = [value for name, value in params if name == "default-graph-uri"]
    if any(name == "named-graph-uri" for name, _ in params) or len(defaults) > 1:
        raise Refused(400, "give at most one default-graph-uri (a graph of the release) and no "
                      "named-graph-uri: the named graphs are the release's")
    if not defaults:
        return None
    try:
        served.release.graph(defaults[0])
    except QueryError as exc:
        raise Refused(400, str(exc)) from None
    return defaults[0]


async def _answer(sparql: str, graph: str | None, fmt: str | None, request: Request,
                  served: Served, *, in_url: bool) -> Response:
    size = len(sparql.encode("utf-8", "surrogatepass"))
    cap = int(limits.QUERY_BYTES.value())
    if size > cap:
        raise Refused(414 if in_url else 413,
                      limits.QUERY_BYTES.exceeded(ORIGIN, None, f"{size} bytes").message)
    accept = request.headers.get("accept")

    def answer() -> Response:  # in one worker thread: pyoxigraph's results may not change thread
        try:
            result = run(served.release, sparql, graph=graph, origin=ORIGIN,
                         timeout_limit=limits.SERVE_QUERY_TIMEOUT,
                         results_limit=limits.SERVE_QUERY_RESULTS)
        except QueryRefused as exc:
            raise Refused(403, str(exc)) from None
        except QueryError as exc:
            raise Refused(400, str(exc)) from None
        except LimitError as exc:
            raise Refused(503, str(exc)) from None
        try:
            offers = GRAPH_OFFERS if kind(result) == "triples" else SOLUTION_OFFERS
            if fmt is not None:
                offer = next((o for o in offers if fmt in (o.name, o.extension)), None)
                if offer is None:
                    raise Refused(400, f"format={fmt} does not fit this query; one of: "
                                  + ", ".join(o.name for o in offers))
            else:
                offer = negotiation.choose(accept, offers)
            if offer is None:
                return not_acceptable(offers)
            return Response(_serialize(result, offer), media_type=offer.media_type,
                            headers={"Vary": "Accept"})
        finally:
            del result  # dropped here, in its thread, even when an error leaves with the frame

    def in_turn() -> Response:
        with QUERY_SLOTS:
            return answer()

    return await run_in_threadpool(in_turn)


QUERY_SLOTS = threading.BoundedSemaphore(os.cpu_count() or 2)
"""At most one query per CPU runs at once (each is a forked process); the others wait."""


def _serialize(result: Result, offer: Offer) -> bytes:
    return render(result, offer.name)


def not_acceptable(offers: list[Offer]) -> Response:
    """406, with what can be served."""
    lines = "\n".join(f"  {o.media_type}" for o in offers)
    return PlainTextResponse(f"406 Not Acceptable: this can be served as\n{lines}\n",
                             status_code=406, headers={"Vary": "Accept"})


def form_page() -> HTMLResponse:
    from handcar.serve.pages import render as render_page

    formats = [(o.name, o.media_type) for o in SOLUTION_OFFERS + GRAPH_OFFERS]
    return HTMLResponse(render_page(
        "sparql.html.j2", query=EXAMPLE, formats=formats,
        timeout=f"{limits.SERVE_QUERY_TIMEOUT.value():g}",
        max_results=f"{int(limits.SERVE_QUERY_RESULTS.value()):,}".replace(",", " "),
    ))
