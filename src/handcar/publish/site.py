"""What a release of ``out/`` contains, and writing it (atomically) or comparing it."""

from __future__ import annotations

from pathlib import Path

from handcar.build import BuildResult
from handcar.namespaces import NIF
from handcar.publish.formats import CONTEXT_FILE, DATASET_FILES, context_bytes
from handcar.publish.release import release


def release_files(result: BuildResult) -> dict[str, bytes]:
    """Every file of the release, by path relative to ``out/``."""
    files = {name: write(result.dataset) for name, write in DATASET_FILES.items()}
    files[CONTEXT_FILE] = context_bytes()
    for article_id in result.articles:
        graph = result.dataset.graph(result.iris.graph("text"))
        text = graph.value(result.iris.text(article_id), NIF.isString)
        files[f"text/{article_id}.txt"] = str(text).encode("utf-8")
    return files


def publish(result: BuildResult, out: Path) -> None:
    """Replace ``out`` with this release (validated first)."""
    release(out, release_files(result), check=lambda folder: None)


def stale_files(result: BuildResult, out: Path) -> list[str]:
    """Files of ``out`` that differ from (or are missing in, or extra to) this release."""
    files = release_files(result)
    stale = [name for name, data in files.items() if not _same(out / name, data)]
    if out.is_dir():
        present = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
        stale += sorted(present - set(files))
    return sorted(stale)


def _same(path: Path, data: bytes) -> bool:
    return path.is_file() and path.read_bytes() == data
