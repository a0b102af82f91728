"""``handcar build --check`` keeps the committed ``out/`` honest, and the docs cache can never
make a stale release look fresh."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handcar.namespaces import DJO
from handcar.ontology import load_ontology
from handcar.publish import docs
from handcar.publish.ontology import module_quads
from handcar.publish.release import write_tree
from handcar.publish.site import differences, release_files
from support.paths import ROOT


def _handcar(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handcar", "build", *args],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={**os.environ, **(env or {})},
    )


def test_the_committed_out_is_up_to_date() -> None:
    """CI runs this: a commit whose out/ was not rebuilt fails here."""
    proc = _handcar("--check", "--quiet")
    assert proc.returncode == 0, (
        f"out/ is stale; run `.venv/bin/handcar build` and commit out/\n{proc.stderr}"
    )


def test_check_fails_and_names_the_stale_file(tmp_path: Path, files: dict[str, bytes]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    write_tree(out, files)
    (out / "dataset.ttl").write_bytes(files["dataset.ttl"] + b"# edited\n")
    proc = _handcar("--check", "--out", str(out))
    assert proc.returncode == 1
    assert "dataset.ttl" in proc.stderr


def test_differences_finds_edited_missing_and_extra_files(
    tmp_path: Path, files: dict[str, bytes]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    write_tree(out, files)
    assert differences(files, out) == []
    (out / "metadata.ttl").write_bytes(b"")
    (out / "ontology" / "djo.nt").unlink()
    (out / "ontology" / "notes.txt").write_text("extra")
    assert differences(files, out) == ["metadata.ttl", "ontology/djo.nt", "ontology/notes.txt"]
    shutil.rmtree(out)
    assert differences(files, out) == sorted(files)


def _view_ntriples() -> bytes:
    from handcar.publish.formats import write

    return write("ntriples", docs.view(module_quads(load_ontology())))


def test_the_docs_cache_returns_what_pylode_renders(tmp_path: Path, files, monkeypatch) -> None:
    ntriples = _view_ntriples()
    first = docs.cached_render(ntriples, tmp_path)
    cached = list(tmp_path.glob("pylode-*.html"))
    assert [p.name for p in cached] == [f"pylode-{docs.cache_key(ntriples)}.html"]
    monkeypatch.setattr(docs, "render", lambda *a, **k: pytest.fail("cache not used"))
    assert docs.cached_render(ntriples, tmp_path) == first
    # the page in the release is the cached page, its links to other vocabularies written as
    # CURIEs, plus the diagrams section and handcar's style rules
    page = files["ontology/index.html"].decode()
    page = page.replace(page[page.index('<div class="section" id="diagram">'):
                             page.index('<div class="section" id="classes">')], "")
    page = page.replace(page[page.index("<style>\n/* added by handcar"):
                             page.index("</head>")], "", 1)
    assert page == docs.prefix_outside_terms(first, str(DJO))


def test_a_changed_ontology_is_a_new_cache_key() -> None:
    ntriples = _view_ntriples()
    changed = ntriples.replace(b'"diplomat"@en', b'"diplomatic agent"@en')
    assert changed != ntriples
    assert docs.cache_key(changed) != docs.cache_key(ntriples)


def test_check_never_trusts_the_cache(tmp_path: Path, seed, files) -> None:
    """A corrupt cache entry ends up in a normal build (it is keyed by the input, not checked),
    but the release --check compares against is rendered from the sources alone."""
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"pylode-{docs.cache_key(_view_ntriples())}.html").write_text("<html>corrupt")
    poisoned = release_files(seed, cache=cache)
    assert "corrupt" in poisoned["ontology/index.html"].decode()
    out = tmp_path / "out"
    out.mkdir()
    write_tree(out, poisoned)
    assert "ontology/index.html" in differences(files, out)


def test_pylode_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    ntriples = tmp_path / "view.nt"
    ntriples.write_bytes(_view_ntriples())
    script = (
        "import sys, hashlib; from handcar.publish import docs; "
        "print(hashlib.sha256(docs.render(open(sys.argv[1], 'rb').read()).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("1", "2"):
        proc = subprocess.run([sys.executable, "-c", script, str(ntriples)], capture_output=True,
                              text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        digests.add(proc.stdout.strip())
    assert len(digests) == 1


def test_an_invalid_base_iri_stops_the_build_before_anything_is_written(tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = _handcar("--base", "https://example.org/a b/", "--out", str(out), "--quiet")
    assert proc.returncode == 2
    assert "--base is not a valid IRI" in proc.stderr
    assert not out.exists()


def test_the_ontology_files_come_from_the_cache_made_from_the_same_inputs(
    tmp_path: Path, monkeypatch
) -> None:
    """A second build takes the ontology's files (documentation, diagrams, formats) from the
    cache, the same bytes; an entry that does not read back whole is made again; other write
    options are another entry."""
    from handcar.publish import ontology as publish_ontology
    from handcar.publish.formats import WriteOptions

    onto = load_ontology()
    first = publish_ontology.ontology_files(onto, tmp_path)
    [entry] = (tmp_path / "ontology").glob("*.json")
    made = publish_ontology._ontology_files
    monkeypatch.setattr(publish_ontology, "_ontology_files",
                        lambda *a: pytest.fail("the cache was not used"))
    assert publish_ontology.ontology_files(onto, tmp_path) == first
    entry.write_text(entry.read_text(encoding="utf-8")[:-40], encoding="utf-8")  # cut short
    calls = []
    monkeypatch.setattr(publish_ontology, "_ontology_files",
                        lambda *a: calls.append(a) or made(*a))
    assert publish_ontology.ontology_files(onto, tmp_path) == first
    assert len(calls) == 1
    assert publish_ontology.ontology_files(onto, tmp_path) == first  # written again, whole
    assert len(calls) == 1
    publish_ontology.ontology_files(onto, tmp_path, WriteOptions(context_url="ctx.jsonld"))
    assert len(calls) == 2
    assert len(list((tmp_path / "ontology").glob("*.json"))) == 2
