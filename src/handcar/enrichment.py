"""Facts from outside the article (Wikidata links, Russian labels), kept in their own graph.

``articles/<id>/enrichment.yaml`` lists sources and facts; each fact names its source. Facts go
to the ``enrichment`` graph; their provenance (source, who added them) to ``provenance``. Nothing
here is evidence from the article, and nothing here is mixed into ``asserted``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError
from rdflib import OWL, RDF, RDFS, XSD, Dataset, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

from handcar.annotation.model import IriValue, LangString, Slug, Term, Text
from handcar.annotation.yamlsource import read_yaml
from handcar.errors import AnnotationError
from handcar.graph.iris import Iris
from handcar.namespaces import DJO, SCHEMA
from handcar.vocabulary import UnknownTerm, Vocabulary

WIKIDATA_ENTITY = r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$"
CURATORS = "handcar-curators"


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
    subject: URIRef
    predicate: URIRef
    object: Node
    source: str


def load_enrichment(
    path: Path, refs: dict[str, URIRef], vocab: Vocabulary
) -> tuple[Enrichment, list[EnrichmentFact]]:
    """Read and check ``path`` against the entities the annotation declares."""
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

        if subject not in refs:
            raise error(f"reference to undefined entity {subject!r}", 0)
        if source not in sources:
            raise error(f"unknown source {source!r}: declare it under sources", 3)
        prop = _property(predicate, vocab, lambda m, i=i: error(m, 1, i))
        if isinstance(obj, IriValue):
            if prop == OWL.sameAs and not _is_wikidata(obj.iri):
                raise error(f"owl:sameAs must point to a Wikidata entity IRI, not {obj.iri}", 2)
            value: Node = URIRef(obj.iri)
        elif isinstance(obj, str):
            if obj not in refs:
                raise error(f"reference to undefined entity {obj!r}", 2)
            value = refs[obj]
        else:
            value = RdfLiteral(obj.value, lang=obj.lang)
        facts.append(EnrichmentFact(refs[subject], prop, value, source))
    return enrichment, facts


def _property(name: str, vocab: Vocabulary, error) -> URIRef:
    if name in ("owl:sameAs", "rdfs:label"):
        return OWL.sameAs if name == "owl:sameAs" else RDFS.label
    try:
        return vocab.property_(name)
    except UnknownTerm as exc:
        raise error(exc.args[0]) from None


def _is_wikidata(iri: str) -> bool:
    import re

    return re.match(WIKIDATA_ENTITY, iri) is not None


def add_enrichment(
    dataset: Dataset,
    iris: Iris,
    article_id: str,
    enrichment: Enrichment,
    facts: list[EnrichmentFact],
) -> None:
    """Write enrichment facts and their provenance."""
    graph = dataset.graph(iris.graph("enrichment"))
    prov = dataset.graph(iris.graph("provenance"))
    curators = iris.entity("org", CURATORS)
    prov.add((curators, RDF.type, DJO.Organization))
    prov.add((curators, RDFS.label, RdfLiteral("handcar curators", lang="en")))
    for source in enrichment.sources:
        node = iris.entity("source", source.id)
        statement = iris.scoped("statement", article_id, "enrichment", source.id)
        prov.add((node, RDF.type, DJO.Source))
        prov.add((node, RDFS.label, RdfLiteral(source.label, lang="en")))
        if source.url:
            prov.add((node, SCHEMA.url, RdfLiteral(source.url, datatype=XSD.anyURI)))
        if source.note:
            prov.add((node, RDFS.comment, RdfLiteral(source.note, lang="en")))
        prov.add((statement, RDF.type, DJO.Statement))
        prov.add((statement, DJO.statedBy, curators))
        prov.add((statement, DJO.statedIn, node))
        prov.add((statement, RDFS.label, RdfLiteral(f"enrichment from {source.label}", lang="en")))
    for n, fact in enumerate(facts, start=1):
        graph.add((fact.subject, fact.predicate, fact.object))
        node = iris.scoped("fact", article_id, "enrichment", str(n))
        prov.add((node, RDF.type, RDF.Statement))
        prov.add((node, RDF.subject, fact.subject))
        prov.add((node, RDF.predicate, fact.predicate))
        prov.add((node, RDF.object, fact.object))
        prov.add(
            (node, DJO.assertedBy, iris.scoped("statement", article_id, "enrichment", fact.source))
        )
