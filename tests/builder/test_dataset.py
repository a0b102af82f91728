"""The built seed: evidence anchors agree with the text, every fact has evidence, no blank nodes."""

from __future__ import annotations

from rdflib import RDF, RDFS, BNode, Literal, URIRef

from handcar.build import BuildResult
from handcar.namespaces import DJO, NIF, OA
from support.paths import SEED


def _graph(built: BuildResult, name: str):
    return built.dataset.graph(built.iris.graph(name))


def test_every_evidence_anchor_matches_the_published_text(built: BuildResult) -> None:
    text_graph = _graph(built, "text")
    texts = {s: str(o) for s, o in text_graph.subject_objects(NIF.isString)}
    checked = 0
    for target in text_graph.subjects(RDF.type, OA.SpecificResource):
        text = texts[text_graph.value(target, OA.hasSource)]
        selectors = list(text_graph.objects(target, OA.hasSelector))
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in text_graph)
        position = next(
            s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in text_graph
        )
        start = int(text_graph.value(position, OA.start))
        end = int(text_graph.value(position, OA.end))
        exact = str(text_graph.value(quote, OA.exact))
        assert text[start:end] == exact
        assert text[:start].endswith(str(text_graph.value(quote, OA.prefix)))
        assert text[end:].startswith(str(text_graph.value(quote, OA.suffix)))
        checked += 1
    assert checked >= 70


def test_every_asserted_triple_has_a_claim_with_evidence(built: BuildResult) -> None:
    prov = _graph(built, "provenance")
    text_graph = _graph(built, "text")
    supported = {}
    for fact in prov.subjects(RDF.type, RDF.Statement):
        triple = (
            prov.value(fact, RDF.subject),
            prov.value(fact, RDF.predicate),
            prov.value(fact, RDF.object),
        )
        supported.setdefault(triple, []).append(prov.value(fact, DJO.assertedBy))
    asserted = _graph(built, "asserted")
    assert len(asserted) > 300
    for triple in asserted:
        claims = supported.get(triple)
        assert claims, f"no claim supports {triple}"
        for claim in claims:
            evidence = prov.value(claim, DJO.hasEvidence)
            assert evidence is not None and (evidence, OA.hasTarget, None) in text_graph
            assert prov.value(claim, DJO.statedBy) is not None
            assert prov.value(claim, DJO.statedIn) is not None


def test_no_blank_nodes_and_every_iri_under_the_base(built: BuildResult) -> None:
    for s, _p, o, _g in built.dataset.quads((None, None, None, None)):
        assert not isinstance(s, BNode) and not isinstance(o, BNode)


def test_both_distance_claims_are_kept_with_their_sources(built: BuildResult) -> None:
    rows = built.dataset.query(
        """
        SELECT ?qualifier ?min ?approx ?source WHERE {
          GRAPH ?g1 { ?leg a djo:HandcarLeg ; djo:distance ?q .
                      ?q djo:valueQualifier ?qualifier ; djo:unit unit:KiloM .
                      OPTIONAL { ?q djo:minExclusive ?min }
                      OPTIONAL { ?q djo:approximateValue ?approx } }
          GRAPH ?g2 { ?fact rdf:subject ?leg ; rdf:predicate djo:distance ; rdf:object ?q ;
                            djo:assertedBy ?claim . ?claim djo:statedIn ?source }
        } ORDER BY ?qualifier
        """
    )
    found = {
        (str(r.qualifier).rsplit("#", 1)[1], r.min, r.approx, str(r.source).rsplit("/", 1)[1])
        for r in rows
    }
    assert found == {
        (
            "moreThan",
            Literal("1.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
            None,
            "moscow-times-2021-02-26-handcar.ministry-statement-2021-02-25",
        ),
        (
            "approximately",
            None,
            Literal("1.0", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal")),
            "moscow-times-2021-02-26-handcar.novaya-gazeta-post-2021-02-25",
        ),
    }
    # "More than a kilometre" is a lower bound: never published as the value 1.
    asserted = _graph(built, "asserted")
    for quantity in asserted.objects(None, DJO.distance):
        assert asserted.value(quantity, DJO.numericValue) is None


def test_unnamed_places_have_no_name(built: BuildResult) -> None:
    asserted = _graph(built, "asserted")
    unnamed = set(asserted.subjects(RDF.type, DJO.UnnamedPlace))
    assert len(unnamed) >= 5
    schema_name = URIRef("https://schema.org/name")
    for place in unnamed:
        assert asserted.value(place, schema_name) is None


def test_coverage_is_complete(built: BuildResult) -> None:
    (cover,) = built.coverage
    assert cover.article == SEED
    assert (cover.annotated, cover.total) == (12, 12)
    assert built.warnings == []


def test_the_journey_goes_home_and_the_last_bus_to_vladivostok(built: BuildResult) -> None:
    """"Made their way home" ... "bussed to ... Vladivostok": two destinations, two events."""
    asserted = _graph(built, "asserted")
    journey = built.iris.scoped("event", SEED, "journey")
    assert (journey, RDF.type, DJO.Journey) in asserted
    (home,) = asserted.objects(journey, DJO.destination)
    assert (home, RDF.type, DJO.UnnamedPlace) in asserted
    assert str(asserted.value(home, DJO.referredToAs)) == "home"
    assert asserted.value(home, DJO.inCountry) is None
    (last_bus,) = (leg for leg, i in asserted.subject_objects(DJO.legIndex) if int(i) == 4)
    assert str(asserted.value(last_bus, DJO.destination)).endswith("/place/vladivostok")


def test_the_caption_is_stated_in_the_article_and_dates_the_crossing(built: BuildResult) -> None:
    """The caption is the article's words about the photo; "said Thursday" dates the ministry."""
    prov = _graph(built, "provenance")
    article = built.iris.article(SEED)
    statement = built.iris.scoped("statement", SEED, "caption")
    assert prov.value(statement, DJO.statedIn) == article
    lead = built.iris.scoped("statement", SEED, "lead")
    dated = {
        prov.value(fact, DJO.assertedBy)
        for fact in prov.subjects(RDF.predicate, DJO.during)
        if str(prov.value(fact, RDF.subject)).endswith(".border-crossing")
    }
    assert dated == {statement} and lead not in dated


def test_reified_facts_are_exactly_the_published_triples(built: BuildResult) -> None:
    """Nothing extra: each rdf:Statement in the provenance graph has one subject, predicate,
    object and claim, and stands for a triple of the asserted or enrichment graph; nothing
    missing: every triple of those two graphs has at least one (the test above checks the
    asserted triples' claims and evidence)."""
    prov = _graph(built, "provenance")
    published = _graph(built, "asserted") + _graph(built, "enrichment")
    reified = set()
    for fact in prov.subjects(RDF.type, RDF.Statement):
        parts = [list(prov.objects(fact, p)) for p in (RDF.subject, RDF.predicate, RDF.object)]
        assert [len(p) for p in parts] == [1, 1, 1], fact
        assert len(list(prov.objects(fact, DJO.assertedBy))) == 1, fact
        triple = (parts[0][0], parts[1][0], parts[2][0])
        assert triple in published, f"{fact} stands for no published triple: {triple}"
        reified.add(triple)
    assert len(reified) > 300
    assert [t for t in published if t not in reified] == []


def test_what_the_words_say_issue_12_review(built: BuildResult) -> None:
    """Fixes of the review of every fact against its words (ontology README, issue 12)."""
    asserted, prov = _graph(built, "asserted"), _graph(built, "provenance")

    def event(local: str) -> URIRef:
        return built.iris.scoped("event", SEED, local)

    def statement(local: str) -> URIRef:
        return built.iris.scoped("statement", SEED, local)

    ministry = built.iris.entity("org", "russian-foreign-ministry")
    # "were forced to push a handcar ... over the border as the reclusive country remained
    # closed": the closure caused the crossing by handcar, not the journey home
    closure = event("north-korea-closure")
    assert set(asserted.subjects(DJO.hasCause, closure)) == {event("border-crossing")}
    # "missions closed last spring and ... were flown out": neither a cause nor the season
    flight = event("flight-out-2020")
    assert (flight, RDF.type, DJO.Journey) in asserted
    assert (flight, RDF.type, DJO.Evacuation) not in asserted
    assert asserted.value(flight, DJO.during) is None
    # a mention inside the ministry's quoted words is the ministry's
    bridge = statement("tumen-river-bridge")
    assert prov.value(bridge, DJO.statedBy) == ministry
    # the legs sentence does not mention leg 4; the arrival sentence does
    leg4 = [
        prov.value(f, DJO.assertedBy)
        for f in prov.subjects(RDF.object, event("leg-4-bus"))
        if prov.value(f, RDF.predicate) == DJO.hasLeg
    ]
    assert leg4 == [statement("arrival")]
    # statement labels are tagged with the language of their words
    assert prov.value(statement("post-journey"), RDFS.label).language == "ru"
    assert prov.value(statement("post-meta"), RDFS.label).language == "mul"
    assert prov.value(statement("legs"), RDFS.label).language == "en"
