"""The ontology model: DJO (or any ontology) read once, and every fact handcar takes from it.

One reader, :func:`read_ontology` (pyoxigraph, the format by the file's suffix as
:data:`handcar.formats.SUFFIXES` says, else Turtle), makes one model, :class:`Ontology`, with
IRIs as strings. handcar's own modules (``ontology/*.ttl``, located by
:func:`handcar.resources.ontology_dir`) are read once per process (:func:`load_ontology`);
``handcar validate --ontology FILE`` reads users' files into the same model. What each fact is,
and who uses it:

- ``modules``: each file's triples, in name order (the release's ontology files and docs);
- ``classes``: IRIs typed ``owl:Class`` or ``rdfs:Class`` (builder, shape lint);
- ``properties``: IRIs typed as an OWL or RDF property (shape lint);
- ``object_properties``: IRIs typed ``owl:ObjectProperty``; ``datatype_properties``: datatype
  and annotation properties, ``rdfs:label`` and ``rdfs:comment`` (builder);
- ``superclasses``: each class's reflexive-transitive ``rdfs:subClassOf`` closure (the builder's
  ``entailed`` graph, the validator's inference: RDFS rule 9);
- ``superproperties``: the same for ``rdfs:subPropertyOf`` (RDFS 7); ``domain_classes`` and
  ``range_classes``: the classes a property's subjects and objects get (RDFS 2 and 3);
  ``ranges``: a datatype property's XSD datatype (builder);
- ``disjoint``: unordered pairs of disjoint classes, from ``owl:disjointWith`` and
  ``owl:AllDisjointClasses`` (validator);
- ``one_value_per_reading``: the properties an ontology names with ``djo:oneValuePerReading``
  (one value of each in the world for a thing; the builder compares their readings);
- ``words`` (made when first asked): each term's words, from its name, labels and definition
  (the hints of ``handcar check`` for a class it does not know).

Closures follow named classes and properties only (blank nodes are OWL axioms, not classes). The
views in other forms read this model, never the files: :mod:`handcar.vocabulary` (the builder's
terms as rdflib IRIs) and :attr:`Ontology.graph` (one rdflib graph, for reasoners).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Graph

from handcar import limits
from handcar.errors import InputError, read_failure
from handcar.formats import SUFFIXES
from handcar.languages import english
from handcar.namespaces import DJO, OWL, PREFIXES, RDF, RDFS, SKOS, XSD
from handcar.rdfterms import to_rdflib
from handcar.resources import ontology_dir
from handcar.xml_entities import refuse_entities

T = TypeVar("T")

TYPE, FIRST, REST, NIL = str(RDF.type), str(RDF.first), str(RDF.rest), str(RDF.nil)
SUBCLASS, SUBPROPERTY = str(RDFS.subClassOf), str(RDFS.subPropertyOf)
DOMAIN, RANGE = str(RDFS.domain), str(RDFS.range)
CLASS_TYPES = frozenset({str(OWL.Class), str(RDFS.Class)})
OBJECT_PROPERTY, DATATYPE_PROPERTY = str(OWL.ObjectProperty), str(OWL.DatatypeProperty)
ANNOTATION_PROPERTY = str(OWL.AnnotationProperty)
PROPERTY_TYPES = frozenset({OBJECT_PROPERTY, DATATYPE_PROPERTY, ANNOTATION_PROPERTY,
                            str(RDF.Property)})
#: properties every ontology has, whose values are literals
LITERAL_PROPERTIES = frozenset({str(RDFS.label), str(RDFS.comment)})
ONE_VALUE_PER_READING = str(DJO.oneValuePerReading)
ALL_DISJOINT, MEMBERS, DISJOINT_WITH = (
    str(OWL.AllDisjointClasses), str(OWL.members), str(OWL.disjointWith))


#: the properties whose English text says what a term is (:attr:`Ontology.words`)
DESCRIBING = frozenset({str(RDFS.label), str(SKOS.altLabel), str(SKOS.definition)})
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_WORD = re.compile(r"\w+")


def name_words(name: str) -> list[str]:
    """The words of a term's name, lower case: "TrainLeg" → train, leg; "schema:Embassy" →
    schema, embassy."""
    return [word.lower() for word in _CAMEL.findall(name)]


def _local_name(iri: str) -> str:
    return re.split(r"[#/:]", iri)[-1]


class NoOntology(InputError, FileNotFoundError):
    """No ontology modules where they were looked for: bad input (exit status 2)."""


@dataclass(frozen=True)
class Module:
    """One ontology file and its triples, as parsed."""

    path: Path
    quads: tuple[ox.Quad, ...]


@dataclass(frozen=True, eq=False)
class Ontology:
    """The facts of an ontology (see the module docstring); compared and hashed by identity."""

    classes: frozenset[str]
    properties: frozenset[str]
    superclasses: Mapping[str, frozenset[str]] = field(default_factory=dict)
    disjoint: frozenset[tuple[str, str]] = frozenset()
    object_properties: frozenset[str] = frozenset()
    datatype_properties: frozenset[str] = frozenset()
    superproperties: Mapping[str, frozenset[str]] = field(default_factory=dict)
    domain_classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    range_classes: Mapping[str, frozenset[str]] = field(default_factory=dict)
    ranges: Mapping[str, str] = field(default_factory=dict)
    one_value_per_reading: frozenset[str] = frozenset()
    modules: tuple[Module, ...] = ()
    folder: Path | None = None  # where the modules were found (:func:`load_ontology`)

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(module.path for module in self.modules)

    @cached_property
    def words(self) -> Mapping[str, frozenset[str]]:
        """Each named term's words, lower case: those of its local name ("TrainLeg": train,
        leg) and of its English (or untagged) ``rdfs:label``, ``skos:altLabel`` and
        ``skos:definition``; for finding the terms about a word a user wrote."""
        found: dict[str, set[str]] = defaultdict(set)
        for module in self.modules:
            for quad in module.quads:
                subject, value = quad.subject, quad.object
                if not isinstance(subject, ox.NamedNode):
                    continue
                if quad.predicate.value == TYPE:
                    found[subject.value].update(name_words(_local_name(subject.value)))
                elif (quad.predicate.value in DESCRIBING and isinstance(value, ox.Literal)
                      and english(value.language or "en")):
                    found[subject.value].update(_WORD.findall(value.value.lower()))
        return {term: frozenset(words) for term, words in found.items()}

    @cached_property
    def graph(self) -> Graph:
        """Every module in one rdflib graph (blank nodes kept apart per file); read-only."""
        graph = Graph(bind_namespaces="none")
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for index, module in enumerate(self.modules):
            for quad in module.quads:
                s, p, o = (to_rdflib(t, f"m{index}x") for t in quad.triple)
                graph.add((s, p, o))
        return graph


def transitive_closure(nodes: Iterable[T], edges: Mapping[T, Iterable[T]]) -> dict[T, frozenset[T]]:
    """For each node, itself and everything reachable from it along ``edges``."""
    result: dict[T, frozenset[T]] = {}
    for node in nodes:
        seen, todo = {node}, [node]
        while todo:
            for parent in edges.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        result[node] = frozenset(seen)
    return result


def read_ontology(files: Iterable[Path], folder: Path | None = None) -> Ontology:
    """Parse ``files`` (by suffix: N-Triples, RDF/XML, …; else Turtle), in name order, into the
    model. Raises :class:`~handcar.errors.InputError` with the line of a syntax error."""
    return derive(tuple(_parse(path) for path in sorted(files)), folder)


def _parse(path: Path) -> Module:
    """One file, read as validate reads its inputs: a regular file (a FIFO is refused
    unopened) within :data:`~handcar.limits.RDF_BYTES`, RDF/XML without entity declarations."""
    known = SUFFIXES.get(path.suffix.lower())  # the format table; any other suffix: Turtle
    fmt = known.oxigraph if known else ox.RdfFormat.TURTLE
    try:
        data = limits.read_regular_file(path, limits.RDF_BYTES)
    except OSError as exc:
        raise read_failure(path, exc, what="cannot read the ontology") from None
    if fmt == ox.RdfFormat.RDF_XML:
        refuse_entities(path, data)
    try:
        return Module(path, tuple(ox.parse(data, format=fmt)))
    except SyntaxError as exc:
        raise InputError(path, exc.lineno, f"ontology syntax error: {exc.msg}") from None


@lru_cache(maxsize=4)
def load_ontology(folder: Path | None = None) -> Ontology:
    """The modules (``*.ttl``) of ``folder`` (default: handcar's, :func:`handcar.resources.
    ontology_dir`), read once per process: call ``load_ontology.cache_clear()`` after changing
    ``$HANDCAR_ONTOLOGY_DIR``."""
    folder = folder or ontology_dir()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise NoOntology(folder, None, "no ontology modules (*.ttl) found")
    return read_ontology(files, folder)


def ontology_graph() -> Graph:
    """handcar's ontology as one rdflib graph (:attr:`Ontology.graph` of :func:`load_ontology`)."""
    return load_ontology().graph


class _Triples:
    """The statements of all modules between named terms, indexed as the facts need them."""

    def __init__(self, modules: Iterable[Module]) -> None:
        self.typed: dict[str, set[str]] = defaultdict(set)  # type → named subjects
        self.named: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.lists: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for index, module in enumerate(modules):
            for quad in module.quads:
                self._add(_key(quad.subject, index), quad.predicate.value,
                          _key(quad.object, index))

    def _add(self, s: str | None, p: str, o: str | None) -> None:
        if s is None or o is None:
            return
        if p == TYPE and (not _blank(s) or o == ALL_DISJOINT):
            self.typed[o].add(s)
        if p in (FIRST, REST, MEMBERS):
            self.lists[s][p].append(o)
        if not _blank(s) and not _blank(o) and o not in self.named[p].get(s, ()):
            self.named[p][s].append(o)

    def of(self, *types: str) -> set[str]:
        return set().union(*(self.typed[t] for t in types))

    def rdf_list(self, head: str) -> list[str]:
        items: list[str] = []
        seen: set[str] = set()
        while head != NIL and head not in seen:
            seen.add(head)
            items += self.lists[head][FIRST][:1]
            rest = self.lists[head][REST]
            if not rest:
                break
            head = rest[0]
        return items


def derive(modules: tuple[Module, ...], folder: Path | None = None) -> Ontology:
    """The facts of ``modules`` (see the module docstring)."""
    t = _Triples(modules)
    classes = t.of(*CLASS_TYPES)
    objects = t.of(OBJECT_PROPERTY)
    datas = t.of(DATATYPE_PROPERTY, ANNOTATION_PROPERTY) | LITERAL_PROPERTIES
    subclass = t.named[SUBCLASS]
    superclasses = transitive_closure(classes | set(subclass), subclass)
    superproperties = transitive_closure(objects | datas, t.named[SUBPROPERTY])

    def typed_by(axiom: str, properties: set[str]) -> dict[str, frozenset[str]]:
        out = {}
        for prop in properties:
            found = {sup for parent in superproperties.get(prop, {prop})
                     for cls in t.named[axiom].get(parent, ()) if cls in classes
                     for sup in superclasses.get(cls, {cls})}
            if found:
                out[prop] = frozenset(found)
        return out

    pairs = {_pair(s, o) for s, objects_ in t.named[DISJOINT_WITH].items() for o in objects_}
    for node in t.typed[ALL_DISJOINT]:
        for head in t.lists[node][MEMBERS]:
            members = t.rdf_list(head)
            pairs.update(_pair(a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return Ontology(
        classes=frozenset(classes),
        properties=frozenset(t.of(*PROPERTY_TYPES)),
        superclasses=superclasses,
        disjoint=frozenset(pairs),
        object_properties=frozenset(objects),
        datatype_properties=frozenset(datas - objects),
        superproperties=superproperties,
        domain_classes=typed_by(DOMAIN, objects | datas),
        range_classes=typed_by(RANGE, objects),
        ranges={p: r[0] for p, r in _xsd_ranges(t.named[RANGE], datas).items()},
        one_value_per_reading=_listed(modules, ONE_VALUE_PER_READING),
        modules=modules,
        folder=folder,
    )


def _listed(modules: Iterable[Module], annotation: str) -> frozenset[str]:
    """The IRIs an ontology names as values of ``annotation``."""
    return frozenset(
        quad.object.value
        for module in modules
        for quad in module.quads
        if quad.predicate.value == annotation and isinstance(quad.object, ox.NamedNode)
    )


def _xsd_ranges(ranges: Mapping[str, list[str]], properties: set[str]) -> dict[str, list[str]]:
    xsd = str(XSD)
    found = {p: [r for r in values if r.startswith(xsd)] for p, values in ranges.items()
             if p in properties}
    return {p: values for p, values in found.items() if values}


def _key(term: object, index: int) -> str | None:
    """A term as a string key: an IRI as itself, a blank node as ``_:<file>:<id>`` (blank nodes
    of different files are different nodes), a literal as None."""
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{index}:{term.value}"
    return None


def _blank(key: str) -> bool:
    return key.startswith("_:")


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
