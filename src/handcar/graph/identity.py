"""One event, many reports: the curators' identity links between articles (issue 13).

Events and things an article describes without a name get IRIs scoped to the article
(:mod:`handcar.graph.claims`), so two reports never share them by accident. An annotation's
``identities:`` link one of them to another article's (``<article-id>/<local-id>``); each link
is published as ``djo:identifiedWith`` in the ``enrichment`` graph (it is the curators' word, not
the article's), reified like every other fact, with a statement that the handcar curators make
in their annotation of the article (the source their labels have too), and the reason.

:class:`Identities` is built in one pass over the articles (an index of each article's items, so
resolving a link is a dictionary look-up) and then gives each IRI the representative of its
group of linked IRIs (union-find), so readings of one thing reported in several articles are
compared with each other (:func:`handcar.graph.readings.compare`).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from handcar.annotation.checked import DeclaredRelation, IdentityLink, Where
from handcar.errors import AnnotationError, close_names, did_you_mean
from handcar.graph.claims import Declared
from handcar.graph.enrichment import CURATORS
from handcar.graph.iris import Iris
from handcar.namespaces import DJO


@dataclass(frozen=True)
class Link:
    """A checked identity link: ``subject`` (this article's) is the same as ``object``."""

    article: str
    number: int  # 1-based position in the article's identities
    subject: URIRef
    object: URIRef
    reason: str


@dataclass
class Identities:
    """What the build needs to link articles: each article's items, the links, the groups."""

    things: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    scoped: dict[str, set[str]] = field(default_factory=dict)
    values: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    pending: list[tuple[str, IdentityLink]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    parent: dict[URIRef, URIRef] = field(default_factory=dict)

    def add_article(
        self,
        aid: str,
        things: dict[str, URIRef],
        values: dict[str, URIRef],
        links: tuple[IdentityLink, ...],
        scoped: Set[str],
    ) -> None:
        """Index one article's items (entity and event ids, quantity and time ids → IRIs;
        ``scoped``: the ids whose IRIs are the article's own) and keep its links."""
        self.things[aid] = things
        self.scoped[aid] = set(scoped)
        self.values[aid] = values
        self.pending += [(aid, link) for link in links]

    def resolve(self) -> list[Link]:
        """Check every link against the article it names; raise AnnotationError at the first
        link to an article, or an item, that is not there."""
        numbers: dict[str, int] = {}
        for aid, link in self.pending:
            numbers[aid] = numbers.get(aid, 0) + 1
            target = self._thing(link.article, link.target, link.where, "an entity or event")
            if link.target not in self.scoped[link.article]:
                raise _error(
                    link.where,
                    f"{link.article}/{link.target} has a name (or is shared): its IRI is the"
                    " same in every article; use its id in this annotation instead",
                )
            subject = self.things[aid][link.id]
            if _kind(subject) != _kind(target):
                raise _error(
                    link.where,
                    f"{link.id!r} is a {_kind(subject)} and {link.article}/{link.target} a"
                    f" {_kind(target)}: only things of one kind are the same",
                )
            self.links.append(Link(aid, numbers[aid], subject, target, link.reason))
            self._union(subject, target)
        self.pending = []
        return self.links

    def declared(self, relation: DeclaredRelation, aid: str) -> Declared:
        """A declared relation naming another article's value, with both values as IRIs."""
        assert relation.where is not None
        first, second = (self._value(ident, aid, relation.where) for ident in
                         (relation.first, relation.second))
        return Declared(first, second, relation.relation, relation.reason)

    def same(self, iri: str) -> str:
        """The representative of ``iri``'s group of linked IRIs (itself when unlinked)."""
        return str(self._find(URIRef(iri)))

    # -- internals --------------------------------------------------------------------------
    def _thing(self, article: str, ident: str, where: Where, what: str) -> URIRef:
        return _lookup(self.things, article, ident, where, what)

    def _value(self, ident: str, aid: str, where: Where) -> URIRef:
        article, local = ident.split("/") if "/" in ident else (aid, ident)
        return _lookup(self.values, article, local, where, "a quantity or time")

    def _find(self, node: URIRef) -> URIRef:
        root = node
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while node != root:  # path compression
            self.parent[node], node = root, self.parent[node]
        return root

    def _union(self, a: URIRef, b: URIRef) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:  # the smaller IRI represents the group: the same whatever the order
            low, high = sorted((ra, rb))
            self.parent[high] = low
            self.parent.setdefault(low, low)


def _kind(iri: URIRef) -> str:
    """The kind segment of a handcar IRI (``event``, ``place``, ``group``…)."""
    return str(iri).rstrip("/").rsplit("/", 2)[-2]


def _error(where: Where, message: str) -> AnnotationError:
    return AnnotationError(where.path, where.line, message)


def add_identities(
    dataset: Dataset, iris: Iris, links: list[Link], headlines: dict[str, str]
) -> None:
    """Write each link to the ``enrichment`` graph and its claim to ``provenance``: a
    ``djo:Statement`` by the handcar curators, in their annotation of the article, with the
    reason; one ``rdf:Statement`` reifies the link."""
    if not links:
        return
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators = iris.entity("org", CURATORS)
    prov.add((curators, RDF.type, DJO.Organization))
    prov.add((curators, RDFS.label, Literal("handcar curators", lang="en")))
    annotations: set[str] = set()
    for link in links:
        source = iris.scoped("source", link.article, "annotation")
        if link.article not in annotations:
            annotations.add(link.article)
            prov.add((source, RDF.type, DJO.Source))
            label = f"the curators' annotation of \u201c{headlines[link.article]}\u201d"
            prov.add((source, RDFS.label, Literal(label, lang="en")))
        local = ("curation", "identity", str(link.number))
        statement = iris.scoped("statement", link.article, *local)
        fact = iris.scoped("fact", link.article, *local)
        graph.add((link.subject, DJO.identifiedWith, link.object))
        prov.add((statement, RDF.type, DJO.Statement))
        prov.add((statement, DJO.statedBy, curators))
        prov.add((statement, DJO.statedIn, source))
        prov.add((statement, DJO.reason, Literal(link.reason)))
        words = f"{_short(link.subject, iris)} is {_short(link.object, iris)}"
        prov.add((statement, RDFS.label, Literal(f"identity: {words}", lang="en")))
        prov.add((fact, RDF.type, RDF.Statement))
        prov.add((fact, RDF.subject, link.subject))
        prov.add((fact, RDF.predicate, DJO.identifiedWith))
        prov.add((fact, RDF.object, link.object))
        prov.add((fact, DJO.assertedBy, statement))


def _short(iri: URIRef, iris: Iris) -> str:
    return str(iri)[len(iris.base) :]


def _lookup(table: dict[str, dict[str, URIRef]], article: str, ident: str, where: Where,
            what: str) -> URIRef:
    """``table[article][ident]``, or an error at ``where`` saying which part is missing (with
    the closest names there are)."""
    if article not in table:
        error = _error(where, f"no article {article!r} in this build")
        # the articles beside this annotation's (a check builds only those it links to)
        own = Path(where.path).parent
        there = [p.name for p in own.parent.iterdir() if p.is_dir() and p.name != own.name
                 ] if own.parent.is_dir() else []
        error.hint = did_you_mean(close_names(article, there)).strip() or None
        raise error
    found = table[article].get(ident)
    if found is None:
        error = _error(where, f"{article}/{ident} is not {what} of that article")
        error.hint = did_you_mean(close_names(ident, table[article])).strip() or None
        raise error
    return found
