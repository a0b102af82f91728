"""A checked annotation written by hand (no resolve step) over a small made-up article.

fiction: the article, its publisher and its journey are invented for handcar's tests.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import rdflib

from handcar.annotation.anchor import find_quote
from handcar.annotation.checked import (
    ARTICLE_ID,
    ArticleMeta,
    CheckedAnnotation,
    CheckedQuantity,
    CheckedStatement,
    CheckedThing,
    CheckedTime,
    DeclaredRelation,
    Evidence,
    Fact,
    Note,
    Ref,
)
from handcar.annotation.model import IriValue, LangString, Quantity, Thing
from handcar.annotation.timeexpr import CalendarTime
from handcar.article import Article, parse_article
from handcar.graph.iris import Iris
from handcar.namespaces import DJO

ARTICLE = """\
<!-- fiction: invented for handcar's tests; no such article, gazette or journey exists -->
# Two Legs Home

June 4, 2021

The Dune Gazette says the walk took 3 days; a train ride of 5 hours followed on Thursday.

Last spring the road was closed.

Original url:

<https://example.org/fiction/two-legs>
"""
BASE = "https://example.org/id/"


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_article(ARTICLE, "articles/two-legs/article.md", "two-legs")


@pytest.fixture(scope="module")
def iris() -> Iris:
    return Iris(BASE)


def said(article: Article, words: str, by: str = "dune-gazette", source: str = ARTICLE_ID):
    return Evidence(by, source, find_quote(article.text, words))


@pytest.fixture(scope="module")
def checked(article: Article) -> CheckedAnnotation:
    def thing(ident: str, cls: str, words: str, event: bool = False, **names: str):
        model = Thing(id=ident, type=[cls], quote=words, **names)
        return CheckedThing(model, event, (DJO[cls],), said(article, words))

    def quantity(ident: str, words: str, unit: str, duration: str | None, **value: Decimal):
        model = Quantity(id=ident, unit=unit, quote=words, **value)
        return CheckedQuantity(model, duration is not None, duration, said(article, words))

    return CheckedAnnotation(
        article=article,
        meta=ArticleMeta(
            headline="Two Legs Home",
            date=dt.date(2021, 6, 4),
            url="https://example.org/fiction/two-legs",
            language="en",
            byline=None,
        ),
        publisher="dune-gazette",
        embedded_post=None,
        photo=None,
        things=(
            thing("dune-gazette", "NewsOrganization", "The Dune Gazette", name="The Dune Gazette"),
            thing("walk", "WalkingLeg", "the walk", event=True, referred_to_as="the walk"),
            thing("train", "TrainLeg", "a train ride", event=True, label="the train leg"),
        ),
        quantities=(
            quantity("walk-days", "3 days", "DAY", "unitDay", value=Decimal(3)),
            quantity("train-hours", "5 hours", "HR", "unitHour", value=Decimal(5)),
        ),
        times=(
            CheckedTime("thursday", CalendarTime(2021, 6, 3), said(article, "on Thursday")),
            CheckedTime(
                "last-spring", CalendarTime(2020, season="spring"), said(article, "Last spring")
            ),
        ),
        statements=(
            CheckedStatement(
                "journey",
                (
                    Fact("walk", DJO.nextLeg, Ref("train")),
                    Fact("walk", DJO.duration, Ref("walk-days")),
                    Fact("train", DJO.during, Ref("thursday")),
                    Fact("walk", DJO.during, Ref("last-spring")),
                    Fact("train", DJO.beganDuring, Ref("thursday")),
                    Fact("walk", DJO.endedDuring, Ref("last-spring")),
                    Fact("train", DJO.legIndex, Decimal("2.0"), rdflib.XSD.positiveInteger),
                    Fact("train", DJO.hashtag, "homeward", rdflib.XSD.string),
                    Fact("train", DJO.url, "https://example.org/t", rdflib.XSD.anyURI),
                    Fact("walk", DJO.referredToAs, LangString(value="Fußweg", lang="de")),
                    Fact("walk", DJO.numericValue, Decimal("2.50"), rdflib.XSD.decimal),
                    Fact("walk", DJO.date, dt.date(2021, 6, 1)),
                    Fact("walk", DJO.about, IriValue(iri="https://example.org/dunes")),
                ),
                said(article, "the walk took 3 days"),
            ),
            CheckedStatement(
                "closure",
                (Fact("walk", DJO.legIndex, 1, rdflib.XSD.positiveInteger),),
                said(article, "the road was closed"),
            ),
        ),
        notes=(Note("not-modelled-1", find_quote(article.text, "Last spring the"), "scenery"),),
        relations=(DeclaredRelation("walk-days", "train-hours", "differentQuestions", "fiction"),),
        participations=(),
    )
