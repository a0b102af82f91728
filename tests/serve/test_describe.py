"""The description a data IRI answers with (handcar.serve.describe): the resource's own
statements, their reifications and the evidence behind them, and nothing else."""

from __future__ import annotations

import pyoxigraph as ox

from handcar.serve.describe import describe
from serve.conftest import BASE

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
OA = "http://www.w3.org/ns/oa#"
NIF_STRING = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString"


def test_description_of_a_place(app) -> None:
    served = app.state.served
    iri = BASE + "place/pyongyang"
    quads = describe(served, iri)
    node = ox.NamedNode(iri)
    own = set(served.store.quads_for_pattern(node, None, None))
    assert own and own <= set(quads)  # every statement about it, in every named graph
    graphs = {q.graph_name.value for q in own}
    assert {BASE + "graph/asserted", BASE + "graph/enrichment", BASE + "graph/entailed"} <= graphs
    facts = {q.subject for q in served.store.quads_for_pattern(None, ox.NamedNode(RDF + "subject"),
                                                                node)}
    assert facts and all(any(q.subject == f for q in quads) for f in facts)  # reifications
    exact = [q.object.value for q in quads if q.predicate.value == OA + "exact"]
    assert "a 32-hour train ride out of Pyongyang" in exact  # the words behind the facts
    kinds = {q.subject.value.removeprefix(BASE).split("/")[0] for q in quads}
    assert kinds <= {"place", "fact", "statement", "evidence"}
    assert not any(q.predicate.value == NIF_STRING for q in quads)  # not the article text
    assert len(quads) == len(set(quads))


def test_every_described_quad_is_in_the_release(app) -> None:
    served = app.state.served
    leg = BASE + "event/moscow-times-2021-02-26-handcar.leg-3-handcar"
    for iri in (BASE + "person/varya", leg):
        quads = describe(served, iri)
        assert len(quads) > 10
        assert all(quad in served.store for quad in quads)


def test_triples_where_it_is_only_the_object_are_left_out(app) -> None:
    served = app.state.served
    iri = BASE + "place/pyongyang"
    assert all(q.subject.value != iri for q in served.store.quads_for_pattern(
        None, None, ox.NamedNode(iri)) if q in describe(served, BASE + "place/north-korea"))
    incoming = [q for q in describe(served, iri) if q.object == ox.NamedNode(iri)
                and not q.predicate.value.startswith(RDF)]
    assert incoming == []


def test_metadata_iris_are_described_from_the_metadata(app) -> None:
    served = app.state.served
    quads = describe(served, BASE + "graph/asserted")
    void = [q for q in quads if q.predicate.value == "http://rdfs.org/ns/void#triples"]
    assert void and all(isinstance(q.graph_name, ox.DefaultGraph) for q in void)
    assert any(q.graph_name == ox.NamedNode(BASE + "graph/provenance") for q in quads)
