"""Fixtures for the tests of ``handcar query``, ``handcar load`` and the competency questions:
the release of the seed, built once per session with the real ``handcar build``."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.release import built_release


@pytest.fixture(scope="session")
def release() -> Path:
    return built_release()
