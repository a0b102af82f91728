"""The HTML the server sends: the release's static pages where they exist, else its own.

A resource's page is ``site/<rel>.html`` of the release (for the IRI ``<base><rel>``; written by
``handcar build``) when that file exists; otherwise a small page rendered here from the store
(label, types, properties, incoming links, the other formats), so that every IRI answers
``text/html``. The templates are Jinja2 (autoescaped) in ``handcar/serve/templates/``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from handcar.languages import foreign
from handcar.namespaces import DJO_NS, RDFS, SCHEMA, SKOS, shorten
from handcar.resources import serve_templates_dir
from handcar.serve.describe import RDF, describe, incoming
from handcar.serve.paths import PathMap, release_file
from handcar.serve.release import Served

SITE_FOLDER = "site"
INCOMING_LIMIT = 500
"""At most this many incoming links on a fallback page."""
_LABELS = (str(RDFS.label), str(SCHEMA.name), str(SKOS.prefLabel))
_RDF_TYPE = RDF + "type"


@dataclass(frozen=True)
class Link:
    """A term on a page: its text, the IRI, and where the link goes (None: no link)."""

    text: str
    iri: str | None
    href: str | None
    note: str = ""
    """For a literal: its language tag or datatype."""
    lang: str = ""
    """For a literal in another language than the pages' (English): its tag, for ``lang``."""


@functools.cache
def environment() -> Any:
    """The Jinja2 environment of the server's pages (autoescape on, strict undefined)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(serve_templates_dir()),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def site_page(served: Served, iri: str) -> Path | None:
    """The release's static page for the data IRI ``iri`` (``site/<rel>.html``), if it has one."""
    if not iri.startswith(served.base):
        return None
    return release_file(served.folder, f"{SITE_FOLDER}/{iri[len(served.base):]}.html")


def resource_page(served: Served, paths: PathMap, iri: str,
                  alternates: list[tuple[str, str]]) -> str:
    """The fallback page of a resource, from its description and its incoming links;
    ``alternates``: (media type, URL) of each other format."""
    quads = describe(served, iri)
    own = [q for q in quads if q.subject == ox.NamedNode(iri)]
    term = _Terms(served, paths)
    types = sorted({term.link(q.object) for q in own if q.predicate.value == _RDF_TYPE},
                   key=lambda link: link.text)
    properties: dict[str, list[Link]] = {}
    for quad in own:
        if quad.predicate.value != _RDF_TYPE:
            properties.setdefault(quad.predicate.value, [])
            value = term.link(quad.object)
            if value not in properties[quad.predicate.value]:
                properties[quad.predicate.value].append(value)
    rows = sorted(((term.link(ox.NamedNode(p)), values) for p, values in properties.items()),
                  key=lambda row: row[0].text)
    links = sorted({(term.link(q.subject), term.link(q.predicate))
                    for q in incoming(served, iri, INCOMING_LIMIT)},
                   key=lambda pair: (pair[1].text, pair[0].text))
    return render(
        "resource.html.j2",
        iri=iri,
        label=term.label(iri) or shorten(iri, base=served.base) or iri,
        types=types,
        rows=rows,
        incoming=links,
        incoming_limit=INCOMING_LIMIT,
        alternates=alternates,
    )


class _Terms:
    """Labels and links of the terms on a page."""

    def __init__(self, served: Served, paths: PathMap) -> None:
        self.served = served
        self.paths = paths

    def label(self, iri: str) -> str | None:
        node = ox.NamedNode(iri)
        found: dict[str, str] = {}
        with self.served.lock:
            for store in (self.served.store, self.served.ontology):
                for predicate in _LABELS:
                    for quad in store.quads_for_pattern(node, ox.NamedNode(predicate), None):
                        if isinstance(quad.object, ox.Literal):
                            found.setdefault(quad.object.language or "", quad.object.value)
                if found:
                    break
        return found.get("en") or found.get("") or next(iter(found.values()), None)

    def link(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Link:
        if isinstance(term, ox.Literal):
            note = term.language or (shorten(term.datatype.value) or term.datatype.value)
            return Link(term.value, None, None, "" if note == "xsd:string" else note,
                        foreign(term.language or ""))
        if isinstance(term, ox.BlankNode):
            return Link(f"_:{term.value}", None, None)
        iri = term.value
        short = shorten(iri, base=self.served.base) or iri
        label = self.label(iri)
        text = f"{label} ({short})" if label and label != short else short
        return Link(text, iri, self._href(iri))

    def _href(self, iri: str) -> str:
        if iri.startswith(DJO_NS):  # the ontology's documentation, at the term's section
            page = f"{self.paths.local(DJO_NS.rstrip('#'))}.html"
            anchor = ontology_anchors(self.served.folder).get(iri)
            return f"{page}#{anchor}" if anchor else page
        return self.paths.local(iri) or iri


@functools.cache
def ontology_anchors(folder: Path) -> dict[str, str]:
    """The ``id`` of each term's section in the release's pyLODE page (``ontology/index.html``):
    a ``<div class="… entity" id="…">`` whose first ``<code>`` is the term's IRI."""
    from html.parser import HTMLParser

    page = release_file(folder, "ontology/index.html")
    if page is None:
        return {}
    anchors: dict[str, str] = {}

    class Sections(HTMLParser):
        section: str | None = None
        in_code = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found = dict(attrs)
            if tag == "div" and "entity" in (found.get("class") or "").split():
                self.section = found.get("id")
            self.in_code = tag == "code" and self.section is not None

        def handle_endtag(self, tag: str) -> None:
            self.in_code = False

        def handle_data(self, data: str) -> None:
            if self.in_code and self.section:
                anchors.setdefault(data.strip(), self.section)
                self.section = None

    Sections().feed(page.read_text(encoding="utf-8"))
    return anchors
