"""OneGraphStore: rdflib's SimpleMemory for one graph, answering what pySHACL's Dataset wrapper
asks of it truthfully."""

from __future__ import annotations

from rdflib import BNode, Dataset, Literal, URIRef

from handcar.validate.onegraph import one_graph

EX = "http://example.org/"


def test_lookups_size_and_changes() -> None:
    graph = one_graph()
    a, p, b = URIRef(EX + "a"), URIRef(EX + "p"), BNode()
    graph.add((a, p, b))
    graph.add((a, p, b))  # the same triple again
    graph.add((b, p, Literal("x")))
    assert len(graph) == 2
    assert set(graph.objects(a, p)) == {b}
    assert set(graph.subjects(p, Literal("x"))) == {b}
    graph.remove((a, None, None))
    assert len(graph) == 1
    assert list(graph) == [(b, p, Literal("x"))]


def test_every_triple_is_in_the_one_graph() -> None:
    """What a Dataset over the store asks (the graphs a node is in: pySHACL's
    ``find_node_named_graph``, which failed when the store answered "none")."""
    graph = one_graph()
    node = BNode()
    graph.add((node, URIRef(EX + "p"), Literal(1)))
    union = Dataset(store=graph.store, default_union=True)  # as pySHACL wraps a data graph
    assert [g for *_t, g in union.quads((node, None, None, None))] == [graph.identifier]
    assert list(graph.store.contexts()) == [graph]
    assert list(graph.store.contexts((node, None, None))) == [graph]
    assert list(graph.store.contexts((URIRef(EX + "absent"), None, None))) == []


def test_a_remembering_graph_forgets_when_it_changes() -> None:
    graph = one_graph(remembering=True)
    a, p = URIRef(EX + "a"), URIRef(EX + "p")
    graph.add((a, p, Literal(1)))
    assert list(graph.objects(a, p)) == [Literal(1)]
    graph.add((a, p, Literal(2)))  # the remembered answer is dropped
    assert sorted(graph.objects(a, p)) == [Literal(1), Literal(2)]
    graph.remove((a, p, Literal(1)))
    assert list(graph.objects(a, p)) == [Literal(2)]
