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
from handcar.publish.spool import Spool, Spooled, payload_bytes, same_as_file, sha256_hex


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
    spooled = Spool().add(iter(parts))
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


def test_one_spool_holds_many_files_and_takes_back_a_forked_writers(tmp_path: Path) -> None:
    """The site's pages share one spool; a forked renderer writes into a spool its parent
    made and reports where each file went (:meth:`Spool.at`)."""
    import json
    import os

    spool = Spool()
    contents = [f"page {n}\n".encode() * (n + 1) for n in range(50)] + [b"", b"x" * (3 << 20)]
    files = [spool.add([c[: len(c) // 2], c[len(c) // 2 :]], f"p{n}")
             for n, c in enumerate(contents)]
    for spooled, content in zip(files, contents, strict=True):
        assert bytes(spooled) == content and len(spooled) == len(content)
        assert spooled.sha256 == hashlib.sha256(content).hexdigest()
    forked = Spool()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: write two files, report where they went
        try:
            where = [forked.add([c], "child") for c in (b"first\n", b"second\n")]
            os.write(write, json.dumps([(s.start, len(s), s.sha256) for s in where]).encode())
        finally:
            os._exit(0)
    os.close(write)
    reported = json.loads(os.read(read, 1 << 16))
    os.close(read)
    os.waitpid(pid, 0)
    taken = [forked.at(*where) for where in reported]
    assert [bytes(s) for s in taken] == [b"first\n", b"second\n"]
    later = forked.add([b"third\n"])  # after what the child wrote, not over it
    assert bytes(later) == b"third\n" and bytes(taken[0]) == b"first\n"
    assert later.start == len(b"first\nsecond\n")


def test_the_release_spools_every_large_file(seed: BuildResult, monkeypatch) -> None:
    from handcar.publish import site

    monkeypatch.setattr(site, "SPOOL_FROM", 10_000)
    files = release_files(seed, cache=None)
    big = [name for name, data in files.items() if len(data) >= 10_000]
    assert "dataset.ttl" in big and "dataset.jsonld" in big
    assert all(isinstance(files[name], Spooled) for name in big)
    assert all(isinstance(data, Spooled) for name, data in files.items()
               if name.startswith("site/") and name != "site/index.html")
