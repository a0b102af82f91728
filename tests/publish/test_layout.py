"""The release is complete and describes itself truthfully: every file is listed in README.md,
SHA256SUMS and (but for the metadata files themselves) the DCAT metadata, with the right size,
media type and checksum; counts, licence, rights and hashes agree with the data; no timestamps."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from handcar.baseiri import GRAPHS
from handcar.publish.formats import CONTEXT_URL
from handcar.publish.rdf import PUBLISHED_PREFIXES
from handcar.resources import ontology_dir
from support.paths import ARTICLES, SEED

EXPECTED = {
    "README.md", "SHA256SUMS", "context.jsonld", "metadata.ttl", "metadata.jsonld",
    "dataset.ttl", "dataset.trig", "dataset.nt", "dataset.nq", "dataset.jsonld",
    "dataset.framed.jsonld", f"text/{SEED}.txt",
    "ontology/djo.ttl", "ontology/djo.nt", "ontology/djo.jsonld",
    "ontology/djo-align.ttl", "ontology/djo-align.nt", "ontology/djo-align.jsonld",
    "ontology/index.html", "ontology/djo.dot", "ontology/djo.mmd", "site/index.html",
    *(f"ontology/diagrams/djo-{view}.svg"
      for view in ("people", "journeys", "places", "quantities", "sources")),
}
SELF_DESCRIBED = {"README.md", "SHA256SUMS", "metadata.ttl", "metadata.jsonld",
                  "handcar-release.txt"}  # the release's own files, not distributions
MEDIA_TYPES = {
    ".ttl": "text/turtle", ".trig": "application/trig", ".nt": "application/n-triples",
    ".nq": "application/n-quads", ".jsonld": "application/ld+json", ".html": "text/html",
    ".txt": "text/plain", ".dot": "text/vnd.graphviz", ".mmd": "text/plain",
    ".json": "application/json", ".svg": "image/svg+xml", ".rdf": "application/rdf+xml",
}
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
BASE = "https://w3id.org/djo/id/"
RELEASE = BASE + "release/"


def _metadata(release: Path) -> ox.Dataset:
    return ox.Dataset(ox.parse(path=str(release / "metadata.ttl"), format=ox.RdfFormat.TURTLE))


def _objects_of(meta: ox.Dataset, subject: str, predicate: str) -> list:
    return [q.object for q in meta.quads_for_subject(ox.NamedNode(subject))
            if q.predicate.value == predicate]


def _value(meta: ox.Dataset, subject: str, predicate: str):
    found = _objects_of(meta, subject, predicate)
    assert len(found) == 1, (subject, predicate, found)
    return found[0]


def _objects(meta: ox.Dataset, subject: str, predicate: str) -> set[str]:
    return {o.value for o in _objects_of(meta, subject, predicate)}


def test_the_release_has_every_expected_file(files: dict[str, bytes]) -> None:
    missing = EXPECTED - set(files)
    assert not missing
    shapes = sorted((ontology_dir().parent / "shapes").glob("*.ttl"))
    for path in shapes:
        assert files[f"shapes/{path.name}"] == path.read_bytes()
    for path in sorted(ontology_dir().glob("*.ttl")):
        assert files[f"ontology/{path.name}"] == path.read_bytes(), "ontology copied verbatim"


def test_text_files_are_the_article_text_of_the_dataset(files: dict[str, bytes], seed) -> None:
    from handcar.article import load_article

    assert files[f"text/{SEED}.txt"].decode("utf-8") == load_article(ARTICLES / SEED).text


def test_sha256sums_covers_every_other_file(files: dict[str, bytes]) -> None:
    listed = {}
    for line in files["SHA256SUMS"].decode().splitlines():
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert set(listed) == set(files) - {"SHA256SUMS"}
    for name, digest in listed.items():
        assert hashlib.sha256(files[name]).hexdigest() == digest, name


def test_every_file_has_a_distribution_with_size_type_and_checksum(
    release: Path, files: dict[str, bytes]
) -> None:
    meta = _metadata(release)
    distributions = {q.subject.value for q in meta.quads_for_object(
        ox.NamedNode(DCAT + "Distribution")) if q.predicate.value == RDF_TYPE}
    described = set()
    for dist in distributions:
        url = _value(meta, dist, DCAT + "downloadURL").value
        path = url.removeprefix(RELEASE)
        described.add(path)
        data = files[path]
        assert int(_value(meta, dist, DCAT + "byteSize").value) == len(data)
        media = _value(meta, dist, DCAT + "mediaType").value
        assert media == "https://www.iana.org/assignments/media-types/" + MEDIA_TYPES[
            Path(path).suffix]
        checksum = _value(meta, dist, SPDX + "checksum").value
        assert _value(meta, checksum, SPDX + "algorithm").value == (
            SPDX + "checksumAlgorithm_sha256")
        assert _value(meta, checksum, SPDX + "checksumValue").value == hashlib.sha256(
            data).hexdigest()
        assert _value(meta, dist, DCTERMS + "description").value
    assert described == set(files) - SELF_DESCRIBED - set(_site_pages(files))


def _site_pages(files: dict[str, bytes]) -> list[str]:
    """The static site's pages and pictures: described as a whole by site/index.html."""
    return [p for p in files if p.startswith("site/") and p != "site/index.html"]


def test_dataset_metadata_counts_licence_rights_and_canonical_hash(
    release: Path, files: dict[str, bytes]
) -> None:
    meta = _metadata(release)
    dataset = RELEASE + "dataset"
    types = _objects(meta, dataset, RDF_TYPE)
    assert {DCAT + "Dataset", VOID + "Dataset"} <= types
    assert _value(meta, dataset, VOID + "uriSpace").value == BASE
    assert _objects(meta, dataset, DCTERMS + "license") == {
        "https://creativecommons.org/licenses/by/4.0/"}
    rights = _value(meta, dataset, DCTERMS + "rights").value
    statement = _value(meta, rights, "http://www.w3.org/2000/01/rdf-schema#label").value
    assert "The Moscow Times" in statement and "copyright" in statement
    assert "https://www.themoscowtimes.com/2021/02/26/" in " ".join(
        _objects(meta, dataset, DCTERMS + "source"))
    # the text distribution is not licensed CC BY: only the rights statement applies
    text = RELEASE + f"distribution/text/{SEED}.txt"
    assert not _objects(meta, text, DCTERMS + "license")
    assert _objects(meta, text, DCTERMS + "rights") == {rights}

    nquads = files["dataset.nq"].decode().splitlines()
    assert int(_value(meta, dataset, VOID + "triples").value) == len(nquads)
    assert _objects(meta, dataset, VOID + "subset") == {f"{BASE}graph/{g}" for g in GRAPHS}
    for graph in GRAPHS:
        iri = f"{BASE}graph/{graph}"
        count = sum(1 for line in nquads if line.endswith(f"<{iri}> ."))
        assert int(_value(meta, iri, VOID + "triples").value) == count > 0, graph

    vocabularies = _objects(meta, dataset, VOID + "vocabulary")
    assert {PUBLISHED_PREFIXES[p] for p in ("djo", "schema", "prov", "oa", "nif")} <= vocabularies

    canon = _value(meta, dataset, SPDX + "checksum").value
    digest = _value(meta, canon, SPDX + "checksumValue").value
    assert digest == hashlib.sha256(files["dataset.nq"]).hexdigest()
    assert _objects(meta, canon, DCTERMS + "conformsTo") == {"https://www.w3.org/TR/rdf-canon/"}
    assert digest in files["README.md"].decode()


def test_readme_lists_every_file_and_the_graph_counts(files: dict[str, bytes]) -> None:
    readme = files["README.md"].decode()
    for name in set(files) - set(_site_pages(files)):
        assert f"`{name}`" in readme, name
    assert CONTEXT_URL in readme
    for graph in GRAPHS:
        assert f"{BASE}graph/{graph}" in readme


def test_jsonld_files_name_the_context_by_url_and_the_context_has_every_prefix(
    files: dict[str, bytes]
) -> None:
    import json

    context = json.loads(files["context.jsonld"])["@context"]
    assert context == PUBLISHED_PREFIXES
    for name, data in files.items():
        if name.endswith(".jsonld") and name != "context.jsonld":
            assert json.loads(data)["@context"] == CONTEXT_URL, name


_DATETIME = re.compile(rb"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_DATE = re.compile(rb"(?<![\d.])(?:19|20)\d{2}-[01]\d-[0-3]\d(?!\d)")


def test_no_timestamps_only_dates_from_the_sources(files: dict[str, bytes]) -> None:
    sources = b"".join(
        p.read_bytes()
        for folder in (ARTICLES, ontology_dir(), ontology_dir().parent / "shapes")
        for p in sorted(folder.rglob("*")) if p.is_file()
    )
    source_dates = set(_DATE.findall(sources))
    # dates the builder derives from the sources (weekday → date relative to publication)
    derived = {b"2021-02-25", b"2021-02-26"}
    for name, data in files.items():
        assert not _DATETIME.search(data), f"{name} holds a date-time"
        for date in set(_DATE.findall(data)):
            assert date in source_dates | derived, f"{name}: {date.decode()} is from nowhere"


def test_the_generated_diagram_is_well_formed_dot(files: dict[str, bytes]) -> None:
    dot = files["ontology/djo.dot"].decode()
    assert dot.count("{") == dot.count("}") == 1
    nodes = set(re.findall(r'^  "(\w+)" \[label=', dot, re.MULTILINE))
    edges = re.findall(r'^  "(\w+)" -> "(\w+)"', dot, re.MULTILINE)
    assert len(nodes) > 40 and len(edges) > 40
    assert {n for edge in edges for n in edge} <= nodes
    assert '"Diplomat" -> "EmbassyStaffMember" [arrowhead=onormal];' in dot
    assert '"Journey" -> "Leg" [label="hasLeg"' in dot
    assert files["ontology/djo.mmd"].decode().startswith("classDiagram")
