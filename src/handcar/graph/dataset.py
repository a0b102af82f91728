"""Assembles the named graphs of the dataset from the articles' claims.

- ``asserted``: the triples the articles' claims support.
- ``text``: each article's plain text and the evidence anchors (W3C Web Annotation) into it.
- ``provenance``: sources, the claims as ``djo:Statement`` (who, where, evidence), and one
  ``rdf:Statement`` per supported triple linking it to its claim.
- ``enrichment`` and ``entailed`` are filled by :mod:`handcar.graph.enrichment` and
  :mod:`handcar.graph.entail`.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager

from handcar.annotation.anchor import Anchor
from handcar.baseiri import GRAPHS
from handcar.graph.claims import ArticleClaims
from handcar.graph.iris import Iris
from handcar.namespaces import DJO, NIF, OA, PREFIXES, PROV, SCHEMA


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
        prov.add(
            (claim.iri, RDFS.label, Literal(_label(claim.anchor.exact), lang=ac.meta.language))
        )
        _anchor(g["text"], evidence, claim.iri, text, claim.anchor, OA.describing)
        for n, (s, p, o) in enumerate(claim.triples, start=1):
            g["asserted"].add((s, p, o))
            fact = iris.scoped("fact", aid, claim.local, str(n))
            prov.add((fact, RDF.type, RDF.Statement))
            prov.add((fact, RDF.subject, s))
            prov.add((fact, RDF.predicate, p))
            prov.add((fact, RDF.object, o))
            prov.add((fact, DJO.assertedBy, claim.iri))
            if (s, p, o) in claim.derived:
                derived.add(fact)
    for first, second in ac.conflicts:
        g["provenance"].add((first, DJO.conflictsWith, second))
        g["provenance"].add((second, DJO.conflictsWith, first))
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
        prov.add((statement, RDFS.label, Literal(_label(note.anchor.exact), lang=ac.meta.language)))
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
        prov.add((ac.post, SCHEMA.text, Literal(post.text, lang="ru")))
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


def _label(quote: str, limit: int = 80) -> str:
    flat = " ".join(quote.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def add_graph_provenance(dataset: Dataset, iris: Iris, articles: list[URIRef]) -> None:
    """State that the asserted and text graphs derive from the articles (PROV-O)."""
    prov = dataset.graph(iris.graph("provenance"))
    for name in ("asserted", "text"):
        graph = iris.graph(name)
        prov.add((graph, RDF.type, PROV.Entity))
        for article in articles:
            prov.add((graph, PROV.wasDerivedFrom, article))
