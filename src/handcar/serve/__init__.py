"""``handcar serve``: the release as linked data on the web: dereferenceable IRIs and a
read-only SPARQL endpoint (Starlette, run by uvicorn). The modules, one job each:

- :mod:`.release` — the release loaded once: the dataset store, the metadata, the ontology;
- :mod:`.paths` — request paths ↔ IRIs, and the one safe way to read a release file;
- :mod:`.negotiation` — the ``Accept`` header (RFC 9110) and the choice of a representation;
- :mod:`.describe` — the RDF a resource answers with (its concise bounded description);
- :mod:`.documents` — dereferencing: 303 for things, 200 for documents, 406, 404;
- :mod:`.pages` — the HTML: the release's static pages, else Jinja2 fallbacks;
- :mod:`.sparql` — the SPARQL 1.1 Protocol endpoint over :func:`handcar.query.run`;
- :mod:`.accesslog` — one JSON line per request;
- :mod:`.app` — the routes and middleware (:func:`create_app`).
"""

from __future__ import annotations

from handcar.serve.app import create_app

__all__ = ["create_app"]
