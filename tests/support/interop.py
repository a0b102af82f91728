"""Comparing competency answers across engines: the questions with their expected answers
(``queries/expected/``), one assertion used for every engine, and SPARQL over HTTP.

Every engine reads the union of handcar's named graphs as its default graph, each its own way:
rdflib ``Dataset(default_union=True)``, pyoxigraph ``use_default_graph_as_union``, Jena TDB2
``--set tdb:unionDefaultGraph=true``, and over HTTP (Virtuoso, the Oxigraph server) one
``default-graph-uri`` parameter per handcar graph (SPARQL 1.1 Protocol), which also keeps
Virtuoso's own system graphs out.
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Callable
from typing import Any

from handcar.answers import compare, from_json
from handcar.competency import Question, load_expected, questions

from .tools import http_request

QUESTIONS: list[Question] = questions()
QUESTION_IDS = [q.path.stem for q in QUESTIONS]


def assert_same_answers(engine: str, question: Question, document: Any) -> None:
    """``document`` (SPARQL JSON results, text or parsed) gives the stored expected answers."""
    if isinstance(document, Exception):
        raise AssertionError(f"{engine} could not answer CQ{question.number}: {document}")
    actual = from_json(document)
    expected = load_expected(question)
    problems = compare(expected, actual, ordered=question.ordered)
    assert not problems, (
        f"{engine} answers CQ{question.number} ({question.path.name}) differently from "
        f"queries/expected/{question.name}.json:\n  "
        + "\n  ".join(problems)
        + "\n(if the data changed on purpose: .venv/bin/python scripts/competency-answers.py, "
        "then review the diff of queries/expected/)"
    )


def sparql_over_http(
    endpoint: str, query: str, default_graphs: list[str], *, timeout: float = 60
) -> dict[str, Any]:
    """POST a query (SPARQL 1.1 Protocol) with one ``default-graph-uri`` per graph; the parsed
    JSON results. Raises AssertionError with the server's answer when it is not 200."""
    form = [("query", query)] + [("default-graph-uri", g) for g in default_graphs]
    status, body = http_request(
        endpoint,
        data=urllib.parse.urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
        timeout=timeout,
    )
    if status != 200:
        raise AssertionError(f"{endpoint}: HTTP {status}: {body[:2000].decode(errors='replace')}")
    result: dict[str, Any] = json.loads(body)
    return result


def answer_all(ask: Callable[[Question], Any]) -> dict[str, Any]:
    """``{question name: JSON results or the exception}`` for every competency question."""
    answers: dict[str, Any] = {}
    for question in QUESTIONS:
        try:
            answers[question.name] = ask(question)
        except Exception as exc:  # reported per question by assert_same_answers
            answers[question.name] = exc
    return answers
