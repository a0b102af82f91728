"""``handcar build`` validates the staged release and refuses to publish one with Violations."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner
from validate_harness import MINI_ARTICLES, A

from handcar.cli import app
from handcar.publish.release import MARKER, MARKER_BYTES

runner = CliRunner()


def test_a_conforming_release_is_published(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["build", "--articles", str(MINI_ARTICLES), "--out", str(out), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert (out / "dataset.trig").is_file()


def test_a_release_with_violations_is_refused_and_out_is_kept(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    shutil.copytree(MINI_ARTICLES, articles)
    annotation = articles / A / "annotation.yaml"
    text = annotation.read_text(encoding="utf-8")
    # the builder accepts a person as a leg's origin; the shapes do not
    broken = text.replace("- [leg-3-bus, origin, russian-side]", "- [leg-3-bus, origin, misha]")
    assert broken != text
    annotation.write_text(broken, encoding="utf-8")
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
