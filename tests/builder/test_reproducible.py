"""Two builds give byte-identical files, whatever PYTHONHASHSEED; --base moves every data IRI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.paths import ARTICLES, ROOT


def _build(out: Path, seed: str, *extra: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "handcar",
            "build",
            "--articles",
            str(ARTICLES),
            "--out",
            str(out),
            "-q",
            *extra,
        ],
        check=True,
        env=env,
        cwd=ROOT,
    )
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_builds_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    first = _build(tmp_path / "a", "0")
    second = _build(tmp_path / "b", "4242")
    third = _build(tmp_path / "c", "random")
    assert first.keys() == second.keys() == third.keys()
    for name in first:
        assert first[name] == second[name] == third[name], name


def test_base_option_moves_every_data_iri(tmp_path: Path) -> None:
    files = _build(tmp_path / "x", "0", "--base", "https://example.org/data/")
    nquads = files["dataset.nq"].decode()
    assert "https://w3id.org/djo/id/" not in nquads
    assert "<https://example.org/data/person/vladislav-sorokin>" in nquads
    assert "<https://example.org/data/graph/asserted>" in nquads
