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

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import RDF, Graph, URIRef
from rdflib.term import Node

from handcar.build import BuildResult, Source
from handcar.languages import foreign, marked
from handcar.namespaces import DJO, PROV
from handcar.publish.evidence import (
    CURATED,
    DERIVED,
    ENRICHED,
    STATED,
    Claim,
    Labels,
    claims_of,
    environment,
    graphs,
    in_sentence,
    labels_for,
)

__all__ = ["CURATED", "DERIVED", "ENRICHED", "STATED", "Evidence", "evidence_of", "factcheck_page"]

TEMPLATE = "factcheck.html.j2"



@dataclass
class ReadingWords:
    """One of two compared values: what it is a value of, and the words that give it."""

    of: str
    quote: str
    said_by: str
    said_in: str
    value: str = ""  # the value's IRI
    reported_in: str = ""  # the IRI of the article whose words give it
    said_in_article: bool = False  # said in that article itself (not in a post it quotes)
    uses: list[tuple[str, str]] = field(default_factory=list)  # (property, thing) in words
    gives: str = ""  # for a reading of a thing (its fact stands for it): that thing, in words
    lang: str = ""  # the quote's language where it is not the page's


#: how a reading of a link to a calendar period is said ("when their journey home began"):
#: "{property} of {thing}" reads well for a noun ("distance of the crossing"), not for these
WHEN = {
    DJO.during: "when {thing} happened",
    DJO.beganDuring: "when {thing} began",
    DJO.endedDuring: "when {thing} ended",
    DJO.publishedDuring: "when {thing} was published",
}

_IRI_IN_TEXT = re.compile(r"<(https?://[^<>\s]+)>")
"""An IRI written in a computed reason ("<https://w3id.org/djo/id/place/nordport> lies in …")."""


@dataclass
class Relation:
    """A comparison of two readings, in words."""

    iri: str
    relation: str
    established: str
    reason: str
    readings: list[ReadingWords]
    kind: str = ""  # the DJO ReadingRelation local name
    shown_reason: str = ""
    """The reason as pages show it: the IRIs it names (``<…/place/nordport>``) by their
    labels ("Nordport"); ``reason`` is the published literal."""


@dataclass
class Group:
    """The claims whose quoted words start in one sentence (or the enrichment)."""

    title: str
    claims: list[Claim]
    lang: str = ""  # the sentence's language where it is not the page's


@dataclass(frozen=True)
class Evidence:
    """What the fact-check page, the merge report and the site's pages all read: the named
    graphs, the labels, every claim with its facts and every comparison of readings. Worked
    out once per release (:func:`evidence_of`) and shared, never changed."""

    named: dict[str, Graph]
    labels: Labels
    claims: dict[Node, Claim]
    relations: list[Relation]


def evidence_of(result: BuildResult, ontology: Graph | None = None) -> Evidence:
    """The :class:`Evidence` of ``result``; ``ontology`` gives the properties' labels."""
    named = graphs(result)
    labels = labels_for(result, named, ontology)
    claims = claims_of(named, labels, result)
    return Evidence(named, labels, claims,
                    relations(named["provenance"], labels, claims, result.sources))


def factcheck_page(result: BuildResult, ontology: Graph | None = None,
                   evidence: Evidence | None = None) -> bytes:
    """The fact-check page of ``result``; ``ontology`` gives the properties' labels
    (``evidence``: already worked out for this ``result`` and ``ontology``)."""
    evidence = evidence or evidence_of(result, ontology)
    claims = evidence.claims
    env = environment()
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims.values():
        if claim.anchor is not None:
            by_article[claim.reported_in].append(claim)
    articles = [_article(source, by_article[source.iri]) for source in result.sources]
    enrichment = sorted((c for c in claims.values() if c.anchor is None), key=lambda c: c.iri)
    count = sum(len(c.facts) for c in claims.values())
    page = env.get_template(TEMPLATE).render(
        relations=evidence.relations,
        articles=articles,
        enrichment=enrichment,
        facts=count,
        statuses=(STATED, DERIVED, ENRICHED, CURATED),
    )
    return page.encode("utf-8")


def relations(prov: Graph, labels: Labels, claims: dict[Node, Claim],
              sources: Sequence[Source] = ()) -> list[Relation]:
    """Every comparison of readings, with each value's words (the claim that mentions it, in
    its language when ``sources`` give the article's) and what it is a value of (the facts
    whose object it is)."""
    articles = {source.iri: source for source in sources}
    mention: dict[Node, Node] = {}
    uses: dict[Node, set[tuple[str, str]]] = defaultdict(set)
    # who gives a value as a reading: the statements of the facts it is the value of (the
    # spokesman of "lasted half an hour, a spokesman said", even where the words "half an
    # hour" are credited to the article)
    giving: dict[Node, set[Node]] = defaultdict(set)
    given: dict[Node, str] = {}  # a fact that stands for a reading of a thing → that thing
    for fact in prov.subjects(RDF.type, RDF.Statement):
        s, p, o = (prov.value(fact, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if p == RDF.type:
            mention.setdefault(s, prov.value(fact, DJO.assertedBy))
        elif str(p).startswith(str(DJO)):
            uses[o].add((labels.term(p), labels.term(s)))
            giving[o].add(prov.value(fact, DJO.assertedBy))
        if (None, DJO.comparedReading, fact) in prov:  # the reading is the fact itself
            mention[fact] = prov.value(fact, DJO.assertedBy)
            uses[fact].add((labels.term(p), labels.term(s)))
            giving[fact] = {prov.value(fact, DJO.assertedBy)}
            given[fact] = labels.term(o)
    phrasing = {labels.term(p): words for p, words in WHEN.items()}
    out = []
    for node in sorted(prov.subjects(RDF.type, DJO.ReadingComparison)):
        readings = []
        for value in sorted(prov.objects(node, DJO.comparedReading)):
            claim = claims.get(mention.get(value))  # type: ignore[arg-type]
            of = ", ".join(phrasing.get(p, "{property} of {thing}").format(property=p, thing=s)
                           for p, s in sorted(uses[value])) or labels.term(value)
            givers = [claims[g] for g in giving[value] if g in claims] or ([claim] if claim else [])
            source = articles.get(claim.reported_in) if claim and claim.anchor else None
            readings.append(ReadingWords(
                of=f"{of}: {given[value]}" if value in given else of,
                quote=claim.anchor.exact if claim and claim.anchor else labels.term(value),
                said_by=", ".join(sorted({g.said_by for g in givers})),
                said_in=", ".join(sorted({g.said_in for g in givers})),
                value=str(value),
                reported_in=claim.reported_in if claim else "",
                said_in_article=bool(givers) and all(g.said_in_article for g in givers),
                uses=sorted(uses[value]),
                gives=given.get(value, ""),
                lang=marked(claim.anchor.exact, source.language, source.text)
                if source and claim and claim.anchor else "",
            ))
        generated = prov.value(node, PROV.wasGeneratedBy)
        established = (
            f"computed by handcar ({labels.term(generated)})" if generated is not None
            else f"declared by {labels.term(prov.value(node, PROV.wasAttributedTo))}"
        )
        reason = str(prov.value(node, DJO.reason))
        out.append(Relation(
            iri=str(node),
            relation=labels.term(prov.value(node, DJO.readingRelation)),
            established=established,
            reason=reason,
            readings=readings,
            kind=str(prov.value(node, DJO.readingRelation)).rsplit("#", 1)[-1],
            shown_reason=_IRI_IN_TEXT.sub(lambda m: labels.term(URIRef(m[1])), reason),
        ))
    return out


def _article(source: Source, claims: list[Claim]) -> dict[str, object]:
    """One article: its anchored claims grouped by the sentence their quote starts in."""
    text = source.text
    spans = list(source.sentences) or [(0, len(text))]
    grouped: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        assert claim.anchor is not None
        try:
            index, claim.before, claim.after = in_sentence(text, spans, claim.anchor)
        except ValueError:
            problem = f"{claim.iri}: its position selector does not cut out its quote"
            raise ValueError(problem) from None
        claim.lang = marked(claim.anchor.exact, source.language, text)
        grouped[index].append(claim)
    groups = []
    for i in sorted(grouped):
        sentence = " ".join(text[spans[i][0] : spans[i][1]].split())
        groups.append(Group(
            sentence,
            sorted(grouped[i], key=lambda c: (c.anchor.start, c.anchor.end, c.iri)),  # type: ignore[union-attr]
            marked(sentence, source.language, text),
        ))
    return {"headline": source.headline, "url": source.url, "date": source.date,
            "groups": groups, "lang": foreign(source.language)}
