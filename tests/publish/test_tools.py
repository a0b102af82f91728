"""Every file of the release is read by tools that are not handcar's: rapper (C, raptor2), Jena
riot (Java), jsonld.js (the reference JSON-LD processor), PyLD, pyoxigraph (Rust) and rdflib; and
every serialisation of the dataset holds the same RDF."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from handcar.publish.formats import CONTEXT_URL
from support.roundtrip import (
    OX_FORMATS,
    RAPPER_SYNTAX,
    expanded_to_canonical,
    pyld_loader,
    rdflib_canonical,
    read_oxigraph,
    read_pyld,
    read_rdflib,
    union,
)
from support.tools import jena_run, jsonld_expand, rapper_parse

DATASET = ["dataset.ttl", "dataset.trig", "dataset.nt", "dataset.nq", "dataset.jsonld"]
TRIPLE_FORMATS = {".ttl", ".nt"}


def rdf_files(release: Path, *suffixes: str) -> list[Path]:
    wanted = suffixes or tuple(OX_FORMATS)
    return sorted(p for p in release.rglob("*") if p.suffix in wanted
                  and p.name != "context.jsonld")


# --- pyoxigraph and rdflib: every file, and the same RDF in every serialisation ----------------


def test_every_rdf_file_loads_in_pyoxigraph(release: Path, contexts) -> None:
    files = rdf_files(release)
    assert len(files) >= 15
    for path in files:
        assert read_oxigraph(path, contexts), path


def test_every_serialisation_of_the_dataset_is_the_same_rdf(release: Path, contexts) -> None:
    reference = (release / "dataset.nq").read_bytes()
    assert read_oxigraph(release / "dataset.nq", contexts) == reference  # it is canonical
    for name in DATASET:
        path = release / name
        got = read_oxigraph(path, contexts)
        want = union(reference) if path.suffix in TRIPLE_FORMATS else reference
        assert got == want, f"{name} differs from dataset.nq"


def test_ontology_serialisations_are_the_same_rdf(release: Path, contexts) -> None:
    for ttl in sorted((release / "ontology").glob("*.ttl")):
        reference = read_oxigraph(ttl, contexts)
        for other in (ttl.with_suffix(".nt"), ttl.with_suffix(".jsonld")):
            assert read_oxigraph(other, contexts) == reference, other.name


def test_metadata_serialisations_are_the_same_rdf(release: Path, contexts) -> None:
    assert read_oxigraph(release / "metadata.ttl", contexts) == read_oxigraph(
        release / "metadata.jsonld", contexts
    )


def test_rdflib_reads_every_serialisation_the_same(release: Path, contexts) -> None:
    # rdflib rewrites some lexical forms (xsd:duration and friends) when it parses, so its
    # readings are compared with each other, not with pyoxigraph's
    reference = rdflib_canonical(read_rdflib(release / "dataset.nq", contexts))
    ref_union = union(reference)
    for name in DATASET:
        path = release / name
        got = rdflib_canonical(read_rdflib(path, contexts))
        want = ref_union if path.suffix in TRIPLE_FORMATS else reference
        assert got == want, f"rdflib reads {name} differently from dataset.nq"


# --- PyLD ---------------------------------------------------------------------------------------


def test_every_jsonld_file_reads_in_pyld_with_a_local_loader(release: Path, contexts) -> None:
    for path in rdf_files(release, ".jsonld"):
        got = read_pyld(path, contexts)
        assert got, path
        if path.name != "dataset.framed.jsonld":
            assert got == read_oxigraph(path, contexts), path


def test_pyld_compacts_the_dataset_to_the_same_document(release: Path, contexts) -> None:
    """dataset.jsonld is what PyLD gives from its own reading of dataset.nq (its N-Quads
    parser, not the RDF dataset handcar hands it), compacted with the context."""
    from pyld import jsonld

    nquads = (release / "dataset.nq").read_text(encoding="utf-8")
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
    context = json.loads((release / "context.jsonld").read_text(encoding="utf-8"))
    theirs = jsonld.compact(expanded, context, {"documentLoader": pyld_loader(contexts)})
    theirs["@context"] = CONTEXT_URL
    ours = json.loads((release / "dataset.jsonld").read_text(encoding="utf-8"))
    assert _normal(theirs) == _normal(ours)


def _normal(value):
    """Arrays as sorted lists (JSON-LD arrays of values are unordered here)."""
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return sorted((_normal(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    return value


def test_the_canonical_hash_agrees_with_pyld_urdna2015(release: Path) -> None:
    """An independent RDFC-1.0 (URDNA2015) implementation gives the same canonical hash."""
    from pyld import jsonld

    nquads = (release / "dataset.nq").read_text(encoding="utf-8")
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads"})
    canonical = jsonld.normalize(
        expanded, {"algorithm": "URDNA2015", "format": "application/n-quads"}
    )
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    assert digest == hashlib.sha256((release / "dataset.nq").read_bytes()).hexdigest()
    assert digest in (release / "metadata.ttl").read_text(encoding="utf-8")


def test_framed_trees_hold_only_asserted_and_enrichment_triples(
    release: Path, contexts, seed
) -> None:
    framed = read_pyld(release / "dataset.framed.jsonld", contexts)
    allowed = set()
    for line in (release / "dataset.nq").read_text(encoding="utf-8").splitlines():
        if line.endswith(("/graph/asserted> .", "/graph/enrichment> .")):
            allowed.add(line.rsplit(" <", 1)[0] + " .")
    lines = framed.decode().splitlines()
    assert len(lines) > 100
    assert set(lines) <= allowed
    document = json.loads((release / "dataset.framed.jsonld").read_text(encoding="utf-8"))
    roots = [tree["@id"] for tree in document["@graph"]]
    assert roots == sorted(roots) and len(roots) >= 1
    assert any(r.endswith(".journey") for r in roots)
    journey = next(t for t in document["@graph"] if t["@id"].endswith(".journey"))
    legs = journey["djo:hasLeg"]
    assert len(legs) == 4 and all("djo:legIndex" in leg for leg in legs), "legs in full"
    assert [leg.get("djo:nextLeg", {}).get("@id") for leg in legs] == [
        *(leg["@id"] for leg in legs[1:]), None], "nextLeg is a reference"
    assert all(isinstance(tree.get("djo:hasLeg", []), list) for tree in document["@graph"])


# --- outside tools ------------------------------------------------------------------------------


@pytest.mark.requires("rapper")
def test_every_turtle_ntriples_nquads_trig_file_parses_in_rapper(release: Path) -> None:
    checked = 0
    for path in rdf_files(release, *RAPPER_SYNTAX):
        count = rapper_parse(path, RAPPER_SYNTAX[path.suffix])
        assert count > 0, path
        checked += 1
    assert checked >= 10
    nq = (release / "dataset.nq").read_bytes().count(b"\n")
    assert rapper_parse(release / "dataset.trig", "trig") == nq
    assert rapper_parse(release / "dataset.ttl", "turtle") == len(union(
        (release / "dataset.nq").read_bytes()).splitlines())
    assert rapper_parse(release / "dataset.rdf", "rdfxml") == rapper_parse(
        release / "dataset.nt", "ntriples")


_RIOT_COUNT = re.compile(r"File: (\S+)\n.*?(?:Triples|Quads) = ([\d,]+)", re.DOTALL)


@pytest.mark.requires("jena")
def test_every_turtle_ntriples_nquads_trig_file_is_valid_for_riot(release: Path) -> None:
    files = [str(p) for p in rdf_files(release, *RAPPER_SYNTAX)]
    # one JVM for all files: --validate, then --count
    proc = jena_run("riotcmd.riot", ["--validate", *files], tool="riot", check=False)
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"\b(WARN|ERROR)\b", proc.stderr), proc.stderr
    proc = jena_run("riotcmd.riot", ["--count", *files], tool="riot")
    counts = {Path(m.group(1)).relative_to(release).as_posix(): int(m.group(2).replace(",", ""))
              for m in _RIOT_COUNT.finditer(proc.stderr + proc.stdout)}
    assert len(counts) == len(files), proc.stderr
    nq = (release / "dataset.nq").read_bytes().count(b"\n")
    assert counts["dataset.nq"] == counts["dataset.trig"] == nq
    assert counts["dataset.ttl"] == counts["dataset.nt"] == counts["dataset.rdf"]
    assert counts["ontology/djo.rdf"] == counts["ontology/djo.nt"]


@pytest.mark.requires("jena")
def test_every_jsonld_file_reads_in_riot_as_jsonld_1_0(release: Path, contexts, tmp_path) -> None:
    from support.tools import _jsonld_cache_dir

    files = rdf_files(release, ".jsonld")
    for path in files:  # every remote context a file names must be mapped locally
        _jsonld_cache_dir("riot", path, contexts, tmp_path)
    # one JVM for all files; jsonld-java serves the context from jarcache.json, never the web
    proc = jena_run("riotcmd.riot", ["--validate", "--syntax=jsonld10", *map(str, files)],
                    tool="riot", classpath_prefix=[tmp_path], check=False)
    assert proc.returncode == 0, proc.stderr
    assert not re.search(r"\b(WARN|ERROR)\b", proc.stderr), proc.stderr
    proc = jena_run("riotcmd.riot", ["--count", "--syntax=jsonld10", *map(str, files)],
                    tool="riot", classpath_prefix=[tmp_path])
    counts = {Path(m.group(1)).name: int(m.group(2).replace(",", ""))
              for m in _RIOT_COUNT.finditer(proc.stderr + proc.stdout)}
    nq = (release / "dataset.nq").read_bytes().count(b"\n")
    assert counts["dataset.jsonld"] == nq


@pytest.mark.requires("node-jsonld")
def test_every_jsonld_file_expands_in_jsonld_js_with_the_local_context_only(
    release: Path, contexts
) -> None:
    for path in rdf_files(release, ".jsonld"):
        expanded = jsonld_expand(path, contexts)
        assert expanded, path
        if path.name != "dataset.framed.jsonld":
            assert expanded_to_canonical(expanded) == read_oxigraph(path, contexts), path
        else:
            assert expanded_to_canonical(expanded) == read_pyld(path, contexts)
    # the context document itself is valid JSON-LD (it expands to nothing; safe mode would
    # report the empty top-level object it drops)
    assert jsonld_expand(release / "context.jsonld", contexts, safe=False) == []
