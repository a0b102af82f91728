"""The build pipeline: articles → checked annotations → claims → one RDF dataset (nothing written
yet)."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Collection
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset

from handcar.annotation.checked import DeclaredRelation
from handcar.annotation.coverage import Coverage
from handcar.baseiri import DEFAULT_BASE
from handcar.build.article import (
    ArticleResult,
    Source,
    article_result,
    build_article,
    pack,
    unpack,
)
from handcar.build.cache import ArticleCache, Stamp
from handcar.errors import InputError
from handcar.graph.claims import Declared
from handcar.graph.dataset import (
    Compared,
    add_graph_provenance,
    add_reading_relations,
    new_dataset,
)
from handcar.graph.entail import add_entailed
from handcar.graph.identity import Identities, Link, add_identities
from handcar.graph.iris import Iris
from handcar.graph.readings import Reading
from handcar.graph.units import add_units
from handcar.namespaces import DJO, UNIT
from handcar.vocabulary import vocabulary

if TYPE_CHECKING:
    import pyoxigraph as ox

__all__ = ["BuildResult", "Source", "article_folders", "build_dataset", "check_article_id"]


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
    rebuilt: list[str] = field(default_factory=list)
    """The articles built by this build (the others came from the cache), in order."""
    quads: list[ox.Quad] | None = None
    """:attr:`dataset` in pyoxigraph terms once publishing has converted it
    (:func:`handcar.publish.rdf.converted`: one conversion, shared by the writers and the
    validator's SPARQL copy)."""


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


def check_article_id(folder: Path, fix: str = "rename the folder") -> None:
    """Raise InputError unless the folder's name is a valid article id; ``fix`` ends the
    message (what the user should do)."""
    name = folder.name
    if len(name) <= ARTICLE_ID_MAX and ARTICLE_ID.fullmatch(name):
        return
    shown = folder.parent / _printable(name)
    raise InputError(
        shown,
        None,
        f"{_printable(name)!r} is not a valid article id: use lower-case ASCII letters, digits"
        f" and single hyphens between them, at most {ARTICLE_ID_MAX} characters"
        f" (like moscow-times-2021-02-26-handcar); {fix}",
    )


def _printable(name: str) -> str:
    """The name with unprintable characters (controls, undecodable bytes) escaped."""
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in name)


def build_dataset(
    articles_dir: Path,
    base: str = DEFAULT_BASE,
    progress: Callable[[str, int, int], None] | None = None,
    *,
    executor: Executor | None = None,
    cache: Path | None = None,
    window: int = 64,
    only: Collection[str] | None = None,
) -> BuildResult:
    """Read every article and its annotation; raise InputError on the first bad input (in
    article order, whichever worker found it). ``progress(article_id, done, total)`` is called
    before each article's result is added.

    The per-article step (:func:`handcar.build.article.build_article`) runs on ``executor``
    (worker processes or a Dask cluster, :mod:`handcar.build.workers`) when there are two or
    more articles to build, else in this process; at most ``window`` results are in flight, and
    they are added in article order, so the dataset is the same whatever runs them. ``cache``:
    the cache folder (:mod:`handcar.build.cache`), None for none; ``only``: build just the
    articles with these ids (None: all). The cross-article steps run here, once."""
    iris = Iris(base)
    vocabulary()  # loaded once, before any worker is forked
    result = BuildResult(new_dataset(), iris)
    folders = [f for f in article_folders(articles_dir) if only is None or f.name in only]
    store = ArticleCache(cache / "articles", base) if cache is not None else None
    stamps = [store.stamp(folder) if store else None for folder in folders]
    hits = [store is not None and s is not None and store.has(s) for s in stamps]
    pool = executor if hits.count(False) > 1 else None
    corpus = _Corpus()
    pending: deque[Future[bytes] | None] = deque()

    def submit(n: int) -> None:
        if n < len(folders):
            run = pool is not None and not hits[n]
            pending.append(pool.submit(build_article, str(folders[n]), base) if run else None)

    try:
        for n in range(window):
            submit(n)
        for n, folder in enumerate(folders):
            future = pending.popleft()
            submit(n + window)
            if progress:
                progress(folder.name, n, len(folders))
            stamp = stamps[n]
            article = _cached(store, stamp) if hits[n] else None
            if article is None:
                if future is not None:
                    payload: bytes | None = future.result()
                    article = unpack(payload)
                else:  # in this process: pickled only for the cache
                    article = article_result(folder, base)
                    payload = pack(article) if store and stamp else None
                result.rebuilt.append(article.id)
                if store and stamp and payload and stamp.unchanged(folder):
                    store.put(stamp, payload)
            corpus.add(result, article)
    finally:
        for future in pending:
            if future is not None:
                future.cancel()
    corpus.finish(result)
    return result


def _cached(store: ArticleCache | None, stamp: Stamp | None) -> ArticleResult | None:
    """The cached result under ``stamp``, or None when there is none that reads back whole."""
    payload = store.get(stamp) if store and stamp else None
    if payload is None:
        return None
    try:
        return unpack(payload)
    except Exception:  # an entry of another handcar, or damaged past its checksum
        return None


@dataclass
class _Corpus:
    """What the cross-article steps collect from the articles, in article order."""

    identities: Identities = field(default_factory=Identities)
    readings: list[Reading] = field(default_factory=list)
    declared: list[Declared] = field(default_factory=list)
    external: list[tuple[str, DeclaredRelation]] = field(default_factory=list)
    journeys: set[str] = field(default_factory=set)

    def add(self, result: BuildResult, article: ArticleResult) -> None:
        article.quads.add_to(result.dataset)
        result.derived |= article.derived
        result.curated |= article.curated
        self.identities.add_article(
            article.id, article.things, article.values, article.identities, article.scoped
        )
        self.readings += article.readings
        self.declared += article.declared
        self.external += [(article.id, d) for d in article.external]
        cover = article.coverage
        result.coverage.append(cover)
        result.warnings += [f"{article.id}: sentence not annotated: {s!r}" for s in cover.missing]
        result.articles.append(article.id)
        result.sources.append(article.source)
        self.journeys |= article.journeys

    def finish(self, result: BuildResult) -> None:
        """The cross-article steps: units, identity links, readings compared, graph
        provenance, entailment."""
        vocab, iris, dataset = vocabulary(), result.iris, result.dataset
        result.journeys = sorted(self.journeys)
        asserted = dataset.graph(iris.graph("asserted"))
        add_units(dataset, iris, (str(u)[len(UNIT) :] for u in asserted.objects(None, DJO.unit)))
        result.links = self.identities.resolve()
        headlines = {s.id: s.headline for s in result.sources}
        add_identities(dataset, iris, result.links, headlines)
        declared = self.declared + [self.identities.declared(d, a) for a, d in self.external]
        result.relations = add_reading_relations(
            dataset, iris, self.readings, declared, self.identities.same, vocab
        )
        add_graph_provenance(dataset, iris, [iris.article(a) for a in result.articles])
        stated = [dataset.graph(iris.graph(g)) for g in ("asserted", "text", "provenance")]
        add_entailed(dataset.graph(iris.graph("entailed")), stated, vocab)
