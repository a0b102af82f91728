"""``out/factcheck.html``: every asserted fact in plain words next to the words that state it.

For a journalist who reviews the data without SPARQL: one section per sentence of the article,
and in it each claim (the sentence with the claim's quoted words in ``<mark>``, who said it and
where) with the facts it supports (labels of subject, predicate and object) and each fact's status:
stated in the article, derived by handcar from a stated fact, written by the curators (the
display labels they gave things in the annotation) or added by enrichment (the last two in a last
section, since neither has words in the article). A section lists how readings relate:
each ``djo:ReadingComparison`` in words (the two values with their quoted words, who said them
and where, the relation, and whether handcar computed it by its rule or the curators declared
it, with the reason). The facts are the reified
``rdf:Statement``s of the provenance graph, one per asserted or enrichment triple; everything is
read in one pass over each graph, so the page is linear in the number of facts. Rendered with
Jinja2 (autoescape on) from ``templates/factcheck.html.j2``; nothing remote is loaded and
nothing reads the clock, so the bytes are the same at every build.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.term import Node

from handcar.build import BuildResult, Source
from handcar.namespaces import DJO, OA, PROV, shorten
from handcar.resources import templates_dir

TEMPLATE = "factcheck.html.j2"
STATED = "stated in the article"
DERIVED = "entailed by handcar"
ENRICHED = "from enrichment"
CURATED = "written by the curators"
_NUMBER = re.compile(r"(\d+)")


@dataclass
class Fact:
    """One reified triple, in words and as N-Triples terms (for machines and tests)."""

    iri: str
    subject: str
    predicate: str
    object: str
    status: str
    terms: tuple[str, str, str]

    @property
    def kind(self) -> str:
        """The status as a CSS class."""
        return {STATED: "stated", DERIVED: "derived", ENRICHED: "enrichment", CURATED: "curated"}[
            self.status
        ]


@dataclass
class Anchor:
    """Where a claim's quoted words are: ``text[start:end] == exact``."""

    start: int
    end: int
    exact: str


@dataclass
class Claim:
    """A ``djo:Statement``: who said it, where, its evidence and its facts."""

    iri: str
    said_by: str
    said_in: str
    anchor: Anchor | None
    reported_in: str
    before: str = ""
    after: str = ""
    facts: list[Fact] = field(default_factory=list)


@dataclass
class ReadingWords:
    """One of two compared values: what it is a value of, and the words that give it."""

    of: str
    quote: str
    said_by: str
    said_in: str
    value: str = ""  # the value's IRI
    reported_in: str = ""  # the IRI of the article whose words give it
    uses: list[tuple[str, str]] = field(default_factory=list)  # (property, thing) in words
    gives: str = ""  # for a reading of a thing (its fact stands for it): that thing, in words


@dataclass
class Relation:
    """A comparison of two readings, in words."""

    iri: str
    relation: str
    established: str
    reason: str
    readings: list[ReadingWords]
    kind: str = ""  # the DJO ReadingRelation local name


@dataclass
class Group:
    """The claims whose quoted words start in one sentence (or the enrichment)."""

    title: str
    claims: list[Claim]


def environment() -> Any:
    """The Jinja2 environment of handcar's pages (autoescape on, strict undefined)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(templates_dir()),
        autoescape=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def reading_relations(result: BuildResult, ontology: Graph | None = None) -> list[Relation]:
    """Every comparison of readings in ``result``, in words (for the merge report)."""
    graphs = {name: result.dataset.graph(result.iris.graph(name)) for name in _NAMES}
    labels = _Labels(result.iris.base, [graphs["asserted"], graphs["enrichment"],
                                        graphs["provenance"], ontology or Graph()])
    return _relations(graphs["provenance"], labels, _claims(graphs, labels, result))


def factcheck_page(result: BuildResult, ontology: Graph | None = None) -> bytes:
    """The fact-check page of ``result``; ``ontology`` gives the properties' labels."""
    graphs = {name: result.dataset.graph(result.iris.graph(name)) for name in _NAMES}
    labels = _Labels(result.iris.base, [graphs["asserted"], graphs["enrichment"],
                                        graphs["provenance"], ontology or Graph()])
    claims = _claims(graphs, labels, result)
    env = environment()
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims.values():
        if claim.anchor is not None:
            by_article[claim.reported_in].append(claim)
    articles = [_article(source, by_article[source.iri]) for source in result.sources]
    enrichment = sorted((c for c in claims.values() if c.anchor is None), key=lambda c: c.iri)
    count = sum(len(c.facts) for c in claims.values())
    page = env.get_template(TEMPLATE).render(
        relations=_relations(graphs["provenance"], labels, claims),
        articles=articles,
        enrichment=enrichment,
        facts=count,
        statuses=(STATED, DERIVED, ENRICHED, CURATED),
    )
    return page.encode("utf-8")


_NAMES = ("asserted", "enrichment", "text", "provenance")
_PLAIN = {RDF.type: "is a", RDFS.label: "label"}


class _Labels:
    """Words for terms: an English ``rdfs:label`` (else any), else the short IRI."""

    def __init__(self, base: str, graphs: list[Graph]) -> None:
        self.base = base
        self.found: dict[Node, tuple[int, str]] = {}
        for graph in graphs:
            for s, label in graph.subject_objects(RDFS.label):
                if isinstance(label, Literal):
                    rank = 0 if label.language == "en" else 1 if not label.language else 2
                    if s not in self.found or (rank, str(label)) < self.found[s]:
                        self.found[s] = (rank, str(label))

    def term(self, node: Node) -> str:
        if isinstance(node, Literal):
            return self.literal(node)
        if node in _PLAIN:
            return _PLAIN[node]
        if node in self.found:
            return self.found[node][1]
        return shorten(str(node), base=self.base) or str(node)

    def literal(self, value: Literal) -> str:
        if value.language:
            return f"“{value}” ({value.language})"
        if value.datatype is None:
            return f"“{value}”"
        kind = shorten(str(value.datatype)) or str(value.datatype)
        return f"{value} ({kind})"


def _claims(graphs: dict[str, Graph], labels: _Labels, result: BuildResult) -> dict[Node, Claim]:
    prov, text, enrichment = graphs["provenance"], graphs["text"], graphs["enrichment"]
    claims: dict[Node, Claim] = {}
    for claim in prov.subjects(RDF.type, DJO.Statement):
        evidence = prov.value(claim, DJO.hasEvidence)
        claims[claim] = Claim(
            iri=str(claim),
            said_by=labels.term(prov.value(claim, DJO.statedBy)),
            said_in=labels.term(prov.value(claim, DJO.statedIn)),
            anchor=None if evidence is None else _anchor(text, evidence),
            reported_in=str(prov.value(claim, DJO.reportedIn)),
        )
    for fact in prov.subjects(RDF.type, RDF.Statement):
        s, p, o = (prov.value(fact, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if str(fact) in result.curated:
            status = CURATED
        elif (s, p, o) in enrichment:
            status = ENRICHED
        else:
            status = DERIVED if str(fact) in result.derived else STATED
        claims[prov.value(fact, DJO.assertedBy)].facts.append(
            Fact(
                str(fact),
                labels.term(s),
                labels.term(p),
                labels.term(o),
                status,
                (s.n3(), p.n3(), o.n3()),
            )
        )
    for claim in claims.values():
        claim.facts.sort(key=lambda f: _natural(f.iri))
    return {k: c for k, c in claims.items() if c.facts}


def _relations(prov: Graph, labels: _Labels, claims: dict[Node, Claim]) -> list[Relation]:
    """Every comparison of readings, with each value's words (the claim that mentions it) and
    what it is a value of (the facts whose object it is)."""
    mention: dict[Node, Node] = {}
    uses: dict[Node, set[tuple[str, str]]] = defaultdict(set)
    given: dict[Node, str] = {}  # a fact that stands for a reading of a thing → that thing
    for fact in prov.subjects(RDF.type, RDF.Statement):
        s, p, o = (prov.value(fact, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if p == RDF.type:
            mention.setdefault(s, prov.value(fact, DJO.assertedBy))
        elif str(p).startswith(str(DJO)):
            uses[o].add((labels.term(p), labels.term(s)))
        if (None, DJO.comparedReading, fact) in prov:  # the reading is the fact itself
            mention[fact] = prov.value(fact, DJO.assertedBy)
            uses[fact].add((labels.term(p), labels.term(s)))
            given[fact] = labels.term(o)
    out = []
    for node in sorted(prov.subjects(RDF.type, DJO.ReadingComparison)):
        readings = []
        for value in sorted(prov.objects(node, DJO.comparedReading)):
            claim = claims.get(mention.get(value))  # type: ignore[arg-type]
            of = ", ".join(f"{p} of {s}" for p, s in sorted(uses[value])) or labels.term(value)
            readings.append(ReadingWords(
                of=f"{of}: {given[value]}" if value in given else of,
                quote=claim.anchor.exact if claim and claim.anchor else labels.term(value),
                said_by=claim.said_by if claim else "",
                said_in=claim.said_in if claim else "",
                value=str(value),
                reported_in=claim.reported_in if claim else "",
                uses=sorted(uses[value]),
                gives=given.get(value, ""),
            ))
        generated = prov.value(node, PROV.wasGeneratedBy)
        established = (
            f"computed by handcar ({labels.term(generated)})" if generated is not None
            else f"declared by {labels.term(prov.value(node, PROV.wasAttributedTo))}"
        )
        out.append(Relation(
            iri=str(node),
            relation=labels.term(prov.value(node, DJO.readingRelation)),
            established=established,
            reason=str(prov.value(node, DJO.reason)),
            readings=readings,
            kind=str(prov.value(node, DJO.readingRelation)).rsplit("#", 1)[-1],
        ))
    return out


def _anchor(text: Graph, evidence: Node) -> Anchor:
    start = end = exact = None
    for target in text.objects(evidence, OA.hasTarget):
        for selector in text.objects(target, OA.hasSelector):
            if (selector, OA.exact, None) in text:
                exact = str(text.value(selector, OA.exact))
            if (selector, OA.start, None) in text:
                start = int(text.value(selector, OA.start))
                end = int(text.value(selector, OA.end))
    if start is None or end is None or exact is None:
        raise ValueError(f"evidence {evidence} has no quote and position selectors")
    return Anchor(start, end, exact)


def _article(source: Source, claims: list[Claim]) -> dict[str, object]:
    """One article: its anchored claims grouped by the sentence their quote starts in."""
    text = source.text
    spans = list(source.sentences) or [(0, len(text))]
    starts = [s for s, _ in spans]
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        anchor = claim.anchor
        assert anchor is not None
        if text[anchor.start : anchor.end] != anchor.exact:
            raise ValueError(f"{claim.iri}: its position selector does not cut out its quote")
        index = max(bisect.bisect_right(starts, anchor.start) - 1, 0)
        lo, hi = min(spans[index][0], anchor.start), max(spans[index][1], anchor.end)
        claim.before, claim.after = text[lo : anchor.start], text[anchor.end : hi]
        grouped[index].append(claim)
    groups = [
        Group(
            " ".join(text[spans[i][0] : spans[i][1]].split()),
            sorted(grouped[i], key=lambda c: (c.anchor.start, c.anchor.end, c.iri)),
        )  # type: ignore[union-attr]
        for i in sorted(grouped)
    ]
    return {"headline": source.headline, "url": source.url, "date": source.date, "groups": groups}


def _natural(iri: str) -> list[object]:
    """Sort key: ``…arrival.2`` before ``…arrival.10``."""
    return [int(part) if part.isdigit() else part for part in _NUMBER.split(iri)]
