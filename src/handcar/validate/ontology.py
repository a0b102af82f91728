"""What validation needs from the ontology: declared classes, the subclass closure, disjoint pairs.

Read from ``ontology/*.ttl`` (:func:`handcar.namespaces.ontology_dir`), or from the files given
to ``handcar validate --ontology``, with pyoxigraph, which is
several times faster than rdflib for this: ``handcar validate`` reads the ontology on every run.

- :attr:`Ontology.classes`: every IRI typed ``owl:Class`` or ``rdfs:Class``; shape lint accepts
  ``sh:targetClass`` / ``sh:class`` values from this set (plus a short allow-list).
- :attr:`Ontology.properties`: every IRI typed as an OWL or RDF property; shape lint accepts
  the properties in ``sh:path`` (and property-pair constraints) from this set (plus an allow-list).
- :attr:`Ontology.superclasses`: the reflexive-transitive ``rdfs:subClassOf`` closure between named
  classes; the engine adds the ``rdf:type`` triples it implies (RDFS rule 9 only: no domain or
  range inference, which would type a wrong value "correctly").
- :attr:`Ontology.disjoint`: unordered pairs of disjoint classes from ``owl:AllDisjointClasses``
  and ``owl:disjointWith``; the engine writes them as ``owl:disjointWith`` triples for the
  SHACL-SPARQL disjointness check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from handcar import namespaces
from handcar.errors import InputError, read_failure
from handcar.resources import ontology_dir
from handcar.vocabulary import transitive_closure

RDF_NS, RDFS_NS, OWL_NS = str(namespaces.RDF), str(namespaces.RDFS), str(namespaces.OWL)

TYPE = RDF_NS + "type"
FIRST, REST, NIL = RDF_NS + "first", RDF_NS + "rest", RDF_NS + "nil"
SUBCLASS = RDFS_NS + "subClassOf"
CLASS_TYPES = {OWL_NS + "Class", RDFS_NS + "Class"}
PROPERTY_TYPES = {OWL_NS + "ObjectProperty", OWL_NS + "DatatypeProperty",
                  OWL_NS + "AnnotationProperty", RDF_NS + "Property"}
ALL_DISJOINT = OWL_NS + "AllDisjointClasses"
MEMBERS = OWL_NS + "members"
#: ontology files other than Turtle, by extension
RDF_FORMATS = {".nt": ox.RdfFormat.N_TRIPLES, ".rdf": ox.RdfFormat.RDF_XML,
               ".owl": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML}
DISJOINT_WITH = OWL_NS + "disjointWith"


@dataclass(frozen=True)
class Ontology:
    """Class-level facts of an ontology (IRIs as strings)."""

    files: tuple[Path, ...]
    classes: frozenset[str]
    properties: frozenset[str]
    superclasses: dict[str, frozenset[str]]
    disjoint: frozenset[tuple[str, str]]


def _key(term: object) -> str | None:
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return None


def read_ontology(files: Iterable[Path]) -> Ontology:
    """Parse ``files`` (Turtle; N-Triples or RDF/XML by extension) and extract the class-level
    facts (``handcar validate --ontology FILE``)."""
    paths = tuple(sorted(files))
    edges: dict[str, set[str]] = defaultdict(set)
    by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    classes: set[str] = set()
    properties: set[str] = set()
    all_disjoint: list[str] = []
    pairs: set[tuple[str, str]] = set()
    for path in paths:
        try:
            fmt = RDF_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
            quads = ox.parse(path=str(path), format=fmt)
            for quad in quads:
                s, p, o = _key(quad.subject), quad.predicate.value, _key(quad.object)
                if s is None or o is None:
                    continue
                if p == TYPE and o in CLASS_TYPES and not s.startswith("_:"):
                    classes.add(s)
                elif p == TYPE and o in PROPERTY_TYPES:
                    properties.add(s)
                elif p == TYPE and o == ALL_DISJOINT:
                    all_disjoint.append(s)
                elif p == SUBCLASS and not s.startswith("_:") and not o.startswith("_:"):
                    edges[s].add(o)
                elif p == DISJOINT_WITH and not s.startswith("_:") and not o.startswith("_:"):
                    pairs.add(_pair(s, o))
                if p in (FIRST, REST, MEMBERS):
                    by_subject[s][p].append(o)
        except SyntaxError as exc:
            raise InputError(path, exc.lineno, f"ontology syntax error: {exc.msg}") from None
        except OSError as exc:
            raise read_failure(path, exc, what="cannot read the ontology") from None
    for node in all_disjoint:
        for head in by_subject[node][MEMBERS]:
            members = _rdf_list(head, by_subject)
            pairs.update(_pair(a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return Ontology(paths, frozenset(classes), frozenset(properties),
                    transitive_closure(classes | set(edges), edges), frozenset(pairs))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _rdf_list(head: str, by_subject: dict[str, dict[str, list[str]]]) -> list[str]:
    items: list[str] = []
    seen: set[str] = set()
    while head != NIL and head not in seen:
        seen.add(head)
        items += by_subject[head][FIRST][:1]
        rest = by_subject[head][REST]
        if not rest:
            break
        head = rest[0]
    return items


@lru_cache(maxsize=4)
def load_ontology(folder: Path | None = None) -> Ontology:
    """The ontology modules of ``folder`` (default: handcar's ``ontology/``), read once."""
    folder = folder or ontology_dir()
    files = sorted(folder.glob("*.ttl"))
    if not files:
        raise InputError(folder, None, "no ontology modules (*.ttl) found")
    return read_ontology(files)


def used_vocabulary(*graphs: Graph) -> Ontology:
    """The classes and properties ``graphs`` themselves use (``--vocabulary data``): every
    ``rdf:type`` object, both ends of ``rdfs:subClassOf``, every IRI typed as a class or a
    property, and every predicate. Checks names against what the data really says, for data
    that comes without an ontology."""
    classes: set[str] = set()
    properties: set[str] = set()
    for graph in graphs:
        for s, p, o in graph:
            properties.add(str(p))
            if str(p) == TYPE and isinstance(o, URIRef):
                classes.add(str(o))
                if str(o) in CLASS_TYPES and isinstance(s, URIRef):
                    classes.add(str(s))
                elif str(o) in PROPERTY_TYPES and isinstance(s, URIRef):
                    properties.add(str(s))
            elif str(p) == SUBCLASS:
                classes.update(str(t) for t in (s, o) if isinstance(t, URIRef))
    return Ontology((), frozenset(classes), frozenset(properties), {}, frozenset())
