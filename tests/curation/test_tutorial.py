"""The tutorial in articles/README.md stays true: its commands, run on the made-up article,
print exactly what it shows (issue 16, point 4)."""

from __future__ import annotations

import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import ARTICLES

from .conftest import FIXTURES


def _blocks() -> list[list[tuple[str, str]]]:
    text = (ARTICLES / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Tutorial") : text.index("## `enrichment.yaml`")]
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", section, re.S):
        steps = re.split(r"^\$ (.*)\n", body, flags=re.M)[1:]
        blocks.append(list(zip(steps[0::2], steps[1::2], strict=True)))
    return blocks


def test_the_tutorial_runs_only_handcar_on_its_own_files() -> None:
    """The tutorial's two steps are handcar commands on the made-up article and its folders,
    each with the output it shows (the slow test below runs them)."""
    blocks = _blocks()
    assert len(blocks) == 2
    for block in blocks:
        assert block, "every step shows at least one command"
        for command, expected in block:
            assert shlex.split(command)[0] == "handcar"
            assert expected.strip(), command


@pytest.mark.slow
def test_the_tutorial_prints_what_it_shows(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(FIXTURES / "ferry.md", "ferry.md")
    runner = CliRunner()
    blocks = _blocks()
    assert len(blocks) == 2
    for n, block in enumerate(blocks):
        if n == 1:  # step 2: the curator's edits
            shutil.copy(FIXTURES / "tutorial-annotation.yaml",
                        Path("tutorial/lake-ferry-2023-06-09/annotation.yaml"))
        for command, expected in block:
            args = shlex.split(command)
            assert args[0] == "handcar"
            # a cache of its own: an earlier run's article cache would change the summary
            env = {**os.environ, "COLUMNS": "80", "HANDCAR_CACHE_DIR": str(tmp_path / "cache")}
            result = runner.invoke(app, args[1:], env=env)
            assert result.output == expected, command
