"""Properties of ``handcar new``'s draft on made-up reports generated from pieces of news
English (fiction for these tests): it never fails, every quote it writes is in the article
exactly once where it says (its prefix and suffix pick it), and, every suggestion confirmed,
the annotation resolves and (slow) builds to a dataset the shapes accept."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handcar.annotation import load_annotation
from handcar.annotation.anchor import find_quote
from handcar.annotation.resolve import resolve
from handcar.article import load_article
from handcar.build import build_dataset
from handcar.validate.release import check_dataset
from handcar.validate.report import Severity
from handcar.vocabulary import vocabulary

from .conftest import confirm_all

pytest.importorskip("spacy", reason="the curation extra is not installed")

PEOPLE = ["Twelve embassy staff", "The diplomats", "Ambassador Petra Lind", "They",
          "About 30 Norvalean envoys", "Four drivers and two children", "The group, which "
          "included a cook,", "Consul Mira Dahl", "A dozen evacuees", "The 14 stranded hikers",
          "Seán O'Neill, 58,", "Swiss diplomats", "The rest (nine people)", "Half of them",
          "The Ministry of Foreign Affairs' staff", "Norland's consul, Petra Aune,",
          "The bus, which was late,", "Between 40 and 50 diplomats", "The first group of 30",
          "A navy vessel, the Gull,", "Lena Okoro, a second secretary,"]
MOVES = ["left Kelm by bus", "flew to Castra", "crossed into Norvale on foot",
         "drove about 1,200 km to the coast", "took a ferry across the Selby Strait",
         "walked across the border into Karland", "boarded a night train bound for Łódź",
         "pushed a rail trolley from Tumangang to Khasan", "were driven to the airport",
         "sailed from Port Veyra aboard the frigate Admiral Lunn", "reached Delm by road",
         "are expected to fly home", "missed the last bus to Brenn",
         "drove 1.5 km at 40 km/h", "rode 3/4 of an hour to the station of Ust-Kamen",
         "covered 200 miles in a convoy of six cars", "travelled by rail to \u201cNew Kelm\u201d",
         "flew to the Czech Republic via Vienna", "took the 06:40 train to St. Peter's",
         "flew home \u2014 a 9-hour flight \u2014 on a U.S. Air Force plane",
         "drove to No. 5 Kelm Road", "walked 2 km (1.2 miles)",
         "flew two of them, who were ill, to a hospital", "docked at the port of Halden",
         "sailed 900 nautical miles to the coast", "left Brenn and reached Sarn",
         "set off from Kelm", "reached the border post at Sarn", "left Kelm for Port Sulm",
         "were flown out of Delm", "crossed by land into Norvale", "took a bus to Ostmark's "
         "capital, Lindau", "walked over the pass after their train was stopped at Brenn",
         "flew to Kelm, a 90-minute flight", "left Kelm shortly after 6 a.m. and drove to Delm",
         "left Kelm on Tuesday and reached Brask on Thursday"]
WHEN = ["", " on Monday", " on Tuesday, 23 February", " early on Wednesday", " last week",
        " at 6 a.m. on Friday", " in 3-4 hours", " for more than 32 hours",
        " two days later", " on March 3", " this week"]
ENDS = [".", ", the ministry said.", ", said Anna Brixby.", ", according to the Norland "
        "Foreign Ministry.", ", the port authority said.", ", a distance of roughly half a "
        "mile.", ", arriving on Friday morning.", " before they reached the border.", "!"]
OPENINGS = ["", "KELM \u2014 ", "CASTRA, March 3 - ", "\u201cWe are safe,\u201d ", "From there, ",
            "After crossing into Norvale, ", "MOSCOW, Feb. 26 (Fictional Wire) \u2013 ",
            "UPDATE: ", "On 3/4/2021, ", "Friday, May 17: "]

sentences = st.builds(lambda o, p, m, w, e: f"{o}{p} {m}{w}{e}",
                      st.sampled_from(OPENINGS), st.sampled_from(PEOPLE),
                      st.sampled_from(MOVES), st.sampled_from(WHEN), st.sampled_from(ENDS))
#: Markdown around a paragraph: a heading, a list item, emphasis, a link
MARKUP = ["{}", "# {}", "- {}", "*{}*", "{} [More](https://example.org/more).", "> {}"]
paragraphs = st.builds(lambda markup, said: markup.format(" ".join(said)),
                       st.sampled_from(MARKUP), st.lists(sentences, min_size=1, max_size=3))
reports = st.tuples(st.lists(sentences, min_size=1, max_size=3).map(" ".join),
                    st.lists(paragraphs, max_size=3), st.booleans()).map(
    lambda made: "\n\n".join([made[0], *made[1], *([made[0]] if made[2] else [])]))
"""A plain paragraph (a heading alone is no article text), more, and the first told again at
times."""


def _draft(body: str, folder: Path) -> tuple[Path, str]:
    """The article of ``body`` (fiction) in ``folder/articles/made-up`` and its draft text."""
    from handcar.curation.draft import draft

    articles = folder / "articles"
    article = articles / "made-up"
    article.mkdir(parents=True)
    (article / "article.md").write_text(
        "---\nheadline: Made up for a test\ndate: 2024-03-16\n---\n\n" + body + "\n",
        encoding="utf-8")
    text, _counts = draft(load_article(article), articles)
    (article / "annotation.yaml").write_text(confirm_all(text), encoding="utf-8")
    return article, text


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(reports)
def test_every_quote_of_a_confirmed_draft_resolves(body: str) -> None:
    """The draft of any such report has quotes that each pick one place of the text, and,
    confirmed, resolves against the text and the ontology (no unknown id, class or
    property, every fact's value of the right kind)."""
    with tempfile.TemporaryDirectory() as temp:
        article, _text = _draft(body, Path(temp))
        loaded = load_annotation(article / "annotation.yaml")
        text = load_article(article).text
        for section in ("entities", "events", "quantities", "times", "statements",
                        "not_modelled"):
            for item in getattr(loaded.annotation, section):
                find_quote(text, item.quote, item.prefix, item.suffix)  # raises if not once
        resolve(loaded, load_article(article), vocabulary())


@pytest.mark.slow  # a build each
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(reports)
def test_a_confirmed_draft_builds_and_conforms(body: str) -> None:
    """Confirmed, the draft of any such report builds, and the shapes find no Violation."""
    with tempfile.TemporaryDirectory() as temp:
        article, _text = _draft(body, Path(temp))
        report = check_dataset(build_dataset(article.parent).dataset)
        assert report.conforms(Severity.VIOLATION), (body, report)


def test_the_reports_are_dated_for_the_draft() -> None:
    """The generated reports use the publication date the drafts resolve against (a check
    of the fixture, so the properties above read dates as intended)."""
    assert dt.date(2024, 3, 16).weekday() == 5  # a Saturday: "on Monday" is the 11th
