"""Fixtures: the seed's release, computed once per session (no docs cache) and written to a
temporary folder, so the tests check what the code produces now, not the committed ``out/``
(``test_check.py`` compares the two)."""

from __future__ import annotations

from pathlib import Path

import pytest

from handcar.build import BuildResult, build_dataset
from handcar.publish.release import write_tree
from handcar.publish.site import release_files
from handcar.publish.spool import payload_bytes
from support.paths import ARTICLES
from support.roundtrip import local_contexts


@pytest.fixture(scope="session")
def seed() -> BuildResult:
    return build_dataset(ARTICLES)


@pytest.fixture(scope="session")
def files(seed: BuildResult) -> dict[str, bytes]:
    return {path: payload_bytes(data) for path, data in release_files(seed, cache=None).items()}


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory, files: dict[str, bytes]) -> Path:
    folder = tmp_path_factory.mktemp("release") / "out"
    folder.mkdir()
    write_tree(folder, files)
    return folder


@pytest.fixture(scope="session")
def contexts(release: Path) -> dict[str, Path]:
    return local_contexts(release)
