"""Hostile or broken articles and annotations: one `file:line: problem`, exit 2, nothing built.

Every case works on a copy of articles/ in tmp_path; the real folder is never touched.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from handcar.annotation import load_annotation
from handcar.annotation.yamlsource import read_yaml
from handcar.article import load_article
from handcar.build import article_folders
from handcar.cli import app
from handcar.errors import AnnotationError, ArticleError, InputError, IOFailure, LimitError
from support.paths import ARTICLES, SEED

runner = CliRunner()
TAIL_TAG = (
    "is not allowed: only plain YAML (strings, numbers, booleans, null, lists, mappings) is read;"
    " remove the tag"
)
TAIL_CHAR = "control characters and lone surrogates are not allowed; remove it"


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    target = tmp_path / "articles"
    shutil.copytree(ARTICLES, target)
    return target


@pytest.fixture()
def no_hang() -> Iterator[None]:
    """Fail instead of blocking forever (a FIFO opened for reading waits for a writer)."""

    def _stop(*_args: object) -> None:
        raise TimeoutError("blocked: the input was opened instead of being refused")

    old = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _yaml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "annotation.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


def _error(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_yaml(path)
    return caught.value


def _build(articles: Path, out: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "--articles", str(articles), "--out", str(out), "-q"])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


# --- limits -----------------------------------------------------------------------------------


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDCAR_MAX_YAML_BYTES", "100")
    path = _yaml(tmp_path, "a: " + "x" * 200 + "\n")
    error = _error(path)
    assert isinstance(error, LimitError)
    assert str(error) == (
        f"{path}: over the limit on the size of a YAML file (204 bytes): the limit is 100 bytes;"
        " set HANDCAR_MAX_YAML_BYTES to raise it"
    )


def test_deep_nesting_is_a_limit_not_a_recursion_error(tmp_path: Path) -> None:
    path = _yaml(tmp_path, "format: x\nstatements: " + "[" * 5000 + "]" * 5000 + "\n")
    error = _error(path)
    assert isinstance(error, LimitError)
    # a libyaml with its own limit of 1000 levels (PyYAML 6.0.4's) reads that far ahead of a
    # flow collection before the guard sees the 51st level; an older one stops at the 51st
    assert str(error) in (f"{path}:2: over the limit on YAML nesting depth ({levels}): the limit"
                          " is 50 levels; set HANDCAR_MAX_YAML_DEPTH to raise it"
                          for levels in ("over libyaml's 1000 levels", "51 levels"))
    shallower = _error(_yaml(tmp_path, "format: x\nstatements: " + "[" * 60 + "]" * 60 + "\n"))
    assert str(shallower) == (
        f"{path}:2: over the limit on YAML nesting depth (51 levels): the limit is 50 levels;"
        " set HANDCAR_MAX_YAML_DEPTH to raise it"
    )


def test_deep_block_mapping_names_the_line_where_the_limit_is_crossed(tmp_path: Path) -> None:
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n"
    error = _error(_yaml(tmp_path, text))
    assert str(error).startswith(f"{tmp_path / 'annotation.yaml'}:51: over the limit on YAML")


def test_nesting_added_by_aliases_counts(tmp_path: Path) -> None:
    deep = "[" * 30 + "]" * 30
    text = f"a: &d {deep}\nb: {'[' * 25}*d{']' * 25}\n"
    error = _error(_yaml(tmp_path, text))
    assert isinstance(error, LimitError)
    assert "annotation.yaml:2: over the limit on YAML nesting depth (56 levels)" in str(error)


def _bomb(levels: int = 9, width: int = 9) -> str:
    lines = ["l0: &l0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_stops_before_it_expands(tmp_path: Path) -> None:
    path = _yaml(tmp_path, _bomb())  # 81 aliases, 9^9 strings once expanded
    started = time.monotonic()
    error = _error(path)
    assert time.monotonic() - started < 5
    assert isinstance(error, LimitError)
    assert str(error) == (
        f"{path}:7: over the limit on YAML nodes in one file, aliases expanded"
        " (more than 1000000 nodes): the limit is 1000000 nodes; set HANDCAR_MAX_YAML_NODES"
        " to raise it"
    )


def test_too_many_aliases(tmp_path: Path) -> None:
    text = "a: &a x\nb: [" + ", ".join(["*a"] * 101) + "]\n"
    error = _error(_yaml(tmp_path, text))
    assert str(error).startswith(
        f"{tmp_path / 'annotation.yaml'}:2: over the limit on YAML aliases in one file"
        " (101 aliases): the limit is 100 aliases"
    )


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    document = read_yaml(_yaml(tmp_path, "a: &a [1, 2]\nb: *a\n"))
    assert document.data == {"a": [1, 2], "b": [1, 2]}


# --- tags -------------------------------------------------------------------------------------


def test_python_tag_is_refused_and_nothing_runs(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    path = _yaml(tmp_path, f"format: x\nrun: !!python/object/apply:os.system ['touch {marker}']\n")
    error = _error(path)
    assert isinstance(error, AnnotationError)
    assert str(error) == (
        f"{path}:2: YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' {TAIL_TAG}"
    )
    assert not marker.exists()


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("!!binary aGVsbG8=", "tag:yaml.org,2002:binary"),
        ("!!set {a, b}", "tag:yaml.org,2002:set"),
        ("!!timestamp 2021-02-25", "tag:yaml.org,2002:timestamp"),
        ("!local 3", "!local"),
    ],
)
def test_tags_outside_the_core_schema_are_refused(tmp_path: Path, value: str, tag: str) -> None:
    path = _yaml(tmp_path, f"a: 1\nb: {value}\n")
    assert str(_error(path)) == f"{path}:2: YAML tag {tag!r} {TAIL_TAG}"


def test_core_schema_tags_are_read(tmp_path: Path) -> None:
    document = read_yaml(_yaml(tmp_path, 'a: !!str 3\nb: !!int "4"\nc: !!map {x: !!null ""}\n'))
    assert document.data == {"a": "3", "b": 4, "c": {"x": None}}


# --- files that are not regular, readable UTF-8 -------------------------------------------------


def test_folder(tmp_path: Path) -> None:
    path = tmp_path / "annotation.yaml"
    path.mkdir()
    assert str(_error(path)) == f"{path}: is a folder, not a file"


def test_fifo_is_refused_without_blocking(tmp_path: Path, no_hang: None) -> None:
    path = tmp_path / "annotation.yaml"
    os.mkfifo(path)
    assert str(_error(path)) == (
        f"{path}: not a regular file (a FIFO, socket or device is refused)"
    )


def test_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _yaml(tmp_path, "a: 1\n")

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(IOFailure) as caught:  # the system refused: exit 3, not bad input
        read_yaml(path)
    assert str(caught.value) == f"{path}: I/O error: Permission denied"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "annotation.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    assert str(_error(path)) == (
        f"{path}:2: not UTF-8 (invalid continuation byte); save it as UTF-8"
    )


# --- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2021-02-30", "'2021-02-30' is not a valid date (day is out of range for month)"),
        ("2021-13-01", "'2021-13-01' is not a valid date (month must be in 1..12)"),
        ("2021-02-25 25:00:00", "'2021-02-25 25:00:00' is not a valid date (hour must be in"),
    ],
)
def test_invalid_timestamps(tmp_path: Path, value: str, message: str) -> None:
    path = _yaml(tmp_path, f"id: x\ndate: {value}\n")
    assert str(_error(path)).startswith(f"{path}:2: {message}")


def test_integer_too_long_for_python(tmp_path: Path) -> None:
    path = _yaml(tmp_path, "a: 1\nb: " + "9" * 5000 + "\n")
    assert str(_error(path)).startswith(f"{path}:2: '{'9' * 60}' is not a valid integer")


@pytest.mark.parametrize(
    ("escape", "shown"),
    [
        ("\\ud800", "U+D800 (lone surrogate)"),
        ("\\udfff", "U+DFFF (lone surrogate)"),
        ("\\0", "U+0000 (control character)"),
        ("\\a", "U+0007 (control character)"),
        ("\\e[31m", "U+001B (control character)"),
        ("\\r", "U+000D (control character)"),
        ("\\x7f", "U+007F (control character)"),
        ("\\x85", "U+0085 (control character)"),
        ("\\x9b", "U+009B (control character)"),
    ],
)
def test_control_characters_and_surrogates_in_strings(
    tmp_path: Path, escape: str, shown: str
) -> None:
    path = _yaml(tmp_path, f'a: 1\nlabel: "ab{escape}"\n')
    # libyaml refuses a surrogate's escape itself: no character position then
    at = "" if "surrogate" in shown else " at character 3"
    assert str(_error(path)) == f"{path}:2: string contains {shown}{at}: {TAIL_CHAR}"


def test_control_character_in_a_key(tmp_path: Path) -> None:
    path = _yaml(tmp_path, 'a: 1\n"k\\e": 2\n')
    assert str(_error(path)).startswith(f"{path}:2: string contains U+001B")


def test_tab_and_newline_in_strings_are_fine(tmp_path: Path) -> None:
    document = read_yaml(_yaml(tmp_path, 'a: "x\\ty\\nz"\nb: |\n  one\n  two\n'))
    assert document.data == {"a": "x\ty\nz", "b": "one\ntwo\n"}


@pytest.mark.parametrize(
    ("raw", "line", "shown"),
    [
        ("a: 1\nb: x\x1by\n", 2, "U+001B (control character)"),
        ("a: 1\nb: x\x00y\n", 2, "U+0000 (control character)"),
        ("a: 1\rb: 2\n", 1, "U+000D (control character)"),
        ("a: 1\n# \x07 in a comment\n", 2, "U+0007 (control character)"),
    ],
)
def test_raw_control_characters_in_the_file(
    tmp_path: Path, raw: str, line: int, shown: str
) -> None:
    path = _yaml(tmp_path, raw)
    assert str(_error(path)) == f"{path}:{line}: {shown} is not allowed in a YAML file; remove it"


def test_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    assert read_yaml(_yaml(tmp_path, "a: 1\r\nb: 2\r\n")).data == {"a": 1, "b": 2}


def test_the_seed_annotation_still_loads() -> None:
    loaded = load_annotation(ARTICLES / SEED / "annotation.yaml")
    assert loaded.annotation.article.publisher == "the-moscow-times"


# --- article.md -------------------------------------------------------------------------------


def _article(articles: Path) -> Path:
    return articles / SEED / "article.md"


@pytest.mark.parametrize(
    ("insert", "shown"),
    [
        ("\x00", "U+0000 (control character)"),
        ("\x1b[2J", "U+001B (control character)"),
        ("\x07", "U+0007 (control character)"),
        ("\r", "U+000D (control character)"),
        ("\x85", "U+0085 (control character)"),
    ],
)
def test_article_control_characters_name_the_line(articles: Path, insert: str, shown: str) -> None:
    path = _article(articles)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4] + insert + "x"
    path.write_text("\n".join(lines), encoding="utf-8", newline="")
    with pytest.raises(ArticleError) as caught:
        load_article(path.parent)
    assert str(caught.value) == (
        f"{path}:5: {shown} is not allowed in an article (only TAB, LF and CR LF line ends"
        " among control characters); remove it"
    )


def test_article_with_crlf_line_ends_is_fine(articles: Path) -> None:
    path = _article(articles)
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert load_article(path.parent).text == load_article(ARTICLES / SEED).text


def test_article_over_the_size_limit(articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDCAR_MAX_ARTICLE_BYTES", "1000")
    path = _article(articles)
    with pytest.raises(LimitError) as caught:
        load_article(path.parent)
    assert str(caught.value) == (
        f"{path}: over the limit on the size of an article ({path.stat().st_size} bytes):"
        " the limit is 1000 bytes; set HANDCAR_MAX_ARTICLE_BYTES to raise it"
    )


def test_article_fifo_is_refused_without_blocking(articles: Path, no_hang: None) -> None:
    path = _article(articles)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(InputError) as caught:
        load_article(path.parent)
    assert str(caught.value) == (
        f"{path}: not a regular file (a FIFO, socket or device is refused)"
    )


def test_article_folder_is_refused(articles: Path) -> None:
    path = _article(articles)
    path.unlink()
    path.mkdir()
    with pytest.raises(InputError) as caught:
        load_article(path.parent)
    assert str(caught.value) == f"{path}: is a folder, not a file"


# --- article ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["a#b?c", "UPPER_case", "café", "a--b", "-a", "a-", "x" * 81, "a b"]
)
def test_bad_article_ids_stop_the_build(tmp_path: Path, articles: Path, name: str) -> None:
    (articles / SEED).rename(articles / name)
    before = _snapshot(articles)
    code, output = _build(articles, tmp_path / "out")
    assert code == 2, output
    assert output.startswith(f"error: {articles / name}: {name!r} is not a valid article id:")
    assert "rename the folder" in output
    assert not (tmp_path / "out").exists()
    assert _snapshot(articles) == before


def test_unprintable_folder_names_are_escaped(articles: Path) -> None:
    (articles / "bad\x1bname").mkdir()
    with pytest.raises(InputError) as caught:
        article_folders(articles)
    assert str(caught.value).startswith(f"{articles}/bad\\x1bname: 'bad\\\\x1bname' is not")
    assert "\x1b" not in str(caught.value)


def test_dot_folders_are_hidden_so_never_published(tmp_path: Path, articles: Path) -> None:
    (articles / SEED).rename(articles / "...")
    code, output = _build(articles, tmp_path / "out")
    assert (code, output) == (
        2,
        f"error: {articles}: no articles found (expected <id>/article.md)\n",
    )


def test_hidden_entries_and_stray_files_are_ignored(articles: Path) -> None:
    (articles / ".git").mkdir()
    (articles / ".draft").mkdir()
    (articles / ".draft" / "article.md").write_text("# hidden\n", encoding="utf-8")
    (articles / "notes.txt").write_text("not an article\n", encoding="utf-8")
    assert [p.name for p in article_folders(articles)] == [SEED]


def test_folder_without_article_md_stops_the_build(tmp_path: Path, articles: Path) -> None:
    (articles / "half-done").mkdir()
    (articles / "half-done" / "annotation.yaml").write_text("format: x\n", encoding="utf-8")
    code, output = _build(articles, tmp_path / "out")
    assert code == 2
    assert output == (
        f"error: {articles / 'half-done'}: an article folder without article.md: add the"
        " article, or move the folder out of the articles folder\n"
    )


# --- through the command line ---------------------------------------------------------------


def _replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` in ``path``; the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
    return text.count("\n", 0, index) + 1


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("date: 2021-02-25", "date: 2021-02-30", "'2021-02-30' is not a valid date"),
        ("name: Vladislav Sorokin", 'name: "Vladislav\\ud800"', "string contains U+D800"),
        ("name: Vladislav Sorokin", 'name: "\\e[31mVladislav"', "string contains U+001B"),
        ("name: Vladislav Sorokin", "name: !!python/object/apply:os.getcwd []", "YAML tag"),
        ("name: Vladislav Sorokin", "name: " + "[" * 80 + "]" * 80, "over the limit on YAML"),
    ],
)
def test_cli_reports_file_line_and_exit_2(
    tmp_path: Path, articles: Path, old: str, new: str, message: str
) -> None:
    path = articles / SEED / "annotation.yaml"
    line = _replace(path, old, new)
    before = _snapshot(articles)
    code, output = _build(articles, tmp_path / "out")
    assert code == 2, output
    assert output.startswith(f"error: {path}:{line}: {message}"), output
    assert not (tmp_path / "out").exists()
    assert _snapshot(articles) == before


def test_cli_enrichment_control_character(tmp_path: Path, articles: Path) -> None:
    path = articles / SEED / "enrichment.yaml"
    text = path.read_text(encoding="utf-8")
    assert "label: Wikidata" in text
    line = _replace(path, "label: Wikidata", 'label: "Wiki\\adata"')
    code, output = _build(articles, tmp_path / "out")
    assert code == 2, output
    assert output.startswith(f"error: {path}:{line}: string contains U+0007"), output


def test_cli_annotation_that_is_a_folder(tmp_path: Path, articles: Path) -> None:
    path = articles / SEED / "annotation.yaml"
    path.unlink()
    path.mkdir()
    code, output = _build(articles, tmp_path / "out")
    assert (code, output) == (2, f"error: {path}: is a folder, not a file\n")


@pytest.mark.parametrize("text", ["a: 1\n? - b\n: 2\n", "a: 1\n{x: 1}: 2\n", "a: &k 1\n*k : 2\n"])
def test_collection_or_alias_as_key(tmp_path: Path, text: str) -> None:
    path = _yaml(tmp_path, text)
    assert str(_error(path)) == (
        f"{path}:2: a mapping key must be a plain value (a word or a number), not a list,"
        " a mapping or an alias; write the key as text"
    )
