"""Assembles the named graphs of the dataset from the articles' claims.

- ``asserted``: the triples the articles' claims support.
- ``text``: each article's plain text and the evidence anchors (W3C Web Annotation) into it.
- ``provenance``: sources, the claims as ``djo:Statement`` (who, where, evidence), and one
  ``rdf:Statement`` per supported triple linking it to its claim.
- the relations between readings (:func:`add_reading_relations`), in ``provenance``: one
  ``djo:ReadingComparison`` per pair of values of the same property of the same thing, within
  and across articles (after the curators' identity links), computed by handcar or declared by
  the curator, and the direct links between the two values (``djo:compatibleWith``, …).
- ``enrichment`` and ``entailed`` are filled by :mod:`handcar.graph.enrichment` and
  :mod:`handcar.graph.entail`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager

from handcar.annotation.anchor import Anchor
from handcar.baseiri import GRAPHS
from handcar.graph.claims import ArticleClaims, Declared
from handcar.graph.enrichment import CURATORS
from handcar.graph.iris import Iris
from handcar.graph.readings import APPROXIMATE_TOLERANCE, Reading, Relation, compare
from handcar.languages import script_of, words_language
from handcar.namespaces import DJO, NIF, OA, PREFIXES, PROV, SCHEMA
from handcar.ontology import transitive_closure
from handcar.vocabulary import Vocabulary


def new_dataset() -> Dataset:
    """An empty dataset with handcar's prefixes bound and nothing else."""
    dataset = Dataset()
    dataset.namespace_manager = NamespaceManager(dataset, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True, replace=True)
    return dataset


def graphs(dataset: Dataset, iris: Iris) -> dict[str, Graph]:
    return {name: dataset.graph(iris.graph(name)) for name in GRAPHS}


def add_article(dataset: Dataset, iris: Iris, ac: ArticleClaims) -> set[URIRef]:
    """Write one article's claims into the asserted, text and provenance graphs; return the
    facts (``rdf:Statement`` IRIs) whose triple handcar derived rather than read."""
    g = graphs(dataset, iris)
    derived: set[URIRef] = set()
    art, aid = ac.article, ac.article.id
    article, text = iris.article(aid), iris.text(aid)
    _source(g["provenance"], ac, article, text)
    g["text"].add((text, RDF.type, DJO.ArticleText))
    g["text"].add((text, RDF.type, NIF.Context))
    g["text"].add((text, NIF.isString, Literal(art.text)))
    g["text"].add((text, RDFS.label, Literal(f"plain text of {ac.meta.headline}", lang="en")))
    g["text"].add((text, DJO.sourceFile, Literal(f"articles/{aid}/article.md")))
    for claim in ac.claims:
        evidence = iris.scoped("evidence", aid, claim.local)
        prov = g["provenance"]
        prov.add((claim.iri, RDF.type, DJO.Statement))
        prov.add((claim.iri, DJO.statedBy, claim.agent))
        prov.add((claim.iri, DJO.statedIn, claim.source))
        prov.add((claim.iri, DJO.reportedIn, article))
        prov.add((claim.iri, DJO.hasEvidence, evidence))
        prov.add((claim.iri, RDFS.label, _label(claim.anchor.exact, ac)))
        _anchor(g["text"], evidence, claim.iri, text, claim.anchor, OA.describing)
        for n, (s, p, o) in enumerate(claim.triples, start=1):
            g["asserted"].add((s, p, o))
            fact = iris.fact(aid, claim.local, n)
            prov.add((fact, RDF.type, RDF.Statement))
            prov.add((fact, RDF.subject, s))
            prov.add((fact, RDF.predicate, p))
            prov.add((fact, RDF.object, o))
            prov.add((fact, DJO.assertedBy, claim.iri))
            if (s, p, o) in claim.derived:
                derived.add(fact)
    for note in ac.notes:
        statement = iris.scoped("statement", aid, note.id)
        evidence = iris.scoped("evidence", aid, note.id)
        prov = g["provenance"]
        prov.add((statement, RDF.type, DJO.NotModelled))
        prov.add((statement, DJO.reason, Literal(note.reason)))
        prov.add((statement, DJO.statedBy, ac.publisher))
        prov.add((statement, DJO.statedIn, article))
        prov.add((statement, DJO.reportedIn, article))
        prov.add((statement, DJO.hasEvidence, evidence))
        prov.add((statement, RDFS.label, _label(note.anchor.exact, ac)))
        _anchor(g["text"], evidence, statement, text, note.anchor, OA.commenting)
        g["text"].add((evidence, OA.bodyValue, Literal(note.reason)))
    return derived


def _source(prov: Graph, ac: ArticleClaims, article: URIRef, text: URIRef) -> None:
    art, meta = ac.article, ac.meta
    prov.add((article, RDF.type, DJO.NewsArticle))
    prov.add((article, SCHEMA.headline, Literal(meta.headline, lang=meta.language)))
    prov.add((article, RDFS.label, Literal(meta.headline, lang=meta.language)))
    prov.add((article, SCHEMA.datePublished, Literal(meta.date.isoformat(), datatype=XSD.date)))
    if meta.url is not None:
        prov.add((article, SCHEMA.url, Literal(meta.url, datatype=XSD.anyURI)))
    if meta.byline is not None:
        prov.add((article, SCHEMA.creditText, Literal(meta.byline, lang=meta.language)))
    prov.add((article, SCHEMA.inLanguage, Literal(meta.language)))
    prov.add((article, DJO.publishedBy, ac.publisher))
    if ac.unnamed_publisher:  # no words name it: described here, with the article's metadata
        prov.add((ac.publisher, RDF.type, DJO.Organization))  # the range of djo:publishedBy
        prov.add((ac.publisher, RDF.type, DJO.UnnamedAgent))
        label = f"the unnamed publisher of \u201c{meta.headline}\u201d"
        prov.add((ac.publisher, RDFS.label, Literal(label, lang="en")))
    prov.add((article, DJO.hasText, text))
    if ac.photo is not None:
        prov.add((article, DJO.embeds, ac.photo))
        if art.caption is not None:
            caption = art.text[art.caption.span.start : art.caption.span.end]
            prov.add((ac.photo, DJO.caption, Literal(caption, lang=ac.meta.language)))
    if ac.post is not None and art.post is not None:
        post = art.post
        prov.add((article, DJO.embeds, ac.post))
        language = words_language(post.text, meta.language, script_of(art.text))
        prov.add((ac.post, SCHEMA.text, Literal(post.text, lang=language)))
        prov.add((ac.post, SCHEMA.datePublished, Literal(post.date.isoformat(), datatype=XSD.date)))
        for link in post.shared_links:
            prov.add((ac.post, SCHEMA.citation, Literal(link, datatype=XSD.anyURI)))
        if post.media_url:
            prov.add(
                (ac.post, SCHEMA.associatedMedia, Literal(post.media_url, datatype=XSD.anyURI))
            )


def _anchor(
    text_graph: Graph,
    node: URIRef,
    body: URIRef | None,
    text: URIRef,
    anchor: Anchor,
    motivation: URIRef,
) -> None:
    target = URIRef(f"{node}.target")
    quote, position = URIRef(f"{node}.quote"), URIRef(f"{node}.position")
    t = text_graph
    t.add((node, RDF.type, OA.Annotation))
    if body is not None:
        t.add((node, RDF.type, DJO.EvidenceAnchor))
        t.add((node, OA.hasBody, body))
    t.add((node, OA.motivatedBy, motivation))
    t.add((node, OA.hasTarget, target))
    t.add((target, RDF.type, OA.SpecificResource))
    t.add((target, OA.hasSource, text))
    t.add((target, OA.hasSelector, quote))
    t.add((target, OA.hasSelector, position))
    t.add((quote, RDF.type, OA.TextQuoteSelector))
    t.add((quote, OA.exact, Literal(anchor.exact)))
    t.add((quote, OA.prefix, Literal(anchor.prefix)))
    t.add((quote, OA.suffix, Literal(anchor.suffix)))
    t.add((position, RDF.type, OA.TextPositionSelector))
    t.add((position, OA.start, Literal(str(anchor.start), datatype=XSD.nonNegativeInteger)))
    t.add((position, OA.end, Literal(str(anchor.end), datatype=XSD.nonNegativeInteger)))


def _label(quote: str, ac: ArticleClaims, limit: int = 80) -> Literal:
    """A statement's label: its quoted words (shortened), tagged with their language."""
    flat = " ".join(quote.split())
    words = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return Literal(words, lang=words_language(words, ac.meta.language, script_of(ac.article.text)))


def add_graph_provenance(dataset: Dataset, iris: Iris, articles: list[URIRef]) -> None:
    """State that the asserted and text graphs derive from the articles (PROV-O)."""
    prov = dataset.graph(iris.graph("provenance"))
    for name in ("asserted", "text"):
        graph = iris.graph(name)
        prov.add((graph, RDF.type, PROV.Entity))
        for article in articles:
            prov.add((graph, PROV.wasDerivedFrom, article))


RULE = (
    "Each value is read as the interval of values it allows, in the base unit of its dimension"
    ' (converted with QUDT\'s conversion multipliers): an exact value is a point; "about N" is'
    f" N plus or minus {APPROXIMATE_TOLERANCE.numerator}/{APPROXIMATE_TOLERANCE.denominator} of N;"
    ' "more than"/"less than" are open half-lines and "at least"/"at most" closed ones (an'
    " upper bound alone starts at zero for a length, time, count, mass, area or volume, which is"
    " never negative); a calendar time covers its days. Two values that different statements"
    " give for the same property of the same thing are the same reading (equal intervals), one"
    " more precise (its interval strictly inside the other), compatible (the intervals overlap"
    " otherwise) or contradictory (no common value)."
)
_DIRECT = {
    Relation.SAME.value: DJO.sameReadingAs,
    Relation.COMPATIBLE.value: DJO.compatibleWith,
    Relation.CONTRADICTORY.value: DJO.contradicts,
    Relation.DIFFERENT_QUESTIONS.value: DJO.otherReadingOf,
}
_WORDS = {
    Relation.SAME.value: "the same reading",
    Relation.COMPATIBLE.value: "compatible readings",
    Relation.MORE_PRECISE.value: "one reading more precise",
    Relation.CONTRADICTORY.value: "contradictory readings",
    Relation.DIFFERENT_QUESTIONS.value: "different readings of one number",
}


@dataclass(frozen=True)
class Compared:
    """One published pair of readings: its relation (a DJO ReadingRelation local name), and
    whether its two readings come from two articles."""

    relation: str
    across: bool


def _across(iris: Iris, first: URIRef, second: URIRef) -> bool:
    return iris.article_of(str(first)) != iris.article_of(str(second))


def add_reading_relations(
    dataset: Dataset,
    iris: Iris,
    readings: Iterable[Reading],
    declared: list[Declared],
    same: Callable[[str], str] = str,
    vocab: Vocabulary | None = None,
) -> list[Compared]:
    """Compare every reading (:func:`handcar.graph.readings.compare`), of every article, with
    the readings of the same property of the same thing (``same`` gives each thing the
    representative of the things linked to it across articles; places relate by the
    ``djo:locatedIn`` facts, asserted or enrichment, of ``vocab``'s sub-properties), and write
    every relation, computed or declared, to the provenance graph; return what each pair is
    (the relation's local name, within one article or across two). A pair the curator declares
    is published as declared, not also as computed."""
    prov = dataset.graph(iris.graph("provenance"))
    pairs = {frozenset((d.first, d.second)) for d in declared}
    kinds = []
    activity = iris.entity("activity", "compare-readings")
    within = _within(dataset, iris, vocab, same) if vocab is not None else {}
    linked = (
        replace(r, subject=same(r.subject), entity=r.entity and same(r.entity)) for r in readings
    )
    computed = [
        c
        for c in compare(linked, within)
        if frozenset((URIRef(c.first.value), URIRef(c.second.value))) not in pairs
    ]
    if computed:
        prov.add((activity, RDF.type, PROV.Activity))
        prov.add((activity, RDFS.label, Literal("handcar's comparison of readings", lang="en")))
        prov.add((activity, RDFS.comment, Literal(RULE, lang="en")))
    for c in computed:
        first, second = URIRef(c.first.value), URIRef(c.second.value)
        more = None if c.more_precise is None else URIRef(c.more_precise)
        node = _relation(prov, iris, first, second, c.relation.value, c.explanation, more)
        prov.add((node, PROV.wasGeneratedBy, activity))
        kinds.append(Compared(c.relation.value, _across(iris, first, second)))
    if declared:
        curators = iris.entity("org", CURATORS)
        prov.add((curators, RDF.type, DJO.Organization))
        prov.add((curators, RDFS.label, Literal("handcar curators", lang="en")))
    for d in declared:
        more = d.first if d.relation == Relation.MORE_PRECISE.value else None
        node = _relation(prov, iris, d.first, d.second, d.relation, d.reason, more)
        prov.add((node, PROV.wasAttributedTo, curators))
        kinds.append(Compared(d.relation, _across(iris, d.first, d.second)))
    return kinds


def _short_name(value: URIRef, iris: Iris) -> str:
    """A value's local id (``distance-more``); a fact's is its statement's and its number
    (``arrival.5``)."""
    kind, local = iris.split(str(value)) or ("", str(value))
    return ".".join(local.split(".")[-2 if kind == "fact" else -1 :])


def _within(
    dataset: Dataset, iris: Iris, vocab: Vocabulary, same: Callable[[str], str]
) -> dict[str, frozenset[str]]:
    """Each place (its representative) → the places the data puts it in, transitively."""
    located = [p for p, ups in vocab.superproperties.items() if DJO.locatedIn in ups]
    edges: dict[str, set[str]] = defaultdict(set)
    for name in ("asserted", "enrichment"):
        graph = dataset.graph(iris.graph(name))
        for prop in located:
            for s, o in graph.subject_objects(prop):
                edges[same(str(s))].add(same(str(o)))
    return transitive_closure(edges, edges)


def _relation(
    prov: Graph,
    iris: Iris,
    first: URIRef,
    second: URIRef,
    relation: str,
    reason: str,
    more_precise: URIRef | None,
) -> URIRef:
    """One comparison node and the direct links between its two values."""
    first, second = sorted((first, second))
    local = "--".join(str(v)[len(iris.base) :].replace("/", ".") for v in (first, second))
    node = iris.entity("comparison", local)
    prov.add((node, RDF.type, DJO.ReadingComparison))
    prov.add((node, DJO.comparedReading, first))
    prov.add((node, DJO.comparedReading, second))
    prov.add((node, DJO.readingRelation, DJO[relation]))
    prov.add((node, DJO.reason, Literal(reason)))
    names = " and ".join(_short_name(v, iris) for v in (first, second))
    prov.add((node, RDFS.label, Literal(f"{_WORDS[relation]}: {names}", lang="en")))
    if more_precise is not None:
        other = second if more_precise == first else first
        prov.add((node, DJO.morePreciseValue, more_precise))
        prov.add((more_precise, DJO.morePreciseThan, other))
    else:
        prov.add((first, _DIRECT[relation], second))
        prov.add((second, _DIRECT[relation], first))
    return node
