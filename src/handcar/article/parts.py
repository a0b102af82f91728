"""The parts of a news article, told apart in its paragraphs; every part but the body is optional.

A plain Markdown or text article is all body (paragraphs; headings other than a first H1 are
``subheading`` blocks). Recognised when present: a first-paragraph H1 (``headline``); right after
it a short one-line paragraph with a date (``dateline``, at most ``DATELINE_MAX`` characters);
right after the dateline a photo caption, told apart by its trailing strong credit (``caption``
and ``caption_credit`` blocks are two sub-spans of that one paragraph); embedded posts, from an
``**Embed:**`` paragraph (an ``embed_marker`` block) to an attribution paragraph ``— Name
(@handle) Month D, YYYY``; and last an ``Original url:`` paragraph and the URL (same or next
paragraph), after which nothing may follow. None of these gives the article's metadata
(headline, date, URL: front matter or annotation, see articles/README.md); they only keep
non-body paragraphs out of the sentences. Every block span is trimmed of surrounding whitespace,
so ``text[b.span.start:b.span.end]`` is its plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

from handcar.article.dates import find_date
from handcar.article.frontmatter import FrontMatter
from handcar.article.layout import Layout, Span
from handcar.article.markdown import Link, Paragraph
from handcar.article.model import Article, Block, BlockKind, EmbeddedPost
from handcar.article.sentences import sentences
from handcar.errors import ArticleError

_ATTRIBUTION = re.compile(r"[—–]\s*(?P<name>.+?)\s*\(@(?P<handle>\w+)\)\s*(?P<date>.*)", re.S)
_URL_LABEL = re.compile(r"\s*original url:", re.I)
_MEDIA_HOSTS = ("pic.twitter.com/", "pic.x.com/")
_MEDIA_LABEL = re.compile(r"[^\W\d_]+:\s*")
DATELINE_MAX = 60  # characters: longer paragraphs are never a dateline


class _Doc:
    """The laid-out paragraphs and the blocks found in them so far."""

    def __init__(self, path: Path, layout: Layout) -> None:
        self.path = path
        self.layout = layout
        self.paras = layout.paras
        self.text = layout.text
        self.blocks: list[Block] = []

    def add(self, kind: BlockKind, i: int, start: int = 0, end: int | None = None) -> Block:
        """Records the trimmed part ``start:end`` of paragraph ``i`` as a block."""
        span = self.layout.span(i, start, end)
        block = Block(kind, span, self.layout.line_at(span.start))
        self.blocks.append(block)
        return block

    def error(self, i: int, message: str) -> ArticleError:
        return ArticleError(self.path, self.paras[i].line, message)


def build_article(
    path: Path, layout: Layout, article_id: str, front_matter: FrontMatter | None = None
) -> Article:
    """The article the laid-out paragraphs make (every part but the body is optional)."""
    doc = _Doc(path, layout)
    paras = doc.paras
    i = 0
    if paras and paras[0].tag == "h1":
        doc.add("headline", 0)
        i = 1
        if i < len(paras) and _is_dateline(paras[i]):
            doc.add("dateline", i)
            i += 1
            caption, credit, i = _caption(doc, i, len(paras))
        else:
            caption, credit = None, None
    else:
        caption, credit = None, None
    label = next((j for j in range(i, len(paras)) if _is_url_label(paras[j])), len(paras))
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
    original_url = _original_url(doc, label) if label < len(paras) else None
    return Article(
        id=article_id,
        path=doc.path,
        text=doc.text,
        blocks=tuple(doc.blocks),
        body=tuple(body),
        caption=caption,
        caption_credit=credit,
        posts=tuple(posts),
        sentences=tuple(sentences(doc.text, doc.blocks)),
        line_map=layout.line_map,
        front_matter=front_matter,
        original_url=original_url,
    )


def _is_dateline(para: Paragraph) -> bool:
    """A short one-line paragraph with a date in it ("February 26, 2021", "Updated: 5 March
    2023"); a wire lead ("MOSCOW, Feb. 26, 2021 — Eight ...") is longer and stays body."""
    text = para.text.strip()
    return (
        para.tag == "p"
        and not para.breaks
        and len(text) <= DATELINE_MAX
        and find_date(text) is not None
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
    date = find_date(match["date"])
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


def _is_url_label(para: Paragraph) -> bool:
    return para.tag == "p" and _URL_LABEL.match(para.text) is not None


def _is_embed_marker(para: Paragraph) -> bool:
    return para.tag == "p" and para.text.strip().casefold() == "embed:"


def _is_media(link: Link) -> bool:
    target = link.href.split("://", 1)[-1]
    return target.startswith(_MEDIA_HOSTS)


def _media_credit(before_link: str) -> str | None:
    credit = _MEDIA_LABEL.sub("", before_link.strip(), count=1).strip()
    return credit or None


def _outside_links(para: Paragraph) -> str:
    text, at, parts = para.text, 0, []
    for link in sorted(para.links, key=lambda k: k.start):
        parts.append(text[at : link.start])
        at = max(at, link.end)
    return "".join(parts) + text[at:]
