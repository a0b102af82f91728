"""The article's metadata, from ``article.md``'s front matter and the annotation's ``article:``.

The front matter (:mod:`handcar.article.frontmatter`) is read with the annotation's safe YAML
reader (same limits, same refusals) and checked against :class:`~handcar.annotation.model.Metadata`;
errors name ``article.md`` and its line. Each key may be given in one of the two places, not
both (two places could disagree); ``headline`` and ``date`` are required, ``language`` defaults
to ``en``; ``url`` and ``byline`` are optional. Nothing is read from the article's paragraphs.
"""

from __future__ import annotations

from handcar.annotation.checked import ArticleMeta
from handcar.annotation.load import LoadedAnnotation, problems_of, validated
from handcar.annotation.model import METADATA_KEYS, Metadata
from handcar.annotation.yamlsource import YamlDocument, parse_yaml
from handcar.article import Article
from handcar.errors import AnnotationError

REQUIRED = ("headline", "date")


def front_matter(article: Article) -> tuple[Metadata, YamlDocument | None]:
    """The metadata of ``article``'s front matter (empty when it has none)."""
    if article.front_matter is None:
        return Metadata(), None
    document = parse_yaml(article.front_matter.yaml, article.path)
    if document.data is None:  # an empty front matter
        return Metadata(), document
    return validated(Metadata, document), document


def front_matter_problems(article: Article) -> list[AnnotationError]:
    """Every problem of ``article``'s front matter, each at its line (``handcar check``;
    :func:`front_matter` raises the first)."""
    if article.front_matter is None:
        return []
    try:
        document = parse_yaml(article.front_matter.yaml, article.path)
    except AnnotationError as exc:  # not YAML: that one problem
        return [exc]
    if document.data is None:  # an empty front matter
        return []
    return problems_of(Metadata, document)


def article_metadata(article: Article, loaded: LoadedAnnotation) -> ArticleMeta:
    """The article's metadata, each key from the front matter or the annotation."""
    front, document = front_matter(article)
    info = loaded.annotation.article
    values = {}
    for key in METADATA_KEYS:
        here, there = getattr(front, key), getattr(info, key)
        if here is not None and there is not None:
            assert document is not None
            raise loaded.error(
                f"{key} is also given in the front matter of {article.path} (line"
                f" {document.line((key,))}): give it in one place",
                "article",
                key,
            )
        values[key] = here if here is not None else there
    for key in REQUIRED:
        if values[key] is None:
            raise AnnotationError(
                loaded.source.path,
                loaded.line("article"),
                f"the article has no {key}: give {key} in the front matter of article.md"
                " or under article: in the annotation (articles/README.md)",
            )
    return ArticleMeta(
        headline=values["headline"],
        date=values["date"],
        url=values["url"],
        language=values["language"] or "en",
        byline=values["byline"],
    )
