"""The ontology's HTML documentation, made by pyLODE (https://github.com/RDFLib/pyLODE), cached.

pyLODE's OntPub profile gets a *documentation view* of the ontology: the main module (the one
whose ``owl:Ontology`` is the namespace's ontology) plus every statement the other modules make
about its terms (the alignment axioms: ``djo:Person rdfs:subClassOf schema:Person``), but not
their own headers or their declarations of standard terms, which pyLODE would list as if they
were DJO's. Only English and untagged literals go in: pyLODE joins every language of a title
into one heading. The Russian labels stay in the machine-readable files.

pyLODE's output was checked to be deterministic for the same input graph (no date, no random
ids in the OntPub profile; the "made by pyLODE 3.4.1" credit changes only with its version). It
costs ~0.7 s, so the HTML is cached in the cache folder (:func:`handcar.resources.cache_dir`),
keyed by the SHA-256 of the view's canonical N-Triples and the versions of pyLODE and the
libraries it renders with: a changed ontology is a new key, so a stale page is never reused.
``handcar build --check`` does not use the cache at all.

Two pyLODE 3.4.1 defects are worked around here: ``pylode.version`` reads a ``pyproject.toml``
that the wheel does not ship (RDFLib/pyLODE#260, fixed upstream after 3.4.1), and importing
pylode calls ``logging.basicConfig(level=DEBUG)`` (``profiles/supermodel/loader.py``), which
would flood handcar's stderr; the root logger is restored after the import.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import sys
import types
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox

from handcar.files import write_to_cache
from handcar.languages import english
from handcar.namespaces import OWL, RDF, VANN, shorten
from handcar.publish.rdf import PUBLISHED_PREFIXES, Quads

OWL_ONTOLOGY = str(OWL.Ontology)
VANN_URI = str(VANN.preferredNamespaceUri)
RDF_TYPE = str(RDF.type)
DIAGRAMS, STYLE = "ontology-diagrams.html.j2", "ontology-style.html.j2"
_RENDER_LIBRARIES = ("pylode", "rdflib", "dominate", "markdown")


def main_module(modules: Mapping[str, Quads]) -> tuple[str, str]:
    """``(module name, namespace)`` of the module whose ontology IRI is its own namespace
    (``<https://w3id.org/djo>`` for ``https://w3id.org/djo#``); the other modules align to it."""
    candidates = []
    for name, quads in modules.items():
        ontologies = {q.subject for q in quads
                      if q.predicate.value == RDF_TYPE and q.object.value == OWL_ONTOLOGY}
        for q in quads:
            if (q.subject in ontologies and q.predicate.value == VANN_URI
                    and q.object.value.rstrip("#/") == q.subject.value):
                candidates.append((name, q.object.value))
    if len(candidates) != 1:
        raise ValueError(f"expected one main ontology module, found {candidates or 'none'}")
    return candidates[0]


def view(modules: Mapping[str, Quads]) -> Quads:
    """The documentation view: the main module, what the others say about its terms (with the
    blank nodes those statements reach), English and untagged literals only."""
    main, namespace = main_module(modules)
    chosen: list[ox.Quad] = list(modules[main])
    for name, quads in modules.items():
        if name == main:
            continue
        by_bnode: dict[ox.BlankNode, list[ox.Quad]] = {}
        for q in quads:
            if isinstance(q.subject, ox.BlankNode):
                by_bnode.setdefault(q.subject, []).append(q)
        todo = [q for q in quads if isinstance(q.subject, ox.NamedNode)
                and q.subject.value.startswith(namespace)]
        while todo:
            q = todo.pop()
            chosen.append(q)
            if isinstance(q.object, ox.BlankNode):
                todo += by_bnode.pop(q.object, [])
    kept = [
        q for q in chosen
        if not (isinstance(q.object, ox.Literal) and q.object.language
                and not english(q.object.language))
    ]
    return Quads.of(ox.Dataset(ox.Quad(q.subject, q.predicate, q.object) for q in kept))


def _versions() -> str:
    from handcar.build.cache import library_versions

    return "\n".join(library_versions(_RENDER_LIBRARIES))


def cache_key(ntriples: bytes) -> str:
    """SHA-256 of the renderers' versions and the view's canonical N-Triples."""
    return hashlib.sha256(_versions().encode() + b"\n\n" + ntriples).hexdigest()


def _import_ontpub() -> type:
    if "pylode.version" not in sys.modules:
        shim = types.ModuleType("pylode.version")
        shim.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = shim
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        from pylode import OntPub
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return OntPub


def render(ntriples: bytes, prefixes: Mapping[str, str] = PUBLISHED_PREFIXES) -> str:
    """pyLODE's OntPub HTML for the ontology given as N-Triples (no cache)."""
    from rdflib import Graph

    ontpub = _import_ontpub()
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace)
    graph.parse(data=ntriples.decode("utf-8"), format="nt")
    page = ontpub(ontology=graph).make_html()
    return page if page.endswith("\n") else page + "\n"


def cached_render(ntriples: bytes, cache: Path | None) -> str:
    """:func:`render`, from ``cache`` when a page for exactly this input is there."""
    if cache is None:
        return render(ntriples)
    path = cache / f"pylode-{cache_key(ntriples)}.html"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    page = render(ntriples)
    write_to_cache(path, page)
    return page


class _Links(HTMLParser):
    """Where pyLODE's page names a term of another vocabulary by its bare label, and which id
    each of the ontology's own terms has on the page."""

    def __init__(self, namespace: str, prefixes: Mapping[str, str]) -> None:
        super().__init__(convert_charrefs=False)
        self.namespace, self.prefixes = namespace, prefixes
        self.href: str | None = None
        self.entity: str | None = None
        self.in_code = False
        self.texts: list[tuple[tuple[int, int], str, str]] = []  # position, text, CURIE
        self.anchors: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a":
            self.href = found.get("href")
        elif tag == "div" and "entity" in (found.get("class") or "").split():
            self.entity = found.get("id")
        elif tag == "code":
            self.in_code = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.href = None
        elif tag == "code":
            self.in_code = False

    def handle_data(self, data: str) -> None:
        if self.in_code and self.entity and data.startswith(self.namespace):
            self.anchors.setdefault(data, self.entity)
        href = self.href
        if not href or href.startswith((self.namespace, "#")) or ":" in data or not data.strip():
            return
        curie = shorten(href, self.prefixes)
        if curie and not href.startswith(self.namespace.rstrip("#/")):
            self.texts.append((self.getpos(), data, curie))


def _offsets(page: str) -> list[int]:
    starts, at = [0], 0
    for line in page.splitlines(keepends=True):
        at += len(line)
        starts.append(at)
    return starts


def prefix_outside_terms(
    page: str, namespace: str, prefixes: Mapping[str, str] = PUBLISHED_PREFIXES
) -> str:
    """pyLODE's page with every link to another vocabulary's term written as its CURIE
    (``prov:Agent``, not a bare "Agent" that reads as a DJO class)."""
    parser = _Links(namespace, prefixes)
    parser.feed(page)
    parser.close()
    lines = _offsets(page)
    out, done = [], 0
    for (line, column), text, curie in parser.texts:
        start = lines[line - 1] + column
        if page[start : start + len(text)] != text:
            continue  # not where the parser says: leave it
        out += [page[done:start], curie]
        done = start + len(text)
    out.append(page[done:])
    return "".join(out)


def term_anchors(page: str, namespace: str, cache: Path | None = None) -> dict[str, str]:
    """Each term of ``namespace`` documented on pyLODE's page, and its id there; from
    ``cache`` (the cache folder) when this page was read before (reading it is about a tenth
    of a second), keyed by the page, ``namespace`` and handcar's source."""
    import json

    from handcar.build.cache import source_digest

    path = None
    if cache is not None:
        key = hashlib.sha256(source_digest() + f"\0{namespace}\0{page}".encode()).hexdigest()
        path = cache / "ontology" / f"anchors-{key}.json"
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(found, dict) and all(isinstance(v, str) for v in found.values()):
                return found
        except (OSError, ValueError):
            pass
    parser = _Links(namespace, {})
    parser.feed(page)
    parser.close()
    if path is not None:
        write_to_cache(path, json.dumps(parser.anchors, sort_keys=True))
    return parser.anchors



def add_diagrams(
    page: str, views: Iterable[Mapping[str, object]], links: Iterable[tuple[str, str]]
) -> str:
    """Insert a "Diagrams" section after pyLODE's metadata section (one figure per view of the
    class diagram, SVG files beside the page; nothing loaded from elsewhere) and the few
    style rules handcar adds (long examples wrap inside their cards)."""
    from handcar.publish.evidence import environment

    env = environment()
    section = env.get_template(DIAGRAMS).render(views=list(views), links=list(links))
    style = env.get_template(STYLE).render()
    page = page.replace("</head>", style + "</head>", 1)
    marker = '<div class="section" id="classes">'
    if marker in page:
        return page.replace(marker, section + marker, 1)
    return page.replace("</body>", section + "</body>", 1)
