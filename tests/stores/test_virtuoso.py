"""Virtuoso Open Source (Debian) answers every competency question as the embedded engines do,
loaded two ways: with its bulk loader (``ld_dir`` + ``rdf_loader_run`` on ``dataset.nq``, the
graphs taken from the quads) and with ``handcar load --endpoint`` through its Graph Store
Protocol endpoint ``/sparql-graph-crud-auth`` (HTTP digest authentication as ``dba``).

One instance serves the whole module (about 2 s to start); each loading fixture clears
handcar's graphs before it loads and after it has asked every question. Queries go to
``/sparql`` with one ``default-graph-uri`` per handcar graph (the union, without Virtuoso's
system graphs). Virtuoso writes typed values as ``"typed-literal"`` and day-time durations as
seconds; the comparison reads both (``handcar.answers``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handcar.competency import Question
from handcar.query import RELEASE_FILE
from support.interop import (
    QUESTION_IDS,
    QUESTIONS,
    answer_all,
    assert_same_answers,
    sparql_over_http,
)
from support.virtuoso import VirtuosoInstance, virtuoso_server

pytestmark = pytest.mark.requires("virtuoso")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtuosoInstance]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as instance:
        yield instance


def clear(instance: VirtuosoInstance, graphs: list[str]) -> None:
    for graph in graphs:
        instance.isql(f"SPARQL CLEAR GRAPH <{graph}>")


def graph_counts(instance: VirtuosoInstance, graphs: list[str]) -> dict[str, int]:
    values = " ".join(f"<{g}>" for g in graphs)
    rows = instance.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} "
        "GROUP BY ?g"
    )
    return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}


def ask_all(instance: VirtuosoInstance, graphs: list[str]) -> dict[str, Any]:
    return answer_all(lambda q: sparql_over_http(instance.sparql_url, q.sparql, graphs))


def handcar_load(release: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "handcar", "load", "--out", str(release), "--quiet", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def bulk_loaded(virtuoso, release, graph_iris, graph_sizes) -> dict[str, Any]:
    """Answers after Virtuoso's bulk loader read dataset.nq; the triple counts per graph."""
    graphs = list(graph_iris.values())
    clear(virtuoso, graphs)
    shutil.copyfile(release / RELEASE_FILE, virtuoso.data_dir / RELEASE_FILE)
    # the third argument is the graph for triples without one; N-Quads name their own
    virtuoso.isql(f"ld_dir('{virtuoso.data_dir}', '{RELEASE_FILE}', 'urn:handcar:unused')")
    virtuoso.isql("rdf_loader_run()")
    virtuoso.isql("checkpoint")
    errors = virtuoso.isql(
        "SELECT ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL"
    )
    result = {
        "errors": errors.strip(),
        "counts": graph_counts(virtuoso, graphs),
        "answers": ask_all(virtuoso, graphs),
    }
    clear(virtuoso, graphs)
    return result


@pytest.fixture(scope="module")
def gsp_loaded(virtuoso, release, graph_iris, bulk_loaded) -> dict[str, Any]:
    """Answers after ``handcar load --endpoint …/sparql-graph-crud-auth``, run twice."""
    graphs = list(graph_iris.values())
    clear(virtuoso, graphs)
    endpoint = f"{virtuoso.http_url}/sparql-graph-crud-auth"
    runs = [
        handcar_load(release, "--endpoint", endpoint, "--user", "dba", "--password", "dba")
        for _ in range(2)
    ]
    result = {
        "runs": runs,
        "counts": graph_counts(virtuoso, graphs),
        "answers": ask_all(virtuoso, graphs),
    }
    clear(virtuoso, graphs)
    return result


def test_bulk_loader_loads_every_graph(bulk_loaded, graph_sizes) -> None:
    assert not bulk_loaded["errors"], bulk_loaded["errors"]
    assert bulk_loaded["counts"] == graph_sizes


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_bulk_loaded_virtuoso_gives_the_expected_answers(question: Question, bulk_loaded) -> None:
    assert_same_answers("Virtuoso (bulk loader)", question, bulk_loaded["answers"][question.name])


def test_handcar_load_into_virtuoso_is_idempotent(gsp_loaded, graph_sizes) -> None:
    for run in gsp_loaded["runs"]:
        assert run.returncode == 0, run.stderr
    # loaded twice, each graph holds one copy
    assert gsp_loaded["counts"] == graph_sizes


@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_handcar_loaded_virtuoso_gives_the_expected_answers(question: Question, gsp_loaded) -> None:
    assert_same_answers("Virtuoso (handcar load)", question, gsp_loaded["answers"][question.name])


def test_virtuoso_refuses_a_wrong_password(virtuoso, release) -> None:
    endpoint = f"{virtuoso.http_url}/sparql-graph-crud-auth"
    run = handcar_load(release, "--endpoint", endpoint, "--user", "dba", "--password", "wrong")
    assert run.returncode == 2
    assert "HTTP 401" in run.stderr and "--password" in run.stderr


def test_virtuoso_refuses_anonymous_writes_with_its_reason(virtuoso, release) -> None:
    run = handcar_load(release, "--endpoint", f"{virtuoso.http_url}/sparql-graph-crud")
    assert run.returncode == 2
    assert "HTTP 403" in run.stderr and "Permission denied" in run.stderr
