"""The builder's view of the ontology model (:mod:`handcar.ontology`): its terms as rdflib IRIs.

The annotation names classes and properties by DJO local name (``TrainLeg``) or by prefixed
standard name (``schema:name``). This module turns those names into IRIs, refuses names the
ontology does not declare, tells object from datatype properties, and gives the RDFS closure
(super-classes and super-properties) used for the ``entailed`` graph. It reads no file: every
fact comes from the model, converted to :class:`rdflib.URIRef` once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from rdflib import URIRef

from handcar.namespaces import DJO_NS, PREFIXES
from handcar.ontology import Ontology, load_ontology, name_words

# IRI path segment ("kind") for entities, chosen by their most general DJO class.
KINDS: tuple[tuple[str, str], ...] = (
    ("Person", "person"),
    ("Group", "group"),
    ("Organization", "org"),
    ("Agent", "agent"),
    ("Post", "post"),
    ("DiplomaticRank", "concept"),
    ("EventRole", "concept"),
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
    one_value_per_reading: frozenset[URIRef] = frozenset()  # readings compared (issue 13)
    disjoint: frozenset[tuple[URIRef, URIRef]] = frozenset()  # unordered pairs, sorted
    ontology: Ontology | None = field(default=None, compare=False, repr=False)  # the source

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

    def names(self, *, properties: bool = False) -> list[str]:
        """Every class (or property) as an annotation names it (``Diplomat``, ``schema:Person``)."""
        return [name for name in map(self.name, self._terms(properties)) if name]

    def about(self, word: str, *, properties: bool = False) -> list[str]:
        """The classes (or properties) whose name, label or definition has ``word`` (any
        case; "Embassy": ``DiplomaticMission``, "an embassy" in its definition), as
        :meth:`names` gives them, by name; for a hint when ``word`` is no term."""
        if self.ontology is None:
            return []
        wanted = set(name_words(word))
        words = self.ontology.words
        return sorted(name for term in self._terms(properties)
                      if wanted and wanted <= words.get(str(term), frozenset())
                      and (name := self.name(term)))

    def _terms(self, properties: bool) -> frozenset[URIRef]:
        """The declared properties, or the declared classes."""
        return (self.object_properties | self.datatype_properties) if properties else self.classes

    def name(self, iri: URIRef) -> str:
        """``iri`` as an annotation names it: a DJO local name, or ``prefix:local``; "" if no
        prefix fits."""
        if iri.startswith(DJO_NS):
            return iri[len(DJO_NS):]
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and prefix != "djo":
                return f"{prefix}:{iri[len(namespace):]}"
        return ""

    def is_object_property(self, iri: URIRef) -> bool:
        return iri in self.object_properties

    def kind(self, classes: Iterable[URIRef]) -> str:
        """The IRI path segment for an entity with these classes."""
        supers = self._supers(classes)
        for local, kind in KINDS:
            if URIRef(DJO_NS + local) in supers:
                return kind
        return "thing"

    def is_a(self, classes: Iterable[URIRef], local: str) -> bool:
        """True if one of ``classes`` is DJO ``local`` or a subclass of it."""
        target = URIRef(DJO_NS + local)
        return any(target in self.superclasses.get(cls, frozenset({cls})) for cls in classes)

    def disjoint_pair(
        self, these: Iterable[URIRef], those: Iterable[URIRef]
    ) -> tuple[URIRef, URIRef] | None:
        """A class of ``these`` (or a superclass) disjoint with one of ``those`` (or a
        superclass), as (this one, that one); None when nothing of either excludes the other."""
        theirs = self._supers(those)
        for a in sorted(self._supers(these)):
            hit = self._disjoint_with.get(a, frozenset()) & theirs
            if hit:
                return a, min(hit)
        return None

    def _supers(self, classes: Iterable[URIRef]) -> set[URIRef]:
        """``classes`` and all their superclasses."""
        return {sup for cls in classes for sup in self.superclasses.get(cls, frozenset({cls}))}

    def implied_clash(
        self, classes: tuple[URIRef, ...], prop: URIRef, *, as_object: bool = False
    ) -> tuple[URIRef, URIRef] | None:
        """:meth:`disjoint_pair` of an item's ``classes`` and those ``prop``'s domain (its
        range, ``as_object``) gives it; remembered, since an article asks for few pairs and
        a build for the same ones again."""
        key = (classes, prop, as_object)
        if key not in self._clashes:
            implied = self.range_classes if as_object else self.domain_classes
            self._clashes[key] = self.disjoint_pair(classes, implied.get(prop, ()))
        return self._clashes[key]

    @cached_property
    def _clashes(self) -> dict[tuple, tuple[URIRef, URIRef] | None]:
        return {}

    @cached_property
    def _disjoint_with(self) -> dict[URIRef, frozenset[URIRef]]:
        """Each class of a disjoint pair → the classes it is disjoint with."""
        found: dict[URIRef, set[URIRef]] = {}
        for a, b in self.disjoint:
            found.setdefault(a, set()).add(b)
            found.setdefault(b, set()).add(a)
        return {cls: frozenset(others) for cls, others in found.items()}


def _iris(values: Iterable[str]) -> frozenset[URIRef]:
    return frozenset(URIRef(v) for v in values)


def _closure(closure: Mapping[str, Iterable[str]]) -> dict[URIRef, frozenset[URIRef]]:
    return {URIRef(term): _iris(related) for term, related in closure.items()}


def vocabulary_of(ontology: Ontology) -> Vocabulary:
    """The model's declarations and closures as rdflib IRIs."""
    return Vocabulary(
        classes=_iris(ontology.classes),
        object_properties=_iris(ontology.object_properties),
        datatype_properties=_iris(ontology.datatype_properties),
        superclasses=_closure(ontology.superclasses),
        superproperties=_closure(ontology.superproperties),
        ranges={URIRef(p): URIRef(r) for p, r in ontology.ranges.items()},
        domain_classes=_closure(ontology.domain_classes),
        range_classes=_closure(ontology.range_classes),
        one_value_per_reading=_iris(ontology.one_value_per_reading),
        disjoint=frozenset((URIRef(a), URIRef(b)) for a, b in ontology.disjoint),
        ontology=ontology,
    )


def vocabulary() -> Vocabulary:
    """The vocabulary of handcar's ontology (:func:`handcar.ontology.load_ontology`)."""
    return _cached(load_ontology())


@lru_cache(maxsize=4)
def _cached(ontology: Ontology) -> Vocabulary:
    return vocabulary_of(ontology)
