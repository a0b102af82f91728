"""Facts, claims and their evidence as the release's pages read them from the build's graphs.

One reading of the reified provenance, shared by the fact check (:mod:`.factcheck`), the merge
report (:mod:`.merge`) and the resource pages (:mod:`.pages`): :func:`claims_of` walks the
``djo:Statement``s and ``rdf:Statement``s of the provenance graph once and gives each claim its
evidence anchor (:func:`anchor`, from the text graph) and its facts in words (:class:`Labels`);
:func:`in_sentence` cuts the sentence around a quote so the quoted words can be marked.
:func:`environment` is the one Jinja2 environment of every HTML page (autoescape on).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.term import Node

from handcar.build import BuildResult
from handcar.namespaces import DJO, OA, shorten
from handcar.resources import templates_dir

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
    triple: tuple[Node, Node, Node] | None = field(default=None, compare=False, repr=False)

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
    stated_in: str = ""  # the IRI of said_in
    before: str = ""
    after: str = ""
    facts: list[Fact] = field(default_factory=list)
    lang: str = ""  # the quoted words' language where it is not the page's

    @property
    def said_in_article(self) -> bool:
        """Whether it is said in the article that reports it (not in a post it quotes)."""
        return self.stated_in == self.reported_in


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


NAMES = ("asserted", "enrichment", "text", "provenance")
_PLAIN = {RDF.type: "is a", RDFS.label: "label"}


class Labels:
    """Words for terms: an English ``rdfs:label`` (else any), else the short IRI."""

    def __init__(self, base: str, graphs: list[Graph]) -> None:
        self.base = base
        self.found: dict[Node, tuple[int, str, str]] = {}  # rank, words, language
        for graph in graphs:
            for s, label in graph.subject_objects(RDFS.label):
                if isinstance(label, Literal):
                    rank = 0 if label.language == "en" else 1 if not label.language else 2
                    if s not in self.found or (rank, str(label)) < self.found[s][:2]:
                        self.found[s] = (rank, str(label), label.language or "")

    def term(self, node: Node) -> str:
        if isinstance(node, Literal):
            return self.literal(node)
        if node in _PLAIN:
            return _PLAIN[node]
        if node in self.found:
            return self.found[node][1]
        return shorten(str(node), base=self.base) or str(node)

    def language(self, node: Node) -> str:
        """The language tag of :meth:`term`'s words for ``node`` ("" when none or no label)."""
        return self.found[node][2] if node in self.found else ""

    def literal(self, value: Literal) -> str:
        if value.language:
            return f"“{value}” ({value.language})"
        if value.datatype is None:
            return f"“{value}”"
        kind = shorten(str(value.datatype)) or str(value.datatype)
        return f"{value} ({kind})"


def claims_of(named: dict[str, Graph], labels: Labels, result: BuildResult) -> dict[Node, Claim]:
    """Every ``djo:Statement`` that supports a fact, with its anchor and its facts (one pass
    over the provenance graph), by IRI."""
    prov, text, enrichment = named["provenance"], named["text"], named["enrichment"]
    found: dict[Node, Claim] = {}
    for claim in prov.subjects(RDF.type, DJO.Statement):
        evidence = prov.value(claim, DJO.hasEvidence)
        found[claim] = Claim(
            iri=str(claim),
            said_by=labels.term(prov.value(claim, DJO.statedBy)),
            said_in=labels.term(prov.value(claim, DJO.statedIn)),
            anchor=None if evidence is None else anchor(text, evidence),
            reported_in=str(prov.value(claim, DJO.reportedIn)),
            stated_in=str(prov.value(claim, DJO.statedIn)),
        )
    for fact in prov.subjects(RDF.type, RDF.Statement):
        s, p, o = (prov.value(fact, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if str(fact) in result.curated:
            status = CURATED
        elif (s, p, o) in enrichment:
            status = ENRICHED
        else:
            status = DERIVED if str(fact) in result.derived else STATED
        found[prov.value(fact, DJO.assertedBy)].facts.append(
            Fact(
                str(fact),
                labels.term(s),
                labels.term(p),
                labels.term(o),
                status,
                (s.n3(), p.n3(), o.n3()),
                (s, p, o),
            )
        )
    for claim in found.values():
        claim.facts.sort(key=lambda f: natural(f.iri))
    return {k: c for k, c in found.items() if c.facts}


def anchor(text: Graph, evidence: Node) -> Anchor:
    """The quote and position selectors of ``evidence`` (in the text graph)."""
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



def graphs(result: BuildResult) -> dict[str, Graph]:
    """The named graphs the pages read, by name."""
    return {name: result.dataset.graph(result.iris.graph(name)) for name in NAMES}


def labels_for(result: BuildResult, named: dict[str, Graph], ontology: Graph | None) -> Labels:
    """Labels from the data (asserted, enrichment, provenance) and the ontology."""
    return Labels(result.iris.base, [named["asserted"], named["enrichment"],
                                     named["provenance"], ontology or Graph()])


#: characters of the sentence shown before and after a quote, at most
SENTENCE_CONTEXT = 300


def in_sentence(
    text: str, sentences: Sequence[tuple[int, int]], quote: Anchor
) -> tuple[int, str, str]:
    """The index of the sentence ``quote`` starts in, and the text before and after the quote
    within that sentence (widened to hold the whole quote). Raises ValueError if the position
    selector does not cut the quote out of ``text``."""
    if text[quote.start : quote.end] != quote.exact:
        raise ValueError(f"position {quote.start}-{quote.end} does not cut out {quote.exact!r}")
    spans = list(sentences) or [(0, len(text))]
    index = max(bisect.bisect_right([s for s, _ in spans], quote.start) - 1, 0)
    lo, hi = min(spans[index][0], quote.start), max(spans[index][1], quote.end)
    before, after = text[lo : quote.start], text[quote.end : hi]
    # a sentence of thousands of words shows the words around the quote, not all of them
    # (every page of its many items would carry the whole sentence)
    if len(before) > SENTENCE_CONTEXT:
        cut = before[-SENTENCE_CONTEXT:]
        before = "… " + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > SENTENCE_CONTEXT:
        cut = after[:SENTENCE_CONTEXT]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + " …"
    return index, before, after


def natural(iri: str) -> list[object]:
    """Sort key: ``…arrival.2`` before ``…arrival.10``."""
    return [int(part) if part.isdigit() else part for part in _NUMBER.split(iri)]
