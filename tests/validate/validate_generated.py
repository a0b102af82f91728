"""Generated fixture cases for the mechanical property constraints.

For every property shape with a simple path (``p`` or ``^p``) under a targeted node shape, and
each of its constraints among minCount, maxCount, class, datatype, nodeKind, minLength, in and
hasValue, a case is made from the first base focus node (in IRI order) the constraint can be
broken on: drop the values (minCount, hasValue), add valid extra values (maxCount), or replace one
value with a wrong one (class, datatype, nodeKind, minLength, in). The expected result is derived
from the shape (severity, path, component), and a generated case passes when the results of that
shape and component on its focus node are exactly that one result.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from rdflib import RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.term import Node
from validate_harness import PREFIXES

from handcar.ontology import Ontology
from handcar.validate.engine import type_closure
from handcar.validate.report import SH, path_text, slug

X = PREFIXES["x"]
COMPONENTS = {"minCount": "MinCount", "maxCount": "MaxCount", "class": "Class",
              "datatype": "Datatype", "nodeKind": "NodeKind", "minLength": "MinLength",
              "in": "In", "hasValue": "HasValue"}


def sh(local: str) -> URIRef:
    return URIRef(SH + local)


@dataclass(frozen=True)
class Generated:
    """A generated case: triples to remove and add, and the one result expected."""

    id: str
    focus: URIRef
    remove: tuple[tuple[Node, Node, Node], ...]
    add: tuple[tuple[Node, Node, Node], ...]
    expect: tuple  # (severity, focus, path, component, shape id)
    shape: Node
    component: str


@contextlib.contextmanager
def applied(case: Generated, base: Graph, ontology: Ontology
            ) -> Iterator[list[tuple[Node, Node, Node]]]:
    """Within the block, ``base`` has the case's triples removed and added (with the subclass
    closure of the added types); yields the triples it added. Restored on the way out."""
    for triple in case.remove:
        base.remove(triple)
    added = [t for t in case.add if t not in base]
    added += [t for t in dict.fromkeys(type_closure(added, ontology)) if t not in base]
    for triple in added:
        base.add(triple)
    try:
        yield added
    finally:
        for triple in added:
            base.remove(triple)
        for triple in case.remove:
            base.add(triple)


def _compact(shapes: Graph, node: Node) -> str:
    prefix, _ns, local = shapes.namespace_manager.compute_qname_strict(node, generate=False)
    return f"{prefix}:{local}"


def _shape_id(shapes: Graph, parent: Node, prop: Node) -> str:
    if isinstance(prop, URIRef):
        return _compact(shapes, prop)
    return f"{_compact(shapes, parent)}/{slug(shapes.value(prop, sh('name')))}"


def _targets(shapes: Graph, shape: Node, base: Graph) -> list[Node]:
    found: set[Node] = set()
    for cls in shapes.objects(shape, sh("targetClass")):
        found.update(base.subjects(RDF.type, cls))
    for prop in shapes.objects(shape, sh("targetSubjectsOf")):
        found.update(base.subjects(prop, None))
    for prop in shapes.objects(shape, sh("targetObjectsOf")):
        found.update(base.objects(None, prop))
    return sorted((n for n in found if isinstance(n, URIRef)), key=str)


def _simple_path(shapes: Graph, path: Node) -> tuple[URIRef, bool] | None:
    """``(predicate, inverse)`` for ``p`` or ``[sh:inversePath p]``, else None."""
    if isinstance(path, URIRef):
        return path, False
    inner = shapes.value(path, sh("inversePath"))
    if isinstance(inner, URIRef) and len(list(shapes.predicate_objects(path))) == 1:
        return inner, True
    return None


def _values(base: Graph, focus: Node, predicate: URIRef, inverse: bool) -> list[Node]:
    nodes = base.subjects(predicate, focus) if inverse else base.objects(focus, predicate)
    return sorted(nodes, key=str)


def _triple(focus: Node, predicate: URIRef, value: Node, inverse: bool):
    return (value, predicate, focus) if inverse else (focus, predicate, value)


def _another(value: Node, n: int) -> Node | None:
    """A different, equally valid literal (same datatype or language), or None."""
    if not isinstance(value, Literal):
        return None
    if value.language:
        return Literal(f"{value} ({n})", lang=value.language)
    datatype = value.datatype
    text = str(value)
    if datatype is None or datatype == XSD.string:
        return Literal(f"{text} ({n})")
    if datatype == XSD.decimal:
        return Literal(f"{Decimal(text) + n}", datatype=datatype, normalize=False)
    if datatype in (XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger):
        return Literal(str(int(text) + n), datatype=datatype, normalize=False)
    if datatype == XSD.date:
        day = dt.date.fromisoformat(text) - dt.timedelta(days=n)
        return Literal(day.isoformat(), datatype=datatype, normalize=False)
    if datatype == XSD.gYear:
        return Literal(str(int(text) - n), datatype=datatype, normalize=False)
    if datatype == XSD.gMonth:
        return Literal(f"--{(int(text[2:]) % 12) + 1:02d}", datatype=datatype, normalize=False)
    if datatype == XSD.gDay:
        return Literal(f"---{(int(text[3:]) % 28) + 1:02d}", datatype=datatype, normalize=False)
    if datatype == XSD.anyURI:
        return Literal(f"{text}/{n}", datatype=datatype, normalize=False)
    if datatype == XSD.dayTimeDuration:
        return Literal(f"PT{n}H", datatype=datatype, normalize=False)
    return None


def _same_kind_values(base: Graph, shapes: Graph, prop: Node, predicate: URIRef, inverse: bool,
                      exclude: set[Node], like: Node) -> list[Node]:
    """Other nodes that could be values: values of the predicate elsewhere, instances of the
    shape's sh:class and of the DJO classes of ``like``, members of its sh:in; filtered by the
    shape's sh:class and sh:in."""
    from rdflib.collection import Collection

    pool = set(base.subjects(predicate, None) if inverse else base.objects(None, predicate))
    classes = list(shapes.objects(prop, sh("class")))
    kinds = [t for t in base.objects(like, RDF.type) if str(t).startswith(PREFIXES["djo"])]
    for cls in classes + kinds:
        pool.update(base.subjects(RDF.type, cls))
    allowed = None
    members = shapes.value(prop, sh("in"))
    if members is not None:
        allowed = set(Collection(shapes, members))
        pool.update(allowed)
    out = []
    for node in sorted(pool, key=str):
        if node in exclude or isinstance(node, Literal | BNode):
            continue
        if any((node, RDF.type, c) not in base for c in classes):
            continue
        if allowed is not None and node not in allowed:
            continue
        out.append(node)
    return out


def generate(shapes: Graph, base: Graph) -> list[Generated]:
    cases: list[Generated] = []
    parents = sorted({s for t in ("targetClass", "targetSubjectsOf", "targetObjectsOf")
                      for s in shapes.subjects(sh(t), None) if isinstance(s, URIRef)}, key=str)
    for parent in parents:
        for prop in sorted(shapes.objects(parent, sh("property")), key=str):
            path = shapes.value(prop, sh("path"))
            simple = _simple_path(shapes, path) if path is not None else None
            if simple is None:
                continue
            predicate, inverse = simple
            severity = str(shapes.value(prop, sh("severity")) or SH + "Violation")
            severity = severity.removeprefix(SH).lower()
            path_str = path_text(shapes, path, lambda n: _compact(shapes, n))
            shape_id = _shape_id(shapes, parent, prop)
            for key, component in COMPONENTS.items():
                parameter = shapes.value(prop, sh(key))
                if parameter is None:
                    continue
                made = _make(key, parameter, shapes, base, parent, prop, predicate, inverse)
                if made is None:
                    continue
                focus, remove, add = made
                cases.append(Generated(
                    id=f"{shape_id}:{key}", focus=focus, remove=tuple(remove), add=tuple(add),
                    expect=(severity, focus, path_str, component, shape_id),
                    shape=prop, component=component,
                ))
    return cases


def _make(key, parameter, shapes, base, parent, prop, predicate, inverse):
    wrong_iri = URIRef(X + "wrong")
    for focus in _targets(shapes, parent, base):
        values = _values(base, focus, predicate, inverse)
        if key == "minCount":
            if values and int(parameter) >= 1:
                return focus, [_triple(focus, predicate, v, inverse) for v in values], []
        elif key == "hasValue":
            if parameter in values:
                return focus, [_triple(focus, predicate, parameter, inverse)], []
        elif key == "maxCount":
            need = int(parameter) + 1 - len(values)
            if not values or need <= 0:
                continue
            extra: list[Node] = []
            literal = isinstance(values[0], Literal)
            if literal:
                extra = [v for n in range(1, need + 1) if (v := _another(values[0], n)) is not None]
            else:
                extra = _same_kind_values(base, shapes, prop, predicate, inverse,
                                          set(values) | {focus}, values[0])[:need]
            typing: list = []
            while not literal and len(extra) < need:  # mint a node of the right kind
                fresh = URIRef(f"{X}extra-{len(extra)}")
                kinds = list(shapes.objects(prop, sh("class"))) or [
                    t for t in base.objects(values[0], RDF.type)
                    if str(t).startswith(PREFIXES["djo"])]
                typing += [(fresh, RDF.type, k) for k in kinds]
                extra.append(fresh)
            if len(extra) == need:
                return focus, [], [_triple(focus, predicate, v, inverse) for v in extra] + typing
        elif values:
            value = values[0]
            if key == "class":
                replacement: Node = wrong_iri
            elif key == "datatype":
                replacement = (Literal("wrong", lang="en") if parameter == XSD.string
                               else Literal("wrong"))
            elif key == "nodeKind":
                if parameter != sh("IRI"):
                    continue
                replacement = Literal("wrong")
            elif key == "minLength":
                if not isinstance(value, Literal):
                    continue
                replacement = Literal("", lang=value.language, datatype=value.datatype)
            elif key == "in":
                replacement = wrong_iri
            else:  # pragma: no cover
                continue
            return (focus, [_triple(focus, predicate, value, inverse)],
                    [_triple(focus, predicate, replacement, inverse)])
    return None
