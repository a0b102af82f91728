"""The line formats are streamed (issue 14, point 2): N-Triples and N-Quads go to disk chunk
by chunk (:mod:`handcar.publish.spool`) instead of being joined into one string and one bytes
object, with the same bytes as the whole-document writers they replace."""

from __future__ import annotations

import hashlib
from pathlib import Path

from handcar.build import BuildResult
from handcar.publish.formats import stream, streams, write
from handcar.publish.rdf import Quads, chunked
from handcar.publish.site import release_files
from handcar.publish.spool import Spooled, payload_bytes, same_as_file, sha256_hex


def test_the_line_formats_stream_the_bytes_of_the_whole_document(seed: BuildResult) -> None:
    data = Quads.of(seed.dataset)
    # the writers as they were before streaming: every line, sorted, joined, encoded
    nquads = "".join(sorted({str(q) + " .\n" for q in data.quads})).encode("utf-8")
    ntriples = "".join(sorted({f"{t} .\n" for t in data.triples})).encode("utf-8")
    assert streams("nquads") and streams("ntriples") and not streams("turtle")
    for name, expected in (("nquads", nquads), ("ntriples", ntriples)):
        chunks = list(stream(name, data))
        assert len(chunks) > 1  # really in pieces: the seed has more lines than one chunk
        assert b"".join(chunks) == expected == write(name, data)
    assert data.canonical_nquads == nquads
    assert data.canonical_hash == hashlib.sha256(nquads).hexdigest()
    assert b"".join(stream("turtle", data)) == write("turtle", data)


def test_chunks_split_on_line_ends() -> None:
    lines = [f"<s{n}> <p> <o> .\n" for n in range(10)]
    assert [c.count(b"\n") for c in chunked(lines, size=4)] == [4, 4, 2]
    assert list(chunked([])) == []


def test_a_spooled_file_has_size_digest_and_bytes(tmp_path: Path) -> None:
    parts = [b"abc\n", b"", "défg\n".encode()]
    spooled = Spooled(iter(parts))
    whole = b"".join(parts)
    assert len(spooled) == len(whole)
    assert sha256_hex(spooled) == hashlib.sha256(whole).hexdigest() == sha256_hex(whole)
    assert bytes(spooled) == payload_bytes(spooled) == whole == b"".join(spooled.chunks())
    path = tmp_path / "f"
    for content, same in ((whole, True), (whole[:-1], False), (whole + b"x", False),
                          (b"x" * len(whole), False)):
        path.write_bytes(content)
        assert same_as_file(spooled, str(path)) is same
        assert same_as_file(whole, str(path)) is same


def test_the_release_spools_the_line_formats_and_describes_them(seed: BuildResult) -> None:
    files = release_files(seed, cache=None)
    assert isinstance(files["dataset.nq"], Spooled) and isinstance(files["dataset.nt"], Spooled)
    sums = dict(reversed(line.split("  ")) for line in files["SHA256SUMS"].decode().splitlines())
    metadata = files["metadata.ttl"].decode()
    for name in ("dataset.nq", "dataset.nt"):
        content = payload_bytes(files[name])
        assert sums[name] == hashlib.sha256(content).hexdigest()
        assert f'"{len(content)}"^^xsd:nonNegativeInteger' in metadata or str(
            len(content)) in metadata
