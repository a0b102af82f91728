"""Fixtures: the seed built once per session, and a scratch copy of the articles folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handcar.build import BuildResult, build_dataset
from support.paths import ARTICLES


@pytest.fixture(scope="session")
def built() -> BuildResult:
    return build_dataset(ARTICLES)


@pytest.fixture()
def articles_copy(tmp_path: Path) -> Path:
    """A writable copy of articles/ for tests that break the input."""
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target
