"""The fixture harness: a clean base dataset, patches that break one thing, expected results.

The base is built by handcar from a small made-up article that uses most DJO classes once
(``fixtures/mini/articles/``); it has no validation result at any severity. A :class:`Case`
patches it (Turtle to add, Turtle to delete, ``subject predicate`` pairs whose values to drop) and
lists the exact results expected on its focus nodes as ``severity focus path component shape``.
Patches are applied in place and reverted, so hundreds of cases share one parsed base.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, URIRef
from rdflib.term import Node

from handcar.ontology import Ontology
from handcar.rdfterms import to_rdflib
from handcar.validate.engine import DataGraph, run, type_closure
from handcar.validate.report import Report, Result
from handcar.validate.report import slug as name_slug
from handcar.validate.shapes import Shapes

HERE = Path(__file__).parent
MINI_ARTICLES = HERE / "fixtures" / "mini" / "articles"
A = "example-2022-03-03-crossing"
B = "https://w3id.org/djo/id/"

PREFIXES = {
    "djo": "https://w3id.org/djo#",
    "djosh": "https://w3id.org/djo/shapes#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "schema": "https://schema.org/",
    "time": "http://www.w3.org/2006/time#",
    "oa": "http://www.w3.org/ns/oa#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "unit": "http://qudt.org/vocab/unit/",
    "qudt": "http://qudt.org/schema/qudt/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "sh": "http://www.w3.org/ns/shacl#",
    # the base's data IRIs
    "ev": f"{B}event/{A}.",
    "qt": f"{B}quantity/{A}.",
    "tm": f"{B}time/{A}.",
    "wt": f"{B}time/example-2022-03-04-wire.",  # the times of the mini wire report
    "iv": f"{B}interval/{A}.",
    "st": f"{B}statement/{A}.",
    "evd": f"{B}evidence/{A}.",
    "fact": f"{B}fact/{A}.",
    "pl": f"{B}place/",
    "og": f"{B}org/",
    "gr": f"{B}group/",
    "pe": f"{B}person/",
    "ve": f"{B}vehicle/",
    "po": f"{B}post/",
    "co": f"{B}concept/",
    "th": f"{B}thing/",
    "src": f"{B}source/",
    "tx": f"{B}text/",
    "x": "urn:handcar:test:",
}
TURTLE_PREFIXES = "".join(f"@prefix {p}: <{n}> .\n" for p, n in PREFIXES.items())
ARTICLE = URIRef(f"{B}source/{A}")


def iri(name: str) -> URIRef:
    """``ev:leg-1-train`` or ``<urn:…>`` as an IRI."""
    if name.startswith("<") and name.endswith(">"):
        return URIRef(name[1:-1])
    prefix, local = name.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def turtle(text: str) -> Graph:
    """Parse Turtle as ``handcar validate`` reads files: lexical forms kept as written."""
    graph = Graph()
    terms: dict = {}
    for quad in ox.parse(TURTLE_PREFIXES + text, format=ox.RdfFormat.TURTLE):
        triple = []
        for term in (quad.subject, quad.predicate, quad.object):
            if term not in terms:
                terms[term] = to_rdflib(term, "case")
            triple.append(terms[term])
        graph.add((triple[0], triple[1], triple[2]))
    return graph


@dataclass(frozen=True)
class Expected:
    """One expected result: ``severity focus path component shape`` (path ``-`` for none)."""

    severity: str
    focus: str
    path: str | None
    component: str
    shape: str

    @classmethod
    def parse(cls, line: str) -> Expected:
        severity, focus, path, component, shape = line.split()
        return cls(severity, focus, None if path == "-" else path, component, shape)

    def key(self) -> tuple:
        focus = "_" if self.focus == "_" else iri(self.focus)
        return (self.severity, focus, self.path, self.component, self.shape)


def result_key(report: Report, result: Result) -> tuple:
    """``(severity, focus, path, component, shape)``; a blank focus node is ``"_"``."""
    focus = "_" if isinstance(result.focus, BNode) else result.focus
    return (result.severity.label, focus, result.path,
            result.component_name.removesuffix("ConstraintComponent"), report.shape_id(result))


@dataclass(frozen=True)
class Case:
    """A patch of the base that breaks one constraint, and the results it must give exactly."""

    id: str
    doc: str
    expect: tuple[str, ...]
    add: str = ""
    delete: str = ""
    drop: tuple[str, ...] = ()  # "subject predicate": remove every value
    engines: tuple[str, ...] = ("pyshacl", "jena", "node")
    focus: tuple[str, ...] = ()  # extra focus nodes to check (default: the expected ones)
    full: bool = False  # validate every focus node (blank-node cases), not just the expected ones
    reify: bool = True  # give added DJO triples a claim (so only the constraint under test fires)

    @property
    def expected(self) -> set[tuple]:
        return {Expected.parse(line).key() for line in self.expect}

    def focus_nodes(self) -> list[URIRef] | None:
        if self.full:
            return None
        names = [Expected.parse(line).focus for line in self.expect] + list(self.focus)
        return sorted({iri(n) for n in names if n != "_"})


@dataclass
class Patch:
    """Triples added and removed by a case (including the type closure of added types)."""

    added: list[tuple[Node, Node, Node]] = field(default_factory=list)
    removed: list[tuple[Node, Node, Node]] = field(default_factory=list)


def apply(case: Case, base: DataGraph, ontology: Ontology) -> Patch:
    patch = Patch()
    doomed: list[tuple[Node, Node, Node]] = list(turtle(case.delete)) if case.delete else []
    for pair in case.drop:
        subject, predicate = pair.split()
        s = None if subject == "*" else iri(subject)
        doomed += list(base.triples((s, iri(predicate), None)))
    for triple in dict.fromkeys(doomed):
        if triple not in base:
            raise AssertionError(f"{case.id}: cannot delete {triple}: not in the base")
        base.remove(triple)
        patch.removed.append(triple)
    if case.add:
        added = [t for t in turtle(case.add) if t not in base]
        if case.reify:
            added += _reifications(added)
        added += [t for t in type_closure(added, ontology) if t not in base]
        for triple in dict.fromkeys(added):
            base.add(triple)
            patch.added.append(triple)
    return patch


DJO_NS = PREFIXES["djo"]
PROVENANCE = {iri(f"djo:{p}") for p in ("statedBy", "statedIn", "reportedIn", "hasEvidence",
                                         "assertedBy", "sourceFile", "caption")}


def _reifications(triples: list[tuple[Node, Node, Node]]) -> list[tuple[Node, Node, Node]]:
    """An rdf:Statement asserted by the claim st:legs for each added DJO triple, as the builder
    would write it: cases then break only what they mean to break."""
    out: list[tuple[Node, Node, Node]] = []
    claim = iri("st:legs")
    for n, (s, p, o) in enumerate(triples):
        djo = str(p).startswith(DJO_NS) and p not in PROVENANCE
        typed = p == RDF.type and str(o).startswith(DJO_NS)
        if not (djo or typed) or not isinstance(s, URIRef):
            continue
        fact = URIRef(f"{PREFIXES['x']}fact-{n}")
        out += [(fact, RDF.type, RDF.Statement), (fact, RDF.subject, s), (fact, RDF.predicate, p),
                (fact, RDF.object, o), (fact, iri("djo:assertedBy"), claim)]
    return out


def revert(patch: Patch, base: DataGraph) -> None:
    for triple in patch.added:
        base.remove(triple)
    for triple in patch.removed:
        base.add(triple)


def validate_case(case: Case, base: DataGraph, shapes: Shapes, ontology: Ontology,
                  focus: Sequence[Node] | None = None) -> Report:
    patch = apply(case, base, ontology)
    try:
        return run(base, shapes, ontology, prepared=True,
                   focus_nodes=focus if focus is not None else case.focus_nodes())
    finally:
        revert(patch, base)


def keys(report: Report, results: Iterable[Result] | None = None) -> set[tuple]:
    """The keys of the (top-level) results, and of the results nested under them by
    ``sh:detail``, whose severity is written ``detail-violation`` (and so on)."""
    found: set[tuple] = set()
    pending = [(r, "") for r in (report.results if results is None else results)]
    while pending:
        result, prefix = pending.pop()
        key = result_key(report, result)
        found.add((prefix + key[0], *key[1:]))
        pending += [(d, "detail-") for d in result.details]
    return found


def show(keys_: Iterable[tuple]) -> str:
    """Expectation lines for a set of result keys (to paste into a case)."""
    lines = []
    for severity, focus, path, component, shape in sorted(keys_, key=str):
        name = "_" if focus == "_" else compact(focus)
        lines.append(f"{severity} {name} {path or '-'} {component} {shape}")
    return "\n".join(lines)


def compact(node: Node) -> str:
    text = str(node)
    best = None
    for prefix, namespace in PREFIXES.items():
        fits = text.startswith(namespace) and re.fullmatch(r"[\w.-]+", text[len(namespace):])
        if fits and (best is None or len(namespace) > len(PREFIXES[best])):
            best = prefix
    return f"{best}:{text[len(PREFIXES[best]):]}" if best else f"<{text}>"


# -- which constraints exist, to prove every one has a case ---------------------------------------
PARAMETERS = {
    "class": "Class", "datatype": "Datatype", "nodeKind": "NodeKind", "minCount": "MinCount",
    "maxCount": "MaxCount", "minExclusive": "MinExclusive", "minInclusive": "MinInclusive",
    "maxExclusive": "MaxExclusive", "maxInclusive": "MaxInclusive", "minLength": "MinLength",
    "maxLength": "MaxLength", "pattern": "Pattern", "languageIn": "LanguageIn",
    "uniqueLang": "UniqueLang", "equals": "Equals", "disjoint": "Disjoint", "lessThan": "LessThan",
    "lessThanOrEquals": "LessThanOrEquals", "not": "Not", "and": "And", "or": "Or", "xone": "Xone",
    "node": "Node", "qualifiedMinCount": "QualifiedMinCount",
    "qualifiedMaxCount": "QualifiedMaxCount", "closed": "Closed", "hasValue": "HasValue",
    "in": "In",
}


def constraint_units(shapes: Graph) -> set[tuple[str, str]]:
    """``(shape id, component)`` for every constraint pySHACL can report on its own: node-level
    constraints of targeted shapes, their property shapes, the node shapes they reach with
    sh:node, and SHACL-SPARQL constraints (ids as in ``Report.shape_id``)."""
    sh_ = "http://www.w3.org/ns/shacl#"

    def compact_shape(node: Node) -> str:
        prefix, _ns, local = shapes.namespace_manager.compute_qname_strict(node, generate=False)
        return f"{prefix}:{local}"

    def slug(node: Node) -> str:
        return name_slug(shapes.value(node, URIRef(sh_ + "name")))

    units: set[tuple[str, str]] = set()
    todo = [s for t in ("targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf")
            for s in shapes.subjects(URIRef(sh_ + t), None)]
    seen: set[Node] = set()
    while todo:
        shape = todo.pop()
        if shape in seen:
            continue
        seen.add(shape)
        for parameter, component in PARAMETERS.items():
            if (shape, URIRef(sh_ + parameter), None) in shapes:
                units.add((compact_shape(shape), component))
        for constraint in shapes.objects(shape, URIRef(sh_ + "sparql")):
            ident = (compact_shape(constraint) if isinstance(constraint, URIRef)
                     else f"{compact_shape(shape)}/{slug(constraint)}")
            units.add((ident, "SPARQL"))
        for prop in shapes.objects(shape, URIRef(sh_ + "property")):
            ident = (compact_shape(prop) if isinstance(prop, URIRef)
                     else f"{compact_shape(shape)}/{slug(prop)}")
            for parameter, component in PARAMETERS.items():
                if (prop, URIRef(sh_ + parameter), None) in shapes:
                    units.add((ident, component))
            todo += [n for n in shapes.objects(prop, URIRef(sh_ + "node")) if isinstance(n, URIRef)]
    return units
