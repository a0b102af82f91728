"""``handcar build --jobs`` and ``--scheduler`` publish the same release, byte for byte, as
``--jobs 1``, with and without the article cache (issue 14, point 3). Whole builds (validation
and every format), so those are slow; bad options are refused before any work."""

from __future__ import annotations

import filecmp
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from test_parallel import _corpus


def _build(articles: Path, out: Path, *options: str, cache: Path | None = None,
           check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDCAR_CACHE_DIR": str(cache) if cache else ""}
    env.pop("HANDCAR_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--articles", str(articles), "--out", str(out),
         *options],
        capture_output=True, text=True, check=False, timeout=600, env=env)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _same_tree(a: Path, b: Path) -> None:
    names = sorted(p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file())
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    assert (mismatch, errors) == ([], [])


@pytest.mark.slow
def test_jobs_and_the_cache_publish_the_same_bytes(tmp_path: Path) -> None:
    articles, cache = _corpus(tmp_path), tmp_path / "cache"
    _build(articles, tmp_path / "one", "--jobs", "1", "-q")
    _build(articles, tmp_path / "two", "--jobs", "2", "-q", cache=cache)
    _same_tree(tmp_path / "one", tmp_path / "two")
    assert len(list((cache / "articles").rglob("*.bin"))) == 4
    summary = _build(articles, tmp_path / "cached", "--jobs", "2", cache=cache).stdout
    assert "articles: 4 (4 from the cache)" in summary
    _same_tree(tmp_path / "one", tmp_path / "cached")
    checked = _build(articles, tmp_path / "one", "--check", cache=cache)
    assert "is up to date" in " ".join(checked.stdout.split())


@pytest.mark.slow
def test_a_dask_cluster_publishes_the_same_bytes(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="needs handcar[cluster]")
    articles = _corpus(tmp_path)
    _build(articles, tmp_path / "one", "--jobs", "1", "-q")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        _build(articles, tmp_path / "dask", "--scheduler", cluster.scheduler_address, "-q")
    _same_tree(tmp_path / "one", tmp_path / "dask")


@pytest.mark.slow
def test_an_unreachable_scheduler_exits_2_and_publishes_nothing(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="needs handcar[cluster]")
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    done = _build(_corpus(tmp_path), tmp_path / "out", "--scheduler", f"tcp://127.0.0.1:{port}",
                  check=False)
    assert done.returncode == 2, done.stderr
    assert "cannot reach the Dask scheduler" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_jobs_zero_is_a_usage_error_and_publishes_nothing(tmp_path: Path) -> None:
    done = _build(_corpus(tmp_path), tmp_path / "out", "--jobs", "0", check=False)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
