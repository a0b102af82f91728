"""The test corpus (tests/corpus/README.md): three made-up reports of the handcar journey.

Each report builds with the seed (its identity links name the seed's events) and conforms to the
shapes; every quote of its annotation occurs in its plain text; together with the seed they build
into one release with one journey whose legs are linked across reports, every reading kept and
every pair of readings compared and listed (issue 13), which the multi-source competency queries
in ``queries/`` answer.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef
from ruamel.yaml import YAML

from handcar.article import load_article
from handcar.build import BuildResult, build_dataset
from handcar.competency import Question, answer, dump_expected, questions
from handcar.namespaces import DJO
from handcar.publish.merge import merge_report
from handcar.query import open_release
from handcar.validate.release import check_dataset
from handcar.validate.report import Severity
from support.paths import ARTICLES, SEED

CORPUS = Path(__file__).parent / "articles"
QUERIES = Path(__file__).parent / "queries"
REPORTS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
BASE = "https://w3id.org/djo/id/"
WIRE, REGIONAL, RU = (
    "wire-2021-02-26-handcar",
    "regional-2021-02-27-handcar",
    "ru-agency-2021-02-26-handcar",
)


def _copy(tmp: Path, names: list[str]) -> Path:
    folder = tmp / "articles"
    for name in names:
        source = ARTICLES / name if name == SEED else CORPUS / name
        shutil.copytree(source, folder / name)
    return folder


@pytest.fixture(scope="module")
def combined(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_dataset(_copy(tmp_path_factory.mktemp("corpus"), [SEED, *REPORTS]))


def test_the_corpus_has_the_three_reports() -> None:
    assert REPORTS == [REGIONAL, RU, WIRE]


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_is_marked_as_fiction(report: str) -> None:
    article = (CORPUS / report / "article.md").read_text(encoding="utf-8")
    annotation = (CORPUS / report / "annotation.yaml").read_text(encoding="utf-8")
    front_matter = article.split("---\n")[1]
    assert "Fiction written for handcar's tests" in front_matter
    assert annotation.startswith("# Fiction written for handcar's tests")


@pytest.mark.parametrize("report", REPORTS)
def test_each_report_builds_with_the_seed_and_conforms(report: str, tmp_path: Path) -> None:
    needs = {RU: [WIRE]}.get(report, [])  # its reading_relations name a wire report value
    result = build_dataset(_copy(tmp_path, [SEED, report, *needs]))
    assert result.articles == sorted([SEED, report, *needs])
    assert all(c.missing == () for c in result.coverage), "every sentence is annotated"
    report_ = check_dataset(result.dataset)
    violations = [r for r in report_.results if r.severity is Severity.VIOLATION]
    assert violations == []


def _quotes(node: object) -> list[str]:
    """Every ``quote`` value anywhere in an annotation document."""
    if isinstance(node, dict):
        return [q for k, v in node.items() for q in ([v] if k == "quote" else _quotes(v))]
    if isinstance(node, list):
        return [q for item in node for q in _quotes(item)]
    return []


@pytest.mark.parametrize("report", REPORTS)
def test_every_quote_occurs_in_the_text(report: str) -> None:
    text = load_article(CORPUS / report).text
    document = YAML(typ="safe").load(CORPUS / report / "annotation.yaml")
    quotes = _quotes(document)
    assert len(quotes) > 20
    missing = [q for q in quotes if q not in text]
    assert missing == []


def test_the_reports_and_the_seed_build_into_one_dataset(combined: BuildResult) -> None:
    assert combined.articles == sorted([SEED, *REPORTS])
    assert all(not c.missing for c in combined.coverage)
    # one node per report for the journey, all four linked to the seed's (issue 13 point 1)
    handcar_journeys = [j for j in combined.journeys if j.endswith(".journey")]
    assert len(handcar_journeys) == 4
    seed = f"{BASE}event/{SEED}.journey"
    linked = {str(link.subject) for link in combined.links if str(link.object) == seed}
    assert linked == {j for j in handcar_journeys if j != seed}


def test_the_combined_release_conforms(combined: BuildResult) -> None:
    report = check_dataset(combined.dataset)
    violations = [r for r in report.results if r.severity is Severity.VIOLATION]
    assert violations == []


# --- the multi-source competency questions ------------------------------------------------------


@pytest.fixture(scope="module")
def stored(combined: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple]:
    """Each query's answers over the combined dataset, and the text of its expected file."""
    folder = tmp_path_factory.mktemp("combined-release")
    combined.dataset.serialize(folder / "dataset.nq", format="nquads")
    release = open_release(folder)
    found: list[Question] = questions(QUERIES)
    return {q.name: (q, answer(release, q)) for q in found}


@pytest.fixture(scope="module")
def answers(stored: dict[str, tuple]) -> dict[str, list]:
    """Each query's rows as dictionaries."""
    return {
        name: [dict(zip(result.variables, r, strict=True)) for r in result.rows]
        for name, (_q, result) in stored.items()
    }


def test_the_stored_answers_are_the_answers(stored: dict[str, tuple]) -> None:
    """``queries/expected/<name>.json`` holds each question's answers, for review (as the
    top-level ``queries/expected/`` does); ``HANDCAR_WRITE_ANSWERS=1`` rewrites them."""
    assert len(stored) == 4
    for question, result in stored.values():
        text = dump_expected(question, result)
        if os.environ.get("HANDCAR_WRITE_ANSWERS") == "1":
            question.expected_path.parent.mkdir(exist_ok=True)
            question.expected_path.write_text(text, encoding="utf-8")
        assert question.expected_path.read_text(encoding="utf-8") == text, question.name


def test_where_the_journey_ended_according_to_each_report(answers: dict[str, list]) -> None:
    rows = answers["cq04-destination-readings"]
    said = sorted((_article(r), r["destination"].rsplit("/", 1)[1].rstrip(">"),
                   (r["relation"] or "").rsplit("#", 1)[-1].rstrip(">"),
                   (r["otherDestination"] or "").rsplit("/", 1)[-1].rstrip(">")) for r in rows)
    assert said == [
        (SEED, f"{SEED}.handcar-travellers-home", "", ""),  # unnamed: not compared
        (REGIONAL, "vladivostok", "contradictoryReadings", "moscow"),
        (WIRE, "moscow", "contradictoryReadings", "vladivostok"),
    ]


def _article(row: dict) -> str:
    return row["article"].removeprefix(f"<{BASE}source/").removesuffix(">")


def test_every_reading_of_the_distance_with_its_source(answers: dict[str, list]) -> None:
    rows = answers["cq01-distance-readings"]
    readings = sorted(
        (_article(r), r["qualifier"].rsplit("#", 1)[1].rstrip(">"), r["source"].rsplit("/", 1)[1])
        for r in rows
    )
    # the sources an article quotes are its own (scoped IRIs, issue 13 point 1)
    assert readings == [
        (SEED, "approximately", f"{SEED}.novaya-gazeta-post-2021-02-25>"),
        (SEED, "moreThan", f"{SEED}.ministry-statement-2021-02-25>"),
        (RU, "approximately", f"{RU}.ru-ministry-statement>"),
        (WIRE, "approximately", f"{WIRE}.wire-ministry-statement>"),  # roughly half a mile
        (WIRE, "moreThan", f"{WIRE}.wire-ministry-statement>"),
    ]
    # a bound stays a bound: no "more than" reading has a value
    assert all(r["exact"] is None for r in rows)
    assert {r["saidBy"] for r in rows} == {f"<{BASE}org/russian-foreign-ministry>"}


def test_what_each_report_says_the_eight_are(answers: dict[str, list]) -> None:
    rows = answers["cq02-who-the-eight-are"]
    said = sorted((_article(r), r["referredToAs"]) for r in rows)
    assert said == [
        (SEED, '"Eight Russian Embassy employees and their families"@en'),
        (SEED, '"Eight Russian Embassy employees"@en'),
        (RU, '"Восемь сотрудников посольства России в КНДР"@ru'),
        (WIRE, '"Eight people in total, including children"@en'),
    ]


def test_readings_of_shared_things_from_several_articles(answers: dict[str, list]) -> None:
    rows = answers["cq03-readings-per-thing"]
    got = sorted(
        (r["thing"].rsplit("/", 1)[1], r["property"].rsplit("#", 1)[1], _article(r), r["number"])
        for r in rows
    )
    assert got == [
        ("north-korea>", "reportedCaseCount>", SEED, "0"),
        ("north-korea>", "reportedCaseCount>", WIRE, "0"),
        ("varya>", "age>", SEED, "3"),
        ("varya>", "age>", RU, "3"),
    ]


# --- one journey, every reading, every comparison (issue 13 points 1-3, 7) -----------------------


def test_the_legs_are_linked_across_reports_into_one_journey(combined: BuildResult) -> None:
    """Following the identity links either way from the seed's handcar leg reaches the handcar
    leg of every report (numbered 3 in the seed and the Russian report, 4 in the regional one)."""
    graph = combined.dataset.graph(combined.iris.graph("enrichment"))
    start = URIRef(f"{BASE}event/{SEED}.leg-3-handcar")
    reached = set(graph.transitive_subjects(DJO.identifiedWith, start))
    assert reached == {start, *(URIRef(f"{BASE}event/{r}.{leg}") for r, leg in (
        (WIRE, "leg-trolley"), (REGIONAL, "leg-4-handcar"), (RU, "leg-3-handcar"))
    )}


def test_every_comparison_is_computed_and_listed(combined: BuildResult) -> None:
    html, raw = merge_report(combined)
    data = json.loads(raw)
    assert len(data["comparisons"]) == len(combined.relations)
    pairs = {
        tuple(sorted(r["words"] for r in c["readings"])): c["relation"]
        for c in data["comparisons"]
    }
    # the handcar distance: five readings in three articles, every pair compared
    distance = {
        words: relation for words, relation in pairs.items()
        if set(words) <= {"for more than a kilometer", "километр", "more than a kilometre",
                          "около километра", "roughly half a mile"}
    }
    assert len(distance) == 10
    assert distance[("for more than a kilometer", "more than a kilometre")] == "sameReading"
    assert distance[("for more than a kilometer", "около километра")] == "compatibleReadings"
    half_mile = {w: r for w, r in distance.items() if "roughly half a mile" in w}
    assert set(half_mile.values()) == {"contradictoryReadings"}  # about 0.8 km, not 1
    assert len(half_mile) == 4  # three computed, one declared (the wire's own sentence)
    # what "eight" counts: declared by the curators, across articles
    eights = [c for c in data["comparisons"] if c["relation"] == "differentQuestions"]
    articles = {frozenset(r["article"] for r in c["readings"]) for c in eights}
    assert len(articles) == 3  # within the seed, wire–seed, Russian–wire
    # the pairs the wire, regional and Russian reports add are across articles
    assert data["counts"]["sameReading"] >= 4
    # a reason between places names them by IRI in the data, by name on the page
    places = [c for c in data["comparisons"] if "> and <" in c["reason"]]
    assert places and all(c["reason"].startswith("<https://") for c in places)
    page = html.decode()
    assert "Vladivostok and Moscow are different things" in page
    assert "the data puts neither inside the other" in page and "&lt;https://" not in page


def test_two_articles_giving_different_values_for_shared_things_publish(tmp_path: Path) -> None:
    """Issue 13 "done when": a second (made-up, never committed) copy of the seed that gives
    Varya another age and, in its enrichment, Vladivostok another country builds without a
    Violation; both readings of each are kept and computed as contradictory."""
    folder = _copy(tmp_path, [SEED])
    copy = folder / "copy-2021-02-26-handcar"
    shutil.copytree(folder / SEED, copy)
    annotation = copy / "annotation.yaml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(text.replace("  - id: varya-age\n    value: 3\n",
                                       "  - id: varya-age\n    value: 4\n"), encoding="utf-8")
    enrichment = copy / "enrichment.yaml"
    text = enrichment.read_text(encoding="utf-8")
    assert "[vladivostok, inCountry, russia, curators]" in text
    enrichment.write_text(text.replace("[vladivostok, inCountry, russia, curators]",
                                       "[vladivostok, inCountry, north-korea, curators]"),
                          encoding="utf-8")
    result = build_dataset(folder)
    report = check_dataset(result.dataset)
    assert [r for r in report.results if r.severity is Severity.VIOLATION] == []
    asserted = result.dataset.graph(result.iris.graph("asserted"))
    varya = URIRef(f"{BASE}person/varya")
    assert len(list(asserted.objects(varya, DJO.age))) == 2
    _page, raw = merge_report(result)
    contradictions = {
        tuple(sorted(r["gives"] or r["words"] for r in c["readings"]))
        for c in json.loads(raw)["comparisons"] if c["relation"] == "contradictoryReadings"
    }
    assert ("North Korea", "Russia") in contradictions
    assert ("3-year-old", "3-year-old") in contradictions  # the same words, 3 and 4 years
