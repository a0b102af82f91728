"""The release described in VoID (https://www.w3.org/TR/void/) and DCAT 3
(https://www.w3.org/TR/vocab-dcat-3/): ``metadata.ttl`` and ``metadata.jsonld``.

Everything it names sits under ``{base}release/`` (``--base`` moves it with the data):

- ``release/catalog``: a ``dcat:Catalog`` of the release's datasets;
- ``release/dataset``: the knowledge graph (``dcat:Dataset``, ``void:Dataset``): title,
  description, publisher, licence (CC BY 4.0), a rights statement for the quoted article text,
  the source articles, the vocabularies used, ``void:uriSpace``, triple counts, and one
  ``void:subset`` per named graph (the graph's own IRI, with its triple count);
- ``release/ontology``, ``release/shapes``, ``release/text``: the ontology (with the JSON-LD
  context), the SHACL shapes, the article texts;
- ``release/distribution/<path>``: one ``dcat:Distribution`` per file, with ``dcat:downloadURL
  <{base}release/<path>>`` (where ``out/`` is meant to be served), ``dcat:mediaType`` (IANA),
  ``dcterms:format`` (W3C format IRI), ``dcat:byteSize`` and ``spdx:checksum`` (SHA-256, the
  property DCAT 3 uses) pointing to ``release/checksum/<path>``.

The dataset's RDFC-1.0 canonical hash is ``spdx:checksum <release/checksum/rdfc-1.0>`` on the
dataset: SHA-256 of its canonical N-Quads (https://www.w3.org/TR/rdf-canon/), which is the
SHA-256 of ``dataset.nq``. The metadata describes every file except itself, ``README.md`` and
``SHA256SUMS`` (which are written after it and list it).

Nothing here is a timestamp: the only dates are the articles' publication dates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from handcar import namespaces as ns
from handcar.build import Source
from handcar.namespaces import namespace_of
from handcar.publish.rdf import PUBLISHED_PREFIXES, RDF_TYPE, Quads
from handcar.publish.spool import Payload, sha256_hex

# the namespaces as plain strings: pyoxigraph terms are built from them by concatenation
DCAT, DCTERMS, VOID, SPDX = str(ns.DCAT), str(ns.DCTERMS), str(ns.VOID), str(ns.SPDX)
FOAF, RDFS, XSD, PROV = str(ns.FOAF), str(ns.RDFS), str(ns.XSD), str(ns.PROV)
IANA = str(ns.IANA_MEDIA_TYPES)
JSONLD_FRAMED = str(ns.JSONLD.framed)
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
RDF_CANON = "https://www.w3.org/TR/rdf-canon/"
PUBLISHER = "handcar developers"


@dataclass(frozen=True)
class FileInfo:
    """What one file of the release is and what it is for (README and metadata both use it)."""

    path: str
    part: str
    """``dataset``, ``ontology``, ``shapes``, ``text`` or ``release`` (README, metadata, sums)."""
    purpose: str
    media_type: str
    w3c_format: str | None = None
    conforms_to: str | None = None


@dataclass(frozen=True)
class Article:
    """What the metadata says about one source article."""

    iri: str
    headline: str
    url: str | None
    publisher: str
    date: str | None


@dataclass(frozen=True)
class GraphInfo:
    iri: str
    name: str
    description: str


PARTS = {
    "dataset": ("Knowledge graph", "The facts the articles report, their evidence and provenance."),
    "ontology": ("Ontology", "DJO, the Diplomatic Journey Ontology, its documentation, diagram "
                 "and handcar's JSON-LD context."),
    "shapes": ("SHACL shapes", "The shapes the knowledge graph is validated against."),
    "text": ("Article texts", "The plain text of each article, which the evidence offsets "
             "count in, and the fact-check page that quotes it."),
}


def articles(sources: Iterable[Source], data: Quads) -> list[Article]:
    """Headline, URL, publisher and date of each article as the build read them, the publisher
    named by its label in the dataset."""
    labels = {str(q.subject): q.object.value for q in data
              if q.predicate.value == RDFS + "label" and isinstance(q.object, ox.Literal)}
    return [
        Article(s.iri, s.headline, s.url, labels.get(f"<{s.publisher}>", s.publisher), s.date)
        for s in sources
    ]


def rights_text(items: Sequence[Article]) -> str:
    sources = "; ".join(
        f"\u201c{a.headline}\u201d, {a.publisher}" + (f", {a.date}" if a.date else "")
        + (f" ({a.url})" if a.url else "")
        for a in items
    )
    owners = " and ".join(sorted({a.publisher for a in items})) or "the publishers"
    return (
        f"The article text (text/*.txt, nif:isString) and the quotations in the dataset "
        f"(oa:exact, oa:prefix, oa:suffix, djo:referredToAs, names) are quoted from {sources} "
        f"as evidence for the facts stated; their copyright stays with {owners}. "
        f"CC BY 4.0 covers handcar's own contribution: the modelling, the annotation and the "
        f"links."
    )


class _Graph:
    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
        self.quads.append(ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj))

    def text(self, s: str, p: str, value: str, lang: str | None = "en") -> None:
        self.add(s, p, ox.Literal(value, language=lang) if lang else ox.Literal(value))

    def typed(self, s: str, p: str, value: object, datatype: str) -> None:
        self.add(s, p, ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype)))


class _Counts:
    """What VoID counts in some quads: distinct subjects, objects, properties and classes."""

    def __init__(self) -> None:
        self.triples = 0
        self.subjects: set[str] = set()
        self.objects: set[str] = set()
        self.properties: set[str] = set()
        self.classes: set[str] = set()
        self.named_classes: set[str] = set()  # the classes that are IRIs

    def absorb(self, other: _Counts) -> None:
        self.triples += other.triples
        self.subjects |= other.subjects
        self.objects |= other.objects
        self.properties |= other.properties
        self.classes |= other.classes
        self.named_classes |= other.named_classes

    def stats(self) -> dict[str, int]:
        return {
            "triples": self.triples,
            "distinctSubjects": len(self.subjects),
            "distinctObjects": len(self.objects),
            "properties": len(self.properties),
            "classes": len(self.classes),
        }


def _counts(data: Quads) -> tuple[_Counts, dict[str, _Counts]]:
    """The counts of the whole dataset and of each graph (by its N-Triples form, "" for the
    default graph), in one pass over the quads."""
    by_graph: dict[str, _Counts] = {}
    for quad in data.quads:
        graph = quad.graph_name
        key = "" if isinstance(graph, ox.DefaultGraph) else str(graph)
        counts = by_graph.get(key)
        if counts is None:
            counts = by_graph[key] = _Counts()
        counts.triples += 1
        counts.subjects.add(str(quad.subject))
        obj = quad.object
        counts.objects.add(str(obj))
        predicate = quad.predicate.value
        counts.properties.add(predicate)
        if predicate == RDF_TYPE:
            counts.classes.add(obj.value)
            if isinstance(obj, ox.NamedNode):
                counts.named_classes.add(obj.value)
    whole = _Counts()
    for counts in by_graph.values():
        whole.absorb(counts)
    return whole, by_graph


def vocabularies(counts: _Counts) -> list[str]:
    """The namespaces of every predicate and class the counted data uses."""
    iris = counts.properties | counts.named_classes
    return sorted({namespace_of(iri, PUBLISHED_PREFIXES) for iri in iris})


def describe(
    data: Quads,
    files: Mapping[str, Payload],
    infos: Sequence[FileInfo],
    *,
    base: str,
    graphs: Sequence[GraphInfo],
    sources: Sequence[Article],
    examples: Sequence[str],
    ontology_iri: str | None,
) -> Quads:
    """The VoID + DCAT description of a release made of ``files``."""
    release = f"{base}release/"
    catalog, dataset = release + "catalog", release + "dataset"
    publisher, rights = release + "publisher", release + "rights/quoted-text"
    g = _Graph()

    g.add(catalog, RDF_TYPE, DCAT + "Catalog")
    g.text(catalog, DCTERMS + "title", "handcar release")
    g.text(catalog, DCTERMS + "description", "A linked-data release built by handcar: the "
           "knowledge graph, the ontology, the SHACL shapes and the article texts.")
    g.add(catalog, DCTERMS + "publisher", publisher)
    g.add(catalog, DCTERMS + "license", CC_BY)

    g.add(publisher, RDF_TYPE, FOAF + "Agent")
    g.text(publisher, FOAF + "name", PUBLISHER, None)
    g.add(CC_BY, RDF_TYPE, DCTERMS + "LicenseDocument")
    g.text(CC_BY, RDFS + "label", "Creative Commons Attribution 4.0 International")
    g.add(rights, RDF_TYPE, DCTERMS + "RightsStatement")
    g.text(rights, RDFS + "label", rights_text(sources))

    parts = sorted({i.part for i in infos if i.part in PARTS}, key=list(PARTS).index)
    for part in parts:
        iri = release + part
        title, description = PARTS[part]
        if part == "dataset":
            title = "handcar knowledge graph"
            description = (
                "What the news article" + ("s" if len(sources) != 1 else "") + " "
                + "; ".join(f"\u201c{a.headline}\u201d ({a.publisher})" for a in sources)
                + (" reports" if len(sources) == 1 else " report")
                + " about a journey, as linked data in DJO: people, organisations, places, "
                "the journey and its legs, quantities and dates, each asserted fact reified "
                "and pointing to the statement, source and exact character offsets of the "
                "words that state it."
            )
        g.add(catalog, DCAT + "dataset", iri)
        g.add(iri, RDF_TYPE, DCAT + "Dataset")
        g.text(iri, DCTERMS + "title", title)
        g.text(iri, DCTERMS + "description", description)
        g.add(iri, DCTERMS + "publisher", publisher)
        if part == "text":
            g.add(iri, DCTERMS + "rights", rights)
        else:
            g.add(iri, DCTERMS + "license", CC_BY)
    if "ontology" in parts and ontology_iri:
        g.add(release + "ontology", FOAF + "primaryTopic", ontology_iri)

    # the knowledge graph: VoID statistics and provenance
    g.add(dataset, RDF_TYPE, VOID + "Dataset")
    g.add(dataset, DCTERMS + "rights", rights)
    if ontology_iri:
        g.add(dataset, DCTERMS + "conformsTo", ontology_iri)
    for article in sources:
        g.add(dataset, PROV + "wasDerivedFrom", article.iri)
        if article.url:
            try:
                g.add(dataset, DCTERMS + "source", article.url)
            except ValueError:
                g.text(dataset, DCTERMS + "source", article.url, None)
    for keyword in ("news", "journey", "diplomats", "evidence", "provenance", "Web Annotation"):
        g.text(dataset, DCAT + "keyword", keyword)
    g.text(dataset, VOID + "uriSpace", base, None)
    whole, by_graph = _counts(data)
    for vocabulary in vocabularies(whole):
        g.add(dataset, VOID + "vocabulary", vocabulary)
    for key, value in whole.stats().items():
        g.typed(dataset, VOID + key, value, "integer")
    for info in graphs:
        counts = by_graph.get(f"<{info.iri}>", _Counts())
        g.add(dataset, VOID + "subset", info.iri)
        g.add(info.iri, RDF_TYPE, VOID + "Dataset")
        g.text(info.iri, DCTERMS + "title", f"named graph {info.name}")
        g.text(info.iri, DCTERMS + "description", info.description)
        for key, value in counts.stats().items():
            g.typed(info.iri, VOID + key, value, "integer")
    for example in examples:
        g.add(dataset, VOID + "exampleResource", example)
    canon = release + "checksum/rdfc-1.0"
    g.add(dataset, SPDX + "checksum", canon)
    g.add(canon, RDF_TYPE, SPDX + "Checksum")
    g.add(canon, SPDX + "algorithm", SPDX + "checksumAlgorithm_sha256")
    g.typed(canon, SPDX + "checksumValue", data.canonical_hash, "hexBinary")
    g.add(canon, DCTERMS + "conformsTo", RDF_CANON)
    g.text(canon, RDFS + "comment", "SHA-256 of the canonical N-Quads (RDFC-1.0) of the whole "
           "dataset, all named graphs; equal to the SHA-256 of dataset.nq.")

    for info in infos:
        if info.part not in PARTS:
            continue
        data_bytes = files[info.path]
        dist = release + "distribution/" + info.path
        checksum = release + "checksum/" + info.path
        g.add(release + info.part, DCAT + "distribution", dist)
        if info.part == "dataset" and info.w3c_format and info.conforms_to != JSONLD_FRAMED:
            g.add(dataset, VOID + "dataDump", release + info.path)  # whole dumps, not the view
        g.add(dist, RDF_TYPE, DCAT + "Distribution")
        g.text(dist, DCTERMS + "title", info.path, None)
        g.text(dist, DCTERMS + "description", info.purpose)
        g.add(dist, DCAT + "downloadURL", release + info.path)
        g.add(dist, DCAT + "mediaType", IANA + info.media_type)
        if info.w3c_format:
            g.add(dist, DCTERMS + "format", info.w3c_format)
        if info.conforms_to:
            g.add(dist, DCTERMS + "conformsTo", info.conforms_to)
        g.typed(dist, DCAT + "byteSize", len(data_bytes), "nonNegativeInteger")
        g.add(dist, SPDX + "checksum", checksum)
        if info.part == "text":
            g.add(dist, DCTERMS + "rights", rights)
        else:
            g.add(dist, DCTERMS + "license", CC_BY)
        g.add(checksum, RDF_TYPE, SPDX + "Checksum")
        g.add(checksum, SPDX + "algorithm", SPDX + "checksumAlgorithm_sha256")
        g.typed(checksum, SPDX + "checksumValue", sha256_hex(data_bytes), "hexBinary")
    return Quads.of(ox.Dataset(g.quads))


__all__ = ["PUBLISHED_PREFIXES", "Article", "FileInfo", "GraphInfo", "describe"]
