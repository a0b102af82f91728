"""Fuzz of the annotation loader: any YAML either loads or is one ``file:line: problem``.

Random structures (nested mappings and lists, real annotation keys, numbers, dates, unicode
strings with controls and lone surrogates) written as YAML three ways: JSON (a YAML subset whose
``\\u`` escapes carry surrogates and controls), ruamel's block style, and a soup of YAML
punctuation, anchors, aliases and tags. Never another exception, never a traceback.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from ruamel.yaml import YAML
from typer.testing import CliRunner

from handcar.annotation import load_annotation
from handcar.annotation import model as model_module
from handcar.cli import app
from handcar.errors import InputError
from support.paths import ARTICLES, SEED


def _is_model(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel) and value is not BaseModel


SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# every key of the annotation format, so that random data reaches the schema's checks
KEYS = sorted(
    {
        name
        for model in vars(model_module).values()
        if _is_model(model)
        for name in model.model_fields
    }
)
TEXT = st.text(
    alphabet=st.characters(codec=None, exclude_categories=())
    | st.sampled_from("\x00\x07\x1b\r\x85\ud800\udfff\t\n:#&*!|>'\""),
    max_size=20,
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | TEXT
    | st.sampled_from(
        ["handcar-annotation/1", "2021-02-25", "2021-02-30", "2021-02", "KiloM", "Diplomat"]
    )
)
KEY = st.sampled_from(KEYS) | TEXT
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEY, inner, max_size=4),
    max_leaves=25,
)
ANNOTATION = st.fixed_dictionaries(
    {"format": st.just("handcar-annotation/1")},
    optional={k: DATA for k in ("article", "entities", "events", "quantities", "times")},
)
SOUP = st.lists(
    st.sampled_from(
        [
            "a",
            "b: ",
            "- ",
            "\n",
            "  ",
            "[",
            "]",
            "{",
            "}",
            ", ",
            "&x ",
            "*x",
            "*y",
            "&y ",
            "!!str ",
            "!!python/object:os.system ",
            "!t ",
            "? ",
            "'",
            '"',
            "\\ud800",
            "\\e",
            "|\n",
            ">\n",
            "---\n",
            "...\n",
            "%YAML 1.1\n",
            "# c\n",
            "2021-02-30",
            "0x1F",
            "~",
            "entities:",
            "format: handcar-annotation/1\n",
            "\t",
            "\r\n",
            "\u2028",
            "é",
        ]
    ),
    max_size=40,
).map("".join)


def _assert_loads_or_reports(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        load_annotation(path)
    except InputError as exc:  # AnnotationError and LimitError are InputErrors
        assert re.match(rf"{re.escape(str(path))}:\d+: \S", str(exc)), str(exc)


def _block(data: Any) -> str | None:
    yaml = YAML()
    yaml.allow_unicode = True
    buffer = io.StringIO()
    try:
        yaml.dump(data, buffer)
    except Exception:  # ruamel cannot write some values (surrogates): JSON covers them
        return None
    return buffer.getvalue()


@SETTINGS
@given(data=DATA | ANNOTATION)
def test_json_yaml(tmp_path: Path, data: Any) -> None:
    _assert_loads_or_reports(tmp_path / "annotation.yaml", json.dumps(data, ensure_ascii=True))


@SETTINGS
@given(data=DATA | ANNOTATION)
def test_block_yaml(tmp_path: Path, data: Any) -> None:
    text = _block(data)
    if text is not None:
        _assert_loads_or_reports(tmp_path / "annotation.yaml", text)


@SETTINGS
@given(text=SOUP)
def test_yaml_soup(tmp_path: Path, text: str) -> None:
    _assert_loads_or_reports(tmp_path / "annotation.yaml", text)


@settings(SETTINGS, max_examples=12)
@given(text=SOUP | DATA.map(lambda data: json.dumps(data, ensure_ascii=True)))
def test_cli_build_exit_2_with_file_line(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Through ``handcar build``: exit 2, ``annotation.yaml:N:``, no traceback, nothing written."""
    work = tmp_path_factory.mktemp("fuzz")
    articles = work / "articles"
    shutil.copytree(ARTICLES, articles)
    path = articles / SEED / "annotation.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = CliRunner().invoke(
        app, ["build", "--articles", str(articles), "--out", str(work / "out"), "-q"]
    )
    assert result.exit_code == 2, result.output
    assert re.match(rf"error: {re.escape(str(path))}:\d+: \S", result.output), result.output
    assert "Traceback" not in result.output
    assert not (work / "out").exists()
