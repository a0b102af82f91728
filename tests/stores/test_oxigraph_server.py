"""The Oxigraph server (the ``oxigraph`` binary from PyPI) answers every competency question as
the embedded engines do, loaded two ways:

- ``handcar load --endpoint {server}/store`` (Graph Store Protocol PUT, twice: idempotent);
- ``handcar load --store DIR`` into a store folder, which ``oxigraph serve --location DIR`` then
  serves (the folder must not be held by a server while handcar writes it).

Queries go to ``/query`` with one ``default-graph-uri`` per handcar graph; the server's own
``--union-default-graph`` gives the same answers (checked on one question).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handcar.competency import Question
from support.interop import (
    QUESTION_IDS,
    QUESTIONS,
    answer_all,
    assert_same_answers,
    sparql_over_http,
)
from support.oxigraph_server import OxigraphInstance, oxigraph_server

pytestmark = pytest.mark.requires("oxigraph")


def handcar_load(release: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handcar", "load", "--out", str(release), "--quiet", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def graph_counts(server: OxigraphInstance) -> dict[str, int]:
    rows = server.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


@pytest.fixture(scope="module")
def over_http(tmp_path_factory, release, graph_iris) -> Iterator[dict[str, Any]]:
    """A server started empty, filled by ``handcar load --endpoint`` twice."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-gsp") / "store") as server:
        runs = [handcar_load(release, "--endpoint", f"{server.base_url}/store") for _ in range(2)]
        graphs = list(graph_iris.values())
        yield {
            "server": server,
            "runs": runs,
            "counts": graph_counts(server),
            "answers": answer_all(
                lambda q: sparql_over_http(f"{server.base_url}/query", q.sparql, graphs)
            ),
        }


@pytest.fixture(scope="module")
def from_store_folder(tmp_path_factory, release, graph_iris) -> Iterator[dict[str, Any]]:
    """``handcar load --store DIR`` twice, then ``oxigraph serve --location DIR``."""
    folder = tmp_path_factory.mktemp("oxigraph-folder") / "store"
    runs = [handcar_load(release, "--store", str(folder)) for _ in range(2)]
    with oxigraph_server(folder) as server:
        graphs = list(graph_iris.values())
        yield {
            "runs": runs,
            "counts": graph_counts(server),
            "answers": answer_all(
                lambda q: sparql_over_http(f"{server.base_url}/query", q.sparql, graphs)
            ),
        }


def test_handcar_load_endpoint_is_idempotent(over_http, graph_sizes) -> None:
    for run in over_http["runs"]:
        assert run.returncode == 0, run.stderr
    assert over_http["counts"] == graph_sizes


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_oxigraph_server_gives_the_expected_answers(question: Question, over_http) -> None:
    assert_same_answers("Oxigraph server", question, over_http["answers"][question.name])


def test_union_default_graph_option_gives_the_same_answers(over_http) -> None:
    question = next(q for q in QUESTIONS if q.number == 5)
    server: OxigraphInstance = over_http["server"]
    document = sparql_over_http(f"{server.base_url}/query?union-default-graph", question.sparql, [])
    assert_same_answers("Oxigraph server (union-default-graph)", question, document)


def test_handcar_load_store_is_idempotent(from_store_folder, graph_sizes) -> None:
    for run in from_store_folder["runs"]:
        assert run.returncode == 0, run.stderr
    assert from_store_folder["counts"] == graph_sizes


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_served_store_folder_gives_the_expected_answers(
    question: Question, from_store_folder
) -> None:
    answers = from_store_folder["answers"]
    assert_same_answers("Oxigraph server (handcar load --store)", question, answers[question.name])
