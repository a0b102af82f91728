"""Markdown to paragraphs of plain text, with markdown-it-py (CommonMark).

Every heading and paragraph (also inside lists and block quotes) is one paragraph, in document
order; its plain text is its inline content with the markup removed: emphasis/strong markers and
raw inline HTML dropped, link and image text kept (targets dropped), autolinks kept as their URL
text, backslash escapes and entities resolved, soft and hard line breaks as ``"\\n"``.
Paragraphs whose plain text is blank, HTML blocks without text (comments, ``<br>``) and
thematic breaks are left out; code blocks, and HTML blocks with text (whose words would silently
be missing from the plain text the evidence counts in), are an error. Links and strong spans
are kept as offsets into the paragraph's text, for the parts of the article
(:mod:`handcar.article.parts`) that are told apart by them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from handcar.errors import ArticleError

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    start: int  # offsets into the paragraph's plain text
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    tag: str  # "p", "h1" ... "h6"
    text: str
    line: int
    breaks: tuple[int, ...]  # offsets of the "\n"s that stand for a source line break
    links: tuple[Link, ...]
    strongs: tuple[tuple[int, int], ...]  # in closing order


def paragraphs(path: Path, source: str) -> list[Paragraph]:
    """The non-blank headings and paragraphs of ``source``; ``path`` is only used in errors."""
    from markdown_it import MarkdownIt  # imported here: costs ~0.1 s, only when parsing

    tokens = MarkdownIt("commonmark").parse(source)
    paras = []
    for i, token in enumerate(tokens):
        if token.type in ("fence", "code_block"):
            raise ArticleError(path, _line(token), "code blocks are not supported in an article")
        if token.type == "html_block" and _html_text(token.content).strip():
            raise ArticleError(
                path, _line(token), "an HTML block with text is not supported in an article (its "
                "words would be left out of the text quotes count in): write it as Markdown")
        if token.type == "inline":
            para = _render(token.children or [], tokens[i - 1].tag, _line(token))
            if para.text.strip():
                paras.append(para)
    return paras


def _html_text(html: str) -> str:
    """The text of an HTML fragment (comments and tags left out), by the standard library's
    HTML parser."""
    from html.parser import HTMLParser

    found: list[str] = []

    class _Text(HTMLParser):
        def handle_data(self, data: str) -> None:
            found.append(data)

    reader = _Text(convert_charrefs=True)
    reader.feed(html)
    reader.close()
    return "".join(found)


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _render(children: Sequence[Token], tag: str, line: int) -> Paragraph:
    parts: list[str] = []
    size = 0
    breaks: list[int] = []
    links: list[Link] = []
    strongs: list[tuple[int, int]] = []
    open_links: list[tuple[str, int]] = []
    open_strongs: list[int] = []
    for token in children:
        kind = token.type
        if kind == "link_open":
            open_links.append((str(token.attrGet("href") or ""), size))
        elif kind == "link_close" and open_links:
            href, start = open_links.pop()
            links.append(Link(href, start, size))
        elif kind == "strong_open":
            open_strongs.append(size)
        elif kind == "strong_close" and open_strongs:
            strongs.append((open_strongs.pop(), size))
        elif kind in ("softbreak", "hardbreak", "image", "text", "text_special", "code_inline"):
            if kind in ("softbreak", "hardbreak"):
                breaks.append(size)
            piece = _plain(token)
            parts.append(piece)
            size += len(piece)
    return Paragraph(tag, "".join(parts), line, tuple(breaks), tuple(links), tuple(strongs))


def _plain(token: Token) -> str:
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    if token.type == "image":
        return "".join(_plain(child) for child in token.children or [])
    if token.type in ("text", "text_special", "code_inline"):
        return token.content
    return ""
