"""The validation report: results, severities, and how to show a node to a person.

A :class:`Result` is one SHACL validation result (https://www.w3.org/TR/shacl/#results-validation-result)
read back from pySHACL's report graph. A :class:`Report` holds the results with the data and shapes
graphs they refer to, so every output format can show labels (``rdfs:label``, ``schema:name``)
instead of IRIs or blank-node ids, compact names (``djo:Leg``) for vocabulary terms, and the file
and line where a node is written (:mod:`handcar.validate.locate`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from handcar import namespaces
from handcar.namespaces import DJO, SCHEMA

SH = str(namespaces.SH)


class Severity(IntEnum):
    """SHACL severities, ordered: a threshold keeps results at or above it."""

    INFO = 1
    WARNING = 2
    VIOLATION = 3

    @property
    def iri(self) -> URIRef:
        return URIRef(SH + self.name.capitalize())

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def from_iri(cls, iri: Node) -> Severity:
        name = str(iri).removeprefix(SH).upper()
        return cls[name] if name in cls.__members__ else cls.VIOLATION

    @classmethod
    def parse(cls, text: str) -> Severity:
        return cls[text.upper()]


@dataclass(frozen=True)
class Result:
    """One validation result (a top-level one: those reached through ``sh:detail`` are in
    :attr:`details`)."""

    focus: Node
    severity: Severity
    component: URIRef
    shape: Node
    messages: tuple[str, ...] = ()
    path: str | None = None
    value: Node | None = None
    constraint: Node | None = None
    path_node: Node | None = field(default=None, compare=False)
    #: the results this one stands for (``sh:detail``, e.g. why a value fails its ``sh:node``):
    #: shown under it, never counted as results of the report
    details: tuple[Result, ...] = field(default=(), compare=False)

    @property
    def component_name(self) -> str:
        return str(self.component).removeprefix(SH)


def _term_key(node: Node | None) -> str:
    """A sort key of a term that is the same in every run: blank-node ids are not."""
    if node is None or isinstance(node, BNode):
        return ""
    return node.n3()


@dataclass
class Report:
    """The results of one validation, with what is needed to present them."""

    results: list[Result]
    data: Graph
    shapes: Graph
    files: list[Path] = field(default_factory=list)
    superclasses: dict[str, frozenset[str]] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # lint findings that did not stop the run
    _labels: dict[Node, str] = field(default_factory=dict, repr=False)
    _locator: object | None = field(default=None, repr=False)

    # -- verdicts --------------------------------------------------------------------------------
    def at_or_above(self, threshold: Severity) -> list[Result]:
        return [r for r in self.results if r.severity >= threshold]

    def conforms(self, threshold: Severity = Severity.VIOLATION) -> bool:
        """No result at or above ``threshold``."""
        return not self.at_or_above(threshold)

    def counts(self) -> dict[str, int]:
        return {
            s.label: sum(1 for r in self.results if r.severity == s) for s in reversed(Severity)
        }

    def by_focus(self) -> list[tuple[Node, list[Result]]]:
        """Results grouped by focus node: most severe first, then by label."""
        groups: dict[Node, list[Result]] = {}
        for result in self.sorted_results():
            groups.setdefault(result.focus, []).append(result)
        return sorted(
            groups.items(),
            key=lambda item: (-max(r.severity for r in item[1]), self.label(item[0]).casefold()),
        )

    def sorted_results(self) -> list[Result]:
        return sorted(self.results, key=self._order)

    def sorted_details(self, result: Result) -> list[Result]:
        """The results under ``result`` (``sh:detail``), in the order of :meth:`sorted_results`."""
        return sorted(result.details, key=self._order)

    def _order(self, r: Result) -> tuple:
        """Most severe first, then by what a person reads (label, shape, path, value); ties
        (two nodes with the same label) are broken by the terms themselves, so the order never
        depends on the order the engine found the results in (pySHACL's varies with
        ``PYTHONHASHSEED``; a partitioned run finds them in another order)."""
        return (
            -r.severity,
            self.label(r.focus).casefold(),
            self.shape_name(r),
            r.path or "",
            str(r.value),
            _term_key(r.focus),
            str(r.component),
            r.messages,
            _term_key(r.value),
            _term_key(r.constraint),
        )

    # -- presenting nodes ------------------------------------------------------------------------
    def compact(self, node: Node) -> str:
        """``djo:Leg`` for vocabulary IRIs, the IRI itself when no prefix fits."""
        if isinstance(node, URIRef):
            return qname(self.data, node) or str(node)
        if isinstance(node, Literal):
            return _literal_text(node)
        return "(blank node)"

    def label(self, node: Node) -> str:
        """How a person recognises ``node``: its label or name, else a description."""
        if node not in self._labels:
            self._labels[node] = self._describe(node, depth=0)
        return self._labels[node]

    def _describe(self, node: Node, depth: int) -> str:
        if isinstance(node, Literal):
            return _literal_text(node)
        if isinstance(node, URIRef) and self._is_term(node):
            return self.compact(node)
        own = self._own_label(node)
        if own:
            return own
        kind = self.kind(node)
        if depth < 2:
            incoming = sorted(
                ((p, s) for s, p in self.data.subject_predicates(node) if p not in _NOT_OWNERSHIP),
                key=lambda ps: (str(ps[0]), str(ps[1])),
            )
            # prefer a labelled owner ("the time:ProperInterval of ‘leg 3’"), else describe one
            for labelled in (True, False):
                for predicate, subject in incoming:
                    owner = self._own_label(subject)
                    if not labelled and owner is None:
                        owner = self._describe(subject, depth + 1)
                    if owner and not owner.startswith(("<", "(")):
                        return f"the {kind or self.compact(predicate)} of {owner}"
        if isinstance(node, URIRef):
            return self.compact(node)
        return f"a {kind}" if kind else "(blank node)"

    def _is_term(self, node: URIRef) -> bool:
        """A class or property the data uses (an object of rdf:type, or a predicate): named by
        its compact name ("djo:Agent"), not described by what points at it (the ontology's
        owl:disjointWith pairs, which validation adds, point at every class)."""
        return (None, RDF.type, node) in self.data or (None, node, None) in self.data

    def _own_label(self, node: Node) -> str | None:
        for predicate in (RDFS.label, SCHEMA.name):
            values = list(self.data.objects(node, predicate))
            if values:
                english = [v for v in values if isinstance(v, Literal) and v.language == "en"]
                return f"‘{_short(str((english or sorted(values, key=str))[0]))}’"
        return None

    def kind(self, node: Node) -> str | None:
        """The most specific DJO class of ``node`` (else any class), as a compact name."""
        types = [t for t in self.data.objects(node, RDF.type) if isinstance(t, URIRef)]
        if not types:
            return None
        djo = [t for t in types if str(t).startswith(str(DJO._NS))]
        pool = djo or types
        # most specific: the one that is not a superclass of another (by closure in the data)
        supers = {s for t in pool for s in self._superclasses(t) if s != t}
        best = sorted((t for t in pool if t not in supers), key=str) or sorted(pool, key=str)
        return self.compact(best[0])

    def _superclasses(self, cls: URIRef) -> Iterable[Node]:
        return (URIRef(s) for s in self.superclasses.get(str(cls), ()))

    def shape_name(self, result: Result) -> str:
        for node in (result.constraint, result.shape):
            if node is None:
                continue
            name = self.shapes.value(node, URIRef(SH + "name"))
            if name is not None:
                return str(name)
        if isinstance(result.shape, URIRef):
            return self.compact(result.shape)
        return result.component_name

    def shape_id(self, result: Result) -> str:
        """A stable id for the shape (and SPARQL constraint) a result comes from: the IRI when it
        has one, else ``<parent shape>/<sh:name with dashes>``."""
        if isinstance(result.constraint, URIRef):
            return self._shape_compact(result.constraint)
        if isinstance(result.constraint, BNode) and isinstance(result.shape, URIRef):
            return f"{self._shape_compact(result.shape)}/{self._name_slug(result.constraint)}"
        if isinstance(result.shape, URIRef):
            return self._shape_compact(result.shape)
        # a blank property shape: name it by its parent node shape and its sh:name
        parent = self.shapes.value(predicate=URIRef(SH + "property"), object=result.shape)
        base = self._shape_compact(parent) if isinstance(parent, URIRef) else result.component_name
        return f"{base}/{self._name_slug(result.shape)}"

    def _name_slug(self, node: Node) -> str:
        return slug(self.shapes.value(node, URIRef(SH + "name")))

    def _shape_compact(self, node: URIRef) -> str:
        return qname(self.shapes, node) or str(node)

    def description(self, result: Result) -> str | None:
        for node in (result.constraint, result.shape):
            if node is None:
                continue
            text = self.shapes.value(node, URIRef(SH + "description"))
            if text is not None:
                return str(text)
        return None

    def message(self, result: Result) -> str:
        """The result's message with IRIs of data nodes replaced by their labels."""
        text = "; ".join(dict.fromkeys(result.messages)) or result.component_name
        return _IRI.sub(lambda m: self._iri_text(m.group(0)), text)

    def _iri_text(self, iri: str) -> str:
        node = URIRef(iri)
        if (node, None, None) in self.data or (None, None, node) in self.data:
            return self.label(node)
        return self.compact(node)

    # -- where nodes are written -----------------------------------------------------------------
    def location(self, node: Node) -> tuple[Path, int | None] | None:
        """The file (and line) where ``node`` is first written as a subject, if known."""
        if self._locator is None:
            from handcar.validate.locate import Locator

            self._locator = Locator(self.files)
        return self._locator.find(node)  # type: ignore[attr-defined]


_NOT_OWNERSHIP = frozenset({RDF.type, RDF.subject, RDF.predicate, RDF.object})
_IRI = re.compile(r"https?://[^\s\"'<>(){}\[\],;]+[^\s\"'<>(){}\[\],;.:]")


def slug(name: Node | str | None) -> str:
    """The id part made from an sh:name: ``"publisher, author or credit"`` →
    ``publisher-author-or-credit``."""
    text = re.sub(r"[^\w]+", "-", str(name)).strip("-") if name is not None else ""
    return text or "unnamed"


def qname(graph: Graph, node: Node) -> str | None:
    """``prefix:local`` for ``node`` with a prefix bound in ``graph`` (none invented), else None."""
    if not isinstance(node, URIRef):
        return None
    return namespaces.qname(node, dict(graph.namespaces()))


def _literal_text(literal: Literal) -> str:
    text = _short(str(literal))
    if literal.language:
        return f'"{text}"@{literal.language}'
    return f'"{text}"'


def _short(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def path_text(graph: Graph, path: Node, compact) -> str:
    """A SHACL property path as SPARQL path syntax (``djo:a|^djo:b``)."""
    if isinstance(path, URIRef):
        return compact(path)
    sh = lambda local: URIRef(SH + local)  # noqa: E731
    for key, fmt in (
        ("inversePath", "^{}"),
        ("zeroOrMorePath", "{}*"),
        ("oneOrMorePath", "{}+"),
        ("zeroOrOnePath", "{}?"),
    ):
        inner = graph.value(path, sh(key))
        if inner is not None:
            return fmt.format(_group(path_text(graph, inner, compact)))
    alternatives = graph.value(path, sh("alternativePath"))
    if alternatives is not None:
        return "|".join(path_text(graph, p, compact) for p in Collection(graph, alternatives))
    if isinstance(path, BNode) and graph.value(path, RDF.first) is not None:
        return "/".join(_group(path_text(graph, p, compact)) for p in Collection(graph, path))
    return str(path)


def _group(text: str) -> str:
    return f"({text})" if any(c in text for c in "|/") else text
