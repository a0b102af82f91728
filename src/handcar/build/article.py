"""One article through the per-article stages: article.md and its annotation (and enrichment)
→ checked → claims → the article's quads, and what the corpus-wide steps need from it.

:func:`build_article` is what a worker runs (a process of the build's pool, a Dask worker, or
the build itself with ``--jobs 1``). It takes plain arguments and returns the pickled
:class:`ArticleResult`, so the same bytes cross a process boundary and go into the cache
(:mod:`handcar.build.cache`) without a second serialisation. The quads travel as
:class:`PackedQuads`: each distinct term once and the quads as indices into that table, about a
fraction of the size of pickling rdflib's terms quad by quad.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from rdflib import RDF, BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from handcar.annotation import load_annotation
from handcar.annotation.checked import DeclaredRelation, IdentityLink
from handcar.annotation.coverage import Coverage, coverage
from handcar.annotation.enrichment import load_enrichment
from handcar.annotation.resolve import resolve
from handcar.article import load_article
from handcar.graph.claims import ArticleClaims, Declared, build_claims
from handcar.graph.dataset import add_article
from handcar.graph.enrichment import add_curator_labels, add_enrichment
from handcar.graph.iris import Iris
from handcar.graph.readings import Reading
from handcar.vocabulary import Vocabulary, vocabulary

PICKLE_PROTOCOL = 5


@dataclass(frozen=True)
class Source:
    """What the build knows of one source article: its metadata and its plain text."""

    id: str
    iri: str
    headline: str
    url: str
    date: str
    """The publication date, ``YYYY-MM-DD``."""
    publisher: str
    """The publisher's IRI."""
    text: str
    """The plain text that evidence offsets count in (``nif:isString``)."""
    sentences: tuple[tuple[int, int], ...] = ()
    """The sentences of :attr:`text` as ``(start, end)`` offsets, in text order."""
    language: str = "en"
    """The article's language (BCP 47)."""


Term = tuple[str, str, str | None, str | None]
"""A term as plain strings: kind (``I`` IRI, ``L`` literal, ``B`` blank node), its value (a
literal's exact lexical form), a literal's language and datatype."""


def _plain(term: Node) -> Term:
    if isinstance(term, Literal):
        datatype = None if term.datatype is None else str(term.datatype)
        return ("L", str(term), term.language, datatype)
    return ("I" if isinstance(term, URIRef) else "B", str(term), None, None)


def _rdflib(term: Term) -> Node:
    kind, value, language, datatype = term
    if kind == "L":  # the lexical form exactly as it was: never normalised
        return Literal(value, lang=language, datatype=datatype, normalize=False)
    return URIRef(value) if kind == "I" else BNode(value)


class QuadSink:
    """What the graph functions (:func:`handcar.graph.dataset.add_article` and the enrichment
    writers) add, as quads in the order they add them: the part of rdflib's ``Dataset`` they
    use (``graph(name).add(triple)``), without building an rdflib store the build would only
    copy into its own."""

    def __init__(self) -> None:
        self.quads: list[tuple[Node, Node, Node, URIRef]] = []

    def graph(self, name: URIRef) -> _SinkGraph:
        return _SinkGraph(self.quads, name)


class _SinkGraph:
    def __init__(self, quads: list[tuple[Node, Node, Node, URIRef]], name: URIRef) -> None:
        self._quads, self.identifier = quads, name

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        self._quads.append((*triple, self.identifier))


@dataclass(frozen=True)
class PackedQuads:
    """Quads as a table of distinct terms (plain strings, so a literal keeps its lexical form
    through pickling, which rdflib's own terms do not promise) and, per quad, four indices into
    it (subject, predicate, object, graph name), in the order they were added."""

    terms: tuple[Term, ...]
    indices: array

    @classmethod
    def of(cls, quads: Iterable[tuple[Node, Node, Node, URIRef]]) -> PackedQuads:
        table: dict[tuple[type, Node], int] = {}
        terms: list[Term] = []
        indices = array("I")
        for quad in quads:
            for term in quad:
                key = (type(term), term)
                found = table.get(key)
                if found is None:
                    found = table[key] = len(terms)
                    terms.append(_plain(term))
                indices.append(found)
        return cls(tuple(terms), indices)

    def __len__(self) -> int:
        return len(self.indices) // 4

    def add_to(self, dataset: Dataset) -> None:
        """Add the quads to ``dataset``, in their order."""
        terms = [_rdflib(t) for t in self.terms]
        ix = self.indices
        graphs = {i: dataset.graph(terms[i]) for i in set(ix[3::4])}
        # to the store directly: Dataset.addN would look up the graph of every quad again
        dataset.store.addN(
            (terms[ix[n]], terms[ix[n + 1]], terms[ix[n + 2]], graphs[ix[n + 3]])
            for n in range(0, len(ix), 4)
        )


@dataclass(frozen=True)
class ArticleResult:
    """What the corpus-wide steps need from one article."""

    id: str
    quads: PackedQuads
    """The article's part of the asserted, text, provenance and enrichment graphs."""
    derived: frozenset[str]
    """Facts (``rdf:Statement`` IRIs) whose triple handcar derived from a stated one."""
    curated: frozenset[str]
    """Facts of the labels the curators wrote."""
    things: dict[str, URIRef]
    values: dict[str, URIRef]
    scoped: frozenset[str]
    """Ids of the things whose IRIs are the article's own (events, unnamed things)."""
    identities: tuple[IdentityLink, ...]
    readings: tuple[Reading, ...]
    declared: tuple[Declared, ...]
    external: tuple[DeclaredRelation, ...]
    coverage: Coverage
    source: Source
    journeys: frozenset[str]


def build_article(folder: str, base: str) -> bytes:
    """The pickled :class:`ArticleResult` of the article in ``folder``; raises
    :class:`~handcar.errors.InputError` on bad input, as the serial build did."""
    return pack(article_result(Path(folder), base))


def pack(result: ArticleResult) -> bytes:
    """``result`` pickled: what crosses to the build's process and goes into the cache."""
    return pickle.dumps(result, protocol=PICKLE_PROTOCOL)


def article_result(folder: Path, base: str) -> ArticleResult:
    """One article through load, resolve, claims and its graphs."""
    vocab = vocabulary()
    iris = Iris(base)
    article = load_article(folder)
    checked = resolve(load_annotation(folder / "annotation.yaml"), article, vocab)
    enrichment_file = folder / "enrichment.yaml"
    enrichment = None
    if enrichment_file.exists():
        enrichment = load_enrichment(enrichment_file, checked, vocab)
    claims = build_claims(checked, vocab, iris)
    sink = QuadSink()
    dataset = cast(Dataset, sink)  # the graph functions only add to it
    derived = add_article(dataset, iris, claims)
    curated = add_curator_labels(dataset, iris, claims)
    readings = list(claims.readings)
    if enrichment is not None:  # enrichment facts can be readings too
        readings += add_enrichment(
            dataset, iris, article.id, enrichment, claims.things, vocab.one_value_per_reading
        )
    return ArticleResult(
        id=article.id,
        quads=PackedQuads.of(sink.quads),
        derived=frozenset(str(f) for f in derived),
        curated=frozenset(str(f) for f in curated),
        things=claims.things,
        values=claims.values,
        scoped=frozenset(t.id for t in checked.things if t.scoped),
        identities=checked.identities,
        readings=tuple(readings),
        declared=tuple(claims.declared),
        external=claims.external,
        coverage=coverage(checked),
        source=source_of(claims, iris),
        journeys=frozenset(journeys_of(claims, vocab)),
    )


def unpack(payload: bytes) -> ArticleResult:
    """The :class:`ArticleResult` pickled by :func:`build_article`."""
    result = pickle.loads(payload)
    if not isinstance(result, ArticleResult):
        raise TypeError(f"not an article result: {type(result).__name__}")
    return result


def source_of(claims: ArticleClaims, iris: Iris) -> Source:
    """The metadata of the article ``claims`` come from."""
    article = claims.article
    return Source(
        id=article.id,
        iri=str(iris.article(article.id)),
        headline=claims.meta.headline,
        url=claims.meta.url or "",
        date=claims.meta.date.isoformat(),
        publisher=str(claims.publisher),
        text=article.text,
        sentences=tuple((s.start, s.end) for s in article.sentences),
        language=claims.meta.language,
    )


def journeys_of(claims: ArticleClaims, vocab: Vocabulary) -> set[str]:
    """IRIs of the journeys (djo:Journey or a subclass) the claims type as such."""
    return {
        str(s)
        for claim in claims.claims
        for s, p, o in claim.triples
        if p == RDF.type and isinstance(o, URIRef) and vocab.is_a([o], "Journey")
    }
