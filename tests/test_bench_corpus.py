"""The benchmark corpus generator (bench/corpus.py) writes reports the real build accepts:
every quote anchors in its text, the shapes pass, and the same seed gives the same files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_same_seed_same_files_and_never_over_existing(tmp_path: Path) -> None:
    corpus = _corpus()
    first = corpus.generate(tmp_path / "a", 4, seed=7)
    second = corpus.generate(tmp_path / "b", 4, seed=7)
    for a, b in zip(first, second, strict=True):
        for name in ("article.md", "annotation.yaml"):
            assert (a / name).read_bytes() == (b / name).read_bytes()
        assert "FICTION" in (a / "annotation.yaml").read_text(encoding="utf-8")
    with pytest.raises(FileExistsError):
        corpus.generate(tmp_path / "a", 1)


def test_generated_reports_build_and_validate(tmp_path: Path) -> None:
    from handcar.build import build_dataset
    from handcar.validate.release import check_dataset

    corpus = _corpus()
    corpus.generate(tmp_path / "articles", 3, seed=3)
    result = build_dataset(tmp_path / "articles")
    assert len(result.journeys) == 3
    report = check_dataset(result.dataset)
    assert report.conforms(), report
