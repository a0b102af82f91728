"""``out/factcheck.html``: every reified fact on the page, the marked words equal the anchors, the
statuses are right, nothing remote is loaded, the bytes are stable, and Chromium renders it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from handcar.build import BuildResult
from handcar.namespaces import DJO, OA, SCHEMA, TIME
from handcar.publish.factcheck import CURATED, DERIVED, ENRICHED, STATED, factcheck_page
from support.browser import assert_not_blank, screenshot

PAGE = "factcheck.html"


@dataclass
class Row:
    terms: tuple[str, str, str]
    status: str = ""


@dataclass
class Quote:
    claim: str
    before: str = ""
    marked: str = ""
    after: str = ""


@dataclass
class Page(HTMLParser):
    """What a reader of the page sees, with the machine-readable terms of each fact row."""

    rows: list[Row] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)
    tags: Counter[str] = field(default_factory=Counter)
    _claim: str = ""
    _in_quote: bool = False
    _in_mark: bool = False
    _in_status: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        for name in ("src", "href"):
            if name in a:
                self.links.append((tag, name, a[name]))
        if tag == "div" and "claim" in a.get("class", "").split():
            self._claim = a.get("id", "")
        elif tag == "blockquote":
            self._in_quote = True
            self.quotes.append(Quote(self._claim))
        elif tag == "mark":
            self._in_mark = True
        elif tag == "tr" and "fact" in a.get("class", "").split():
            self.rows.append(Row((a["data-s"], a["data-p"], a["data-o"])))
        elif tag == "td" and a.get("class") == "status":
            self._in_status = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "blockquote":
            self._in_quote = False
        elif tag == "mark":
            self._in_mark = False
        elif tag == "td":
            self._in_status = False

    def handle_data(self, data: str) -> None:
        if self._in_status:
            self.rows[-1].status += data
        if not self._in_quote:
            return
        quote = self.quotes[-1]
        if self._in_mark:
            quote.marked += data
        elif quote.marked:
            quote.after += data
        else:
            quote.before += data


@pytest.fixture(scope="module")
def page(files: dict[str, bytes]) -> Page:
    parsed = Page()
    parsed.feed(files[PAGE].decode("utf-8"))
    parsed.close()
    return parsed


def _graph(seed: BuildResult, name: str) -> Graph:
    return seed.dataset.graph(seed.iris.graph(name))


def _n3(graph: Graph) -> Counter[tuple[str, str, str]]:
    return Counter((s.n3(), p.n3(), o.n3()) for s, p, o in graph)


def test_every_reified_fact_is_a_row(seed: BuildResult, page: Page) -> None:
    prov = _graph(seed, "provenance")
    reified = Counter(
        tuple(prov.value(f, x).n3() for x in (RDF.subject, RDF.predicate, RDF.object))
        for f in prov.subjects(RDF.type, RDF.Statement)
    )
    rows = Counter(r.terms for r in page.rows)
    assert rows == reified
    # and so every asserted and every enrichment triple is on the page
    for name in ("asserted", "enrichment"):
        triples = _n3(_graph(seed, name))
        assert len(triples) > 10
        assert set(triples) <= set(rows), name


def test_marked_words_are_the_anchors(seed: BuildResult, page: Page) -> None:
    prov, text = _graph(seed, "provenance"), _graph(seed, "text")
    article = seed.sources[0].text
    claims_with_facts = {
        str(prov.value(f, DJO.assertedBy)) for f in prov.subjects(RDF.type, RDF.Statement)
    }
    expected = {}
    for claim in prov.subjects(RDF.type, DJO.Statement):
        evidence = prov.value(claim, DJO.hasEvidence)
        if evidence is None or str(claim) not in claims_with_facts:
            continue
        target = text.value(evidence, OA.hasTarget)
        selectors = list(text.objects(target, OA.hasSelector))
        exact = next(str(text.value(s, OA.exact)) for s in selectors if text.value(s, OA.exact))
        start = next(int(text.value(s, OA.start)) for s in selectors if text.value(s, OA.start))
        expected[str(claim)] = (exact, start)
    assert len(expected) > 20
    shown = {q.claim: q for q in page.quotes}
    assert len(shown) == len(page.quotes) == len(expected)
    for claim, (exact, start) in expected.items():
        quote = shown[claim]
        assert quote.marked == exact, claim
        # the words around the mark are the article's own, and the mark sits at the offset
        assert article[start - len(quote.before) : start] == quote.before, claim
        assert article[start + len(exact) :].startswith(quote.after), claim


def test_statuses(seed: BuildResult, page: Page) -> None:
    enrichment = _n3(_graph(seed, "enrichment"))
    by_status = Counter(r.status for r in page.rows)
    assert set(by_status) == {STATED, DERIVED, ENRICHED, CURATED}
    derived_predicates = {
        DJO.hasInterval,
        RDF.type,
        TIME.hasDuration,
        DJO.date,
        SCHEMA.datePublished,
    }
    for row in page.rows:
        if row.status == ENRICHED:
            assert row.terms in enrichment
        if row.status == DERIVED:
            predicate = URIRef(row.terms[1][1:-1])
            assert predicate in derived_predicates, row
            if predicate == RDF.type:
                assert row.terms[2] == TIME.ProperInterval.n3()
    leg_index = [r for r in page.rows if r.terms[1] == DJO.legIndex.n3()]
    assert leg_index and all(r.status == STATED for r in leg_index)
    dates = [r for r in page.rows if r.terms[1] == DJO.date.n3()]
    assert dates and all(r.status == DERIVED for r in dates)


def test_curator_labels_are_the_curators(seed: BuildResult, page: Page) -> None:
    """A label the curators wrote (``label:`` in the annotation) is shown as theirs, and its
    reification points at the curators' statement, never at one of the article's claims."""
    prov, enrichment = _graph(seed, "provenance"), _graph(seed, "enrichment")
    aid = "moscow-times-2021-02-26-handcar"  # unnamed things are the article's own (issue 13)
    post = URIRef(seed.iris.scoped("source", aid, "novaya-gazeta-post-2021-02-25"))
    label = Literal("Novaya Gazeta's post of 25 February 2021 embedded in the article", lang="en")
    assert (post, RDFS.label, label) in enrichment
    assert (post, RDFS.label, label) not in _graph(seed, "asserted")
    (fact,) = (f for f in prov.subjects(RDF.object, label))
    claim = prov.value(fact, DJO.assertedBy)
    assert prov.value(claim, DJO.statedBy) == seed.iris.entity("org", "handcar-curators")
    assert prov.value(claim, DJO.hasEvidence) is None
    assert prov.value(claim, DJO.reportedIn) is None
    (row,) = (r for r in page.rows if r.terms == (post.n3(), RDFS.label.n3(), label.n3()))
    assert row.status == CURATED
    curated = [r for r in page.rows if r.status == CURATED]
    assert curated and {r.terms[1] for r in curated} == {RDFS.label.n3()}
    # the article's own words for a thing stay the article's
    place = seed.iris.scoped("place", aid, "handcar-start-north-korean-side")
    (words,) = (r for r in page.rows if r.terms[:2] == (place.n3(), DJO.referredToAs.n3()))
    assert words.status == STATED


def test_nothing_remote(seed: BuildResult, page: Page, files: dict[str, bytes]) -> None:
    sources = {s.url for s in seed.sources}
    for tag, name, value in page.links:
        assert not value.startswith(("http:", "https:", "//")) or (
            tag == "a" and name == "href" and value in sources
        ), (tag, name, value)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    html = files[PAGE].decode("utf-8")
    assert "@import" not in html and "url(" not in html


def test_same_bytes_every_time(seed: BuildResult, files: dict[str, bytes]) -> None:
    from handcar.ontology import load_ontology

    assert factcheck_page(seed, load_ontology().graph) == files[PAGE]


WIDTH, HEIGHT = 1200, 2000


@pytest.mark.requires("chromium")
def test_chromium_renders_it(release: Path, tmp_path: Path) -> None:
    shot = screenshot(release / PAGE, tmp_path, WIDTH, HEIGHT)
    assert_not_blank(shot, WIDTH, HEIGHT)


def test_relations_between_readings_in_plain_words(seed: BuildResult,
                                                   files: dict[str, bytes]) -> None:
    """Each comparison of readings is a section entry: the relation, who established it, both
    values' quoted words and the reason (issue 12, point 2)."""
    from rdflib import RDF

    from handcar.namespaces import DJO

    html = files[PAGE].decode("utf-8")
    comparisons = set(_graph(seed, "provenance").subjects(RDF.type, DJO.ReadingComparison))
    assert len(comparisons) == 2
    for node in comparisons:
        assert f'<div class="relation" id="{node}">' in html
    distance = html[html.index("<b>compatible readings</b>") :]
    assert distance.startswith("<b>compatible readings</b>, computed by handcar")
    assert "“for more than a kilometer” (distance of" in distance
    assert "“<span lang=\"ru\" dir=\"auto\">километр</span>” (distance of" in distance
    assert "Why: (1 km, ∞) and [0.9 km, 1.1 km] overlap" in distance
    eight = html[html.index("<b>different readings of one number</b>") :]
    assert eight.startswith(
        "<b>different readings of one number</b>, declared by handcar curators"
    )
    assert "“Eight” (number of members of Eight Russian Embassy employees)" in eight
    everyone = "number of members of Eight Russian Embassy employees and their families"
    assert f"“eight” ({everyone})" in eight


def test_the_release_works_out_the_evidence_once_for_every_page(seed: BuildResult) -> None:
    """The fact check, the merge report and the site's pages share one Evidence (the claims
    and comparisons, worked out once): the same bytes as each working it out alone."""
    from handcar.ontology import load_ontology
    from handcar.publish.factcheck import evidence_of, factcheck_page
    from handcar.publish.merge import merge_report
    from handcar.publish.pages import SiteData, render_page

    ontology = load_ontology().graph
    shared = evidence_of(seed, ontology)
    assert factcheck_page(seed, ontology, shared) == factcheck_page(seed, ontology)
    assert merge_report(seed, ontology, shared) == merge_report(seed, ontology)
    alone, together = SiteData(seed, ontology), SiteData(seed, ontology, evidence=shared)
    for iri in sorted(alone.iris)[:40]:
        assert render_page(together.page(iri)) == render_page(alone.page(iri))


def test_a_quote_is_shown_in_its_sentence_cut_to_a_few_hundred_characters() -> None:
    """The words around a quote are its sentence's, at most SENTENCE_CONTEXT characters each
    side, cut at a space (a sentence of thousands of words made every page of its items carry
    all of it). Fiction: made-up sentences."""
    from handcar.annotation.anchor import find_quote
    from handcar.publish.evidence import SENTENCE_CONTEXT, in_sentence

    short = "The envoys walked. They crossed the bridge on Tuesday. Then they left."
    spans = [(0, 18), (19, 54), (55, len(short))]
    assert in_sentence(short, spans, find_quote(short, "the bridge")) == (
        1, "They crossed ", " on Tuesday.")
    clauses = " and ".join(f"they walked {n} kilometres" for n in range(200))
    long = f"{clauses}, the office said."
    index, before, after = in_sentence(long, [(0, len(long))],
                                       find_quote(long, "walked 100 kilometres"))
    assert index == 0
    assert before.startswith("… ") and len(before) <= SENTENCE_CONTEXT + 2
    assert after.endswith(" …") and len(after) <= SENTENCE_CONTEXT + 2
    assert long.find(before[2:] + "walked 100 kilometres" + after[:-2]) != -1
