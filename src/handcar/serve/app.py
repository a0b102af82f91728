"""The ASGI application of ``handcar serve`` (Starlette): its routes and middleware.

| path | answers |
|---|---|
| ``/`` | 303 to the static site's index (``/djo/id/``), else a page listing the resources |
| ``/sparql`` | the SPARQL 1.1 Protocol endpoint and its form (:mod:`.sparql`) |
| ``/store`` | the SPARQL 1.1 Graph Store Protocol, read only (:mod:`.graphstore`) |
| ``/.well-known/void`` | the release's VoID/DCAT description, by content negotiation |
| anything else | the data IRIs, the ontology, the JSON-LD context, the release's files at
  ``{base}release/<file>`` (:mod:`.documents`) |

Middleware, outermost first: the access log (:mod:`.accesslog`), a refusal of declared bodies
over :data:`~handcar.limits.SERVE_REQUEST_BYTES` and ``X-Content-Type-Options: nosniff`` on
every answer, then CORS (any origin may read: the data is public, no credentials are used).
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from handcar import limits
from handcar.publish.formats import write
from handcar.publish.rdf import Quads
from handcar.serve import documents, graphstore, negotiation, pages, sparql
from handcar.serve.accesslog import AccessLog
from handcar.serve.paths import PathMap, release_file
from handcar.serve.release import METADATA_FILE, Served, load

VOID_PATH = "/.well-known/void"
"""Where VoID says a dataset's description is (https://www.w3.org/TR/void/#well-known)."""
INDEX_LIMIT = 100
"""At most this many resources of each kind on the fallback index page."""


def create_app(folder: Path, base: str | None = None) -> Starlette:
    """The server for the release in ``folder`` (loaded now: errors are raised here, before any
    port is opened)."""
    served = load(folder, base)
    paths = PathMap(served.base)

    async def index(request: Request) -> Response:
        if release_file(served.folder, f"{pages.SITE_FOLDER}/index.html") is not None:
            return RedirectResponse(documents.site_path(served, paths), status_code=303)
        return HTMLResponse(index_page(served, paths))

    async def query(request: Request) -> Response:
        return await sparql.endpoint(request, served)

    async def store(request: Request) -> Response:
        return await graphstore.graph_store(request, served)

    async def void(request: Request) -> Response:
        offer = negotiation.choose(request.headers.get("accept"), documents.RDF_OFFERS)
        if offer is None:
            return sparql.not_acceptable(documents.RDF_OFFERS)
        found = release_file(served.folder, f"{Path(METADATA_FILE).stem}.{offer.extension}")
        if found is not None:
            response: Response = FileResponse(found, media_type=offer.media_type)
        else:
            response = Response(write(offer.name, Quads.of(served.metadata)),
                                media_type=offer.media_type)
        response.headers["Vary"] = "Accept"
        return response

    async def other(request: Request) -> Response:
        return await documents.dereference(request, served, paths)

    routes = [
        Route("/", index, methods=["GET"]),
        Route("/sparql", query, methods=["GET", "POST"]),
        Route(graphstore.PATH, store, methods=["GET", "HEAD", "PUT", "POST", "DELETE", "PATCH"]),
        Route(VOID_PATH, void, methods=["GET"]),
        Route("/{path:path}", other, methods=["GET"]),
    ]
    middleware = [
        Middleware(AccessLog),
        Middleware(Guard),
        Middleware(
            CORSMiddleware,
            allow_origins=["*"],
            allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type"],
            expose_headers=["Content-Location", "Location", "Vary"],
            max_age=600,
        ),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.served = served
    return app


class Guard:
    """Refuse (413) a request whose declared body is over the limit, before it is read, and mark
    every answer ``X-Content-Type-Options: nosniff``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cap = int(limits.SERVE_REQUEST_BYTES.value())
        for name, value in scope["headers"]:
            if name.lower() == b"content-length" and value.isdigit() and int(value) > cap:
                message = limits.SERVE_REQUEST_BYTES.exceeded(
                    "the request", None, f"{int(value)} bytes").message
                await PlainTextResponse(message + "\n", status_code=413)(scope, receive, send)
                return

        async def marked(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-content-type-options", b"nosniff")]
            await send(message)

        await self.app(scope, receive, marked)


def index_page(served: Served, paths: PathMap) -> str:
    """The fallback home page: the resources by kind (the first path segment after the base)."""
    kinds: dict[str, list[tuple[str, str]]] = {}
    for iri in sorted(served.iris):
        rest = iri[len(served.base):]
        kind = rest.split("/", 1)[0] if "/" in rest else ""
        items = kinds.setdefault(kind, [])
        if len(items) < INDEX_LIMIT:
            items.append((paths.local(iri) or iri, rest))
    files = (paths.local(served.base) or "/") + documents.RELEASE_SEGMENT
    return pages.render("index.html.j2", base=served.base, count=len(served.iris),
                        kinds=sorted(kinds.items()), files=files)
