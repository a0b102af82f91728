"""A generic mutator: derives mutants from a published dataset, knowing nothing of its vocabulary.

It reads the release's named graphs (``asserted``, ``entailed``, ``text``, ``provenance``) and
breaks the data in six ways a builder bug or a bad curation would:

- ``delete``: drop a property that every instance of a class has (classes from the asserted
  types and their ontology super-classes; one mutant per instance and property);
- ``retarget``: point an IRI object at a node of an unrelated class (one sharing no class with
  the old object but the most general ones, which type over half of all typed nodes);
- ``plain``: turn a typed literal (not a string) into a plain string of the same characters;
- ``negate``: negate a number (zero becomes -1);
- ``offset``: shift an ``oa:start`` or ``oa:end`` by one character;
- ``future``: move a date (``xsd:date``, ``xsd:gYear``) past the latest publication date.

A mutant of an asserted triple keeps the rest of the release consistent with it, as a builder
would: its reifications (``rdf:Statement`` in the provenance graph) and the entailed triples with
the same subject and object follow it, so a mutant is not caught merely because its claim went
missing. Entailed triples are mutated on their own too (a store that reads only standard terms
sees them). Each mutant names its focus nodes: the subjects and IRI objects it touches (a
deletion touches the objects it unlinks too). A node outside the asserted and entailed graphs (a
reification in ``provenance``, a selector in ``text``) is read with the nodes it is linked to in
its graph, so those are focus nodes too: an offset meets its quote at the resource that holds
both selectors, a reified fact meets its triple at the claim that asserts it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from handcar.namespaces import PREFIXES
from handcar.rdfterms import to_rdflib

Triple = tuple[Node, Node, Node]
GRAPH = "https://w3id.org/djo/id/graph/"
OA = "http://www.w3.org/ns/oa#"
PUBLISHED = URIRef("https://schema.org/datePublished")
NUMBERS = {str(XSD[n]) for n in ("decimal", "integer", "positiveInteger", "nonNegativeInteger",
                                  "double", "float", "int", "long")}
STRINGS = {str(XSD.string), str(RDF.langString)}


@dataclass(frozen=True)
class Mutant:
    """One change to the release: triples removed and added, and where a validator must look."""

    id: str
    operator: str
    removed: tuple[Triple, ...]
    added: tuple[Triple, ...]
    focus: tuple[Node, ...]
    graph: str = "asserted"
    predicate: Node | None = None


@dataclass
class Release:
    """The release's triples by named graph (``asserted``, ``entailed``, …), as rdflib terms."""

    graphs: Mapping[str, set[Triple]]

    @classmethod
    def read(cls, nquads: Path) -> Release:
        graphs: dict[str, set[Triple]] = defaultdict(set)
        for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name.value.removeprefix(GRAPH)
            graphs[name].add(tuple(to_rdflib(t, "m")
                                   for t in (quad.subject, quad.predicate, quad.object)))
        return cls(dict(graphs))

    def __getitem__(self, name: str) -> set[Triple]:
        return self.graphs.get(name, set())


def mutants(release: Release, superclasses: Mapping[str, Iterable[str]],
            per_kind: int = 3) -> list[Mutant]:
    """The mutants of ``release``, in a stable order, ids unique: every deletion, and of the
    other operators the first ``per_kind`` per graph and predicate."""
    m = _Mutator(release, superclasses)
    found = list(m.deletions())
    seen: dict[tuple, int] = defaultdict(int)
    for mutant in [*m.retargets(), *m.plain(), *m.negations(), *m.offsets(), *m.future_dates()]:
        kind = (mutant.operator, mutant.graph, mutant.predicate)
        seen[kind] += 1
        if seen[kind] <= per_kind:
            found.append(mutant)
    assert len({x.id for x in found}) == len(found)
    return found


class _Mutator:
    def __init__(self, release: Release, superclasses: Mapping[str, Iterable[str]]) -> None:
        self.asserted = release["asserted"]
        self.entailed = release["entailed"]
        self.text = release["text"]
        self.provenance = release["provenance"]
        self.types: dict[Node, set[Node]] = defaultdict(set)
        for s, p, o in self.asserted:
            if p == RDF.type:
                self.types[s] |= {URIRef(c) for c in superclasses.get(str(o), ())} | {o}
        counts: dict[Node, int] = defaultdict(int)
        for classes in self.types.values():
            for c in classes:
                counts[c] += 1
        general = {c for c, n in counts.items() if 2 * n > len(self.types)}
        self.specific = {node: classes - general for node, classes in self.types.items()}
        self.facts: dict[Triple, list[Node]] = defaultdict(list)
        by_fact: dict[Node, dict[Node, Node]] = defaultdict(dict)
        for s, p, o in self.provenance:
            if p in (RDF.subject, RDF.predicate, RDF.object):
                by_fact[s][p] = o
        for fact, parts in by_fact.items():
            self.facts[(parts[RDF.subject], parts[RDF.predicate], parts[RDF.object])].append(fact)

    # -- consistency: what follows an asserted triple ----------------------------------------
    def _follow(self, triple: Triple, new_object: Node | None) -> tuple[list, list]:
        """The reifications and entailed copies of ``triple``, removed, and (if ``new_object``)
        re-added with the new object."""
        s, p, o = triple
        removed: list[Triple] = [triple]
        added: list[Triple] = [] if new_object is None else [(s, p, new_object)]
        for fact in self.facts.get(triple, ()):
            if new_object is None:
                removed += [t for t in self.provenance if t[0] == fact]
            else:
                removed.append((fact, RDF.object, o))
                added.append((fact, RDF.object, new_object))
        for t in sorted(self.entailed):
            if t[0] == s and t[2] == o and t[1] != RDF.type:
                removed.append(t)
                if new_object is not None:
                    added.append((s, t[1], new_object))
        return removed, added

    def _focus(self, node: Node, graph: set[Triple]) -> tuple[Node, ...]:
        """``node``, and outside the asserted and entailed graphs the IRIs it is linked to there
        (either way, classes aside)."""
        if graph is self.asserted or graph is self.entailed:
            return (node,)
        linked = {o for s, p, o in graph if s == node and p != RDF.type and isinstance(o, URIRef)}
        linked |= {s for s, _p, o in graph if o == node and isinstance(s, URIRef)}
        return (node, *sorted(linked - {node}))

    def _change(self, triple: Triple, new_object: Node, graph: set[Triple]) -> tuple[list, list]:
        if graph is self.asserted:
            return self._follow(triple, new_object)
        return [triple], [(triple[0], triple[1], new_object)]

    # -- the operators ---------------------------------------------------------------------------
    def deletions(self) -> Iterator[Mutant]:
        by_subject: dict[Node, dict[Node, list[Triple]]] = defaultdict(lambda: defaultdict(list))
        for t in self.asserted:
            if t[1] != RDF.type:
                by_subject[t[0]][t[1]].append(t)
        instances: dict[Node, set[Node]] = defaultdict(set)
        for node, classes in self.types.items():
            for c in classes:
                instances[c].add(node)
        pairs: set[tuple[Node, Node]] = set()
        for members in instances.values():
            common = set.intersection(*(set(by_subject[n]) for n in members))
            pairs |= {(n, p) for n in members for p in common}
        for node, predicate in sorted(pairs):
            removed: list[Triple] = []
            for t in sorted(by_subject[node][predicate]):
                removed += self._follow(t, None)[0]
            unlinked = sorted({o for _s, _p, o in by_subject[node][predicate]
                               if isinstance(o, URIRef)})
            yield Mutant(f"delete {_short(node)} {_short(predicate)}", "delete",
                         tuple(dict.fromkeys(removed)), (), (node, *unlinked))

    def retargets(self) -> Iterator[Mutant]:
        typed = sorted(self.specific)
        for name, graph in (("asserted", self.asserted), ("entailed", self.entailed)):
            for s, p, o in sorted(graph):
                if p == RDF.type or o not in self.specific:
                    continue
                other = next((n for n in typed if n not in (s, o)
                              and not self.specific[n] & self.specific[o]), None)
                if other is None:
                    continue
                removed, added = self._change((s, p, o), other, graph)
                yield Mutant(f"retarget {name} {_short(s)} {_short(p)} {_short(o)} -> "
                             f"{_short(other)}", "retarget", tuple(removed), tuple(added),
                             (s, o, other), name, p)

    def _literals(self, graphs: Iterable[tuple[str, set[Triple]]],
                  datatypes: set[str] | None = None) -> Iterator[tuple[str, set, Triple]]:
        for name, graph in graphs:
            for s, p, o in sorted(graph):
                typed = isinstance(o, Literal) and o.datatype is not None
                if typed and (datatypes is None or str(o.datatype) in datatypes):
                    yield name, graph, (s, p, o)

    def plain(self) -> Iterator[Mutant]:
        for name, graph, (s, p, o) in self._literals([("asserted", self.asserted),
                                                      ("text", self.text)]):
            if str(o.datatype) in STRINGS:
                continue
            removed, added = self._change((s, p, o), Literal(str(o)), graph)
            yield Mutant(f"plain {name} {_short(s)} {_short(p)} {o}", "plain", tuple(removed),
                         tuple(added), self._focus(s, graph), name, p)

    def negations(self) -> Iterator[Mutant]:
        graphs = [("asserted", self.asserted), ("entailed", self.entailed), ("text", self.text)]
        for name, graph, (s, p, o) in self._literals(graphs, NUMBERS):
            if str(p).startswith(OA):
                continue  # offsets have their own operator
            value = Decimal(str(o))
            new = Literal(str(-value if value else Decimal(-1)), datatype=o.datatype)
            removed, added = self._change((s, p, o), new, graph)
            yield Mutant(f"negate {name} {_short(s)} {_short(p)} {o}", "negate", tuple(removed),
                         tuple(added), self._focus(s, graph), name, p)

    def offsets(self) -> Iterator[Mutant]:
        """An offset is read with the quote it locates: the focus is the selector and the nodes
        that hold it (the other selectors of the same resource are reached through them)."""
        for s, p, o in sorted(self.text):
            if str(p) in (OA + "start", OA + "end"):
                new = Literal(str(int(o) + 1), datatype=o.datatype)
                yield Mutant(f"offset {_short(s)} {_short(p)}", "offset", ((s, p, o),),
                             ((s, p, new),), self._focus(s, self.text), "text", p)

    def future_dates(self) -> Iterator[Mutant]:
        published = [dt.date.fromisoformat(str(o)) for _s, p, o in
                     self.asserted | self.provenance if p == PUBLISHED]
        later = max(published) + dt.timedelta(days=1)
        graphs = [("asserted", self.asserted), ("provenance", self.provenance)]
        for name, graph, (s, p, o) in self._literals(graphs, {str(XSD.date), str(XSD.gYear)}):
            if p == PUBLISHED and dt.date.fromisoformat(str(o)) == max(published):
                continue  # the reference itself: moving it moves the bar
            text = later.isoformat() if o.datatype == XSD.date else str(later.year + 1)
            removed, added = self._change((s, p, o), Literal(text, datatype=o.datatype), graph)
            yield Mutant(f"future {name} {_short(s)} {_short(p)} {o}", "future", tuple(removed),
                         tuple(added), self._focus(s, graph), name, p)


def _short(node: Node) -> str:
    """``prefix:local`` with handcar's prefixes, else the IRI's last segment."""
    text = str(node)
    best = max((ns for ns in PREFIXES.values() if text.startswith(ns)), key=len, default=None)
    if best is not None:
        prefix = next(p for p, ns in PREFIXES.items() if ns == best)
        return f"{prefix}:{text[len(best):]}"
    return text.rsplit("/", 1)[-1]
