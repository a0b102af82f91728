"""Fixtures for the interoperability tests: the release built once per session (with the real
``handcar build``), its named graphs and their sizes. Helpers: ``support/interop.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from handcar.query import open_release
from support.release import built_release


@pytest.fixture(scope="session")
def release() -> Path:
    return built_release()


@pytest.fixture(scope="session")
def graph_iris(release: Path) -> dict[str, str]:
    """Short name → IRI of every named graph of the release."""
    return {name: iri.value for name, iri in open_release(release).graphs.items()}


@pytest.fixture(scope="session")
def graph_sizes(release: Path) -> dict[str, int]:
    """Graph IRI → triple count in the release."""
    loaded = open_release(release)
    return {
        iri.value: sum(1 for _ in loaded.store.quads_for_pattern(None, None, None, iri))
        for iri in loaded.graphs.values()
    }
