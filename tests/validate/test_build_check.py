"""``handcar build`` validates the staged release and refuses to publish one with Violations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from validate_harness import MINI_ARTICLES, A, result_key

from handcar.build import build_dataset
from handcar.cli import app
from handcar.publish.release import MARKER, MARKER_BYTES
from handcar.validate.release import ReleaseRejected, check_dataset, check_release
from handcar.validate.report import Report, Severity

runner = CliRunner()


def test_a_conforming_release_is_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", "--articles", str(MINI_ARTICLES), "--out", str(out), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "dataset.trig").is_file()


def _broken_articles(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    shutil.copytree(MINI_ARTICLES, articles)
    annotation = articles / A / "annotation.yaml"
    text = annotation.read_text(encoding="utf-8")
    # the builder accepts Pyongyang as the last leg's origin; the shapes do not (the leg
    # before it ended at the Russian side)
    broken = text.replace("- [leg-3-bus, origin, russian-side]", "- [leg-3-bus, origin, pyongyang]")
    assert broken != text
    annotation.write_text(broken, encoding="utf-8")
    return articles


@pytest.mark.slow  # a few full builds or validations: CI runs it
def test_a_release_with_violations_is_refused_and_out_is_kept(tmp_path: Path) -> None:
    articles = _broken_articles(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_bytes(MARKER_BYTES)  # an earlier release, which a build may replace
    (out / "last-good.txt").write_text("the last good release\n", encoding="utf-8")
    result = runner.invoke(app, ["build", "--articles", str(articles), "--out", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert "nothing was published" in result.output
    assert "each leg starts where the last one ended" in result.output
    kept = tmp_path / ".out.rejected"
    assert f"{kept}/dataset.trig:" in result.output  # the line, in the kept rejected release
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "last-good.txt"]


@pytest.mark.slow  # over 8 s on the shared machine: CI runs it (--slow)
def test_the_check_in_memory_and_in_the_open_are_one_pipeline(tmp_path: Path) -> None:
    """The background check (the dataset in memory) and the check of the staged files find the
    same results: both are the validation pipeline with the release's settings."""
    articles = _broken_articles(tmp_path)
    in_memory = check_dataset(build_dataset(articles).dataset)
    out = tmp_path / "out"
    runner.invoke(app, ["build", "--articles", str(articles), "--out", str(out), "-q"])
    with pytest.raises(ReleaseRejected) as rejected:
        check_release(tmp_path / ".out.rejected")

    def results(report: Report) -> set[tuple]:
        return {result_key(report, r) for r in report.results}

    assert results(in_memory) == results(rejected.value.report)
    assert not in_memory.conforms(Severity.VIOLATION)


@pytest.mark.slow  # over 8 s on the shared machine: CI runs it (--slow)
def test_without_fork_the_build_validates_inline(tmp_path: Path, monkeypatch) -> None:
    """The build command chooses where validation runs; where it cannot fork, the release check
    runs inline, with the same verdict and the same located report."""
    from handcar.validate import background

    monkeypatch.setattr(background, "can_fork", lambda: False)
    monkeypatch.setattr(background.BackgroundValidation, "start",
                        lambda self: pytest.fail("a validation process was started"))
    articles = _broken_articles(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--articles", str(articles), "--out", str(out), "-q"])
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / '.out.rejected'}/dataset.trig:" in result.output
    result = runner.invoke(app, ["build", "--articles", str(MINI_ARTICLES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "dataset.trig").is_file()
