"""read_yaml: libyaml parses, ruamel's YAML 1.2 resolver types the plain scalars, every key
and item keeps its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from handcar.annotation.yamlsource import parse_yaml
from handcar.errors import AnnotationError

PATH = Path("annotation.yaml")


@pytest.mark.parametrize(("plain", "value"), [
    ("yes", "yes"), ("on", "on"), ("No", "No"),  # YAML 1.1's booleans are text in 1.2
    ("12:30", "12:30"), ("1:20:30", "1:20:30"),  # 1.1's base-60 numbers too
    ("017", 17), ("0o17", 15), ("0x1F", 31), ("1_000", 1000), ("+12", 12),
    ("1e3", 1000.0), (".5", 0.5), ("true", True), ("FALSE", False), ("~", None), ("", None),
    ("2021-02-26", dt.date(2021, 2, 26)), ('"017"', "017"), ("!!str 3", "3"), ("!!int '4'", 4),
])
def test_plain_scalars_are_typed_as_yaml_1_2(plain: str, value: object) -> None:
    read = parse_yaml(f"a: {plain}\n", PATH).data["a"]
    assert read == value and type(read) is type(value)


def test_every_key_and_item_has_its_line() -> None:
    document = parse_yaml("format: x\nentities:\n  - id: a\n    name: A\n\n  - id: b\n", PATH)
    assert document.lines == {(): 1, ("format",): 1, ("entities",): 2, ("entities", 0): 3,
                              ("entities", 0, "id"): 3, ("entities", 0, "name"): 4,
                              ("entities", 1): 6, ("entities", 1, "id"): 6}


def test_a_merge_key_adds_the_keys_not_given() -> None:
    document = parse_yaml("base: &b {x: 1, y: 2}\nc:\n  <<: *b\n  y: 5\n", PATH)
    assert document.data["c"] == {"y": 5, "x": 1}
    assert document.lines[("c", "y")] == 4 and document.lines[("c", "x")] == 1
    with pytest.raises(AnnotationError, match="merges mappings only"):
        parse_yaml("c:\n  <<: [1]\n", PATH)
    nested = parse_yaml("a: &a {x: 1, z: {q: 1}}\nb: &b {<<: *a, y: 2}\n"
                        "c:\n  <<: [*b, {x: 9, w: 3}]\n  z: {q: 2}\n", PATH)
    assert nested.data["c"] == {"z": {"q": 2}, "y": 2, "x": 1, "w": 3}
    assert [nested.lines[("c", k)] for k in ("z", "y", "x", "w")] == [5, 2, 1, 4]
    assert nested.lines[("c", "z", "q")] == 5  # the key given here, not the merged one


def test_a_duplicate_key_is_an_error_at_its_line() -> None:
    with pytest.raises(AnnotationError) as error:
        parse_yaml("a: 1\nb: 2\na: 3\n", PATH)
    assert str(error.value) == "annotation.yaml:3: duplicate key 'a' (first at line 1); keep one"


def test_a_tab_in_the_indentation_is_named() -> None:
    with pytest.raises(AnnotationError) as error:
        parse_yaml("a:\n\t- b\n", PATH)
    assert str(error.value).endswith("cannot start any token: a tab (indent with spaces)")
    assert str(error.value).startswith("annotation.yaml:2: YAML syntax error")
