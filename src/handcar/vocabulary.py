"""What the builder needs to know about DJO, read from the ontology files themselves.

The annotation names classes and properties by DJO local name (``TrainLeg``) or by prefixed
standard name (``schema:name``). This module turns those names into IRIs, refuses names the
ontology does not declare, tells object from datatype properties, and gives the RDFS closure
(super-classes and super-properties) used for the ``entailed`` graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from handcar.namespaces import DJO, PREFIXES, ontology_graph
from handcar.ontology import transitive_closure

DJO_NS = str(DJO._NS)

# IRI path segment ("kind") for entities, chosen by their most general DJO class.
KINDS: tuple[tuple[str, str], ...] = (
    ("Person", "person"),
    ("Group", "group"),
    ("Organization", "org"),
    ("Agent", "agent"),
    ("Post", "post"),
    ("DiplomaticRank", "concept"),
    ("Place", "place"),
    ("Vehicle", "vehicle"),
    ("Source", "source"),
    ("Event", "event"),
)


class UnknownTerm(KeyError):
    """A name that is not a declared term of DJO or of an aligned standard vocabulary."""


@dataclass(frozen=True)
class Vocabulary:
    """The declared terms of the ontology and their RDFS closure."""

    classes: frozenset[URIRef]
    object_properties: frozenset[URIRef]
    datatype_properties: frozenset[URIRef]
    superclasses: dict[URIRef, frozenset[URIRef]]
    superproperties: dict[URIRef, frozenset[URIRef]]
    ranges: dict[URIRef, URIRef]
    domain_classes: dict[URIRef, frozenset[URIRef]]  # property → classes its subjects get (RDFS 2)
    range_classes: dict[
        URIRef, frozenset[URIRef]
    ]  # object property → classes its objects get (RDFS 3)

    def datatype_range(self, prop: URIRef) -> URIRef | None:
        """The XSD datatype a datatype property's values take, if the ontology says."""
        return self.ranges.get(prop)

    def term(self, name: str) -> URIRef:
        """The IRI of a DJO local name or a ``prefix:local`` name."""
        if ":" in name:
            prefix, local = name.split(":", 1)
            if prefix not in PREFIXES:
                raise UnknownTerm(f"unknown prefix {prefix!r} in {name!r}")
            return URIRef(PREFIXES[prefix] + local)
        return URIRef(DJO_NS + name)

    def class_(self, name: str) -> URIRef:
        iri = self.term(name)
        if iri not in self.classes:
            raise UnknownTerm(f"{name!r} is not a class of the ontology")
        return iri

    def property_(self, name: str) -> URIRef:
        iri = self.term(name)
        if iri not in self.object_properties and iri not in self.datatype_properties:
            raise UnknownTerm(f"{name!r} is not a property of the ontology")
        return iri

    def is_object_property(self, iri: URIRef) -> bool:
        return iri in self.object_properties

    def kind(self, classes: Iterable[URIRef]) -> str:
        """The IRI path segment for an entity with these classes."""
        supers: set[URIRef] = set()
        for cls in classes:
            supers |= self.superclasses.get(cls, frozenset({cls}))
        for local, kind in KINDS:
            if URIRef(DJO_NS + local) in supers:
                return kind
        return "thing"

    def is_a(self, classes: Iterable[URIRef], local: str) -> bool:
        """True if one of ``classes`` is DJO ``local`` or a subclass of it."""
        target = URIRef(DJO_NS + local)
        return any(target in self.superclasses.get(cls, frozenset({cls})) for cls in classes)


def _closure(
    graph: Graph, relation: URIRef, terms: Iterable[URIRef]
) -> dict[URIRef, frozenset[URIRef]]:
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in graph.subject_objects(relation):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    return transitive_closure(terms, direct)


def vocabulary_from(graph: Graph) -> Vocabulary:
    """Read declarations and subclass/subproperty axioms from an ontology graph."""
    classes = {c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    classes |= {c for c in graph.subjects(RDF.type, RDFS.Class) if isinstance(c, URIRef)}
    objects = {p for p in graph.subjects(RDF.type, OWL.ObjectProperty) if isinstance(p, URIRef)}
    datas = {p for p in graph.subjects(RDF.type, OWL.DatatypeProperty) if isinstance(p, URIRef)}
    # Annotation properties the data uses (rdfs:label, skos:prefLabel) behave as literal-valued.
    datas |= {p for p in graph.subjects(RDF.type, OWL.AnnotationProperty) if isinstance(p, URIRef)}
    datas |= {RDFS.label, RDFS.comment}
    xsd = "http://www.w3.org/2001/XMLSchema#"
    ranges = {
        p: r
        for p, r in graph.subject_objects(RDFS.range)
        if p in datas and isinstance(r, URIRef) and str(r).startswith(xsd)
    }
    superclasses = _closure(graph, RDFS.subClassOf, classes)
    superproperties = _closure(graph, RDFS.subPropertyOf, objects | datas)

    def typed_by(axiom: URIRef, props: set[URIRef]) -> dict[URIRef, frozenset[URIRef]]:
        out = {}
        for prop in props:
            found: set[URIRef] = set()
            for sup in superproperties.get(prop, {prop}):
                for cls in graph.objects(sup, axiom):
                    if isinstance(cls, URIRef) and cls in classes:
                        found |= superclasses.get(cls, {cls})
            if found:
                out[prop] = frozenset(found)
        return out

    return Vocabulary(
        ranges=ranges,
        domain_classes=typed_by(RDFS.domain, objects | datas),
        range_classes=typed_by(RDFS.range, objects),
        classes=frozenset(classes),
        object_properties=frozenset(objects),
        datatype_properties=frozenset(datas - objects),
        superclasses=superclasses,
        superproperties=superproperties,
    )


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of the ontology files shipped in ``ontology/``."""
    return vocabulary_from(ontology_graph())
