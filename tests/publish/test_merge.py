"""The merge report (merge.html) and conflicts.json: shared things, agreeing and conflicting
readings, across articles (issue 13 points 3 and 7)."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from handcar.build import BuildResult, build_dataset
from handcar.publish.merge import merge_report
from support.paths import ARTICLES

SEED = "moscow-times-2021-02-26-handcar"
BRIEF = "example-2021-02-27-handcar-brief"
FIXTURE = Path(__file__).parents[1] / "builder" / "fixtures" / "identity" / BRIEF


class Sections(HTMLParser):
    """The page's sections by their h2 title: their text and number of table rows."""

    def __init__(self, page: bytes) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.rows: dict[str, int] = {}
        self.current, self.in_title = "", False
        self.feed(page.decode("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h2":
            self.in_title, self.current = True, ""
        elif tag == "tr" and self.current:
            self.rows[self.current] = self.rows.get(self.current, 0) + 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h2":
            self.in_title = False
            self.text.setdefault(self.current, "")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.current += data
        elif self.current:
            self.text[self.current] = self.text.get(self.current, "") + data


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    folder = tmp_path_factory.mktemp("merge") / "articles"
    shutil.copytree(ARTICLES / SEED, folder / SEED)
    shutil.copytree(FIXTURE, folder / BRIEF)
    return build_dataset(folder)


def test_conflicts_json_lists_every_comparison_with_words_and_sources(two: BuildResult) -> None:
    _page, raw = merge_report(two)
    data = json.loads(raw)
    assert len(data["comparisons"]) == len(two.relations) == 7
    assert data["counts"]["contradictoryReadings"] == 2
    words = {
        tuple(sorted(r["words"] for r in c["readings"])): (c["relation"], c["consistent"])
        for c in data["comparisons"]
    }
    assert words[("about 800 metres", "for more than a kilometer")] == (
        "contradictoryReadings", False)
    assert words[("about 800 metres", "километр")] == ("contradictoryReadings", False)
    assert words[("for more than a kilometer", "километр")] == ("compatibleReadings", True)
    distance = next(c for c in data["comparisons"] if c["relation"] == "contradictoryReadings")
    articles = {r["article"] for r in distance["readings"]}
    assert articles == {"Diplomats Push Handcar Into Russia",
                        "Russian Diplomats Push Railway Handcar Home from North Korea"}
    assert all(r["of"][0]["property"].endswith("distance") for r in distance["readings"])
    assert all(r["said_by"] == "Russian Foreign Ministry" for r in distance["readings"])


def test_merge_page_shows_links_shared_entities_and_both_kinds_of_pairs(two: BuildResult) -> None:
    page, _raw = merge_report(two)
    sections = Sections(page)
    shared = sections.text["Shared across articles"]
    assert "the handcar leg of that journey" in shared  # a curator's reason
    assert f"event/{SEED}.leg-3-handcar" in shared and f"event/{BRIEF}.handcar-leg" in shared
    assert "place/north-korea" in shared  # a named entity both articles use
    conflict = "Readings that conflict"
    assert sections.rows[conflict] == 1 + 4  # two contradictory, two different questions
    assert "about 800 metres" in sections.text[conflict]
    assert sections.rows["Readings that agree"] == 1 + 3


def test_the_report_is_the_same_bytes_every_time(two: BuildResult) -> None:
    assert merge_report(two) == merge_report(two)


def test_the_seed_alone_has_no_links_and_its_own_pairs(built_seed: BuildResult) -> None:
    page, raw = merge_report(built_seed)
    assert "No identity links" in page.decode()
    assert json.loads(raw)["counts"]["compatibleReadings"] == 1
    # the Russian post's word is marked as Russian on the English page
    assert '“<span lang="ru" dir="auto">километр</span>”' in page.decode()
    # a reading said in the article itself names it once; one said in a post it embeds names
    # the article that reports it
    text = page.decode()
    assert "said by The Moscow Times in Russian Diplomats Push Railway Handcar Home from North" \
           " Korea." in text
    assert ("embedded in the article, reported in “Russian Diplomats Push Railway Handcar Home"
            " from North Korea”.") in text


@pytest.fixture(scope="module")
def built_seed() -> BuildResult:
    return build_dataset(ARTICLES)


def test_a_reading_is_said_by_whoever_gives_it(tmp_path: Path) -> None:
    """Fiction (fixtures/spokesman): "The crossing lasted half an hour, a spokesman said." The
    words "half an hour" are an item without said_by (credited to the article), but the reading
    is the spokesman's, as the statement that gives it says."""
    folder = tmp_path / "articles"
    shutil.copytree(Path(__file__).parent / "fixtures" / "spokesman", folder)
    _page, raw = merge_report(build_dataset(folder))
    by_words = {r["words"]: r for c in json.loads(raw)["comparisons"] for r in c["readings"]}
    assert by_words["half an hour"]["said_by"] == "a spokesman"
    assert by_words["roughly 25 minutes"]["said_by"].startswith("the unnamed publisher of")
    relation = {tuple(sorted(r["words"] for r in c["readings"])): c["relation"]
                for c in json.loads(raw)["comparisons"]}
    assert relation[("half an hour", "roughly 25 minutes")] == "contradictoryReadings"
    assert relation[("12", "Thirteen")] == "contradictoryReadings"
    assert relation[("about 130 kilometres", "some 130 km")] == "sameReading"


def test_a_headline_in_another_language_is_marked(tmp_path: Path) -> None:
    """The Russian test report's headline on the English merge page carries lang="ru"."""
    from support.paths import ROOT

    ru = "ru-agency-2021-02-26-handcar"
    folder = tmp_path / "articles"
    shutil.copytree(ARTICLES / SEED, folder / SEED)
    for name in (ru, "wire-2021-02-26-handcar", "regional-2021-02-27-handcar"):  # it links them
        shutil.copytree(ROOT / "tests" / "corpus" / "articles" / name, folder / name)
    result = build_dataset(folder)
    page, _raw = merge_report(result)
    headline = next(s.headline for s in result.sources if s.id == ru)
    assert f'“<span lang="ru" dir="auto">{headline}</span>”' in page.decode()
