"""The build's progress display (issue 14, point 4): the article, how many are done and the
rate, on a terminal only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handcar.build import build_dataset
from handcar.commands.build import progress_text
from support.paths import ROOT


def test_the_status_line_gives_count_and_rate() -> None:
    assert progress_text("a", 0, 3, 0.0) == "building a (0/3 articles)…"
    assert progress_text("b", 2, 3, 4.0) == "building b (2/3 articles, 0.5 articles/s)…"
    assert progress_text("[red]x", 1, 2, 1.0).startswith("building \\[red]x")  # markup escaped


def test_build_reports_each_article_before_it() -> None:
    articles = ROOT / "tests" / "validate" / "fixtures" / "mini" / "articles"
    seen: list[tuple[str, int, int]] = []
    build_dataset(articles, progress=lambda *args: seen.append(args))
    names = sorted(p.name for p in articles.iterdir() if p.is_dir())
    assert len(names) > 1
    assert seen == [(name, i, len(names)) for i, name in enumerate(names)]


def test_silent_when_not_a_terminal(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--articles", str(ROOT / "articles"),
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "building" not in done.stderr and "articles/s" not in done.stderr


def test_the_summary_in_a_log_keeps_its_lines_and_the_article_s_words(tmp_path: Path) -> None:
    """Written to a pipe (a CI log), the summary's lines are not broken at 80 columns, and a
    warning quoting an unannotated sentence keeps its brackets ("[sic]" was read as markup and
    dropped). Fiction: the tutorial's made-up ferry report with one sentence added."""
    fixtures = ROOT / "tests" / "curation" / "fixtures"
    folder = tmp_path / "articles" / "lake-ferry-2023-06-09"
    folder.mkdir(parents=True)
    text = (fixtures / "ferry.md").read_text(encoding="utf-8")
    sentence = "A passenger called the crossing a long and quiet [sic] ordeal for everyone aboard."
    (folder / "article.md").write_text(text.rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    (folder / "annotation.yaml").write_bytes((fixtures / "tutorial-annotation.yaml").read_bytes())
    done = subprocess.run(
        [sys.executable, "-m", "handcar", "build", "--articles", str(tmp_path / "articles"),
         "--out", str(tmp_path / "out")],
        capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert f"warning: lake-ferry-2023-06-09: sentence not annotated: {sentence!r}" in lines
    assert any(line.startswith("readings compared within one article:") and
               line.endswith(")") for line in lines), lines
