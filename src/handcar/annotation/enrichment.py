"""Facts from outside the article (Wikidata links, Russian labels): the format and its checks.

``articles/<id>/enrichment.yaml`` lists sources and facts; each fact names its source, its
subject is an entity or event of the annotation, its property a term of the ontology (or
``owl:sameAs``, ``rdfs:label``), and an ``owl:sameAs`` points to a Wikidata entity IRI.
Nothing here is evidence from the article: :mod:`handcar.graph.enrichment` writes it to a graph
of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from rdflib import OWL, RDFS, URIRef

from handcar.annotation.checked import CheckedAnnotation, Ref
from handcar.annotation.model import IriValue, LangString, Slug, Term, Text
from handcar.annotation.yamlsource import read_yaml
from handcar.errors import AnnotationError, close_names, did_you_mean
from handcar.vocabulary import UnknownTerm, Vocabulary

WIKIDATA_ENTITY = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EnrichmentSource(_Strict):
    id: Slug
    label: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    note: Text | None = None


class Enrichment(_Strict):
    format: Literal["handcar-enrichment/1"]
    sources: list[EnrichmentSource]
    facts: list[tuple[Slug, Term, LangString | IriValue | Slug, Slug]]


@dataclass(frozen=True)
class EnrichmentFact:
    """A checked fact: a declared subject id, a property IRI, an object, a declared source."""

    subject: str
    predicate: URIRef
    object: Ref | IriValue | LangString
    source: str


@dataclass(frozen=True)
class CheckedEnrichment:
    sources: tuple[EnrichmentSource, ...]
    facts: tuple[EnrichmentFact, ...]


def load_enrichment(
    path: Path, annotation: CheckedAnnotation, vocab: Vocabulary
) -> CheckedEnrichment:
    """Read and check ``path`` against the entities and events of ``annotation``; raise
    AnnotationError at the first problem."""
    checked, problems = check_enrichment(path, annotation, vocab)
    if problems:
        raise problems[0]
    assert checked is not None
    return checked


def check_enrichment(
    path: Path, annotation: CheckedAnnotation, vocab: Vocabulary
) -> tuple[CheckedEnrichment | None, list[AnnotationError]]:
    """Read and check ``path`` against the entities and events of ``annotation``: the checked
    enrichment, or None and every problem, in file order (``handcar check`` lists them all)."""
    ids = {thing.id for thing in annotation.things}
    values = {q.quantity.id: "a quantity" for q in annotation.quantities} | {
        t.id: "a time" for t in annotation.times} | {
        s.id: "a statement" for s in annotation.statements}
    document = read_yaml(path)
    try:
        enrichment = Enrichment.model_validate(document.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(p for p in first["loc"] if isinstance(p, int) or p.islower())
        where = ".".join(str(p) for p in loc)
        return None, [AnnotationError(path, document.line(loc), f"{where}: {first['msg']}")]
    sources = {s.id for s in enrichment.sources}
    facts, problems = [], []
    for i, (subject, predicate, obj, source) in enumerate(enrichment.facts):

        def error(message: str, part: int, i: int = i, hint: str | None = None) -> AnnotationError:
            found = AnnotationError(path, document.line(("facts", i, part)), message)
            found.hint = hint
            return found

        def unknown(ident: str, part: int) -> AnnotationError:
            if ident in values:
                return error(f"{ident!r} is {values[ident]}: enrichment facts are about the"
                             " annotation's entities and events", part)
            near = close_names(ident, ids)
            return error(f"reference to undefined entity {ident!r}", part,
                         hint=did_you_mean(near) + "name an entity or event of the annotation"
                         if near else None)

        found = []
        if subject not in ids:
            found.append(unknown(subject, 0))
        if source not in sources:
            found.append(error(f"unknown source {source!r}: declare it under sources", 3,
                               hint=did_you_mean(close_names(source, sources)).strip() or None))
        try:
            prop = _property(predicate, vocab, lambda m, i=i: error(m, 1, i))
        except AnnotationError as exc:
            found.append(exc)
            prop = None
        value: Ref | IriValue | LangString = obj if not isinstance(obj, str) else Ref(obj)
        if isinstance(obj, IriValue):
            if prop == OWL.sameAs and not WIKIDATA_ENTITY.match(obj.iri):
                found.append(error(
                    f"owl:sameAs must point to a Wikidata entity IRI, not {obj.iri}", 2))
        elif isinstance(obj, str) and obj not in ids:
            found.append(unknown(obj, 2))
        problems += found
        if not found and prop is not None:
            facts.append(EnrichmentFact(subject, prop, value, source))
    if problems:
        return None, problems
    return CheckedEnrichment(tuple(enrichment.sources), tuple(facts)), []


def _property(name: str, vocab: Vocabulary, error: Callable[[str], AnnotationError]) -> URIRef:
    if name in ("owl:sameAs", "rdfs:label"):
        return OWL.sameAs if name == "owl:sameAs" else RDFS.label
    try:
        return vocab.property_(name)
    except UnknownTerm as exc:
        raise error(exc.args[0]) from None
