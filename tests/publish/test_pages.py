"""The static site, the journey pictures and the ontology diagrams (issue 15, points 2, 3, 6):
a page per data IRI with labels, readings and marked quotes; relative links that resolve; SVG
that says what the data says (bounds stay bounds, legs in order, the border crossing); class
diagrams by topic with prefixed names; the same bytes under any hash seed; and Chromium renders
the journey page and a resource page."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from handcar.namespaces import DJO, UNIT
from handcar.publish.classgraph import VIEWS
from handcar.publish.journey import quantity_text
from handcar.publish.pages import SiteData, render_page
from handcar.publish.pictures.timeline import NOTE
from handcar.publish.spool import payload_bytes, sha256_hex
from support.browser import assert_not_blank, dump_dom, screenshot

BASE = "https://w3id.org/djo/id/"
SEED = "moscow-times-2021-02-26-handcar"
JOURNEY = f"site/event/{SEED}.journey.html"
LEG3 = f"site/event/{SEED}.leg-3-handcar.html"
SVG = "{http://www.w3.org/2000/svg}"


def _page(files: dict[str, bytes], path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(files[path])


def _svg_texts(svg: bytes | str) -> list[str]:
    root = ET.fromstring(svg.encode() if isinstance(svg, str) else svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_every_data_iri_has_a_page_and_the_index_lists_them(seed, files) -> None:
    iris = {str(n) for q in seed.dataset.quads((None, None, None, None)) for n in q
            if isinstance(n, URIRef) and str(n).startswith(BASE)}
    pages = {p[len("site/"):-len(".html")] for p in files
             if p.startswith("site/") and p.endswith(".html") and p != "site/index.html"}
    assert pages == {iri[len(BASE):] for iri in iris}
    index = _page(files, "site/index.html")
    headings = [h.text_content() for h in index.iter("h2")]
    assert headings[0].startswith("journey (2)")
    linked = {a.get("href") for a in index.iter("a")}
    assert {f"{rel}.html" for rel in pages} <= linked


def test_a_leg_page_has_labels_readings_and_the_quoted_words_marked(files) -> None:
    page = _page(files, LEG3)
    assert page.findtext(".//h1") == "a pedestrian crossing to the Russian side"
    types = {a.text: a.get("href") for a in page.xpath("//p[@class='iri']//a")}
    assert types == {"handcar leg": "../../ontology/index.html#handcarleg"}
    rows = page.xpath("(//table[@class='properties'])[1]//tr[@class='value']")
    distance = [r for r in rows if "distance" in r.text_content()]
    summaries = sorted(s.text for r in distance for s in r.xpath(".//span[@class='summary']"))
    assert summaries == ["> 1 km", "about 1 km"]
    marks = [m.text for r in distance for m in r.iter("mark")]
    assert any("for more than a kilometer" in m for m in marks), marks
    assert any("километр" in m for m in marks), marks
    text = page.text_content()
    assert "said by Russian Foreign Ministry" in text
    assert "compatible readings" in text  # how the two distance readings relate
    labels = {c.text_content().split("djo:")[0] for c in page.xpath("//td[@class='property']")}
    assert {"distance", "origin", "destination", "leg number"} <= labels  # not raw IRIs
    assert "Linked from" in text and "has leg" in text  # the journey links to it


def test_words_in_another_language_are_marked_with_it(files) -> None:
    """The pages are English; the Russian the seed quotes and names carries ``lang`` (screen
    readers and fonts need it): a literal's words, a label, the quoted words, a page title."""
    russia = _page(files, "site/place/russia.html")
    spans = {s.text: s.get("lang") for s in russia.xpath("//td/span[@lang]")}
    assert spans == {"Россия": "ru"}
    assert "“Россия” (ru)" in russia.text_content()  # the quotation marks stay the page's
    post = _page(files, f"site/statement/{SEED}.post-journey.html")
    assert post.xpath("//h1")[0].get("lang") == "ru"
    leg = _page(files, LEG3)
    marks = {m.text: m.getparent().get("lang") for m in leg.iter("mark")}
    assert {lang for words, lang in marks.items() if "километр" in words} == {"ru"}, marks
    assert {lang for words, lang in marks.items() if "more than a kilometer" in words} == {None}
    assert leg.xpath("//h1")[0].get("lang") is None  # English: the page's own language


def test_each_page_names_its_rdf_formats_and_links_only_to_pages_that_exist(files) -> None:
    alternates = {(e.get("type"), e.get("href"))
                  for e in _page(files, LEG3).head.iter("link") if e.get("rel") == "alternate"}
    stem = f"{SEED}.leg-3-handcar"
    assert alternates == {
        ("text/turtle", f"{stem}.ttl"), ("application/ld+json", f"{stem}.jsonld"),
        ("application/n-triples", f"{stem}.nt"), ("application/n-quads", f"{stem}.nq"),
        ("application/trig", f"{stem}.trig"), ("application/rdf+xml", f"{stem}.rdf"),
    }
    also = [" ".join(p.text_content().split()) for p in _page(files, JOURNEY).iter("p")
            if p.text_content().startswith("Also")]
    assert also and also[0].startswith("Also of the classes event, ")  # was "Also a event"
    formats = _page(files, LEG3).get_element_by_id("formats").text_content()
    assert "xml (answered by handcar serve;" in " ".join(formats.split())  # was "xml(answered"
    for path in (LEG3, JOURNEY, "site/place/pyongyang.html", "site/index.html"):
        folder = Path(path).parent
        for a in _page(files, path).iter("a"):
            href = a.get("href")
            if href.startswith(("http:", "https:")) or href.endswith(
                    (".ttl", ".jsonld", ".nt", ".nq", ".trig", ".rdf")):
                continue
            target = os.path.normpath(folder / unquote(href.split("#")[0]))
            assert target in files, (path, href)


def test_render_page_is_pure(seed) -> None:
    from handcar.ontology import load_ontology
    from handcar.publish.pages import SiteData

    data = SiteData(seed, load_ontology().graph)
    iri = URIRef(f"{BASE}place/pyongyang")
    assert render_page(data.page(iri)) == render_page(data.page(iri))
    assert "<h1>Pyongyang</h1>" in render_page(data.page(iri))


def _tutorial_site(tmp_path: Path, legs: bool = True) -> SiteData:
    """The site data of the tutorial's made-up ferry report (fiction), without its leg
    unless ``legs``."""
    import re
    import shutil

    from handcar.build import build_dataset
    from handcar.ontology import load_ontology
    from support.paths import ROOT

    fixtures = ROOT / "tests" / "curation" / "fixtures"
    folder = tmp_path / "articles" / "lake-ferry-2023-06-09"
    folder.mkdir(parents=True)
    shutil.copy(fixtures / "ferry.md", folder / "article.md")
    text = (fixtures / "tutorial-annotation.yaml").read_text(encoding="utf-8")
    if not legs:  # the leg's item and every fact naming it
        text = re.sub(r"  - id: leg-boat\n(?:    .*\n)+", "", text)
        text = "".join(line for line in text.splitlines(True) if "leg-boat" not in line)
    (folder / "annotation.yaml").write_text(text, encoding="utf-8")
    return SiteData(build_dataset(tmp_path / "articles"), load_ontology().graph)


def test_a_journey_without_legs_has_no_pictures(tmp_path: Path) -> None:
    """A journey that states no legs (the tutorial's made-up crossing without its boat leg):
    its page drew two empty pictures (and wrote their SVG files); now it has none, and the
    journey with legs keeps its two."""
    page = _tutorial_site(tmp_path, legs=False).page(
        URIRef(f"{BASE}event/lake-ferry-2023-06-09.crossing"))
    assert page.pictures == []
    assert "The journey in pictures" not in render_page(page)


def test_the_pictures_of_a_journey_with_only_a_curators_label_are_titled_by_it(
        tmp_path: Path) -> None:
    """A journey the curators label (in the enrichment graph) and the article does not name:
    its pictures' titles said "Route of : …" (the label was looked for in the asserted graph);
    they say the page's title."""
    page = _tutorial_site(tmp_path).page(URIRef(f"{BASE}event/lake-ferry-2023-06-09.crossing"))
    titles = [ET.fromstring(str(svg)).findtext(f"{SVG}title") for _, svg, _ in page.pictures]
    assert [t.split(":")[0] for t in titles] == [
        "Timeline of the hikers' crossing of Lake Moran",
        "Route of the hikers' crossing of Lake Moran"]


def test_pages_rendered_in_forked_processes_are_the_same_files(seed, monkeypatch) -> None:
    """``site_files(jobs=3)`` (the pages shared among three forked processes, as a large
    build does) gives exactly the files of one process."""
    from handcar.ontology import load_ontology
    from handcar.publish import pages

    ontology = load_ontology().graph
    alone = pages.site_files(seed, ontology)
    monkeypatch.setattr(pages, "PARALLEL_PAGES", 1)  # the seed has fewer pages than the bound
    forked = pages.site_files(seed, ontology, jobs=3)
    assert list(forked) == list(alone)
    assert {k: payload_bytes(v) for k, v in forked.items()} == {
        k: payload_bytes(v) for k, v in alone.items()}
    assert {k: sha256_hex(v) for k, v in forked.items()} == {
        k: sha256_hex(v) for k, v in alone.items()}


def test_quantities_in_words_keep_bounds_and_approximations() -> None:
    graph = Graph()
    q = URIRef("urn:q")
    cases = [(DJO.minExclusive, "KiloM", "> 1 km"), (DJO.approximateValue, "KiloM",
             "about 1 km"), (DJO.numericValue, "HR", "32 h"), (DJO.maxInclusive, "YR", "≤ 3 a")]
    for prop, code, words in cases:
        graph.remove((q, None, None))
        number = "32.0" if code == "HR" else "3.0" if code == "YR" else "1.0"
        graph.add((q, prop, Literal(number, datatype=URIRef(
            "http://www.w3.org/2001/XMLSchema#decimal"))))
        graph.add((q, DJO.unit, UNIT[code]))
        assert quantity_text(graph, q) == words
    graph.remove((q, None, None))
    graph.add((q, RDF.type, DJO.QuantityValue))
    assert quantity_text(graph, q) is None


def test_the_route_shows_the_legs_in_order_with_bounds_and_the_border(files) -> None:
    route = files[f"site/event/{SEED}.journey.route.svg"]
    texts = _svg_texts(route)
    legs = [t for t in texts if " · " in t]
    assert legs == ["1 · train", "2 · bus", "3 · rail handcar", "4 · bus"]
    assert "32 h" in texts and "2 h" in texts
    assert "distance > 1 km / about 1 km (two readings)" in " ".join(texts)  # wrapped
    assert "border crossed: North Korea → Russia" in texts
    root = ET.fromstring(route)
    stops = [(float(t.get("x")), "".join(t.itertext())) for g in root.iter(f"{SVG}g")
             if g.get("class") == "stop" for t in list(g.iter(f"{SVG}text"))[:1]]
    names = [name for _, name in sorted(stops)]
    assert names[0] == "Pyongyang" and names[-1] == "Vladivostok"
    assert "unnamed place" in names  # the article does not name where the train ride ended
    timeline = _svg_texts(files[f"site/event/{SEED}.journey.timeline.svg"])
    assert [t for t in timeline if t[:2] in ("1.", "2.", "3.", "4.")] == [
        "1. train", "2. bus", "3. rail handcar", "4. bus"]
    assert timeline.count("duration not stated") == 2  # legs 3 and 4: the article gives none
    page = files[JOURNEY].decode()
    assert page.count("<svg") == 2 and "<script" not in page


def test_a_reading_says_once_the_article_it_is_said_in(files) -> None:
    """A statement said in the article itself is not also "reported in" it (the headline was
    written twice a reading); one said in a post the article embeds still is."""
    who = [p.text_content() for p in _page(files, JOURNEY).find_class("who")]
    own = [w for w in who if "said by The Moscow Times in" in w]
    post = [w for w in who if "in a social media post" in w]
    assert own and not any("reported in" in w for w in own)
    assert post and all("reported in “Russian Diplomats Push" in w for w in post)


def test_a_route_without_a_border_crossing_leaves_no_room_for_one(files) -> None:
    """The flight out of 2020 crosses no border the data states: its route is as high as its
    words (it had 190 px above the line for a crossing's label) and its caption says no
    crossing; every word is inside the picture."""
    root = ET.fromstring(files[f"site/event/{SEED}.flight-out-2020.route.svg"])
    height = float(root.get("height"))
    ys = [float(t.get("y")) for t in root.iter(f"{SVG}text")]
    assert height < 200 and ys and min(ys) >= 13 and max(ys) <= height
    assert "border crossed" not in " ".join(_svg_texts(ET.tostring(root)))
    page = files[f"site/event/{SEED}.flight-out-2020.html"].decode()
    assert "Route: places and legs" in page and "the border crossing" not in page
    assert "Route: places, legs and the border crossing" in files[JOURNEY].decode()
    # the timeline of its one leg is wide enough for its note (it was cut after "not d")
    timeline = ET.fromstring(files[f"site/event/{SEED}.flight-out-2020.timeline.svg"])
    assert float(timeline.get("width")) >= 20 + len(NOTE) * 12 * 0.6


def test_the_ontology_diagrams_are_svg_by_topic_with_prefixed_names(files) -> None:
    for view in VIEWS:
        texts = _svg_texts(files[f"ontology/diagrams/djo-{view.name}.svg"])
        assert texts[0] == view.title
        classes = [t for t in texts[1:] if ":" in t and " " not in t]
        assert classes and all(t.startswith("djo:") for t in classes), classes
    people = _svg_texts(files["ontology/diagrams/djo-people.svg"])
    assert "djo:Agent" in people and "Agent" not in people
    page = files["ontology/index.html"].decode()
    assert "cdn." not in page and "<script type=\"module\"" not in page
    assert '<a href="http://www.w3.org/ns/prov#Agent">prov:Agent</a>' in page
    assert '">Agent</a>' not in page
    assert ".entity pre { white-space: pre-wrap;" in page
    for view in VIEWS:
        assert f'src="diagrams/djo-{view.name}.svg"' in page


def test_every_class_is_in_some_view() -> None:
    from handcar.ontology import load_ontology
    from handcar.publish import docs
    from handcar.publish.classgraph import class_graph
    from handcar.publish.ontology import module_quads

    modules = module_quads(load_ontology())
    main, namespace = docs.main_module(modules)
    graph = class_graph(modules[main], namespace)
    covered = {c for view in VIEWS for c in graph.members(view)}
    assert covered == set(graph.classes)


_DIGEST = """
import hashlib, sys
from handcar.build import build_dataset
from handcar.ontology import load_ontology
from handcar.publish.ontology import ontology_files
from handcar.publish.pages import site_files
from handcar.publish.spool import payload_bytes
result = build_dataset(__import__("pathlib").Path(sys.argv[1]))
files = {k: payload_bytes(v) for k, v in site_files(result, load_ontology().graph).items()}
files.update(ontology_files(load_ontology(), None))
print(hashlib.sha256(repr(sorted(files.items())).encode()).hexdigest())
"""


@pytest.mark.slow
def test_pages_and_pictures_do_not_depend_on_the_hash_seed() -> None:
    from support.paths import ARTICLES

    digests = set()
    for seed in ("0", "12345"):
        proc = subprocess.run([sys.executable, "-c", _DIGEST, str(ARTICLES)],
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True,
                              text=True, check=True, timeout=300)
        digests.add(proc.stdout.strip())
    assert len(digests) == 1


def test_two_renderings_give_the_same_bytes(seed, files) -> None:
    from handcar.publish.site import release_files

    again = release_files(seed, cache=None)
    site = sorted(p for p in files if p.startswith(("site/", "ontology/diagrams/")))
    assert [hashlib.sha256(payload_bytes(again[p])).digest() for p in site] == [
        hashlib.sha256(files[p]).digest() for p in site]


@pytest.mark.requires("chromium")
def test_chromium_shows_the_journey_legs_in_order(release: Path, tmp_path: Path) -> None:
    page = release / JOURNEY
    dom = lxml.html.fromstring(dump_dom(page, tmp_path))
    routes = [s for s in dom.iter("svg") if s.get("id") is None and "Route" in
              (s.findtext("title") or "")]
    assert len(routes) == 1
    legs = [t.text_content() for t in routes[0].iter("text") if " · " in t.text_content()]
    assert legs == ["1 · train", "2 · bus", "3 · rail handcar", "4 · bus"]
    assert_not_blank(screenshot(page, tmp_path, 1200, 1400), 1200, 1400)


@pytest.mark.requires("chromium")
def test_chromium_shows_the_highlighted_quote(release: Path, tmp_path: Path) -> None:
    page = release / LEG3
    dom = lxml.html.fromstring(dump_dom(page, tmp_path))
    marks = [m.text_content() for m in dom.iter("mark")]
    assert any("for more than a kilometer" in m for m in marks)
    shot = screenshot(page, tmp_path, 1200, 1600)
    assert_not_blank(shot, 1200, 1600)


def test_a_leg_dated_by_one_end_says_which() -> None:
    """A leg that ``djo:endedDuring`` a day (an overnight train that "arrived early on Monday")
    shows "ended …" in the pictures; one ``djo:during`` it shows the day's ``djo:date``."""
    from handcar.publish.journey import leg_view

    graph = Graph()
    leg, monday, sunday = (URIRef(f"https://example.org/{n}") for n in ("leg", "mon", "sun"))
    graph.add((leg, RDF.type, DJO.TrainLeg))
    graph.add((leg, DJO.endedDuring, monday))
    graph.add((monday, URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
               Literal("2024-11-18 morning", lang="en")))
    graph.add((leg, DJO.beganDuring, sunday))
    graph.add((sunday, URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
               Literal("2024-11-17", lang="en")))
    assert leg_view(graph, Graph(), leg).dates == ("began 2024-11-17", "ended 2024-11-18 morning")


def test_where_one_leg_ends_the_next_begins_in_the_pictures() -> None:
    """A leg whose origin the data does not state starts, in the pictures, where the leg
    before it ends, when that is stated (a car to Sulm, then "took a ferry to Dornau"); a stop
    neither leg states stays "not stated", and a stated origin wins."""
    from handcar.publish.journey import JourneyView, LegView, Stop

    def leg(n: int, origin: str | None, destination: str | None) -> LegView:
        def stop(name: str | None) -> Stop | None:
            return Stop(f"https://example.org/{name}", name, True) if name else None
        return LegView(f"https://example.org/leg-{n}", n, "Leg", "leg", "", stop(origin),
                       stop(destination))

    journey = JourneyView("https://example.org/j", "j", (
        leg(1, "Kessa", "Sulm"), leg(2, None, "Dornau"), leg(3, None, None), leg(4, "Delm", None)))
    assert [s.name if s else None for s in journey.stops] == [
        "Kessa", "Sulm", "Dornau", "Delm", None]
