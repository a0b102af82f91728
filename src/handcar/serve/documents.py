"""Dereferencing: what a request path under the served IRIs answers.

Decided in this order (README, "Serving"):

0. a file of the release, at ``{base}release/<file>`` (where the metadata's download IRIs
   point): the file, **200**;
1. an ontology module's IRI (``/djo``, ``/djo/align``, and the shapes graphs ``/djo/shapes``,
   ``/djo/shapes/rules``): the ontology is a document (its terms are hash IRIs, ``…/djo#Leg``,
   ``…/shapes#Event-during``), so it answers **200** with the negotiated representation,
   ``Content-Location`` naming the variant (``/djo.ttl``) and ``Vary: Accept`` (the shapes in
   RDF only: they have no HTML page);
2. a data IRI (``/djo/id/place/pyongyang``): it names a thing (a city, a person, an event), not
   a document, so it answers **303 See Other** to the document that describes it in the
   negotiated format (``/djo/id/place/pyongyang.ttl``, ``….html``), with ``Vary: Accept``
   (Cool URIs for the Semantic Web, https://www.w3.org/TR/cooluris/ §4.3);
3. a data or ontology IRI plus a format's extension (``.ttl``, ``.jsonld``, ``.nt``, ``.nq``,
   ``.trig``, ``.html``): that document, **200** (the extension override); a data IRI with
   ``?format=<extension>`` likewise (the document's URL when the IRI plus the extension is
   itself an IRI: :func:`document_url`);
4. the JSON-LD context at its IRI (``/djo/context.jsonld``);
5. the static site's files as its relative links expect them (:func:`static_file`);
6. anything else: 404. No representation acceptable: 406 with the list of those there are.

Slugs may hold dots (``event/<article>.leg-1-train``): a path is first looked up as an IRI, and
only when it is none, read as an IRI plus an extension.
"""

from __future__ import annotations

import functools
import mimetypes
from pathlib import Path

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

from handcar.formats import RDF_FORMATS, SUFFIXES, published
from handcar.namespaces import JSONLD
from handcar.publish.formats import CONTEXT_URL, WriteOptions, write
from handcar.publish.rdf import Quads
from handcar.serve import negotiation
from handcar.serve.describe import describe
from handcar.serve.negotiation import Offer
from handcar.serve.pages import SITE_FOLDER, resource_page, site_page
from handcar.serve.paths import CONTEXT_FILE, PathMap, path_of, release_file
from handcar.serve.release import ONTOLOGY_FOLDER, OntologyModule, Served

HTML = Offer("text/html", "html", "html", {"charset": "utf-8"})


def _rdf_offer(name: str) -> Offer:
    fmt = RDF_FORMATS[name]
    parameters = {"charset": "utf-8"} if fmt.media_type.startswith("text/") else {}
    if name == "jsonld":  # compacted with handcar's context (JSON-LD 1.1 §9: profile IRIs)
        parameters = {"profile": f"{JSONLD}compacted"}
    return Offer(fmt.media_type, fmt.extension, name, parameters)


RDF_OFFERS = [_rdf_offer(f.name) for f in published()]
"""The RDF formats the release publishes (:func:`handcar.formats.published`), Turtle first."""
OFFERS = [RDF_OFFERS[0], HTML, *RDF_OFFERS[1:]]
"""What a data or ontology IRI can answer with: Turtle for ``*/*``, HTML right after."""
EXTENSIONS = {offer.extension: offer for offer in OFFERS}


RELEASE_SEGMENT = "release/"
"""The release's files are at ``{base}release/<file>``: the ``dcat:downloadURL`` and
``void:dataDump`` IRIs of the metadata (:mod:`handcar.publish.metadata`)."""


async def dereference(request: Request, served: Served, paths: PathMap) -> Response:
    path = request.url.path
    files = (paths.local(served.base) or "/") + RELEASE_SEGMENT
    if path.startswith(files) and release_file(served.folder, path[len(files):]) is not None:
        return release_response(served, path[len(files):])
    module = _module(served, paths, path)
    if module is not None:
        offer = negotiation.choose(request.headers.get("accept"),
                                   OFFERS if module.documented else RDF_OFFERS)
        if offer is None:
            return not_acceptable(served, paths, path)
        response = await ontology_document(served, module, offer)
        response.headers["Content-Location"] = f"{path}.{offer.extension}"
        response.headers["Vary"] = "Accept"
        return response
    iri = _resource(served, paths, path)
    if iri is not None:
        asked = request.query_params.get("format")
        if asked is not None:
            if asked not in EXTENSIONS:
                return not_acceptable(served, paths, path)
            return await resource_document(served, paths, iri, EXTENSIONS[asked])
        offer = negotiation.choose(request.headers.get("accept"), OFFERS)
        if offer is None:
            return not_acceptable(served, paths, path)
        return Response(
            status_code=303,
            headers={"Location": document_url(served, paths, path, offer), "Vary": "Accept"},
        )
    stem, dot, extension = path.rpartition(".")
    offer = EXTENSIONS.get(extension) if dot else None
    if offer is not None:
        module = _module(served, paths, stem)
        if module is not None and (module.documented or offer is not HTML):
            return await ontology_document(served, module, offer)
        iri = _resource(served, paths, stem)
        if iri is not None:
            return await resource_document(served, paths, iri, offer)
    if path == path_of(CONTEXT_URL):
        return release_response(served, CONTEXT_FILE)
    found = static_file(served, paths, path)
    if found is not None:
        return release_response(served, found)
    return PlainTextResponse(f"404 Not Found: {path} is no IRI of this dataset\n",
                             status_code=404)


def site_path(served: Served, paths: PathMap) -> str:
    """Where the release's static site (``site/``) is served: the base's path (``/djo/id/``),
    so that ``site/<rel>.html`` is the page of ``{base}<rel>`` at ``{base}<rel>.html``."""
    return paths.local(served.base) or "/"


def static_file(served: Served, paths: PathMap, path: str) -> str | None:
    """The release file (relative path) that ``path`` names in the static site's layout, if any:
    ``site/<rel>`` at the base's path (``/djo/id/`` is ``site/index.html``, pictures beside the
    pages), and the rest of the release one level up (``/djo/ontology/index.html``), where the
    site's relative links (``../../ontology/index.html``) lead."""
    site = site_path(served, paths)
    if path.startswith(site):
        relative = f"{SITE_FOLDER}/{path[len(site):] or 'index.html'}"
        if release_file(served.folder, relative) is not None:
            return relative
    root = site.rstrip("/").rsplit("/", 1)[0] + "/"
    if path.startswith(root) and release_file(served.folder, path[len(root):]) is not None:
        return path[len(root):]
    return None


def _module(served: Served, paths: PathMap, path: str) -> OntologyModule | None:
    for iri in paths.iris(path):
        if iri in served.modules:
            return served.modules[iri]
    return None


def _resource(served: Served, paths: PathMap, path: str) -> str | None:
    for iri in paths.iris(path):
        if iri in served.iris:
            return iri
    return None


def document_url(served: Served, paths: PathMap, path: str, offer: Offer) -> str:
    """Where the document describing the resource at ``path`` in ``offer``'s format is:
    ``<path>.<extension>``, or ``<path>?format=<extension>`` when that is itself an IRI of the
    data (the metadata names the file ``release/dataset.ttl`` beside ``release/dataset``)."""
    url = f"{path}.{offer.extension}"
    if _resource(served, paths, url) is None and _module(served, paths, url) is None:
        return url
    return f"{path}?format={offer.extension}"


def not_acceptable(served: Served, paths: PathMap, path: str) -> Response:
    """406, listing each representation there is with its URL."""
    lines = "\n".join(f"  {o.media_type}  {document_url(served, paths, path, o)}"
                      for o in OFFERS)
    return PlainTextResponse(f"406 Not Acceptable: {path} can be served as\n{lines}\n",
                             status_code=406, headers={"Vary": "Accept"})


async def resource_document(served: Served, paths: PathMap, iri: str, offer: Offer) -> Response:
    """The document describing the data IRI ``iri`` in ``offer``'s format."""
    if offer.name == "html":
        page = site_page(served, iri)
        if page is not None:
            return FileResponse(page, media_type=HTML.media_type)
        path = paths.local(iri) or ""
        alternates = [(o.media_type, document_url(served, paths, path, o))
                      for o in OFFERS if o is not HTML]
        text = await run_in_threadpool(resource_page, served, paths, iri, alternates)
        return HTMLResponse(text)
    header = (f"The description of <{iri}>: its statements, their reifications and the",
              "evidence behind them (handcar serve; README, 'Serving').")

    def body() -> bytes:
        return write(offer.name, Quads.of(describe(served, iri)), WriteOptions(header=header))

    return Response(await run_in_threadpool(body), media_type=offer.media_type)


async def ontology_document(served: Served, module: OntologyModule, offer: Offer) -> Response:
    """An ontology module in ``offer``'s format: the release's file where there is one (the
    Turtle with its comments, pyLODE's HTML page), else written from the module's Turtle."""
    if offer.name == "html":
        return release_response(served, f"{ONTOLOGY_FOLDER}/index.html")
    relative = f"{module.folder}/{module.stem}.{offer.extension}"
    if release_file(served.folder, relative) is not None:
        return release_response(served, relative, offer.media_type)
    source = release_file(served.folder, f"{module.folder}/{module.stem}.ttl")
    if source is None:
        return PlainTextResponse("404 Not Found\n", status_code=404)
    data = await run_in_threadpool(_written, source, offer.name)
    return Response(data, media_type=offer.media_type)


@functools.lru_cache(maxsize=32)
def _written(source: Path, name: str) -> bytes:
    quads = ox.parse(path=str(source), format=RDF_FORMATS["turtle"].oxigraph)
    return write(name, Quads.of(ox.Quad(t.subject, t.predicate, t.object) for t in quads))


def release_response(served: Served, relative: str, media_type: str | None = None) -> Response:
    """A file of the release (:func:`~handcar.serve.paths.release_file`), or 404."""
    found = release_file(served.folder, relative)
    if found is None:
        return PlainTextResponse("404 Not Found\n", status_code=404)
    return FileResponse(found, media_type=media_type or media_type_of(found))


def media_type_of(path: Path) -> str:
    """A release file's media type: the format table's for RDF, else the standard guess."""
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None:
        return fmt.media_type
    if path.suffix.lower() == ".md":
        return "text/markdown"
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"
