"""The test corpus (tests/corpus/README.md): three made-up reports of the handcar journey.

Each report builds alone and conforms to the shapes; every quote of its annotation occurs in its
plain text; together with the seed they build into one dataset, which the multi-source
competency queries in ``queries/`` answer. The combined release does not validate yet: two
readings of one property of a shared thing break the shapes' cardinalities (issue 13 point 2).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from handcar.article import load_article
from handcar.build import BuildResult, build_dataset
from handcar.competency import Question, answer, questions
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
def test_each_report_builds_alone_and_conforms(report: str, tmp_path: Path) -> None:
    result = build_dataset(_copy(tmp_path, [report]))
    assert result.articles == [report]
    (cover,) = result.coverage
    assert cover.missing == (), "every sentence is annotated or listed as not modelled"
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
    # one journey per report: nothing links them yet (issue 13 point 1, branch i13-identity)
    handcar_journeys = [j for j in combined.journeys if j.endswith(".journey")]
    assert len(handcar_journeys) == 4


@pytest.mark.xfail(
    strict=True,
    reason="issue 13 point 2 (being fixed on i13-identity): two readings of one property of a"
    " shared thing (Varya's age in the seed and the Russian report, North Korea's reported case"
    " count in the seed and the wire report) break the shapes' maxCount",
)
def test_the_combined_release_conforms(combined: BuildResult) -> None:
    report = check_dataset(combined.dataset)
    violations = [r for r in report.results if r.severity is Severity.VIOLATION]
    assert violations == []


# --- the multi-source competency questions ------------------------------------------------------


@pytest.fixture(scope="module")
def answers(combined: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """Each query's rows over the combined dataset (in memory: it is no valid release yet)."""
    folder = tmp_path_factory.mktemp("combined-release")
    combined.dataset.serialize(folder / "dataset.nq", format="nquads")
    release = open_release(folder)
    found: list[Question] = questions(QUERIES)
    rows: dict[str, list] = {}
    for question in found:
        result = answer(release, question)
        rows[question.name] = [dict(zip(result.variables, r, strict=True)) for r in result.rows]
    return rows


def _article(row: dict) -> str:
    return row["article"].removeprefix(f"<{BASE}source/").removesuffix(">")


def test_every_reading_of_the_distance_with_its_source(answers: dict[str, list]) -> None:
    rows = answers["cq01-distance-readings"]
    readings = sorted(
        (_article(r), r["qualifier"].rsplit("#", 1)[1].rstrip(">"), r["source"].rsplit("/", 1)[1])
        for r in rows
    )
    assert readings == [
        (SEED, "approximately", "novaya-gazeta-post-2021-02-25>"),
        (SEED, "moreThan", "ministry-statement-2021-02-25>"),
        (RU, "approximately", "ru-ministry-statement>"),
        (WIRE, "moreThan", "wire-ministry-statement>"),
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
