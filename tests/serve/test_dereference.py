"""Dereferencing (issue 15, point 1): every data IRI and the ontology by content negotiation."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from handcar.formats import RDF_FORMATS
from handcar.serve.documents import OFFERS
from serve.conftest import BASE, PYONGYANG

RDF_NAMES = ["turtle", "trig", "ntriples", "nquads", "jsonld", "xml"]
LEG = "/djo/id/event/moscow-times-2021-02-26-handcar.leg-1-train"  # a slug with a dot


def parse(body: bytes, name: str, release: Path) -> list[ox.Quad]:
    """The body read back by pyoxigraph (JSON-LD: expanded by PyLD with the local context)."""
    if name == "jsonld":
        from pyld import jsonld

        context = json.loads((release / "context.jsonld").read_text(encoding="utf-8"))

        def loader(url: str, options: object = None) -> dict:
            assert url == "https://w3id.org/djo/context.jsonld", url
            return {"document": context, "documentUrl": url, "contextUrl": None,
                    "contentType": "application/ld+json"}

        nquads = jsonld.to_rdf(json.loads(body), {"documentLoader": loader,
                                                   "format": "application/n-quads"})
        return list(ox.parse(nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
    quads = ox.parse(body, format=RDF_FORMATS[name].oxigraph)
    return [q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object)
            for q in quads]


@pytest.mark.parametrize("name", RDF_NAMES)
def test_data_iri_redirects_to_the_negotiated_document(client, release, name) -> None:
    fmt = RDF_FORMATS[name]
    answer = client.get(PYONGYANG, headers={"Accept": fmt.media_type})
    assert answer.status_code == 303
    assert answer.headers["location"] == f"{PYONGYANG}.{fmt.extension}"
    assert "Accept" in answer.headers["vary"]
    document = client.get(answer.headers["location"])
    assert document.status_code == 200
    assert document.headers["content-type"].split(";")[0] == fmt.media_type
    quads = parse(document.content, name, release)
    city = ox.Quad(ox.NamedNode(BASE + "place/pyongyang"),
                   ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   ox.NamedNode("https://w3id.org/djo#City"))
    assert any(q.triple == city.triple for q in quads)
    if fmt.named_graphs:
        assert ox.Quad(*city.triple, ox.NamedNode(BASE + "graph/asserted")) in quads


@pytest.fixture(scope="module")
def bare_client(tmp_path_factory, release):
    """The release without its static site: every page is the server's fallback page."""
    import shutil

    from handcar.serve import create_app
    from serve.conftest import TestClient

    copy = tmp_path_factory.mktemp("bare") / "out"
    shutil.copytree(release, copy, ignore=shutil.ignore_patterns("site"))
    with TestClient(create_app(copy), follow_redirects=False) as client:
        yield client


def test_fallback_page_links_types_to_the_ontology_docs(bare_client, release) -> None:
    page = bare_client.get(PYONGYANG + ".html").text
    anchor = re.search(r'<a href="/djo\.html#([^"]+)">city \(djo:City\)</a>', page)[1]
    docs = (release / "ontology" / "index.html").read_text(encoding="utf-8")
    section = docs[docs.index(f'id="{anchor}"'):]
    assert section[:section.index("</code>")].endswith("<code>https://w3id.org/djo#City")
    assert '<a href="/djo/id/place/north-korea">' in page  # links stay on the server
    assert '<a href="http://www.wikidata.org/entity/Q18808">' in page


def test_fallback_page(bare_client) -> None:
    page = bare_client.get(PYONGYANG + ".html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Pyongyang</h1>" in page.text
    for offer in OFFERS:
        if offer.name != "html":
            assert f'<link rel="alternate" type="{offer.media_type}" ' \
                   f'href="{PYONGYANG}.{offer.extension}">' in page.text


def test_fallback_page_marks_words_in_another_language(bare_client) -> None:
    russia = PYONGYANG.replace("place/pyongyang", "place/russia")
    page = bare_client.get(russia + ".html")
    assert '<span lang="ru" dir="auto">Россия</span>' in page.text


def test_html_for_a_browser(client) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    answer = client.get(PYONGYANG, headers={"Accept": browser})
    assert answer.status_code == 303 and answer.headers["location"] == PYONGYANG + ".html"
    page = client.get(PYONGYANG + ".html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Pyongyang" in page.text


@pytest.mark.parametrize(("accept", "extension"), [
    ("*/*", "ttl"),
    ("text/turtle;q=0.2, application/ld+json;q=0.9", "jsonld"),
    ("text/*;q=0.9, text/turtle;q=0", "html"),
    ("application/n-quads;q=0.5, application/trig;q=0.6", "trig"),
    ("text/turtle;charset=utf-8", "ttl"),
    ("garbage, application/n-triples;q=0.1", "nt"),
    ("application/json", "jsonld"),  # a JSON reader reads JSON-LD (RFC 6839)
])
def test_q_values(client, accept, extension) -> None:
    answer = client.get(PYONGYANG, headers={"Accept": accept})
    assert answer.status_code == 303 and answer.headers["location"] == f"{PYONGYANG}.{extension}"


@pytest.mark.parametrize("accept", ["image/png", "text/turtle;q=0", "garbage", "*/turtle",
                                    'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"'])
def test_406_lists_what_can_be_served(client, accept) -> None:
    answer = client.get(PYONGYANG, headers={"Accept": accept})
    assert answer.status_code == 406
    assert "Accept" in answer.headers["vary"]
    for offer in OFFERS:
        assert f"{offer.media_type}  {PYONGYANG}.{offer.extension}" in answer.text


def test_extension_override_ignores_accept(client) -> None:
    answer = client.get(PYONGYANG + ".nt", headers={"Accept": "text/html"})
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/n-triples"


def test_a_slug_with_a_dot(client) -> None:
    assert client.get(LEG, headers={"Accept": "text/turtle"}).headers["location"] == LEG + ".ttl"
    assert client.get(LEG + ".ttl").status_code == 200
    assert client.get(LEG + ".html").status_code == 200


@pytest.mark.parametrize("path", ["/djo/id/place/nowhere", "/djo/id/place/nowhere.ttl",
                                  PYONGYANG + ".exe", PYONGYANG + "/", "/djo2", "/djo/nothing",
                                  "/djo/id/place/", "/djo/id/nothing.html"])
def test_unknown_paths_are_404(client, path) -> None:
    assert client.get(path).status_code == 404


def test_ontology_answers_directly_with_content_location(client, release) -> None:
    for accept, extension in [("text/html", "html"), ("text/turtle", "ttl"),
                              ("application/n-quads", "nq"), ("application/ld+json", "jsonld"),
                              ("application/rdf+xml", "rdf"),
                              # Protégé's (the OWL API's) Accept header
                              ("application/rdf+xml, application/xml; q=0.5, text/xml; q=0.3, "
                               "*/*; q=0.2", "rdf")]:
        answer = client.get("/djo", headers={"Accept": accept})
        assert answer.status_code == 200, accept
        assert answer.headers["content-location"] == f"/djo.{extension}"
        assert "Accept" in answer.headers["vary"]
    turtle = client.get("/djo.ttl")
    assert turtle.content == (release / "ontology" / "djo.ttl").read_bytes()  # with comments
    terms = {q.subject for q in parse(client.get("/djo.trig").content, "trig", release)}
    assert ox.NamedNode("https://w3id.org/djo#HandcarLeg") in terms
    align = client.get("/djo/align", headers={"Accept": "text/turtle"})
    assert align.content == (release / "ontology" / "djo-align.ttl").read_bytes()


def test_the_shapes_iris_answer_with_the_shapes(client, release) -> None:
    """A validation report names shapes by IRI (``https://w3id.org/djo/shapes#Event-during``):
    ``/djo/shapes`` and ``/djo/shapes/rules`` answer with their graphs (they were 404), in RDF
    only (a browser gets Turtle: there is no HTML page of them)."""
    for path, file in [("/djo/shapes", "djo-shapes.ttl"), ("/djo/shapes/rules", "djo-rules.ttl")]:
        turtle = client.get(path, headers={"Accept": "text/turtle"})
        assert turtle.status_code == 200
        assert turtle.content == (release / "shapes" / file).read_bytes()
        browser = client.get(path, headers={"Accept": "text/html,*/*;q=0.8"})
        assert browser.headers["content-type"].startswith("text/turtle")
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 406
        assert client.get(f"{path}.html").status_code == 404
    shapes = parse(client.get("/djo/shapes.nt").content, "ntriples", release)
    assert ox.NamedNode("https://w3id.org/djo/shapes#Event-during") in {q.subject for q in shapes}
    # the shapes are no part of the ontology's terms
    assert client.get("/djo", headers={"Accept": "text/turtle"}).content == (
        release / "ontology" / "djo.ttl").read_bytes()


def test_context_void_and_release_files(client, release) -> None:
    context = client.get("/djo/context.jsonld")
    assert context.status_code == 200
    assert context.headers["content-type"] == "application/ld+json"
    assert context.content == (release / "context.jsonld").read_bytes()
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle"})
    assert void.content == (release / "metadata.ttl").read_bytes()
    nquads = client.get("/.well-known/void", headers={"Accept": "application/n-quads"})
    assert any(q.predicate.value == "http://rdfs.org/ns/void#subset"
               for q in parse(nquads.content, "nquads", release))
    assert client.get("/.well-known/void", headers={"Accept": "text/html"}).status_code == 406
    dataset = client.get("/djo/id/release/dataset.nq")  # the metadata's void:dataDump
    assert dataset.headers["content-type"] == "application/n-quads"
    assert dataset.content == (release / "dataset.nq").read_bytes()
    assert client.get("/djo/id/release/ontology/index.html").status_code == 200
    assert client.get("/djo/id/release/README.md").headers["content-type"].startswith(
        "text/markdown")
    assert client.get("/djo/id/release/ontology/").status_code == 404  # a folder
    assert client.get("/djo/id/release/ontology").status_code == 303  # a dataset of the metadata
    assert client.get("/release/dataset.nq").status_code == 404


def test_graph_and_metadata_iris_are_described(client, release) -> None:
    answer = client.get("/djo/id/graph/asserted.ttl")
    assert answer.status_code == 200
    assert "void:Dataset" in answer.text


def test_an_iri_plus_an_extension_that_is_itself_an_iri(client) -> None:
    """The metadata names the file release/dataset.ttl beside the dataset release/dataset: the
    dataset's Turtle description is then at ?format=ttl."""
    dataset, distribution = "/djo/id/release/dataset", "/djo/id/release/distribution/dataset.ttl"
    answer = client.get(dataset, headers={"Accept": "text/turtle"})
    assert answer.headers["location"] == dataset + "?format=ttl"
    assert "dcat:Dataset" in client.get(answer.headers["location"]).text
    assert client.get(dataset, headers={"Accept": "text/html"}).headers[
        "location"] == dataset + ".html"
    assert client.get(distribution, headers={"Accept": "text/turtle"}).headers[
        "location"] == distribution + ".ttl"
    assert "dcat:Distribution" in client.get(distribution + ".ttl").text
    assert client.get(dataset + "?format=exe").status_code == 406


@pytest.mark.slow
def test_every_iri_answers_turtle_and_html(client, app, release) -> None:
    """Done when: every IRI in the dataset answers a browser and Accept: text/turtle
    (about 4000 requests: slow)."""
    served = app.state.served
    assert len(served.iris) > 900
    check_iris(client, release, sorted(served.iris))


def test_one_iri_of_each_kind_answers_turtle_and_html(client, app, release) -> None:
    """The default run's sample of the test above: the first IRI of each kind."""
    served = app.state.served
    kinds: dict[str, str] = {}
    for iri in sorted(served.iris):
        kinds.setdefault(iri.removeprefix(BASE).split("/")[0], iri)
    assert {"place", "person", "event", "fact", "statement", "evidence", "graph", "release",
            "text"} <= set(kinds)
    check_iris(client, release, sorted(kinds.values()))


def check_iris(client, release: Path, iris: list[str]) -> None:
    for iri in iris:
        path = iri.removeprefix("https://w3id.org")
        if (release / iri.removeprefix(BASE + "release/")).is_file():  # a file of the release
            assert client.get(path).status_code == 200
            continue
        for accept, extension in [("text/turtle", "ttl"), ("text/html", "html")]:
            answer = client.get(path, headers={"Accept": accept})
            assert answer.status_code == 303, (iri, accept)
            document = client.get(answer.headers["location"])
            assert document.status_code == 200, (iri, accept, answer.headers["location"])
            assert document.headers["content-type"].startswith(
                "text/turtle" if extension == "ttl" else "text/html")
            if extension == "ttl":
                assert f"<{iri}>" in document.text or iri.rsplit("/", 1)[1] in document.text


def test_site_page_is_preferred_when_the_release_has_one(tmp_path, release) -> None:
    import shutil

    from handcar.serve import create_app
    from serve.conftest import TestClient

    copy = tmp_path / "out"
    shutil.copytree(release, copy)
    (copy / "site" / "place").mkdir(parents=True, exist_ok=True)
    (copy / "site" / "place" / "pyongyang.html").write_text("<p>the static page</p>")
    (copy / "site" / "index.html").write_text("<p>the static index</p>")
    (copy / "site" / "event").mkdir(exist_ok=True)
    (copy / "site" / "event" / (LEG.rsplit("/", 1)[1] + ".html")).unlink(missing_ok=True)
    with TestClient(create_app(copy)) as client:
        assert client.get(PYONGYANG + ".html").text == "<p>the static page</p>"
        assert client.get("/").text == "<p>the static index</p>"
        assert client.get("/djo/id/").text == "<p>the static index</p>"
        fallback = client.get(LEG + ".html").text  # no static page: the fallback
        assert "<h1>" in fallback and "Properties" in fallback
    shutil.rmtree(copy / "site")
    with TestClient(create_app(copy)) as client:  # no site at all: the server's own index
        home = client.get("/", follow_redirects=False)
        assert home.status_code == 200 and f'href="{PYONGYANG}"' in home.text
