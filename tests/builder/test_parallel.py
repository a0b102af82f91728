"""Parallel and incremental builds (issue 14, point 3): the per-article step on worker
processes gives the same build as in one process, and a rebuild after one annotation changes
redoes that article only, from a cache that is never trusted blindly.

The corpus is the seed with the three fictional reports of ``tests/corpus/`` (identity links
and declared relations across articles, so the cross-article steps have work to do)."""

from __future__ import annotations

import hashlib
import multiprocessing
import pickle
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from handcar.build import BuildResult, build_dataset
from handcar.build.article import PackedQuads, QuadSink, build_article, unpack
from handcar.build.cache import SIGNATURE
from handcar.build.workers import executor
from handcar.errors import AnnotationError, UsageError
from handcar.graph.dataset import new_dataset
from handcar.publish.rdf import Quads
from support.paths import ARTICLES, SEED

CORPUS = Path(__file__).parents[1] / "corpus" / "articles"
REPORTS = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
WIRE = "wire-2021-02-26-handcar"
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


def _corpus(tmp: Path) -> Path:
    folder = tmp / "articles"
    shutil.copytree(ARTICLES / SEED, folder / SEED)
    for name in REPORTS:
        shutil.copytree(CORPUS / name, folder / name)
    return folder


def snapshot(result: BuildResult) -> tuple:
    """Everything a build hands to publishing, as comparable values."""
    return (
        Quads.of(result.dataset).canonical_nquads,
        result.articles,
        result.sources,
        result.journeys,
        result.coverage,
        sorted(result.derived),
        sorted(result.curated),
        result.warnings,
        result.relations,
        result.links,
    )


def _pool(workers: int = 2) -> ProcessPoolExecutor:
    methods = multiprocessing.get_all_start_methods()
    return ProcessPoolExecutor(workers, multiprocessing.get_context(
        "fork" if "fork" in methods else None))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("parallel"))


@pytest.fixture(scope="module")
def serial(corpus: Path) -> BuildResult:
    return build_dataset(corpus)


def test_worker_processes_build_the_same_dataset(corpus: Path, serial: BuildResult) -> None:
    assert len(serial.articles) == 1 + len(REPORTS) and serial.links  # linked across articles
    with _pool() as pool:
        parallel = build_dataset(corpus, executor=pool, window=2)  # a window smaller than N
    assert snapshot(parallel) == snapshot(serial)
    assert parallel.rebuilt == serial.rebuilt == serial.articles


def test_progress_is_reported_in_article_order_with_workers(corpus: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    with _pool() as pool:
        build_dataset(corpus, progress=lambda *a: seen.append(a), executor=pool)
    names = sorted(p.name for p in corpus.iterdir())
    assert seen == [(name, i, len(names)) for i, name in enumerate(names)]


def test_a_worker_error_is_the_serial_builds_error(tmp_path: Path) -> None:
    """Bad input found in a worker is raised as the same InputError, for the first bad
    article in article order, whichever worker finished first."""
    folder = _corpus(tmp_path)
    for name in (WIRE, REPORTS[0]):  # two bad articles: the first in name order is reported
        annotation = folder / name / "annotation.yaml"
        annotation.write_text(annotation.read_text(encoding="utf-8") + "\nnot_a_key: 1\n",
                              encoding="utf-8")
    with pytest.raises(AnnotationError) as in_process:
        build_dataset(folder)
    with _pool() as pool, pytest.raises(AnnotationError) as in_worker:
        build_dataset(folder, executor=pool)
    assert str(in_worker.value) == str(in_process.value)
    assert f"{REPORTS[0]}/annotation.yaml" in str(in_worker.value)


def test_packed_quads_keep_every_term_exactly() -> None:
    """A literal's lexical form survives the trip (rdflib's own pickling normalises
    ``"01"^^xsd:integer`` to ``"1"``), and so do language tags and graph names."""
    sink = QuadSink()
    g = URIRef("https://example.org/graph/a")
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    objects = [Literal("01", datatype=XSD_INTEGER, normalize=False), Literal("x", lang="ru"),
               Literal("246.0", datatype=XSD_DECIMAL, normalize=False), Literal("plain"), s]
    expected = new_dataset()
    for o in objects:
        sink.graph(g).add((s, p, o))
        expected.graph(g).add((s, p, o))
    packed = pickle.loads(pickle.dumps(PackedQuads.of(sink.quads)))
    again = new_dataset()
    packed.add_to(again)
    assert len(packed) == len(objects)
    assert sorted(map(repr, again.quads())) == sorted(map(repr, expected.quads()))
    assert {str(o) for o in again.graph(g).objects()} >= {"01", "246.0"}


# --- incremental builds ------------------------------------------------------------------------

def test_a_rebuild_redoes_only_the_changed_article(tmp_path: Path) -> None:
    folder, cache = _corpus(tmp_path), tmp_path / "cache"
    first = build_dataset(folder, cache=cache)
    assert first.rebuilt == first.articles  # a cold cache: everything built
    again = build_dataset(folder, cache=cache)
    assert again.rebuilt == []  # nothing changed: every article from the cache
    assert snapshot(again) == snapshot(first)

    _edit(folder / WIRE / "annotation.yaml", "\n", "\n# a comment, the same data\n")
    assert build_dataset(folder, cache=cache).rebuilt == [WIRE]
    _edit(folder / SEED / "annotation.yaml", "not a fact of the journey", "not a journey fact")
    changed = build_dataset(folder, cache=cache)
    assert changed.rebuilt == [SEED]
    assert snapshot(changed) == snapshot(build_dataset(folder))  # the same as without a cache
    assert snapshot(changed) != snapshot(first)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_key_covers_the_base_and_the_folder(tmp_path: Path) -> None:
    folder, cache = _corpus(tmp_path), tmp_path / "cache"
    build_dataset(folder, cache=cache)
    other = build_dataset(folder, "https://example.org/id/", cache=cache)
    assert other.rebuilt == other.articles  # another base IRI: other IRIs, nothing reused
    moved = tmp_path / "moved"
    shutil.copytree(folder, moved)  # error messages name the folder: not reused elsewhere
    assert build_dataset(moved, cache=cache).rebuilt == other.articles


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "articles").rglob("*.bin"))


def test_a_damaged_cache_entry_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    folder, cache = _corpus(tmp_path), tmp_path / "cache"
    clean = snapshot(build_dataset(folder, cache=cache))
    entries = _entries(cache)
    assert len(entries) == len(REPORTS) + 1
    truncated, flipped, foreign, wrong = entries[:4]
    truncated.write_bytes(truncated.read_bytes()[:-100])
    data = bytearray(flipped.read_bytes())
    data[-10] ^= 0xFF
    flipped.write_bytes(bytes(data))
    foreign.write_bytes(b"not a cache entry")
    payload = pickle.dumps({"not": "an article result"})  # whole, but not a result
    wrong.write_bytes(SIGNATURE + hashlib.sha256(payload).digest() + payload)
    again = build_dataset(folder, cache=cache)
    assert len(again.rebuilt) == 4
    assert snapshot(again) == clean
    assert build_dataset(folder, cache=cache).rebuilt == []  # the entries were rewritten


def test_no_cache_folder_means_no_cache(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    build_dataset(folder)
    assert build_dataset(folder).rebuilt == sorted(p.name for p in folder.iterdir())


def test_the_worker_returns_the_pickled_result(corpus: Path) -> None:
    result = unpack(build_article(str(corpus / SEED), "https://w3id.org/djo/id/"))
    assert result.id == SEED and len(result.quads) > 1000
    with pytest.raises(TypeError):
        unpack(pickle.dumps([1]))


# --- executors -----------------------------------------------------------------------------------

def test_executor_choices() -> None:
    with executor(1) as none:
        assert none is None
    with executor(2) as pool:
        assert isinstance(pool, ProcessPoolExecutor)
    with pytest.raises(UsageError, match="--jobs 0"), executor(0):
        pass


def test_a_scheduler_without_dask_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(UsageError, match=r"handcar\[cluster\]"), executor(
            scheduler="tcp://127.0.0.1:1"):
        pass


# --- a Dask cluster ---------------------------------------------------------------------------


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_dataset(corpus: Path, serial: BuildResult) -> None:
    """``--scheduler``: the same build on a local Dask cluster of two worker processes."""
    distributed = pytest.importorskip("distributed", reason="needs handcar[cluster]")
    bad = _corpus(corpus.parent / "bad")
    _edit(bad / WIRE / "annotation.yaml", "\n", "\nnot_a_key: 1\n")
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                 host="127.0.0.1", dashboard_address=None) as cluster,
        executor(scheduler=cluster.scheduler_address) as pool,
    ):
        assert pool is not None
        on_dask = build_dataset(corpus, executor=pool)
        assert snapshot(on_dask) == snapshot(serial)
        with pytest.raises(AnnotationError, match=WIRE):
            build_dataset(bad, executor=pool)


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_usage_error() -> None:
    pytest.importorskip("distributed", reason="needs handcar[cluster]")
    import socket

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"), executor(
            scheduler=f"tcp://127.0.0.1:{port}", timeout=2):
        pass


def test_jobs_below_one_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from handcar.cli import app

    done = CliRunner().invoke(app, ["build", "--articles", str(ARTICLES), "--out",
                                    str(tmp_path / "out"), "--jobs", "0"])
    assert done.exit_code == 2
    assert "--jobs 0: give 1 or more worker processes" in done.output
    assert not (tmp_path / "out").exists()
