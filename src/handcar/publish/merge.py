"""The merge report: what several reports share, where their readings agree and where they
conflict (issue 13 points 3 and 7).

``out/merge.html`` (Jinja2, ``templates/merge.html.j2``) has three parts: the things several
articles report (named entities that facts of two or more articles use, and the groups of events
and things the curators identified across articles, with their reasons); the pairs of readings
that agree (the same, compatible, one more precise); and the pairs that do not (contradictory, and
one number read as answers to different questions). ``out/conflicts.json`` carries every
comparison for machines: the thing and property, each reading's value (for a thing given as a
value, such as a destination, the fact that gives it, and the thing in ``gives``), words, speaker,
source and article, the relation, who established it and why. Both are read from the build's
graphs in one pass each (linear in the facts and comparisons); nothing reads the clock.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef

from handcar.build import BuildResult
from handcar.graph.readings import CONSISTENT, Relation
from handcar.languages import foreign
from handcar.namespaces import DJO
from handcar.publish.factcheck import Evidence, environment, evidence_of
from handcar.publish.factcheck import Relation as Compared

TEMPLATE = "merge.html.j2"
AGREE = {r.value for r in CONSISTENT}
#: kinds of IRI that are values or provenance, never things several reports share
_NOT_THINGS = {"quantity", "time", "interval", "statement", "fact", "evidence", "comparison",
               "activity", "graph", "text", "source"}


@dataclass
class Shared:
    """A thing several articles report: one IRI, or a group the curators linked."""

    label: str
    iris: list[str]
    articles: list[str]
    reasons: list[str]


def merge_report(result: BuildResult, ontology: Graph | None = None,
                 evidence: Evidence | None = None) -> tuple[bytes, bytes]:
    """``merge.html`` and ``conflicts.json`` for ``result`` (``evidence``: already worked out
    for this ``result`` and ``ontology``)."""
    compared = (evidence or evidence_of(result, ontology)).relations
    headlines = {s.iri: s.headline for s in result.sources}
    entities = _shared_entities(result, headlines)
    linked = _linked(result, headlines)
    agree = [c for c in compared if c.kind in AGREE]
    disagree = [c for c in compared if c.kind not in AGREE]
    page = environment().get_template(TEMPLATE).render(
        articles=[s.headline for s in result.sources],
        entities=entities,
        linked=linked,
        agree=agree,
        disagree=disagree,
        headlines=headlines,
        # a headline's language where it is not the page's (English), for its lang attribute
        languages={s.headline: foreign(s.language) for s in result.sources},
    )
    data = {
        "articles": [{"iri": s.iri, "headline": s.headline} for s in result.sources],
        "comparisons": [_json(c, headlines) for c in compared],
        "counts": {r.value: sum(c.kind == r.value for c in compared) for r in Relation},
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return page.encode("utf-8"), text.encode("utf-8")


def _json(c: Compared, headlines: dict[str, str]) -> dict[str, object]:
    return {
        "comparison": c.iri,
        "relation": c.kind,
        "consistent": c.kind in AGREE,
        "established": c.established,
        "reason": c.reason,
        "readings": [
            {
                "value": r.value,
                "of": [{"property": p, "thing": s} for p, s in r.uses],
                "words": r.quote,
                "gives": r.gives or None,
                "said_by": r.said_by,
                "said_in": r.said_in,
                "article": headlines.get(r.reported_in, ""),
            }
            for r in c.readings
        ],
    }


def _label(graphs: list[Graph], node: URIRef) -> str:
    for graph in graphs:
        for label in graph.objects(node, URIRef("http://www.w3.org/2000/01/rdf-schema#label")):
            return str(label)
    return str(node)


def _shared_entities(result: BuildResult, headlines: dict[str, str]) -> list[Shared]:
    """Things with one IRI that facts reported in two or more articles use."""
    prov = result.dataset.graph(result.iris.graph("provenance"))
    asserted = result.dataset.graph(result.iris.graph("asserted"))
    article_of = {c: a for c, a in prov.subject_objects(DJO.reportedIn)}
    seen: dict[URIRef, set[str]] = defaultdict(set)
    for fact in prov.subjects(RDF.type, RDF.Statement):
        article = article_of.get(prov.value(fact, DJO.assertedBy))
        if article is None:
            continue  # enrichment and identity links: not a report
        for node in (prov.value(fact, RDF.subject), prov.value(fact, RDF.object)):
            parts = result.iris.split(str(node)) if isinstance(node, URIRef) else None
            if parts is not None and parts[0] not in _NOT_THINGS:
                seen[node].add(str(article))
    return [
        Shared(_label([asserted, prov], node), [str(node)],
               sorted(headlines.get(a, a) for a in articles), [])
        for node, articles in sorted(seen.items())
        if len(articles) > 1
    ]


def _linked(result: BuildResult, headlines: dict[str, str]) -> list[Shared]:
    """The groups of IRIs the curators' identity links join, with the links' reasons."""
    asserted = result.dataset.graph(result.iris.graph("asserted"))
    neighbours: dict[str, set[str]] = defaultdict(set)
    reasons: dict[str, list[str]] = defaultdict(list)
    for link in result.links:
        a, b = str(link.subject), str(link.object)
        neighbours[a].add(b)
        neighbours[b].add(a)
        reasons[a].append(link.reason)
    groups, done = [], set()
    for start in sorted(neighbours):
        if start in done:
            continue
        members, todo = set(), [start]
        while todo:  # each node is visited once: linear in the links
            node = todo.pop()
            if node not in members:
                members.add(node)
                todo.extend(neighbours[node] - members)
        done |= members
        iris = result.iris
        articles = {headlines.get(str(iris.article(a)), "")
                    for a in map(iris.article_of, members) if a is not None}
        groups.append(Shared(
            _label([asserted], URIRef(min(members))),
            sorted(members),
            sorted(a for a in articles if a),
            [r for m in sorted(members) for r in reasons[m]],
        ))
    return groups
