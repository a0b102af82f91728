"""An event whose words date only its start or its end, through the real build: the day of that
end, in DJO and in schema.org, and nothing of the other end; and the build's summary line for
what the release's validation found.

Input: a made-up report (``fixtures/one-end-dated/``, fiction, published Tuesday 19 November
2024): the envoys "began their journey home on Sunday, leaving the capital by bus", and "an
overnight train ... arrived early on Monday". Its bus ride names no destination and its train
no origin (two honest SHACL Warnings), and Castra no country (an Info).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from handcar.build import build_dataset
from handcar.cli import app
from handcar.commands.build import validation_line
from handcar.namespaces import PREFIXES
from handcar.publish.factcheck import evidence_of
from handcar.validate.background import BackgroundValidation
from handcar.validate.release import check_dataset

FIXTURE = Path(__file__).parent / "fixtures" / "one-end-dated"
ARTICLE = "example-2024-11-19-envoys"
EVENT = f"https://w3id.org/djo/id/event/{ARTICLE}."
PREFIX = "".join(f"PREFIX {p}: <{n}>\n" for p, n in PREFIXES.items()) + f"PREFIX e: <{EVENT}>\n"


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return build_dataset(FIXTURE).dataset


def ask(dataset: Dataset, pattern: str, graph: str) -> bool:
    where = f"GRAPH <https://w3id.org/djo/id/graph/{graph}> {{ {pattern} }}"
    return bool(dataset.query(f"{PREFIX}ASK {{ {where} }}").askAnswer)


def test_a_start_dated_to_a_day_gives_that_day_as_the_start_only(dataset: Dataset) -> None:
    for event in ("e:journey", "e:bus-ride"):
        assert ask(dataset, f'{event} djo:startDate "2024-11-17"^^xsd:date .', "asserted")
        assert ask(dataset, f'{event} schema:startDate "2024-11-17"^^xsd:date .', "entailed")
        assert not ask(dataset, f"{event} djo:date|djo:endDate|schema:endDate ?day .", "entailed")
        assert not ask(dataset, f"{event} djo:date|djo:endDate ?day .", "asserted")


def test_an_end_dated_to_a_day_gives_that_day_as_the_end_only(dataset: Dataset) -> None:
    assert ask(dataset, 'e:train-ride djo:endDate "2024-11-18"^^xsd:date .', "asserted")
    assert ask(dataset, 'e:train-ride schema:endDate "2024-11-18"^^xsd:date .', "entailed")
    assert not ask(dataset, "e:train-ride djo:date|djo:startDate ?day .", "asserted")
    assert not ask(dataset, "e:train-ride schema:startDate ?day .", "entailed")


def test_the_derived_day_has_the_evidence_of_its_fact(dataset: Dataset) -> None:
    assert ask(dataset, "?fact rdf:subject e:journey ; rdf:predicate djo:startDate ; "
                        "djo:assertedBy ?statement . ?statement djo:hasEvidence ?evidence .",
               "provenance")


def test_the_dates_agree_with_their_periods_and_the_report(dataset: Dataset) -> None:
    """No date shape has a result: each day is in its period, none after the article."""
    report = check_dataset(dataset)
    assert report.conforms()
    shapes = {report.shape_id(r) for r in report.results}
    assert not [s for s in shapes if "Date" in s or "Day" in s or "Reported" in s], shapes
    assert report.counts() == {"violation": 0, "warning": 2, "info": 1}


def test_two_reports_of_the_start_are_compared_in_words_that_read(tmp_path: Path) -> None:
    """A second made-up report (fiction) links the journey and says it began on Saturday: one
    contradictory comparison, of the two begin periods (the derived start days are not compared
    again), each reading said as "when … began" (it was "began during of …")."""
    articles = tmp_path / "articles"
    shutil.copytree(FIXTURE, articles)
    wire = articles / "example-2024-11-20-envoys-wire"
    wire.mkdir()
    (wire / "article.md").write_text(
        "---\n# Fiction, written for handcar's tests.\nheadline: Envoys Home After Two-Day Trip"
        "\ndate: 2024-11-20\nlanguage: en\n---\n\nThe envoys set off on their journey home on "
        "Saturday, officials said.\n", encoding="utf-8")
    (wire / "annotation.yaml").write_text(
        "format: handcar-annotation/1\n"
        "entities:\n"
        "  - {id: officials, type: Group, referred_to_as: officials, quote: officials}\n"
        "  - {id: envoys, type: Group, referred_to_as: The envoys, quote: The envoys}\n"
        "events:\n"
        "  - {id: journey, type: Journey, referred_to_as: their journey home,"
        " quote: their journey home}\n"
        "times:\n"
        "  - {id: saturday, relative: Saturday, quote: Saturday}\n"
        "identities:\n"
        f"  - {{id: journey, same_as: {ARTICLE}/journey, reason: the same journey home}}\n"
        "statements:\n"
        "  - id: setting-off\n"
        "    quote: The envoys set off on their journey home on Saturday, officials said.\n"
        "    said_by: officials\n"
        "    facts:\n"
        "      - [journey, traveller, envoys]\n"
        "      - [journey, beganDuring, saturday]\n", encoding="utf-8")
    result = build_dataset(articles)
    compared = [r for r in result.relations if r.across]
    assert [r.relation for r in compared] == ["contradictoryReadings"]
    evidence = evidence_of(result)
    readings = [w for r in evidence.relations for w in r.readings]
    assert sorted(w.of for w in readings) == [
        "when leaving the capital by bus began, when their journey home began",
        "when their journey home began",
    ]


def test_the_background_validation_counts_the_results(dataset: Dataset, tmp_path: Path) -> None:
    """The forked validation sends the counts of a conforming release to the build."""
    with BackgroundValidation(dataset) as validation:
        validation.check(tmp_path)  # conforms: the staged folder is not read
    assert validation.counts == {"violation": 0, "warning": 2, "info": 1}


@pytest.mark.parametrize(
    ("counts", "line"),
    [
        ({"violation": 0, "warning": 0, "info": 0}, "validation: conforms (0 violations, "
         "0 warnings, 0 infos)"),
        ({"violation": 0, "warning": 0, "info": 1}, "validation: conforms (0 violations, "
         "0 warnings, 1 info); 'handcar validate out' lists them"),
        ({"violation": 0, "warning": 2, "info": 1}, "validation: conforms (0 violations, "
         "2 warnings, 1 info); 'handcar validate out' lists them, 'handcar check "
         f"articles/{ARTICLE}' shows each warning at its line"),
    ],
)
def test_the_validation_line_says_where_to_read_the_results(counts: dict[str, int],
                                                            line: str) -> None:
    assert validation_line(counts, Path("out"), Path("articles"), [ARTICLE]) == line
    if counts["warning"]:  # several articles: the curator picks one
        assert validation_line(counts, Path("out"), Path("articles"), [ARTICLE, "b"]).endswith(
            "'handcar check articles/ARTICLE' shows each warning at its line")


@pytest.mark.slow  # two whole builds through the CLI (about 10 s each)
@pytest.mark.parametrize("fork", [True, False], ids=["background", "inline"])
def test_the_summary_counts_what_validation_found(tmp_path: Path, monkeypatch,
                                                  fork: bool) -> None:
    """The build publishes with Warnings and Infos, and says so: 'sentences not annotated'
    counts its own warnings, the validation line the release's SHACL results."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(FIXTURE, "articles")
    monkeypatch.setattr("handcar.validate.background.can_fork", lambda: fork)
    env = {"COLUMNS": "200", "HANDCAR_CACHE_DIR": str(tmp_path / "cache")}
    result = CliRunner().invoke(app, ["build", "--out", "site-out"], env=env)
    assert result.exit_code == 0, result.output
    assert "articles: 1; sentences not annotated: 0\n" in result.output
    assert (
        "validation: conforms (0 violations, 2 warnings, 1 info); 'handcar validate site-out' "
        f"lists them, 'handcar check articles/{ARTICLE}' shows each warning at its line\n"
    ) in result.output
