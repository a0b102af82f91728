"""An rdflib store for a graph that is alone in its store: the validator's data graph.

rdflib's ``Memory`` store remembers, for every triple, the graphs it is in, and works that out
again on every lookup; ``SimpleMemory`` keeps three indexes and no graphs, and answers the
lookups pySHACL makes (hundreds of thousands per article) in about half the time. It says it
cannot tell graphs apart, though, and pySHACL wraps every data graph in an rdflib ``Dataset``,
which requires a store that can. :class:`OneGraphStore` is ``SimpleMemory`` for one graph: that
graph is the one context there is, so it answers every question about contexts truthfully, and
it remembers its size between changes (``SimpleMemory`` counts its triples each time, and
pySHACL asks with every result).
"""

from __future__ import annotations

from collections.abc import Iterator

from rdflib import Graph
from rdflib.paths import Path
from rdflib.plugins.stores.memory import SimpleMemory


class OneGraphStore(SimpleMemory):
    """``SimpleMemory`` holding exactly one graph, :attr:`graph` (set by the graph's owner)."""

    context_aware = True
    graph_aware = True

    def __init__(self) -> None:
        super().__init__()
        self.graph: Graph | None = None
        self._size: int | None = 0
        self.version = 0  # counts the changes (:class:`RememberingGraph` reads it)

    def add(self, triple, context, quoted=False) -> None:  # type: ignore[override]
        self._size = None
        self.version += 1
        super().add(triple, context, quoted)

    def remove(self, triple_pattern, context=None) -> None:  # type: ignore[override]
        self._size = None
        self.version += 1
        super().remove(triple_pattern, context)

    def triples(self, triple_pattern, context=None):  # type: ignore[override]
        """The matching triples. Asked without a context (a ``Dataset`` asking which graphs
        they are in), each comes with the one graph; asked for a graph's triples (every lookup
        ``Graph`` makes, which does not read them), with ``SimpleMemory``'s empty iterator,
        which saves a generator step per triple."""
        found = super().triples(triple_pattern, context)
        graph = self.graph
        if context is not None or graph is None:
            return found
        return ((triple, iter((graph,))) for triple, _none in found)

    def __len__(self, context=None) -> int:
        if self._size is None:
            self._size = super().__len__()
        return self._size

    def contexts(self, triple=None) -> Iterator[Graph]:  # type: ignore[override]
        if self.graph is not None and (triple is None or any(True for _ in self.triples(triple))):
            yield self.graph

    def add_graph(self, graph: Graph) -> None:
        if graph.identifier != getattr(self.graph, "identifier", graph.identifier):
            raise ValueError("this store holds one graph")

    def remove_graph(self, graph: Graph) -> None:
        raise ValueError("this store holds one graph")


class RememberingGraph(Graph):
    """A graph in a :class:`OneGraphStore` that remembers the answer to each triple pattern
    until the store changes: for the shapes graph, which pySHACL reads again for every focus
    and value node that reaches a shape (about 1.5 million lookups for a 100 k-quad release)
    and never changes while it validates."""

    def __init__(self, store: OneGraphStore, **options) -> None:
        super().__init__(store=store, **options)
        self._answers: dict[tuple, tuple] = {}
        self._version = store.version

    def triples(self, triple):  # type: ignore[override]
        if isinstance(triple[1], Path):
            return super().triples(triple)
        store = self.store
        if store.version != self._version:  # type: ignore[attr-defined]
            self._answers.clear()
            self._version = store.version  # type: ignore[attr-defined]
        found = self._answers.get(triple)
        if found is None:
            found = self._answers[triple] = tuple(super().triples(triple))
        return iter(found)


def one_graph(*, remembering: bool = False, **options) -> Graph:
    """A new, empty rdflib ``Graph`` in its own :class:`OneGraphStore` (``options``: those of
    ``Graph``, e.g. ``bind_namespaces``); ``remembering``: a :class:`RememberingGraph`."""
    store = OneGraphStore()
    graph = RememberingGraph(store, **options) if remembering else Graph(store=store, **options)
    store.graph = graph
    return graph
