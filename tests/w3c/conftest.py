"""Fixtures for the W3C SHACL suite and the differential tests: the suite's tests, and the DJO
fixture base (``tests/validate/fixtures/mini``) with the fixture cases of ``tests/validate``."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "validate"))  # validate_harness, _cases


@pytest.fixture(autouse=True)
def _quiet(caplog: pytest.LogCaptureFixture) -> None:
    """rdflib logs ill-typed literals and pySHACL logs warnings; the suite has both on purpose."""
    caplog.set_level(logging.CRITICAL)


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HANDCAR_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
