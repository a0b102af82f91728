"""handcar.article: the Markdown article, its plain text, blocks, embedded post and sentences."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from handcar.article import Article, ArticleError, load_article
from handcar.article.dates import find_date
from handcar.article.layout import Layout
from handcar.article.markdown import paragraphs
from handcar.article.sentences import split

ARTICLE_ID = "moscow-times-2021-02-26-handcar"
ARTICLE_DIR = Path(__file__).resolve().parents[1] / "articles" / ARTICLE_ID
CAPTION = (
    "Eight Russian Embassy employees and their families made their way home Thursday with the"
    " help of a railroad handcar loaded with luggage and children."
)
RUSSIAN = (
    "Как заявили в МИД, дипломаты 32 часа ехали на поезде, затем еще два часа\n\n"
    "на автобусе до границы и затем — километр пешком с помощью дрезины."
)
MINIMAL = """# A Headline

March 3, 2022

First paragraph.

Original url:

<https://example.org/a>
"""


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(ARTICLE_DIR)


def _folder(tmp_path: Path, markdown: str, name: str = "some-article") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "article.md").write_text(markdown, encoding="utf-8")
    return folder


def _error(folder: Path) -> ArticleError:
    with pytest.raises(ArticleError) as caught:
        load_article(folder)
    return caught.value


def test_metadata(article: Article) -> None:
    assert article.id == ARTICLE_ID
    assert article.path == ARTICLE_DIR / "article.md"
    # metadata comes from the annotation (no front matter); the trailer is only recognised
    assert article.front_matter is None
    assert article.original_url == (
        "https://www.themoscowtimes.com/2021/02/26/"
        "russian-diplomats-push-railway-handcar-home-from-north-korea-a73079"
    )


def test_caption_and_credit(article: Article) -> None:
    assert article.caption is not None
    assert article.text_of(article.caption.span) == CAPTION
    assert article.caption.line == 9
    assert article.caption_credit == "Russian Foreign Ministry"
    credit = next(b for b in article.blocks if b.kind == "caption_credit")
    assert article.text_of(credit.span) == "Russian Foreign Ministry"
    assert credit.span.start == article.caption.span.end + 1
    assert f"\n\n{CAPTION} Russian Foreign Ministry\n\n" in article.text


def test_caption_sentence_occurs_twice(article: Article) -> None:
    assert article.text.count(CAPTION) == 2


def test_embedded_post(article: Article) -> None:
    post = article.post
    assert post is not None
    assert article.posts == (post,)
    assert post.author_name == "Новая Газета"
    assert post.author_handle == "novaya_gazeta"
    assert post.date == dt.date(2021, 2, 25)
    assert post.shared_links == ("https://t.co/jc6KmEOxhx",)
    assert post.media_url == "https://pic.twitter.com/K8UPWUrKev"
    assert post.media_credit == "МИД России"
    assert post.url is None
    assert "километр пешком с помощью дрезины" in post.text
    assert post.text == RUSSIAN
    assert article.text_of(post.text_span) == post.text
    texts = [article.text_of(b.span) for b in article.blocks if b.kind == "embed_text"]
    assert "\n\n".join(texts) == post.text


def test_block_kinds_in_order(article: Article) -> None:
    kinds = [(b.kind, b.line) for b in article.blocks]
    assert kinds == [
        ("headline", 3),
        ("dateline", 5),
        ("caption", 9),
        ("caption_credit", 9),
        ("body", 11),
        ("body", 13),
        ("embed_marker", 15),
        ("embed_text", 17),
        ("embed_text", 19),
        ("embed_link", 21),
        ("embed_media", 23),
        ("embed_attribution", 25),
        *[("body", line) for line in (27, 29, 31, 33, 35, 37)],
        ("url_label", 39),
        ("url", 41),
    ]
    attribution = next(b for b in article.blocks if b.kind == "embed_attribution")
    assert article.text_of(attribution.span) == "— Новая Газета (@novaya_gazeta) February 25, 2021"


def test_blocks_and_sentences_are_trimmed_and_ordered(article: Article) -> None:
    spans = [b.span for b in article.blocks]
    for span in [*spans, *article.sentences]:
        piece = article.text_of(span)
        assert piece, span
        assert piece == piece.strip(), span
    for before, after in itertools.pairwise(spans):
        assert before.end <= after.start
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)


def test_body_paragraphs(article: Article) -> None:
    assert len(article.body) == 8
    assert all(b.kind == "body" for b in article.body)
    assert [b.line for b in article.body] == [11, 13, 27, 29, 31, 33, 35, 37]
    first = article.text_of(article.body[0].span)
    assert first.endswith("the Russian Foreign Ministry said Thursday.")


def test_text_is_the_plain_rendering(article: Article) -> None:
    assert article.text.startswith(
        "Russian Diplomats Push Railway Handcar Home from North Korea\n\nFebruary 26, 2021\n\n"
    )
    assert article.text.endswith(f"\n\nOriginal url:\n\n{article.original_url}\n")
    assert "said Thursday" in article.text
    assert "were flown out of the country." in article.text
    assert "(@novaya_gazeta)" in article.text
    assert "\n\nEmbed:\n\n" in article.text
    assert "\n\n☒ https://t.co/jc6KmEOxhx\n\n" in article.text
    assert "\n\nВидео: МИД России pic.twitter.com/K8UPWUrKev\n\n" in article.text
    for markup in ("**", "](", "\\_", "<http", "\n\n\n"):
        assert markup not in article.text


def test_text_is_stable(article: Article) -> None:
    again = load_article(ARTICLE_DIR)
    assert again == article
    assert again.text.encode("utf-8") == article.text.encode("utf-8")


def test_sentences(article: Article) -> None:
    texts = [article.text_of(s) for s in article.sentences]
    assert len(texts) == 12
    assert texts[0] == CAPTION
    assert texts.count(CAPTION) == 2
    assert RUSSIAN in texts
    assert (
        "North Korea has not reported any Covid-19 cases more than a year into the global pandemic"
        " that has infected 113 million and killed 2.5 million people." in texts
    )
    assert (
        '"They had to push the whole structure by rail for more than a kilometer, with the most'
        ' crucial segment being the bridge across the Tumen River," the ministry said with an'
        " accompanying video of the cheering travelers." in texts
    )
    assert (
        "They needed to prepare a cart in advance, put it on rails, place the luggage, seat the"
        ' children and set off," the ministry said.' in texts
    )
    assert texts[-1].endswith('with the hashtag "We Don\'t Leave Our Own."')


def test_line_of(article: Article) -> None:
    footage = next(s for s in article.sentences if article.text_of(s).startswith("Footage"))
    assert article.line_of(footage.start) == 33
    assert article.line_of(footage.end - 1) == 33
    assert article.line_of(article.text.index("на автобусе")) == 19
    assert article.line_of(0) == 3
    assert article.line_of(len(article.text)) == 41
    with pytest.raises(ValueError):
        article.line_of(len(article.text) + 1)


def test_inline_markup_rules(tmp_path: Path) -> None:
    markdown = """# Head *with* `code`

Feb. 3, 2022

Plain **strong** and _em_, [a link](https://x.org) and <https://y.org/z>,
a\\_b &amp; c\\
next.

- In a list.

> Quoted text.

Original url: <https://example.org/a>
"""
    article = load_article(_folder(tmp_path, markdown))
    assert article.text == (
        "Head with code\n\nFeb. 3, 2022\n\n"
        "Plain strong and em, a link and https://y.org/z,\na_b & c\nnext.\n\n"
        "In a list.\n\nQuoted text.\n\nOriginal url: https://example.org/a\n"
    )
    assert [b.kind for b in article.blocks][:2] == ["headline", "dateline"]
    assert article.caption is None
    assert article.post is None
    assert len(article.body) == 3
    assert article.original_url == "https://example.org/a"
    assert [b.kind for b in article.blocks][-2:] == ["url_label", "url"]
    assert article.line_of(article.text.index("a_b")) == 6
    assert article.line_of(article.text.index("next.")) == 7
    assert article.line_of(article.text.index("Quoted")) == 11


def test_minimal_layout_and_crlf(tmp_path: Path) -> None:
    article = load_article(_folder(tmp_path, MINIMAL.replace("\n", "\r\n")))
    assert article.id == "some-article"
    assert article.text == (
        "A Headline\n\nMarch 3, 2022\n\nFirst paragraph.\n\nOriginal url:\n\nhttps://example.org/a\n"
    )
    assert [article.text_of(s) for s in article.sentences] == ["First paragraph."]


def test_sentence_rule(tmp_path: Path) -> None:
    body = (
        "The U.S. Embassy said 2.5 million left. Mr. Smith agreed! Did he? "
        '"Yes." 3 more came.\n\n"It ended," he said. Then quiet.'
    )
    article = load_article(_folder(tmp_path, MINIMAL.replace("First paragraph.", body)))
    assert [article.text_of(s) for s in article.sentences] == [
        "The U.S. Embassy said 2.5 million left.",
        "Mr. Smith agreed!",
        "Did he?",
        '"Yes."',
        "3 more came.",
        '"It ended," he said.',
        "Then quiet.",
    ]


def test_error_missing_file(tmp_path: Path) -> None:
    error = _error(tmp_path)
    path = tmp_path / "article.md"
    assert error.path == path
    assert error.line is None
    assert str(error) == f"{path}: {error.message}"
    assert "no such file" in error.message


@pytest.mark.parametrize(("markdown", "line", "after"), [
    ("", 1, False),
    ("\n  \n\n", 1, False),
    ("---\nheadline: Only\ndate: 2023-01-01\n---\n\n", 5, True),
])
def test_an_article_without_text_is_refused(
        tmp_path: Path, markdown: str, line: int, after: bool) -> None:
    """An empty article (or front matter alone) is bad input, not an article of 0 sentences
    that builds and publishes."""
    error = _error(_folder(tmp_path, markdown))
    assert (error.line, error.message) == (
        line, "no text: an article needs at least one sentence"
        + (" after its front matter" if after else ""))


def test_an_html_block_with_text_is_refused_comments_are_not(tmp_path: Path) -> None:
    """Its words would be missing from the plain text that quotes count in; a comment (test
    articles carry one) or an empty element says nothing and is left out."""
    error = _error(_folder(tmp_path, "Text.\n\n<p>Some <b>HTML</b> words.</p>\n",
                           name="with-html"))
    assert error.line == 3 and error.message.startswith("an HTML block with text is not supported")
    article = load_article(_folder(tmp_path, "<!-- fiction:\nfor a test -->\n\n<br>\n\nText.\n"))
    assert article.text == "Text.\n"


def test_plain_article_is_all_body(tmp_path: Path) -> None:
    """No H1, no dateline, no trailer: every paragraph is body (a wire lead stays body)."""
    markdown = (
        "HARBOURTON, March 3, 2022 — A keeper rowed home. Nobody saw it.\n\n"
        "## Later\n\nThe sea was calm.\n"
    )
    article = load_article(_folder(tmp_path, markdown))
    assert [b.kind for b in article.blocks] == ["body", "subheading", "body"]
    assert article.original_url is None
    assert [article.text_of(s) for s in article.sentences] == [
        "HARBOURTON, March 3, 2022 — A keeper rowed home.",
        "Nobody saw it.",
        "The sea was calm.",
    ]


def test_h1_without_dateline(tmp_path: Path) -> None:
    article = load_article(_folder(tmp_path, "# Title\n\nThe first paragraph is body.\n"))
    assert [b.kind for b in article.blocks] == ["headline", "body"]


def test_front_matter_is_cut_off_and_lines_still_count(tmp_path: Path) -> None:
    markdown = "---\nheadline: A Keeper Rows Home\ndate: 2022-03-03\n---\n\nThe sea.\n\nCalm.\n"
    article = load_article(_folder(tmp_path, markdown))
    assert article.text == "The sea.\n\nCalm.\n"
    assert article.front_matter is not None
    assert article.front_matter.last_line == 4
    # YAML line n is article.md line n: the opening fence is blanked, not dropped
    assert article.front_matter.yaml.split("\n")[1:3] == [
        "headline: A Keeper Rows Home",
        "date: 2022-03-03",
    ]
    assert article.line_of(0) == 6
    assert article.line_of(article.text.index("Calm")) == 8


def test_error_front_matter_not_closed(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "---\nheadline: x\n\nBody.\n")
    error = _error(folder)
    assert (error.path, error.line) == (folder / "article.md", 1)
    assert "never closed" in error.message


def test_thematic_break_later_is_not_front_matter(tmp_path: Path) -> None:
    article = load_article(_folder(tmp_path, "Body.\n\n---\n\nMore.\n"))
    assert article.front_matter is None
    assert article.text == "Body.\n\nMore.\n"


def test_long_paragraph_after_h1_is_body_not_dateline(tmp_path: Path) -> None:
    lead = "MOSCOW, March 3, 2022 — Eight people pushed a cart over a long bridge at dawn."
    article = load_article(_folder(tmp_path, f"# T\n\n{lead}\n"))
    assert [b.kind for b in article.blocks] == ["headline", "body"]


def test_url_trailer_is_optional_but_last(tmp_path: Path) -> None:
    article = load_article(_folder(tmp_path, MINIMAL.split("Original url:")[0]))
    assert article.original_url is None
    assert [b.kind for b in article.blocks] == ["headline", "dateline", "body"]


def test_error_embed_without_attribution(tmp_path: Path) -> None:
    markdown = MINIMAL.replace("First paragraph.", "**Embed:**\n\nПост.")
    error = _error(_folder(tmp_path, markdown))
    assert error.line == 5
    assert "attribution" in error.message


def test_error_text_after_url(tmp_path: Path) -> None:
    error = _error(_folder(tmp_path, MINIMAL + "\nRead more.\n"))
    assert error.line == 11
    assert "after the original url" in error.message


def test_two_posts_subheading_and_post_url(tmp_path: Path) -> None:
    markdown = """# Title

Updated: 5 March 2023

**Embed:**

Hello [https://t.co/abc](https://t.co/abc) world.

— Someone Else (@some_one) [March 4, 2023](https://twitter.com/some_one/status/1)

## Sub

Body.

**Embed:**

Second.

— X (@x) Mar. 1, 2023

Original url:

<https://example.org/z>
"""
    article = load_article(_folder(tmp_path, markdown))
    assert article.blocks[1].kind == "dateline"
    assert article.caption is None
    first, second = article.posts
    assert (first.author_name, first.author_handle) == ("Someone Else", "some_one")
    assert first.url == "https://twitter.com/some_one/status/1"
    assert first.shared_links == ("https://t.co/abc",)
    assert first.text == "Hello https://t.co/abc world."
    assert (second.author_handle, second.date, second.url) == ("x", dt.date(2023, 3, 1), None)
    assert second.media_url is None
    assert [b.kind for b in article.blocks if b.kind in ("subheading", "body")] == [
        "subheading",
        "body",
    ]
    assert [article.text_of(s) for s in article.sentences] == [
        "Hello https://t.co/abc world.",
        "Body.",
        "Second.",
    ]


# --- the modules of handcar.article, each on its own ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 26, 2021", dt.date(2021, 2, 26)),
        ("Updated: Feb. 26, 2021 at 10:00", dt.date(2021, 2, 26)),
        ("26 February 2021", dt.date(2021, 2, 26)),
        ("Sept 1 2020", dt.date(2020, 9, 1)),
        ("February 30, 2021, or March 1, 2021", dt.date(2021, 3, 1)),  # the first valid one
        ("Someday 26, 2021", None),
        ("2021-02-26", None),
    ],
)
def test_find_date(text: str, expected: dt.date | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Mr. Smith came. He left.", ["Mr. Smith came.", "He left."]),
        (
            "The U.S. Embassy said so. Then it stopped.",
            ["The U.S. Embassy said so.", "Then it stopped."],
        ),
        ('He said "no." Then 3 left.', ['He said "no."', "Then 3 left."]),
        ("lower. case follows", ["lower. case follows"]),
        ("  padded.  ", ["padded."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[s.start : s.end] for s in split(text, 0, len(text))] == sentences


def test_layout_joins_paragraphs_and_maps_offsets_to_lines() -> None:
    source = "# Head\n\nfirst line\nsecond line\n\n* item\n"
    layout = Layout(paragraphs(Path("a.md"), source))
    assert layout.text == "Head\n\nfirst line\nsecond line\n\nitem\n"
    assert [
        layout.line_at(layout.text.index(word)) for word in ("Head", "first", "second", "item")
    ] == [
        1,
        3,
        4,
        6,
    ]
    assert layout.text[layout.span(1).start : layout.span(1).end] == "first line\nsecond line"
