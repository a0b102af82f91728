"""/sparql (issue 15, point 4): the SPARQL 1.1 Protocol, each result format read back by a real
parser, and every refusal with its status."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest
import rdflib

from handcar.formats import RDF_FORMATS, RESULT_FORMATS
from serve.conftest import BASE
from serve.test_dereference import parse

PLACE = f"<{BASE}place/pyongyang>"
SELECT = "SELECT ?name WHERE { " + PLACE + " schema:name ?name }"
CONSTRUCT = "CONSTRUCT WHERE { " + PLACE + " a ?type }"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_select_in_each_results_format(client, name) -> None:
    fmt = RESULT_FORMATS[name]
    answer = client.get("/sparql", params={"query": SELECT},
                        headers={"Accept": fmt.media_type.split(";")[0]})
    assert answer.status_code == 200
    assert answer.headers["content-type"].split(";")[0] == fmt.media_type.split(";")[0]
    if name == "csv":  # lossy by design: no parser gives terms back; read it as CSV
        assert list(csv.reader(io.StringIO(answer.text))) == [["name"], ["Pyongyang"]]
        return
    solutions = list(ox.parse_query_results(answer.content, format=fmt.oxigraph))
    assert [s["name"] for s in solutions] == [ox.Literal("Pyongyang", language="en")]
    if name == "json":  # and a second, independent parser
        assert json.loads(answer.content)["results"]["bindings"][0]["name"]["value"] == "Pyongyang"
    if name == "xml":
        parsed = rdflib.query.Result.parse(io.BytesIO(answer.content), format="xml")
        assert [str(row[0]) for row in parsed] == ["Pyongyang"]


def test_ask(client) -> None:
    answer = client.get("/sparql", params={"query": "ASK { ?s a djo:HandcarLeg }"},
                        headers={"Accept": "application/sparql-results+json"})
    assert answer.json()["boolean"] is True


@pytest.mark.parametrize("name", ["turtle", "jsonld", "ntriples"])
def test_construct_in_each_format(client, release, name) -> None:
    fmt = RDF_FORMATS[name]
    answer = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": fmt.media_type})
    assert answer.status_code == 200
    assert answer.headers["content-type"].split(";")[0] == fmt.media_type
    types = {q.object.value for q in parse(answer.content, name, release)}
    assert "https://w3id.org/djo#City" in types and "https://schema.org/Place" in types
    if name == "turtle":
        graph = rdflib.Graph().parse(data=answer.text, format="turtle")
        assert rdflib.URIRef("https://w3id.org/djo#City") in set(graph.objects())


def test_describe_query(client) -> None:
    answer = client.get("/sparql", params={"query": f"DESCRIBE <{BASE}place/pyongyang>"},
                        headers={"Accept": "text/turtle"})
    assert answer.status_code == 200 and "djo:City" in answer.text


def test_post_form_and_post_query(client) -> None:
    form = client.post("/sparql", data={"query": SELECT}, headers={"Accept": "text/csv"})
    assert form.status_code == 200 and form.text.splitlines()[1] == "Pyongyang"
    direct = client.post("/sparql", content=SELECT.encode(),
                         headers={"Content-Type": "application/sparql-query; charset=utf-8",
                                  "Accept": "text/csv"})
    assert direct.status_code == 200 and direct.text == form.text


def test_format_parameter_and_default_graph(client) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = client.get("/sparql", params={"query": count, "format": "csv"})
    one = client.get("/sparql", params={"query": count, "format": "csv",
                                        "default-graph-uri": BASE + "graph/asserted"})
    assert union.headers["content-type"].startswith("text/csv")
    assert int(one.text.split()[1]) == 361 < int(union.text.split()[1])
    assert client.get("/sparql", params={"query": count, "format": "turtle"}).status_code == 400
    assert client.get("/sparql", params={"query": count, "default-graph-uri": "urn:x"}
                      ).status_code == 400
    own = client.get("/sparql", params={
        "query": count.replace("WHERE", f"FROM <{BASE}graph/asserted> WHERE"), "format": "csv"})
    assert own.status_code == 200 and own.text == one.text  # the query's own FROM


def test_a_json_or_xml_reader_gets_sparql_results_in_that_syntax(client) -> None:
    """Many SPARQL clients send ``Accept: application/json``: SPARQL JSON results are JSON
    (``application/sparql-results+json``); a browser's ``application/xml;q=0.9`` does not pick
    XML results (it gets what it got: the first offer, through ``*/*``)."""
    as_json = client.get("/sparql", params={"query": SELECT},
                         headers={"Accept": "application/json"})
    assert as_json.status_code == 200
    assert as_json.headers["content-type"].startswith("application/sparql-results+json")
    assert "head" in as_json.json()
    browser = client.get("/sparql", params={"query": SELECT}, headers={
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert browser.headers["content-type"].startswith("application/sparql-results+json")


def test_406_for_results(client) -> None:
    answer = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"})
    assert answer.status_code == 406 and "application/sparql-results+json" in answer.text


def test_query_form(client) -> None:
    answer = client.get("/sparql", headers={"Accept": "text/html"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert '<textarea name="query"' in answer.text and 'action="/sparql"' in answer.text


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"params": {"query": "SELECT"}}, 400),                              # syntax error
    ({"params": [("query", SELECT), ("query", SELECT)]}, 400),            # two queries
    ({"method": "POST", "content": b"query=x", "headers": {"Content-Type": "text/plain"}}, 415),
    ({"method": "POST", "content": b"", "headers": FORM}, 400),           # no query
    ({"method": "POST", "content": b"\xff\xfe", "headers": FORM}, 400),   # not UTF-8
    ({"method": "PUT", "content": b"x"}, 405),
    ({"method": "DELETE"}, 405),
])
def test_malformed_requests(client, kwargs, status) -> None:
    method = kwargs.pop("method", "GET")
    assert client.request(method, "/sparql", **kwargs).status_code == status
