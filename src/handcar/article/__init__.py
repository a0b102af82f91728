"""Reads ``articles/<id>/article.md`` into the plain text that every offset counts in.

``Article.text`` is defined as follows. ``article.md`` (a regular file within the
``ARTICLE_BYTES`` limit, without control characters other than TAB, LF and CR LF) is decoded as
UTF-8 (a leading BOM is dropped, line ends become ``"\\n"``, no Unicode normalisation) and
parsed as CommonMark into paragraphs of plain text (:mod:`~handcar.article.markdown`); ``text``
is the paragraphs' plain texts joined by ``"\\n\\n"``, plus one final ``"\\n"``
(:mod:`~handcar.article.layout`, which also maps every offset to its line of ``article.md``).
Offsets are Python ``str`` indexes (Unicode code points), end exclusive, as W3C Web
Annotation's TextPositionSelector counts them.

An optional YAML front matter block at the top (:mod:`~handcar.article.frontmatter`) is cut off
first: its lines are blanked, so it is not in the text and line numbers still count lines of
``article.md``. The paragraphs are then told apart as the parts of a news article
(:mod:`~handcar.article.parts`: body, and where present headline, dateline, caption, embedded
posts, original url), and the caption, body and posts are split into sentences
(:mod:`~handcar.article.sentences`).
"""

from __future__ import annotations

import os
from pathlib import Path

from handcar.article.frontmatter import FrontMatter, split_front_matter
from handcar.article.layout import Layout, Span
from handcar.article.markdown import paragraphs
from handcar.article.model import Article, Block, BlockKind, EmbeddedPost
from handcar.article.parts import build_article
from handcar.chars import describe, forbidden_in_file
from handcar.errors import ArticleError, read_failure
from handcar.limits import ARTICLE_BYTES, read_regular_file

__all__ = [
    "Article",
    "ArticleError",
    "Block",
    "BlockKind",
    "EmbeddedPost",
    "FrontMatter",
    "Span",
    "load_article",
    "parse_article",
]


def load_article(folder: Path | str) -> Article:
    """Reads and parses ``folder/article.md``; the folder name is the article id."""
    folder = Path(folder)
    path = folder / "article.md"
    if not os.path.lexists(path):
        raise ArticleError(path, None, "no such file (an article needs article.md)")
    try:
        raw = read_regular_file(path, ARTICLE_BYTES)  # refuses folders and FIFOs unopened
    except OSError as exc:
        raise read_failure(path, exc, ArticleError) from None
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ArticleError(path, line, f"not UTF-8 ({exc.reason}); save it as UTF-8") from None
    found = forbidden_in_file(source)
    if found is not None:
        line, char = found
        raise ArticleError(
            path,
            line,
            f"{describe(char)} is not allowed in an article (only TAB, LF and CR LF line ends"
            " among control characters); remove it",
        )
    return parse_article(source, path, folder.name or folder.resolve().name)


def parse_article(source: str, path: Path | str, article_id: str) -> Article:
    """Parses article Markdown; ``path`` is only used in errors and ``Article.path``."""
    path = Path(path)
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    front_matter, markdown = split_front_matter(path, source)
    layout = Layout(paragraphs(path, markdown))
    article = build_article(path, layout, article_id, front_matter)
    if not article.sentences:
        body = front_matter.last_line + 1 if front_matter else 1
        raise ArticleError(path, body, "no text: an article needs at least one sentence"
                           + (" after its front matter" if front_matter else ""))
    return article
