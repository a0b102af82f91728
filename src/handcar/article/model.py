"""What an article is made of once read: its plain text, blocks with roles, posts, sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from handcar.article.frontmatter import FrontMatter
from handcar.article.layout import LineMap, Span, line_at

BlockKind = Literal[
    "headline",
    "dateline",
    "caption",
    "caption_credit",
    "body",
    "subheading",
    "embed_marker",
    "embed_text",
    "embed_link",
    "embed_media",
    "embed_attribution",
    "url_label",
    "url",
]


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of the text with a role; ``line``: the 1-based line of article.md it starts on."""

    kind: BlockKind
    span: Span
    line: int


@dataclass(frozen=True, slots=True)
class EmbeddedPost:
    """A social-media post quoted in the article (text, links, media, attribution)."""

    author_name: str
    author_handle: str
    date: dt.date
    text: str  # Article.text[text_span]: the embed_text blocks, "\n\n" between them
    text_span: Span  # first to last embed_text block; empty, at the attribution, if none
    shared_links: tuple[str, ...]
    media_url: str | None
    media_credit: str | None
    url: str | None  # None when the post's own link is missing or "#"


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its plain text (see :mod:`handcar.article`), blocks and sentences.

    Its metadata (headline, publication date, URL, ...) is not read from the paragraphs: it comes
    from the front matter or the annotation (:mod:`handcar.annotation.frontmatter`)."""

    id: str
    path: Path  # the article.md file
    text: str
    blocks: tuple[Block, ...]
    body: tuple[Block, ...]
    caption: Block | None
    caption_credit: str | None
    posts: tuple[EmbeddedPost, ...]
    sentences: tuple[Span, ...]
    line_map: LineMap = field(repr=False)
    front_matter: FrontMatter | None = None  # read by handcar.annotation.frontmatter
    original_url: str | None = None  # the URL of an "Original url:" trailer, if any

    @property
    def post(self) -> EmbeddedPost | None:
        """The first embedded post, if any."""
        return self.posts[0] if self.posts else None

    def text_of(self, span: Span) -> str:
        """The text a span covers."""
        return self.text[span.start : span.end]

    def line_of(self, offset: int) -> int:
        """The 1-based line of article.md that the character at ``offset`` comes from."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the text (0..{len(self.text)})")
        return line_at(self.line_map, offset)
