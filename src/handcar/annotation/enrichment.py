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
from handcar.errors import AnnotationError
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
    ids = {thing.id for thing in annotation.things}
    document = read_yaml(path)
    try:
        enrichment = Enrichment.model_validate(document.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(p for p in first["loc"] if isinstance(p, int) or p.islower())
        where = ".".join(str(p) for p in loc)
        raise AnnotationError(path, document.line(loc), f"{where}: {first['msg']}") from None
    sources = {s.id for s in enrichment.sources}
    facts = []
    for i, (subject, predicate, obj, source) in enumerate(enrichment.facts):

        def error(message: str, part: int, i: int = i) -> AnnotationError:
            return AnnotationError(path, document.line(("facts", i, part)), message)

        if subject not in ids:
            raise error(f"reference to undefined entity {subject!r}", 0)
        if source not in sources:
            raise error(f"unknown source {source!r}: declare it under sources", 3)
        prop = _property(predicate, vocab, lambda m, i=i: error(m, 1, i))
        value: Ref | IriValue | LangString = obj if not isinstance(obj, str) else Ref(obj)
        if isinstance(obj, IriValue):
            if prop == OWL.sameAs and not WIKIDATA_ENTITY.match(obj.iri):
                raise error(f"owl:sameAs must point to a Wikidata entity IRI, not {obj.iri}", 2)
        elif isinstance(obj, str) and obj not in ids:
            raise error(f"reference to undefined entity {obj!r}", 2)
        facts.append(EnrichmentFact(subject, prop, value, source))
    return CheckedEnrichment(tuple(enrichment.sources), tuple(facts))


def _property(name: str, vocab: Vocabulary, error: Callable[[str], AnnotationError]) -> URIRef:
    if name in ("owl:sameAs", "rdfs:label"):
        return OWL.sameAs if name == "owl:sameAs" else RDFS.label
    try:
        return vocab.property_(name)
    except UnknownTerm as exc:
        raise error(exc.args[0]) from None
