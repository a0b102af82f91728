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
import html
import importlib.metadata
import logging
import sys
import types
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from handcar.files import write_to_cache
from handcar.namespaces import OWL, RDF, VANN
from handcar.publish.rdf import PUBLISHED_PREFIXES, Quads

OWL_ONTOLOGY = str(OWL.Ontology)
VANN_URI = str(VANN.preferredNamespaceUri)
RDF_TYPE = str(RDF.type)
MERMAID_JS = "https://cdn.jsdelivr.net/npm/mermaid@11/dist/mermaid.esm.min.mjs"
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
    english = [
        q for q in chosen
        if not (isinstance(q.object, ox.Literal) and q.object.language
                and q.object.language.split("-")[0] != "en")
    ]
    return Quads.of(ox.Dataset(ox.Quad(q.subject, q.predicate, q.object) for q in english))


def _versions() -> str:
    versions = []
    for name in _RENDER_LIBRARIES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{name} -")
    return "\n".join(versions)


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


def add_diagram(page: str, mermaid: str | None, links: Iterable[tuple[str, str]]) -> str:
    """Insert a "Diagram" section after pyLODE's metadata section: the Mermaid source (rendered
    by mermaid.js in the reader's browser, when online) and links to the diagram files."""
    items = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>' for href, text in links
    )
    parts = ['<div class="section" id="diagram">', "<h2>Diagram</h2>"]
    if mermaid:
        parts += [
            f'<pre class="mermaid">{html.escape(mermaid)}</pre>',
            f'<script type="module">import mermaid from "{MERMAID_JS}";'
            "mermaid.initialize({startOnLoad: true});</script>",
        ]
    parts += [f"<ul>{items}</ul>", "</div>", ""]
    section = "\n      ".join(parts)
    marker = '<div class="section" id="classes">'
    if marker in page:
        return page.replace(marker, section + marker, 1)
    return page.replace("</body>", section + "</body>", 1)
