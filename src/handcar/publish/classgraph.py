"""The ontology's classes as a graph, and the views its diagrams are split into.

:func:`class_graph` reads the ontology's own classes from its triples: each class with its
label, the ``rdfs:subClassOf`` edges between them, and each object property whose domain and
range are classes of the ontology. ``ontology/djo.dot`` (:mod:`.ontology`) and the SVG diagrams
(:mod:`.pictures.classes`) are both drawn from it.

One diagram of ~60 classes is unreadable, so :data:`VIEWS` splits it by topic: a class belongs
to every view one of whose root classes it is (or is a subclass of); a view also shows, as
grey boxes, the classes of other views its properties point to. Every class of DJO is in some
view (a test checks it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from handcar.namespaces import OWL, RDF, RDFS
from handcar.publish.rdf import Quads

LABEL, SUBCLASS = str(RDFS.label), str(RDFS.subClassOf)
DOMAIN, RANGE = str(RDFS.domain), str(RDFS.range)
CLASS, OBJECT_PROPERTY, TYPE = str(OWL.Class), str(OWL.ObjectProperty), str(RDF.type)


@dataclass(frozen=True)
class View:
    """A diagram: its file stem, its title, and its root classes (local names)."""

    name: str
    title: str
    roots: tuple[str, ...]


VIEWS = (
    View("people", "People and organisations", ("Agent", "Post", "DiplomaticRank")),
    View("journeys", "Journeys and legs",
         ("Event", "Vehicle", "Luggage", "Participation", "EventRole")),
    View("places", "Places and borders", ("Place",)),
    View("quantities", "Quantities and time",
         ("QuantityValue", "ValueQualifier", "Season", "PartOfDay", "PeriodPart")),
    View("sources", "Sources and evidence",
         ("Source", "Statement", "EvidenceAnchor", "ArticleText", "ReadingComparison",
          "ReadingRelation")),
)
"""The diagrams of the ontology: places have a view of their own (14 classes would crowd the
journeys' view)."""


@dataclass(frozen=True)
class ClassGraph:
    """An ontology's classes (local names), their labels, sub-class and property edges."""

    namespace: str
    classes: tuple[str, ...]
    labels: dict[str, str]
    subclass: tuple[tuple[str, str], ...]  # (sub, super)
    properties: tuple[tuple[str, str, str], ...]  # (domain, property, range)

    def members(self, view: View) -> list[str]:
        """The classes of ``view``: its roots and their subclasses, in name order."""
        parents: dict[str, set[str]] = defaultdict(set)
        for sub, sup in self.subclass:
            parents[sub].add(sup)
        roots = set(view.roots)
        found = []
        for cls in self.classes:
            seen, todo = {cls}, [cls]
            while todo:
                node = todo.pop()
                if node in roots:
                    found.append(cls)
                    break
                for parent in parents[node] - seen:
                    seen.add(parent)
                    todo.append(parent)
        return found


def _labels(quads: Quads) -> dict[str, str]:
    """English (else untagged) rdfs:label of each subject."""
    found: dict[str, dict[str, str]] = {}
    for q in quads:
        if q.predicate.value == LABEL and isinstance(q.object, ox.Literal):
            found.setdefault(q.subject.value, {})[q.object.language or ""] = q.object.value
    return {s: v.get("en") or v.get("") or next(iter(v.values())) for s, v in found.items()}


def class_graph(quads: Quads, namespace: str) -> ClassGraph:
    """The classes of ``namespace`` in ``quads`` and the edges between them."""

    def local(iri: str) -> str:
        return iri[len(namespace):]

    def ours(term: object) -> bool:
        return isinstance(term, ox.NamedNode) and term.value.startswith(namespace)

    classes = sorted({local(q.subject.value) for q in quads if ours(q.subject)
                      and q.predicate.value == TYPE and q.object.value == CLASS})
    subclass = sorted({(local(q.subject.value), local(q.object.value)) for q in quads
                       if q.predicate.value == SUBCLASS and ours(q.subject) and ours(q.object)})
    domains: dict[str, list[str]] = defaultdict(list)
    ranges: dict[str, list[str]] = defaultdict(list)
    properties = set()
    for q in quads:
        if ours(q.subject) and q.predicate.value == TYPE and q.object.value == OBJECT_PROPERTY:
            properties.add(local(q.subject.value))
        if ours(q.subject) and ours(q.object):
            if q.predicate.value == DOMAIN:
                domains[local(q.subject.value)].append(local(q.object.value))
            elif q.predicate.value == RANGE:
                ranges[local(q.subject.value)].append(local(q.object.value))
    edges = sorted((d, p, r) for p in properties for d in domains[p] for r in ranges[p])
    labels = {local(iri): label for iri, label in _labels(quads).items()
              if iri.startswith(namespace)}
    return ClassGraph(namespace, tuple(classes), labels, tuple(subclass), tuple(edges))
