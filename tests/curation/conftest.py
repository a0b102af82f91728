"""A made-up article (fixtures/ferry.md, fiction) taken through ``handcar new`` once per run,
next to another made-up article whose annotation names Lake Moran (fixtures/known-lake)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE_ID = "lake-ferry-2023-06-09"


@dataclass(frozen=True)
class Drafted:
    articles: Path
    folder: Path
    output: str

    @property
    def draft(self) -> str:
        return (self.folder / "annotation.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Drafted:
    articles = tmp_path_factory.mktemp("curation") / "articles"
    articles.mkdir()
    shutil.copytree(FIXTURES / "known-lake", articles / "known-lake")
    result = CliRunner().invoke(
        app, ["new", str(FIXTURES / "ferry.md"), "--id", ARTICLE_ID, "--articles", str(articles)]
    )
    assert result.exit_code == 0, result.output
    return Drafted(articles, articles / ARTICLE_ID, result.output)


def confirm_all(text: str) -> str:
    """The draft with every suggestion confirmed (its ``suggested: true`` line deleted)."""
    return "".join(
        line for line in text.splitlines(True) if line.strip() != "suggested: true"
    )
