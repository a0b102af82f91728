"""Publication: the dataset as a complete, reproducible linked-data release in ``out/``.

- :mod:`.rdf` — the canonical, sorted quads every writer reads; prefixes; :class:`PublishError`
- :mod:`.formats` — one module per serialisation (Turtle, TriG, N-Triples, N-Quads, JSON-LD),
  named by the format table :mod:`handcar.formats`; pyoxigraph and PyLD do the serialising
- :mod:`.framed` — the framed JSON-LD view (one tree per journey, PyLD)
- :mod:`.ontology`, :mod:`.docs` — the ontology files, pyLODE documentation (cached), diagram
- :mod:`.metadata` — VoID + DCAT description, checksums, the RDFC-1.0 hash
- :mod:`.readme` — ``out/README.md`` from ``templates/README.md.j2``
- :mod:`.site` — the release as ``{path: bytes}``; :func:`~.site.publish`,
  :func:`~.site.stale_files`
- :mod:`.release` — writing it next to ``out/`` and swapping it in atomically
"""
