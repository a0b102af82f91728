"""The build pipeline: articles → checked annotations → claims → one RDF dataset (nothing written
yet)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Dataset, URIRef

from handcar.annotation import load_annotation
from handcar.annotation.checked import DeclaredRelation
from handcar.annotation.coverage import Coverage, coverage
from handcar.annotation.enrichment import load_enrichment
from handcar.annotation.resolve import resolve
from handcar.article import load_article
from handcar.baseiri import DEFAULT_BASE
from handcar.errors import InputError
from handcar.graph.claims import ArticleClaims, Declared, build_claims
from handcar.graph.dataset import (
    Compared,
    add_article,
    add_graph_provenance,
    add_reading_relations,
    new_dataset,
)
from handcar.graph.enrichment import add_curator_labels, add_enrichment
from handcar.graph.entail import add_entailed
from handcar.graph.identity import Identities, Link, add_identities
from handcar.graph.iris import Iris
from handcar.graph.readings import Reading
from handcar.graph.units import add_units
from handcar.namespaces import DJO, UNIT
from handcar.vocabulary import Vocabulary, vocabulary


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


@dataclass
class BuildResult:
    """The dataset and what the build learnt on the way."""

    dataset: Dataset
    iris: Iris
    articles: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    """The articles' metadata, in the order of :attr:`articles`."""
    journeys: list[str] = field(default_factory=list)
    """IRIs of every journey (a djo:Journey or subclass) the articles assert, sorted."""
    coverage: list[Coverage] = field(default_factory=list)
    derived: set[str] = field(default_factory=set)
    """IRIs of the facts (``rdf:Statement``) whose triple handcar derived from a stated one."""
    curated: set[str] = field(default_factory=set)
    """IRIs of the facts (``rdf:Statement``) of the labels the curators wrote (``label:``)."""
    warnings: list[str] = field(default_factory=list)
    relations: list[Compared] = field(default_factory=list)
    """The relation (a DJO ReadingRelation local name) of every pair of readings compared."""
    links: list[Link] = field(default_factory=list)
    """The curators' identity links between articles, checked."""


ARTICLE_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ARTICLE_ID_MAX = 80


def article_folders(articles_dir: Path) -> list[Path]:
    """Every article folder ``<id>/`` under ``articles_dir``, in name order.

    Entries whose name starts with ``.`` (``.git``, ``.DS_Store``) and anything that is not a
    folder (``README.md``) are ignored. Every other folder is an article: its name must be a
    valid article id (:data:`ARTICLE_ID`) and it must hold an ``article.md``."""
    if not articles_dir.is_dir():
        raise InputError(articles_dir, None, "articles folder not found")
    folders = []
    for entry in sorted(articles_dir.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        check_article_id(entry)
        if not (entry / "article.md").exists():
            raise InputError(
                entry,
                None,
                "an article folder without article.md: add the article, or move the folder"
                " out of the articles folder",
            )
        folders.append(entry)
    if not folders:
        raise InputError(articles_dir, None, "no articles found (expected <id>/article.md)")
    return folders


def check_article_id(folder: Path) -> None:
    """Raise InputError unless the folder's name is a valid article id."""
    name = folder.name
    if len(name) <= ARTICLE_ID_MAX and ARTICLE_ID.fullmatch(name):
        return
    shown = folder.parent / _printable(name)
    raise InputError(
        shown,
        None,
        f"{_printable(name)!r} is not a valid article id: use lower-case ASCII letters, digits"
        f" and single hyphens between them, at most {ARTICLE_ID_MAX} characters"
        " (like moscow-times-2021-02-26-handcar); rename the folder",
    )


def _printable(name: str) -> str:
    """The name with unprintable characters (controls, undecodable bytes) escaped."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)


def build_dataset(
    articles_dir: Path,
    base: str = DEFAULT_BASE,
    progress: Callable[[str, int, int], None] | None = None,
) -> BuildResult:
    """Read every article and its annotation; raise InputError on the first bad input.
    ``progress(article_id, done, total)`` is called before each article."""
    vocab = vocabulary()
    iris = Iris(base)
    result = BuildResult(new_dataset(), iris)
    sources = []
    journeys: set[str] = set()
    identities = Identities()
    readings: list[Reading] = []
    declared: list[Declared] = []
    external: list[tuple[str, DeclaredRelation]] = []
    folders = article_folders(articles_dir)
    for done, folder in enumerate(folders):
        if progress:
            progress(folder.name, done, len(folders))
        article = load_article(folder)
        checked = resolve(load_annotation(folder / "annotation.yaml"), article, vocab)
        enrichment_file = folder / "enrichment.yaml"
        enrichment = None
        if enrichment_file.exists():
            enrichment = load_enrichment(enrichment_file, checked, vocab)
        claims = build_claims(checked, vocab, iris)
        result.derived |= {str(f) for f in add_article(result.dataset, iris, claims)}
        result.curated |= {str(f) for f in add_curator_labels(result.dataset, iris, claims)}
        identities.add(claims, checked.identities, {t.id for t in checked.things if t.scoped})
        readings += claims.readings
        declared += claims.declared
        external += [(article.id, d) for d in claims.external]
        if enrichment is not None:
            readings += add_enrichment(
                result.dataset, iris, article.id, enrichment, claims.things,
                vocab.one_value_per_reading,
            )
        cover = coverage(checked)
        result.coverage.append(cover)
        result.warnings += [f"{article.id}: sentence not annotated: {s!r}" for s in cover.missing]
        result.articles.append(article.id)
        result.sources.append(source_of(claims, iris))
        journeys |= journeys_of(claims, vocab)
        sources.append(iris.article(article.id))
    result.journeys = sorted(journeys)
    asserted = result.dataset.graph(iris.graph("asserted"))
    add_units(result.dataset, iris, (str(u)[len(UNIT) :] for u in asserted.objects(None, DJO.unit)))
    result.links = identities.resolve()
    headlines = {s.id: s.headline for s in result.sources}
    add_identities(result.dataset, iris, result.links, headlines)
    declared += [identities.declared(d, aid) for aid, d in external]
    result.relations = add_reading_relations(
        result.dataset, iris, readings, declared, identities.same, vocab
    )
    add_graph_provenance(result.dataset, iris, sources)
    stated = [result.dataset.graph(iris.graph(g)) for g in ("asserted", "text", "provenance")]
    add_entailed(result.dataset.graph(iris.graph("entailed")), stated, vocab)
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
    )


def journeys_of(claims: ArticleClaims, vocab: Vocabulary) -> set[str]:
    """IRIs of the journeys (djo:Journey or a subclass) the claims type as such."""
    return {
        str(s)
        for claim in claims.claims
        for s, p, o in claim.triples
        if p == RDF.type and isinstance(o, URIRef) and vocab.is_a([o], "Journey")
    }
