"""The build pipeline: articles → annotations → claims → one RDF dataset (nothing written yet)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from handcar.annotation import load_annotation
from handcar.article import load_article
from handcar.coverage import Coverage, coverage
from handcar.enrichment import add_enrichment, load_enrichment
from handcar.errors import InputError
from handcar.graph.claims import build_claims
from handcar.graph.dataset import add_article, add_graph_provenance, new_dataset
from handcar.graph.entail import add_entailed
from handcar.graph.iris import DEFAULT_BASE, Iris
from handcar.vocabulary import vocabulary


@dataclass
class BuildResult:
    """The dataset and what the build learnt on the way."""

    dataset: Dataset
    iris: Iris
    articles: list[str] = field(default_factory=list)
    coverage: list[Coverage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def article_folders(articles_dir: Path) -> list[Path]:
    """Every ``<id>/`` under ``articles_dir`` that holds an ``article.md``, in name order."""
    if not articles_dir.is_dir():
        raise InputError(articles_dir, None, "articles folder not found")
    folders = sorted(p for p in articles_dir.iterdir() if (p / "article.md").is_file())
    if not folders:
        raise InputError(articles_dir, None, "no articles found (expected <id>/article.md)")
    return folders


def build_dataset(
    articles_dir: Path,
    base: str = DEFAULT_BASE,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Read every article and its annotation; raise InputError on the first bad input."""
    vocab = vocabulary()
    iris = Iris(base)
    result = BuildResult(new_dataset(), iris)
    sources = []
    for folder in article_folders(articles_dir):
        if progress:
            progress(folder.name)
        article = load_article(folder)
        loaded = load_annotation(folder / "annotation.yaml")
        claims = build_claims(loaded, article, vocab, iris)
        add_article(result.dataset, iris, claims)
        enrichment_file = folder / "enrichment.yaml"
        if enrichment_file.exists():
            enrichment, facts = load_enrichment(enrichment_file, claims.things, vocab)
            add_enrichment(result.dataset, iris, article.id, enrichment, facts)
        cover = coverage(claims)
        result.coverage.append(cover)
        result.warnings += [f"{article.id}: sentence not annotated: {s!r}" for s in cover.missing]
        result.articles.append(article.id)
        sources.append(iris.article(article.id))
    add_graph_provenance(result.dataset, iris, sources)
    stated = [result.dataset.graph(iris.graph(g)) for g in ("asserted", "text", "provenance")]
    add_entailed(result.dataset.graph(iris.graph("entailed")), stated, vocab)
    return result
