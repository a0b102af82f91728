"""``handcar check`` on broken annotations: the tutorial's annotation (fiction) with lines
deleted, repeated or with a word changed, as a curator's editing leaves it. The check never
fails with a traceback: it reports problems, each at a line of the file it names."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handcar.curation.check import check_article, check_shapes
from handcar.errors import InputError

from .conftest import FIXTURES

LINES = (FIXTURES / "tutorial-annotation.yaml").read_text(encoding="utf-8").splitlines(True)
#: words a curator's edit may leave in place of another
WORDS = ["", "x", "leg-boat", "suggested: true", "- [a, b]", ":", "'", "\"", "[", "]", "{",
         "- ", "  ", "\t", "12", "-1", "2024-02-30", "null", "~", "&a", "*a",
         "!!python/name:os.system", "type: Place", "unit: MI", "value: 1e999", "quote: Lake",
         "same_as: other/leg"]

edits = st.lists(st.tuples(st.sampled_from(["delete", "repeat", "replace"]),
                           st.integers(min_value=0, max_value=len(LINES) - 1),
                           st.sampled_from(WORDS)), min_size=1, max_size=4)


def _edited(changes: list[tuple[str, int, str]]) -> str:
    lines = list(LINES)
    for kind, at, word in changes:
        at %= max(len(lines), 1)
        if not lines:
            break
        if kind == "delete":
            del lines[at]
        elif kind == "repeat":
            lines.insert(at, lines[at])
        else:  # a word of the line replaced
            words = lines[at].split(" ")
            words[len(words) // 2] = word
            lines[at] = " ".join(words)
    return "".join(lines)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(edits)
def test_a_broken_annotation_is_reported_never_a_traceback(
        changes: list[tuple[str, int, str]]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "tutorial" / "lake-ferry-2023-06-09"
        folder.mkdir(parents=True)
        shutil.copy(FIXTURES / "ferry.md", folder / "article.md")
        annotation = folder / "annotation.yaml"
        annotation.write_text(_edited(changes), encoding="utf-8")
        result = check_article(folder)
        for problem in result.problems:
            assert isinstance(problem, InputError)
            assert Path(problem.path).name in ("annotation.yaml", "article.md", "enrichment.yaml")
            assert problem.line is None or problem.line >= 1
        if not result.problems:  # it reads: the shapes then report, never fail
            try:
                findings = check_shapes(folder)
            except InputError:
                return
            assert all(f.line is None or f.line >= 1 for f in findings)
