"""Reads ``articles/<id>/article.md`` into the plain text that every offset counts in.

``Article.text`` is defined as follows. ``article.md`` (a regular file within the
``ARTICLE_BYTES`` limit, without control characters other than TAB, LF and CR LF) is decoded as
UTF-8 (a leading BOM is dropped, line ends become ``"\\n"``, no Unicode normalisation) and
parsed as CommonMark with markdown-it-py. Every heading and paragraph (also inside lists and
block quotes) is one *paragraph*, in document order; its plain text is its inline content with
the markup removed: emphasis/strong markers and raw inline HTML dropped, link and image text
kept (targets dropped), autolinks kept as their URL text, backslash escapes and entities
resolved, soft and hard line breaks as ``"\\n"``. Paragraphs whose plain text is blank, HTML
blocks and thematic breaks are left out; code blocks are an error. ``text`` is the paragraphs'
plain texts joined by ``"\\n\\n"``, plus one final ``"\\n"``. Offsets are Python ``str`` indexes
(Unicode code points), end exclusive, as W3C Web Annotation's TextPositionSelector counts them.

The layout: an H1 headline; a dateline ("February 26, 2021"); optionally a photo caption, told
apart by its trailing strong credit (``caption`` and ``caption_credit`` blocks are two sub-spans
of that one paragraph); body paragraphs (other headings are ``subheading`` blocks), among which
embedded posts may run from an ``**Embed:**`` paragraph (an ``embed_marker`` block) to an
attribution paragraph ``— Name (@handle) Month D, YYYY``; last ``Original url:`` and the URL
(same or next paragraph). Every block span is trimmed of surrounding whitespace, so
``text[b.span.start:b.span.end]`` is its plain text.

Sentences are split in each caption and body block, and in each run of consecutive
``embed_text`` blocks taken as one stretch of text (a post's paragraphs may split a sentence; its
span then covers the ``"\\n\\n"`` in between). A sentence ends at ``.``, ``!`` or ``?`` (and any
closing quotes/brackets right after) when whitespace and then an uppercase letter, a digit or an
opening quote follow, unless a ``.`` ends a single capital letter ("U.S.") or a listed
abbreviation ("Mr."); or at the end of the stretch. Each span is trimmed of whitespace.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from handcar.annotation.chars import describe, forbidden_in_file
from handcar.errors import ArticleError, read_failure
from handcar.limits import ARTICLE_BYTES, read_regular_file

if TYPE_CHECKING:
    from markdown_it.token import Token

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

_MONTHS = "january february march april may june july august september october november december"
_MONTH_NUMBERS = {name: n for n, name in enumerate(_MONTHS.split(), 1)}
_MONTH_NUMBERS |= {name[:3]: n for name, n in _MONTH_NUMBERS.items()} | {"sept": 9}
_DATE_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_ATTRIBUTION = re.compile(r"[—–]\s*(?P<name>.+?)\s*\(@(?P<handle>\w+)\)\s*(?P<date>.*)", re.S)
_URL_LABEL = re.compile(r"\s*original url:", re.I)
_MEDIA_HOSTS = ("pic.twitter.com/", "pic.x.com/")
_MEDIA_LABEL = re.compile(r"[^\W\d_]+:\s*")
_TERMINATOR = re.compile(r"[.!?]+[\"”»’')\]]*(?=\s)")
_OPENING_QUOTES = "\"“«„‘'"
_ABBREVIATIONS = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt", "Sgt"}
    | {"Gov", "Sen", "Rep", "Rev", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept"}
    | {"Oct", "Nov", "Dec"}
)


@dataclass(frozen=True, slots=True)
class Span:
    """``Article.text[start:end]``: code-point offsets, end exclusive."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


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
    """One article: its plain text (see module docstring), blocks, sentences and metadata."""

    id: str
    path: Path  # the article.md file
    headline: str
    date_published: dt.date
    url: str
    text: str
    blocks: tuple[Block, ...]
    body: tuple[Block, ...]
    caption: Block | None
    caption_credit: str | None
    posts: tuple[EmbeddedPost, ...]
    sentences: tuple[Span, ...]
    line_map: tuple[tuple[int, int], ...] = field(repr=False)  # (offset, line) where lines begin

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
        return _line_at(self.line_map, offset)


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
    doc = _Doc(path, _paragraphs(path, source))
    return _build(doc, article_id, last_line=max(1, len(source.splitlines())))


# --- Markdown to paragraphs -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Link:
    href: str
    start: int  # offsets into the paragraph's plain text
    end: int


@dataclass(frozen=True, slots=True)
class _Para:
    tag: str  # "p", "h1" ... "h6"
    text: str
    line: int
    breaks: tuple[int, ...]  # offsets of the "\n"s that stand for a source line break
    links: tuple[_Link, ...]
    strongs: tuple[tuple[int, int], ...]  # in closing order


def _paragraphs(path: Path, source: str) -> list[_Para]:
    from markdown_it import MarkdownIt  # imported here: costs ~0.1 s, only when parsing

    tokens = MarkdownIt("commonmark").parse(source)
    paras = []
    for i, token in enumerate(tokens):
        if token.type in ("fence", "code_block"):
            raise ArticleError(path, _line(token), "code blocks are not supported in an article")
        if token.type == "inline":
            para = _render(token.children or [], tokens[i - 1].tag, _line(token))
            if para.text.strip():
                paras.append(para)
    return paras


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _render(children: Sequence[Token], tag: str, line: int) -> _Para:
    parts: list[str] = []
    size = 0
    breaks: list[int] = []
    links: list[_Link] = []
    strongs: list[tuple[int, int]] = []
    open_links: list[tuple[str, int]] = []
    open_strongs: list[int] = []
    for token in children:
        kind = token.type
        if kind == "link_open":
            open_links.append((str(token.attrGet("href") or ""), size))
        elif kind == "link_close" and open_links:
            href, start = open_links.pop()
            links.append(_Link(href, start, size))
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
    return _Para(tag, "".join(parts), line, tuple(breaks), tuple(links), tuple(strongs))


def _plain(token: Token) -> str:
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    if token.type == "image":
        return "".join(_plain(child) for child in token.children or [])
    if token.type in ("text", "text_special", "code_inline"):
        return token.content
    return ""


# --- Layout -------------------------------------------------------------------------------------


class _Doc:
    """The paragraphs, the text they make, and the blocks found so far."""

    def __init__(self, path: Path, paras: list[_Para]) -> None:
        self.path = path
        self.paras = paras
        self.starts: list[int] = []
        line_map: list[tuple[int, int]] = []
        at = 0
        for para in paras:
            self.starts.append(at)
            line_map.append((at, para.line))
            line_map += [(at + b + 1, para.line + n) for n, b in enumerate(para.breaks, 1)]
            at += len(para.text) + 2
        self.text = "\n\n".join(para.text for para in paras) + "\n"
        self.line_map = tuple(line_map)
        self.blocks: list[Block] = []

    def add(self, kind: BlockKind, i: int, start: int = 0, end: int | None = None) -> Block:
        """Records the trimmed part ``start:end`` of paragraph ``i`` as a block."""
        text = self.paras[i].text
        start, end = _trim(text, start, len(text) if end is None else end)
        span = Span(self.starts[i] + start, self.starts[i] + end)
        block = Block(kind, span, _line_at(self.line_map, span.start))
        self.blocks.append(block)
        return block

    def error(self, i: int, message: str) -> ArticleError:
        return ArticleError(self.path, self.paras[i].line, message)


def _build(doc: _Doc, article_id: str, last_line: int) -> Article:
    paras = doc.paras
    if not paras or paras[0].tag != "h1":
        line = paras[0].line if paras else 1
        raise ArticleError(doc.path, line, "no H1 headline ('# ...') at the start of the article")
    headline = doc.add("headline", 0)
    if len(paras) < 2:
        raise doc.error(0, "no dateline after the headline")
    doc.add("dateline", 1)
    published = _find_date(paras[1].text)
    if published is None:
        raise doc.error(1, f"no date like 'February 26, 2021' in the dateline {paras[1].text!r}")
    label = next((j for j in range(2, len(paras)) if _is_url_label(paras[j])), None)
    if label is None:
        raise ArticleError(doc.path, last_line, "no 'Original url:' paragraph")
    caption, credit, i = _caption(doc, 2, label)
    body: list[Block] = []
    posts: list[EmbeddedPost] = []
    while i < label:
        if _is_embed_marker(paras[i]):
            post, i = _embed(doc, i, label)
            posts.append(post)
            continue
        block = doc.add("body" if paras[i].tag == "p" else "subheading", i)
        if block.kind == "body":
            body.append(block)
        i += 1
    url = _original_url(doc, label)
    return Article(
        id=article_id,
        path=doc.path,
        headline=doc.text[headline.span.start : headline.span.end],
        date_published=published,
        url=url,
        text=doc.text,
        blocks=tuple(doc.blocks),
        body=tuple(body),
        caption=caption,
        caption_credit=credit,
        posts=tuple(posts),
        sentences=tuple(_sentences(doc.text, doc.blocks)),
        line_map=doc.line_map,
    )


def _caption(doc: _Doc, i: int, stop: int) -> tuple[Block | None, str | None, int]:
    """The caption paragraph ``i`` (text, then a trailing strong credit), if it is one."""
    if i >= stop or doc.paras[i].tag != "p" or not doc.paras[i].strongs:
        return None, None, i
    text = doc.paras[i].text
    start, end = doc.paras[i].strongs[-1]
    if not text[:start].strip() or text[end:].strip() or not text[start:end].strip():
        return None, None, i
    caption = doc.add("caption", i, 0, start)
    credit = doc.add("caption_credit", i, start, end)
    return caption, doc.text[credit.span.start : credit.span.end], i + 1


def _embed(doc: _Doc, marker: int, stop: int) -> tuple[EmbeddedPost, int]:
    """The post from the ``Embed:`` paragraph to its attribution; returns the index after it."""
    paras = doc.paras
    end = next((j for j in range(marker + 1, stop) if _ATTRIBUTION.match(paras[j].text)), None)
    if end is None:
        raise doc.error(marker, "embed without an attribution ('— Name (@handle) Month D, YYYY')")
    doc.add("embed_marker", marker)
    texts: list[Block] = []
    links: list[str] = []
    media_url = media_credit = None
    for j in range(marker + 1, end):
        para = paras[j]
        media = next((k for k in para.links if _is_media(k)), None)
        if media is not None:
            doc.add("embed_media", j)
            if media_url is None:
                media_url, media_credit = media.href, _media_credit(para.text[: media.start])
            continue
        links += [k.href for k in para.links if k.href.startswith(("http://", "https://"))]
        if para.links and not any(c.isalnum() for c in _outside_links(para)):
            doc.add("embed_link", j)
        else:
            texts.append(doc.add("embed_text", j))
    attribution = doc.add("embed_attribution", end)
    match = _ATTRIBUTION.match(paras[end].text)
    assert match is not None
    date = _find_date(match["date"])
    if date is None:
        raise doc.error(end, f"no date like 'February 25, 2021' in {paras[end].text.strip()!r}")
    post_links = [k.href for k in paras[end].links if k.href.startswith(("http://", "https://"))]
    if texts:
        span = Span(texts[0].span.start, texts[-1].span.end)
    else:
        span = Span(attribution.span.start, attribution.span.start)
    post = EmbeddedPost(
        author_name=match["name"],
        author_handle=match["handle"],
        date=date,
        text=doc.text[span.start : span.end],
        text_span=span,
        shared_links=tuple(dict.fromkeys(links)),
        media_url=media_url,
        media_credit=media_credit,
        url=post_links[-1] if post_links else None,
    )
    return post, end + 1


def _original_url(doc: _Doc, label: int) -> str:
    """The URL after (or on) the ``Original url:`` paragraph; nothing may follow it."""
    para = doc.paras[label]
    match = _URL_LABEL.match(para.text)
    assert match is not None
    if para.text[match.end() :].strip():
        doc.add("url_label", label, 0, match.end())
        block = doc.add("url", label, match.end())
        url_para, after = label, label + 1
    else:
        doc.add("url_label", label)
        if label + 1 >= len(doc.paras):
            raise doc.error(label, "no URL after 'Original url:'")
        block = doc.add("url", label + 1)
        url_para, after = label + 1, label + 2
    text = doc.text[block.span.start : block.span.end]
    hrefs = [k.href for k in doc.paras[url_para].links]
    url = hrefs[0] if hrefs else text
    if not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        raise doc.error(url_para, f"the original url is not an http(s) URL: {text!r}")
    if after < len(doc.paras):
        raise doc.error(after, "unexpected text after the original url")
    return url


def _is_url_label(para: _Para) -> bool:
    return para.tag == "p" and _URL_LABEL.match(para.text) is not None


def _is_embed_marker(para: _Para) -> bool:
    return para.tag == "p" and para.text.strip().casefold() == "embed:"


def _is_media(link: _Link) -> bool:
    target = link.href.split("://", 1)[-1]
    return target.startswith(_MEDIA_HOSTS)


def _media_credit(before_link: str) -> str | None:
    credit = _MEDIA_LABEL.sub("", before_link.strip(), count=1).strip()
    return credit or None


def _outside_links(para: _Para) -> str:
    text, at, parts = para.text, 0, []
    for link in sorted(para.links, key=lambda k: k.start):
        parts.append(text[at : link.start])
        at = max(at, link.end)
    return "".join(parts) + text[at:]


# --- Dates, lines, sentences --------------------------------------------------------------------


def _find_date(text: str) -> dt.date | None:
    """The first date like "February 26, 2021", "Feb. 26, 2021" or "26 February 2021"."""
    for match in _DATE_MDY.finditer(text):
        if date := _date(match[3], match[1], match[2]):
            return date
    for match in _DATE_DMY.finditer(text):
        if date := _date(match[3], match[2], match[1]):
            return date
    return None


def _date(year: str, month: str, day: str) -> dt.date | None:
    number = _MONTH_NUMBERS.get(month.lower())
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except ValueError:
        return None


def _line_at(line_map: Sequence[tuple[int, int]], offset: int) -> int:
    index = bisect_right(line_map, (offset, float("inf"))) - 1
    return line_map[max(index, 0)][1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentences(text: str, blocks: Sequence[Block]) -> list[Span]:
    """Sentences of caption and body blocks and of runs of consecutive embed_text blocks."""
    regions: list[Span] = []
    run: Span | None = None
    for block in blocks:
        if block.kind == "embed_text":
            run = Span(run.start if run else block.span.start, block.span.end)
            continue
        if run is not None:
            regions.append(run)
            run = None
        if block.kind in ("caption", "body"):
            regions.append(block.span)
    if run is not None:
        regions.append(run)
    return [s for region in regions for s in _split(text, region.start, region.end)]


def _split(text: str, start: int, end: int) -> list[Span]:
    spans, cut = [], start
    for match in _TERMINATOR.finditer(text, start, end):
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        if after == end or not _opens_sentence(text[after]):
            continue
        if match[0][0] == "." and _is_abbreviation(text, match.start(), start):
            continue
        spans.append(Span(*_trim(text, cut, match.end())))
        cut = after
    spans.append(Span(*_trim(text, cut, end)))
    return [span for span in spans if span.end > span.start]


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in _OPENING_QUOTES


def _is_abbreviation(text: str, dot: int, start: int) -> bool:
    """Whether the word before the ``.`` at ``dot`` is an initial ("U.S.") or an abbreviation."""
    begin = dot
    while begin > start and text[begin - 1].isalpha():
        begin -= 1
    word = text[begin:dot]
    return (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS
