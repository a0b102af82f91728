"""The competency questions on the two embedded engines, over the union of the named graphs:
pyoxigraph (what ``handcar query`` runs) and rdflib. Both must give the stored answers."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset

from handcar.competency import Question
from handcar.query import RELEASE_FILE, open_release, render, run
from support.interop import QUESTION_IDS, QUESTIONS, answer_all, assert_same_answers


@pytest.fixture(scope="module")
def pyoxigraph_answers(release: Path) -> dict[str, Any]:
    loaded = open_release(release)
    return answer_all(lambda q: render(run(loaded, q.sparql), "json"))


@pytest.fixture(scope="module")
def rdflib_answers(release: Path) -> dict[str, Any]:
    # rdflib 7.6 warns about its own use of Dataset.default_context, thousands of times
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset = Dataset(default_union=True)
        dataset.parse(release / RELEASE_FILE, format="nquads")
        return answer_all(lambda q: dataset.query(q.sparql).serialize(format="json"))


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_pyoxigraph_gives_the_expected_answers(question: Question, pyoxigraph_answers) -> None:
    assert_same_answers("pyoxigraph", question, pyoxigraph_answers[question.name])


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_rdflib_gives_the_expected_answers(question: Question, rdflib_answers) -> None:
    assert_same_answers("rdflib", question, rdflib_answers[question.name])


def test_the_load_summary_prints_a_target_and_iris_as_written(
        release: Path, tmp_path: Path) -> None:
    """The summary's title and cells are text, not rich markup: a store folder named
    "store[1]" (or an endpoint at "http://[::1]:7878/store") was printed without "[1]"."""
    from typer.testing import CliRunner

    from handcar.cli import app

    store = tmp_path / "store[1]"
    result = CliRunner().invoke(app, ["load", "--out", str(release), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert f"handcar load → {store}" in " ".join(result.stdout.split())
    assert "https://w3id.org/djo/id/graph/asserted" in result.stdout
