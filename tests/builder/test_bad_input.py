"""Each kind of bad input: one error naming file and line, exit status 2, out/ untouched."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.cli import app
from support.paths import SEED

runner = CliRunner()


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _break(articles: Path, old: str, new: str, name: str = "annotation.yaml") -> Path:
    path = articles / SEED / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


CASES = [
    # (id, old, new, needle on the reported line, message pattern)
    (
        "malformed-yaml",
        "  - id: journey\n",
        "  - id: [journey\n",
        "id: [journey",
        r"YAML syntax error",
    ),
    (
        "unknown-key",
        "    name: Vladislav Sorokin\n",
        "    name: Vladislav Sorokin\n    colour: red\n",
        "colour: red",
        r"unknown key",
    ),
    (
        "wrong-type",
        "    value: 32\n",
        "    value: thirty-two\n",
        "value: thirty-two",
        r"quantities\.\d+\.value: .*(decimal|number)",
    ),
    (
        "quote-not-found",
        "  - quote: smiling as they slowly moved",
        "  - quote: smiling as they quickly moved",
        "quickly moved",
        r"quote not found in the article: 'smiling as they quickly moved",
    ),
    (
        "ambiguous-quote",
        "    quote: Third Secretary Vladislav Sorokin\n    facts",
        None,
        None,
        None,
    ),
    (
        "undefined-entity",
        "      - [leg-4-bus, destination, vladivostok]\n",
        "      - [leg-4-bus, destination, vladivostock]\n",
        "vladivostock",
        r"reference to undefined entity 'vladivostock'",
    ),
    (
        "bad-date",
        "    date: 2021-02-25\n",
        "    date: 2021-13\n",
        "date: 2021-13",
        r"month out of range",
    ),
    (
        "bad-relative-date",
        "    relative: last spring\n",
        "    relative: next fortnight\n",
        "relative: next fortnight",
        r"cannot resolve relative time",
    ),
    (
        "bounds-out-of-order",
        "    more_than: 1\n",
        "    more_than: 5\n    less_than: 2\n",
        "more_than: 5",
        r"lower bound 5 is above upper bound 2",
    ),
    (
        "unknown-property",
        "      - [leg-1-train, legIndex, 1]\n",
        "      - [leg-1-train, legNumber, 1]\n",
        "legNumber",
        r"'legNumber' is not a property of the ontology",
    ),
    (
        "iri-as-next-leg",
        "      - [leg-1-train, nextLeg, leg-2-bus]\n",
        '      - [leg-1-train, nextLeg, {iri: "https://example.org/leg"}]\n',
        "example.org/leg",
        r"nextLeg links to a leg or quantity of this annotation: give its id, not an IRI",
    ),
    (
        "iri-as-duration",
        "      - [leg-1-train, duration, train-hours]\n",
        '      - [leg-1-train, duration, {iri: "https://example.org/hours"}]\n',
        "example.org/hours",
        r"duration links to a leg or quantity of this annotation",
    ),
    (
        "unknown-class",
        "    type: TrainLeg\n",
        "    type: TrainTrip\n",
        "TrainTrip",
        r"'TrainTrip' is not a class of the ontology",
    ),
]


@pytest.mark.parametrize(
    ("case", "old", "new", "needle", "pattern"),
    [c for c in CASES if c[2]],
    ids=[c[0] for c in CASES if c[2]],
)
def test_bad_annotation_is_reported_with_file_and_line(
    articles_copy: Path, tmp_path: Path, case: str, old: str, new: str, needle: str, pattern: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "last-good.txt").write_text("the last good release\n")
    before = _snapshot(out)
    path = _break(articles_copy, old, new)
    result = runner.invoke(
        app, ["build", "--articles", str(articles_copy), "--out", str(out), "-q"]
    )
    assert result.exit_code == 2, result.output
    message = result.output
    assert f"error: {path}:{_line_of(path, needle)}: " in message, message
    assert re.search(pattern, message), message
    assert _snapshot(out) == before


def test_ambiguous_quote_names_every_occurrence(articles_copy: Path, tmp_path: Path) -> None:
    path = _break(
        articles_copy,
        '    quote: Thursday\n    prefix: "Russian Foreign Ministry said "\n',
        "    quote: Thursday\n",
    )
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["build", "--articles", str(articles_copy), "--out", str(out), "-q"]
    )
    assert result.exit_code == 2
    message = result.output
    assert "ambiguous quote 'Thursday': occurs 3 times (article.md lines 9, 11, 27)" in message
    assert "add a prefix or suffix" in message
    assert f"error: {path}:{_line_of(path, 'id: ministry-statement-day') + 2}: " in message
    assert not out.exists()


def test_bad_article_is_reported(articles_copy: Path, tmp_path: Path) -> None:
    article = articles_copy / SEED / "article.md"
    # an embed whose attribution is gone: the post cannot be told apart
    text = article.read_text(encoding="utf-8").replace("— Новая Газета (@novaya\\_gazeta)", "—")
    article.write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["build", "--articles", str(articles_copy), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert f"error: {article}:15: embed without an attribution" in result.output


def test_bad_front_matter_is_reported_in_article_md(articles_copy: Path, tmp_path: Path) -> None:
    article = articles_copy / SEED / "article.md"
    front = "---\nlanguage: english\n---\n"
    article.write_text(front + article.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(
        app, ["build", "--articles", str(articles_copy), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert f"error: {article}:2: language: String should match pattern" in result.output


def test_bad_enrichment_is_reported(articles_copy: Path, tmp_path: Path) -> None:
    path = _break(articles_copy, "entity/Q159", "entity/X159", name="enrichment.yaml")
    result = runner.invoke(
        app, ["build", "--articles", str(articles_copy), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "must point to a Wikidata entity IRI" in result.output
    assert f"error: {path}:{_line_of(path, 'X159')}: " in result.output
