"""Publication: the dataset as a complete, reproducible linked-data release in ``out/``.

- :mod:`.rdf` — the canonical, sorted quads every writer reads; prefixes; :class:`PublishError`
- :mod:`.formats` — one module per serialisation (Turtle, TriG, N-Triples, N-Quads, JSON-LD),
  named by the format table :mod:`handcar.formats`; pyoxigraph and PyLD do the serialising
- :mod:`.framed` — the framed JSON-LD view (one tree per journey, PyLD)
- :mod:`.ontology`, :mod:`.docs`, :mod:`.classgraph` — the ontology files, pyLODE documentation
  (cached), the class diagrams by topic
- :mod:`.evidence` — facts, claims and quoted words as every page reads them; :mod:`.factcheck`,
  :mod:`.merge` — the fact check and the merge report
- :mod:`.pages`, :mod:`.journey`, :mod:`.pictures` — the static site ``site/`` (a page per data
  IRI), a journey in words, the SVG pictures (route, timeline, class diagrams)
- :mod:`.metadata` — VoID + DCAT description, checksums, the RDFC-1.0 hash
- :mod:`.readme` — ``out/README.md`` from ``templates/README.md.j2``
- :mod:`.site` — the release as ``{path: bytes}``; :func:`~.site.publish`,
  :func:`~.site.stale_files`
- :mod:`.release` — writing it next to ``out/`` and swapping it in atomically
"""
