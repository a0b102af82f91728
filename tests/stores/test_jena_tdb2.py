"""Apache Jena TDB2 (Debian's Jena 4.5, called by class name) answers every competency question
as the embedded engines do: ``tdb2.tdbloader`` loads ``dataset.nq`` (its named graphs kept), and
``tdb2.tdbquery --set tdb:unionDefaultGraph=true`` runs each query over their union.

``tdbquery`` starts a JVM per query (about 1 s) and takes a lock on its database folder, so the
questions run on two copies of the loaded database at once.
"""

from __future__ import annotations

import json
import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from handcar.competency import Question
from handcar.query import RELEASE_FILE
from support.interop import QUESTION_IDS, QUESTIONS, assert_same_answers
from support.tools import jena_run

pytestmark = pytest.mark.requires("jena")

WORKERS = max(1, min(2, os.cpu_count() or 1))


def tdbquery(location: Path, query_file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return jena_run(
        "tdb2.tdbquery",
        ["--loc", location, *extra, "--results=json", "--query", query_file],
        tool="jena tdb2.tdbquery",
        timeout=120,
    )


@pytest.fixture(scope="module")
def tdb2(tmp_path_factory: pytest.TempPathFactory, release: Path) -> Path:
    location = tmp_path_factory.mktemp("tdb2") / "db"
    jena_run(
        "tdb2.tdbloader", ["--loc", location, release / RELEASE_FILE], tool="jena tdb2.tdbloader"
    )
    return location


@pytest.fixture(scope="module")
def jena_answers(tdb2: Path) -> dict[str, Any]:
    # one database folder per worker: a tdbquery process locks its folder
    locations = [tdb2]
    for n in range(1, WORKERS):
        copy = tdb2.with_name(f"db-{n}")
        subprocess.run(["cp", "-r", "--sparse=always", str(tdb2), str(copy)], check=True)
        (copy / "tdb.lock").unlink(missing_ok=True)
        locations.append(copy)

    def ask(job: tuple[int, Question]) -> tuple[str, Any]:
        n, question = job
        try:
            location = locations[n % WORKERS]
            union = ("--set", "tdb:unionDefaultGraph=true")
            return question.name, tdbquery(location, question.path, *union).stdout
        except Exception as exc:  # reported per question
            return question.name, exc

    with ThreadPoolExecutor(WORKERS) as pool:
        return dict(pool.map(ask, enumerate(QUESTIONS)))


def test_tdb2_holds_every_named_graph(tdb2: Path, graph_sizes) -> None:
    query = tdb2.with_name("count-graphs.rq")
    query.write_text("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g\n")
    rows = json.loads(tdbquery(tdb2, query).stdout)["results"]["bindings"]
    assert {r["g"]["value"]: int(r["n"]["value"]) for r in rows} == graph_sizes


@pytest.mark.slow  # a JVM per question, on every xdist worker: about 25 s; CI runs it
@pytest.mark.parametrize("question", QUESTIONS, ids=QUESTION_IDS)
def test_jena_tdb2_gives_the_expected_answers(question: Question, jena_answers) -> None:
    assert_same_answers("Jena TDB2", question, jena_answers[question.name])
