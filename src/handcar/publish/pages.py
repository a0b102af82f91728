"""The static site (``out/site/``): one HTML page per data IRI, and an index of them by type.

For every IRI ``<base><rel>`` of the dataset (subjects, objects and graph names under the base)
the page ``site/<rel>.html`` shows its label; its types, linked to the ontology's documentation;
its properties by their labels in the ontology (:mod:`handcar.ontology`'s one model, through
:class:`~handcar.publish.evidence.Labels`), each value with every reading of it (the
``rdf:Statement`` and ``djo:Statement`` behind the triple: who said it, where, and the article's
sentence with the quoted words in ``<mark>``); how readings of its values relate (the
``djo:ReadingComparison``\\ s); the triples the ``entailed`` graph adds; and the links to it
from other resources. A journey's page also has its timeline and route diagram
(:mod:`handcar.publish.pictures`), inline and as ``site/<rel>.timeline.svg`` and
``.route.svg``. ``site/index.html`` lists the pages by type, journeys first.

Every link between pages is relative, so the folder works on any static host and under
``handcar serve``. Each page names the RDF of its resource with ``<link rel="alternate">``:
``<name>.ttl``, ``.jsonld``, ``.nt``, ``.nq``, ``.trig`` beside the page, which ``handcar
serve`` answers (a static host has only the HTML and the whole-dataset files of the release).

:class:`SiteData` reads the dataset in one pass over its quads and the provenance in one pass
(:func:`~handcar.publish.evidence.claims_of`); each page then costs time in proportion to what
it shows, so the site is linear in the size of the dataset. :func:`render_page` is pure: a
:class:`ResourcePage` in, HTML out; a server may call it to render one page on demand.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from handcar.build import BuildResult, Source
from handcar.formats import published
from handcar.languages import foreign, marked
from handcar.namespaces import DJO, shorten
from handcar.publish.evidence import (
    Claim,
    Fact,
    Labels,
    environment,
    in_sentence,
)
from handcar.publish.factcheck import Evidence, Relation, evidence_of
from handcar.publish.journey import journey_view, quantity_text
from handcar.publish.pictures.route import route_svg
from handcar.publish.pictures.timeline import timeline_svg
from handcar.publish.spool import Payload, Spool, Spooled

TEMPLATE, INDEX_TEMPLATE = "resource.html.j2", "site-index.html.j2"
FOLDER = "site"
ONTOLOGY_PAGE = "../ontology/index.html"  # from site/: the release's ontology documentation
#: predicates of the reification: a resource's readings show them, its incoming links do not
_REIFICATION = frozenset({RDF.subject, RDF.predicate, RDF.object})
_MAIN_GRAPHS = ("asserted", "enrichment", "provenance", "text")


@dataclass(frozen=True)
class Link:
    """A term as a page shows it: its words, where it links (relative, or absolute for an IRI
    outside the data), and its short form (``djo:Leg``, ``id:place/pyongyang``)."""

    text: str
    href: str = ""
    short: str = ""
    lang: str = ""
    """The language of :attr:`text` where it is not the page's (English): ``lang`` in HTML."""
    note: str = ""
    """Shown after the words: a literal's language tag, " (ru)"."""
    quoted: bool = False
    """The words are a literal's, shown in quotation marks."""


@dataclass(frozen=True)
class Reading:
    """One statement behind a triple: who said it, where, and the quoted words in context."""

    status: str
    kind: str
    said_by: str
    said_in: str
    article: str
    """The headline of the article that reports it, when it is said elsewhere ("" when said
    in that article itself)."""
    before: str
    quote: str
    after: str
    claim: Link
    fact: Link
    lang: str = ""
    """The quoted words' language (:func:`~handcar.languages.words_language`) where it
    is not the page's."""


@dataclass(frozen=True)
class Value:
    """One value of a property, what it is in words, the graphs stating it, and its readings."""

    term: Link
    summary: str
    graphs: tuple[str, ...]
    readings: tuple[Reading, ...] = ()


@dataclass(frozen=True)
class Property:
    """A property of the resource, by its label, and its values."""

    link: Link
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Alternate:
    """An RDF rendering of the resource: media type, format name, relative URL."""

    media_type: str
    name: str
    href: str


@dataclass
class ResourcePage:
    """Everything one resource page shows (all strings; links relative to the page)."""

    iri: str
    label: str
    up: str  # from the page's folder to site/
    label_lang: str = ""  # the label's language where it is not the page's
    types: list[Link] = field(default_factory=list)
    entailed_types: list[Link] = field(default_factory=list)
    properties: list[Property] = field(default_factory=list)
    entailed: list[Property] = field(default_factory=list)
    incoming: list[tuple[Link, Link]] = field(default_factory=list)
    comparisons: list[Relation] = field(default_factory=list)
    alternates: list[Alternate] = field(default_factory=list)
    pictures: list[tuple[str, Markup, str]] = field(default_factory=list)  # caption, svg, file
    dataset_files: list[str] = field(default_factory=list)


@cache
def _environment() -> Any:
    return environment()


def render_page(page: ResourcePage) -> str:
    """The HTML of one resource page (pure: the same page gives the same string)."""
    return str(_environment().get_template(TEMPLATE).render(page=page))


def relative(rel: str, target: str) -> str:
    """The link from the page ``site/<rel>.html`` to ``site/<target>``."""
    return "../" * rel.count("/") + quote(target)


class SiteData:
    """The dataset indexed for pages: every data IRI's outgoing and incoming triples (with the
    graphs holding them), the facts and claims behind each triple, the comparisons of each
    value, the labels. Built in one pass over the quads and one over the provenance."""

    def __init__(
        self,
        result: BuildResult,
        ontology: Graph | None = None,
        anchors: Mapping[str, str] | None = None,
        evidence: Evidence | None = None,
    ) -> None:
        self.result = result
        self.base = result.iris.base
        self.anchors = dict(anchors or {})  # ontology term IRI → its id in the docs page
        evidence = evidence or evidence_of(result, ontology)
        self.asserted = evidence.named["asserted"]
        self.ontology = ontology if ontology is not None else Graph()
        self.labels: Labels = evidence.labels
        graph_names = {str(result.iris.graph(n)): n for n in (*_MAIN_GRAPHS, "entailed")}
        self.graph_names = graph_names
        # the graphs holding each triple: one shared frozenset per combination (there are a
        # handful), not a set per triple
        self.out: dict[Node, dict[Node, dict[Node, frozenset[str]]]] = defaultdict(
            lambda: defaultdict(dict))
        self.into: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
        self.iris: set[URIRef] = set()
        held: dict[tuple[frozenset[str] | None, str], frozenset[str]] = {}
        for s, p, o, g in result.dataset.quads((None, None, None, None)):
            name = graph_names.get(str(g), str(g))
            objects = self.out[s][p]
            key = (objects.get(o), name)
            found = held.get(key)
            if found is None:
                found = held[key] = (key[0] or frozenset()) | {name}
            objects[o] = found
            for node in (s, o, g):
                if isinstance(node, URIRef) and str(node).startswith(self.base):
                    self.iris.add(node)
            if key[0] is None and isinstance(o, URIRef) and p not in _REIFICATION:
                self.into[o].append((s, p))  # once per triple, whatever graphs hold it
        claims = evidence.claims
        self.sources: dict[str, Source] = {s.iri: s for s in result.sources}
        self.readings: dict[tuple[Node, Node, Node], list[tuple[Fact, Claim]]] = defaultdict(list)
        for claim in claims.values():
            for fact in claim.facts:
                if fact.triple is not None:
                    self.readings[fact.triple].append((fact, claim))
        self.compared: dict[str, list[Relation]] = defaultdict(list)
        for relation in evidence.relations:
            for reading in relation.readings:
                self.compared[reading.value].append(relation)
            self.compared[relation.iri].append(relation)
        self.journeys = {URIRef(j) for j in result.journeys}
        self._links: dict[tuple[Node, int], Link] = {}  # each term's link, by page depth

    def rel(self, iri: Node) -> str:
        """``place/pyongyang`` for ``<base>place/pyongyang``."""
        return str(iri)[len(self.base):]

    def link(self, node: Node, rel: str) -> Link:
        """``node`` as a link from the page of ``rel`` (computed once per page depth)."""
        key = (node, rel.count("/"))
        if key not in self._links:
            self._links[key] = self._link(node, rel)
        return self._links[key]

    def _link(self, node: Node, rel: str) -> Link:
        if isinstance(node, Literal):
            if node.language:
                return Link(str(node), lang=foreign(node.language), quoted=True,
                            note=f" ({node.language})")
            return Link(self.labels.literal(node))
        iri = str(node)
        short = shorten(iri, base=self.base) or iri
        words, lang = self.labels.term(node), foreign(self.labels.language(node))
        if iri.startswith(self.base) and node in self.iris:
            return Link(words, relative(rel, self.rel(node) + ".html"), short, lang)
        if iri in self.anchors:
            href = "../" * rel.count("/") + f"{ONTOLOGY_PAGE}#{self.anchors[iri]}"
            return Link(words, href, short, lang)
        return Link(words, iri, short, lang)

    def summary(self, node: Node) -> str:
        """A value in words beyond its label: a quantity as "> 1 km"."""
        if (node, RDF.type, DJO.QuantityValue) in self.asserted:
            return quantity_text(self.asserted, node) or ""
        return ""

    def reading(self, fact: Fact, claim: Claim, rel: str) -> Reading:
        before = quoted = after = ""
        source = self.sources.get(claim.reported_in)
        if claim.anchor is not None and source is not None:
            _, before, after = in_sentence(source.text, source.sentences, claim.anchor)
            quoted = claim.anchor.exact
        return Reading(
            status=fact.status, kind=fact.kind, said_by=claim.said_by, said_in=claim.said_in,
            article=source.headline if source and not claim.said_in_article else "",
            before=before, quote=quoted,
            after=after, claim=self.link(URIRef(claim.iri), rel),
            fact=self.link(URIRef(fact.iri), rel),
            lang=marked(quoted, source.language, source.text) if source and quoted else "",
        )

    def properties(self, subject: Node, rel: str, entailed: bool) -> list[Property]:
        found = []
        for p, objects in self.out.get(subject, {}).items():
            if p == RDF.type:
                continue
            values = []
            for o, held in objects.items():
                main = sorted(held - {"entailed"})
                if entailed != (not main):
                    continue
                readings = tuple(self.reading(f, c, rel)
                                 for f, c in sorted(self.readings.get((subject, p, o), ()),
                                                    key=lambda fc: fc[0].iri))
                values.append(Value(self.link(o, rel), self.summary(o),
                                    tuple(main or sorted(held)), readings))
            if values:
                values.sort(key=lambda v: (v.term.text, v.term.href))
                found.append(Property(self.link(p, rel), tuple(values)))
        return sorted(found, key=lambda prop: (prop.link.text, prop.link.short))

    def page(self, iri: URIRef) -> ResourcePage:
        """The page of ``iri``."""
        rel = self.rel(iri)
        name = rel.rsplit("/", 1)[-1]
        types = self.out.get(iri, {}).get(RDF.type, {})
        page = ResourcePage(
            iri=str(iri),
            label=self.labels.term(iri),
            label_lang=foreign(self.labels.language(iri)),
            up="../" * rel.count("/"),
            types=sorted((self.link(t, rel) for t, g in types.items() if g - {"entailed"}),
                         key=lambda link: link.short),
            entailed_types=sorted((self.link(t, rel) for t, g in types.items()
                                   if not g - {"entailed"}), key=lambda link: link.short),
            properties=self.properties(iri, rel, entailed=False),
            entailed=self.properties(iri, rel, entailed=True),
            incoming=sorted(((self.link(s, rel), self.link(p, rel))
                             for s, p in self.into.get(iri, ())),
                            key=lambda pair: (pair[1].text, pair[0].text, pair[0].href)),
            comparisons=self._comparisons(iri),
            alternates=[Alternate(f.media_type, f.name, quote(f"{name}.{f.extension}"))
                        for f in published()],
            dataset_files=[f"{'../' * rel.count('/')}../dataset.{f.extension}"
                           for f in published()],
        )
        view = (journey_view(self.asserted, self.ontology, iri, self.labels.term(iri))
                if iri in self.journeys else None)
        if view is not None and view.legs:  # a journey no leg of which is stated has no picture
            page.pictures = [
                ("Timeline: the legs in travel order", Markup(timeline_svg(view, standalone=False)),
                 quote(f"{name}.timeline.svg")),
                ("Route: places, legs and the border crossing"
                 if view.crosses_border else "Route: places and legs",
                 Markup(route_svg(view, standalone=False)), quote(f"{name}.route.svg")),
            ]
        return page

    def _comparisons(self, iri: URIRef) -> list[Relation]:
        seen: dict[str, Relation] = {}
        for values in self.out.get(iri, {}).values():
            for value in values:
                for relation in self.compared.get(str(value), ()):
                    seen.setdefault(relation.iri, relation)
        for relation in self.compared.get(str(iri), ()):
            seen.setdefault(relation.iri, relation)
        return [seen[k] for k in sorted(seen)]

    def index(self) -> list[tuple[str, list[Link]]]:
        """The pages grouped by their first DJO (else any) asserted type, journeys first."""
        groups: dict[str, list[Link]] = defaultdict(list)
        for iri in self.iris:
            types = sorted(t for t, g in self.out.get(iri, {}).get(RDF.type, {}).items()
                           if g - {"entailed"})
            ours = [t for t in types if str(t).startswith(str(DJO))]
            kind = self.labels.term((ours or types)[0]) if types else "without a type"
            groups[kind].append(self.link(iri, ""))
        journey = self.labels.term(DJO.Journey)
        order = sorted(groups, key=lambda k: (k != journey, k.lower()))
        return [(k, sorted(groups[k], key=lambda link: (link.text.lower(), link.href)))
                for k in order]


PARALLEL_PAGES = 2000
"""From this many pages on, :func:`site_files` renders them in forked processes when it may use
more than one (a few hundred pages render faster than processes start)."""


def site_files(
    result: BuildResult,
    ontology: Graph | None = None,
    anchors: Mapping[str, str] | None = None,
    jobs: int = 1,
    evidence: Evidence | None = None,
) -> dict[str, Payload]:
    """Every file of ``site/``: a page per data IRI, the journeys' pictures, the index.
    ``anchors`` maps ontology term IRIs to their ids in ``ontology/index.html``; ``jobs``: how
    many processes may render the pages (each page depends only on the site's data, so the
    files are the same however many render them). The pages and pictures are spooled to a
    temporary file as they are rendered (:class:`~handcar.publish.spool.Spool`: a corpus has as
    many pages as IRIs, too many to hold); the index is bytes."""
    data = SiteData(result, ontology, anchors, evidence)
    iris = sorted(data.iris)
    files: dict[str, Payload]
    if jobs > 1 and len(iris) >= PARALLEL_PAGES and hasattr(os, "fork"):
        files = _render_forked(data, iris, jobs)
    else:
        files = dict(_spooled(Spool(), data, iris))
    index = _environment().get_template(INDEX_TEMPLATE).render(
        groups=data.index(), count=len(data.iris), dataset_files=[
            f"../dataset.{f.extension}" for f in published()])
    files[f"{FOLDER}/index.html"] = index.encode("utf-8")
    return dict(sorted(files.items()))


def _spooled(spool: Spool, data: SiteData, iris: Iterable[str]) -> Iterator[tuple[str, Spooled]]:
    """:func:`_render` of ``iris`` into ``spool``: (path, where the content went)."""
    for name, content in _render(data, iris):
        yield name, spool.add([content], name)


def _render(data: SiteData, iris: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """The page of each IRI of ``iris`` and its pictures: (path, content)."""
    for iri in iris:
        page = data.page(iri)
        rel = data.rel(iri)
        yield f"{FOLDER}/{rel}.html", render_page(page).encode("utf-8")
        folder = rel.rsplit("/", 1)[0] + "/" if "/" in rel else ""
        for _, picture, name in page.pictures:
            yield f"{FOLDER}/{folder}{name}", _standalone(str(picture)).encode("utf-8")


_FORKED: tuple[SiteData, list[str], list[Spool]] | None = None
"""What the forked renderers read (inherited with the fork, never pickled)."""


def _render_forked(data: SiteData, iris: list[str], jobs: int) -> dict[str, Payload]:
    """:func:`_render` of every ``jobs``-th IRI in each of ``jobs`` forked processes, each
    into a spool of its own that this process made before the fork (so the pages come back
    as where they are, not as their bytes)."""
    global _FORKED
    import multiprocessing

    spools = [Spool() for _ in range(jobs)]
    _FORKED = (data, iris, spools)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.map(_render_share, [(index, jobs) for index in range(jobs)])
    finally:
        _FORKED = None
    files: dict[str, Payload] = {}
    for spool, part in zip(spools, parts, strict=True):
        for name, start, size, sha256 in part:
            files[name] = spool.at(start, size, sha256)
    return files


def _render_share(share: tuple[int, int]) -> list[tuple[str, int, int, str]]:
    """In a worker: render share ``index`` of ``jobs`` into its spool; where each file went."""
    assert _FORKED is not None
    data, iris, spools = _FORKED
    index, jobs = share
    return [(name, spooled.start, spooled.size, spooled.sha256)
            for name, spooled in _spooled(spools[index], data, iris[index::jobs])]


def _standalone(inline: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + inline


def iris_of(files: Iterable[str]) -> list[str]:
    """The ``rel`` of each resource page among release paths (``site/place/x.html``)."""
    return sorted(p[len(FOLDER) + 1 : -len(".html")] for p in files
                  if p.startswith(f"{FOLDER}/") and p.endswith(".html")
                  and p != f"{FOLDER}/index.html")
