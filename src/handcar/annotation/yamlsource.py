"""Reads a YAML file into plain Python data plus the line of every value.

ruamel.yaml keeps the position of each mapping key and sequence item; we flatten that into a
table from a path (tuple of keys and indexes, as pydantic reports error locations) to a
1-based line number, so every later error can name its line.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import Node, ScalarNode

from handcar import limits
from handcar.annotation.yamlguard import guard
from handcar.chars import describe, forbidden_in_file
from handcar.errors import AnnotationError, read_failure

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlDocument:
    """Plain data (dicts, lists, scalars) and the 1-based line of each path in it."""

    path: Path
    data: Any
    lines: dict[Path_, int]

    def line(self, loc: Path_) -> int:
        """The line of ``loc``, or of its nearest enclosing path that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)


def read_yaml(path: Path) -> YamlDocument:
    """Parse ``path`` safely; every problem becomes an AnnotationError (or LimitError).

    The file must be a regular file within ``YAML_BYTES``, UTF-8, without control characters;
    each parser event is checked (:mod:`handcar.annotation.yamlguard`) before its node is built.
    """
    return parse_yaml(_read_text(path), path)


def parse_yaml(text: str, path: Path) -> YamlDocument:
    """Parse YAML ``text`` that came from ``path`` (used in errors), checking every event.
    The last few documents are kept (``handcar check`` reads one file several times), so the
    result is shared: read it, never change it."""
    return _parse(text, path)


@functools.lru_cache(maxsize=8)
def _parse(text: str, path: Path) -> YamlDocument:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    guard(yaml, path)
    try:
        raw = yaml.load(text)
    except _BadScalar as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise AnnotationError(path, line, str(exc.problem)) from None
    except MarkedYAMLError as exc:
        # Point at the construct the problem is in (where a flow sequence or mapping began),
        # which is the line the curator broke; mention where the parser noticed it.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            problem += f" (noticed at line {exc.problem_mark.line + 1})"
        raise AnnotationError(path, line, f"YAML syntax error: {problem}") from None
    except YAMLError as exc:  # e.g. a reader error: no mark, but a message
        raise AnnotationError(path, 1, f"YAML error: {exc}") from None
    except RecursionError:  # only when YAML_DEPTH is raised far above its default
        raise limits.YAML_DEPTH.exceeded(path, 1, "too deep for this Python") from None
    lines: dict[Path_, int] = {(): 1}
    return YamlDocument(path, _plain(raw, (), lines), lines)


def _read_text(path: Path) -> str:
    """The text of a regular, readable, UTF-8 file without refused control characters."""
    try:
        data = limits.read_regular_file(path, limits.YAML_BYTES)
    except OSError as exc:
        raise read_failure(path, exc, AnnotationError) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise AnnotationError(path, line, f"not UTF-8 ({exc.reason}); save it as UTF-8") from None
    text = text.removeprefix("\ufeff")
    found = forbidden_in_file(text)
    if found is not None:
        line, char = found
        raise AnnotationError(
            path, line, f"{describe(char)} is not allowed in a YAML file; remove it"
        )
    return text


class _BadScalar(ConstructorError):
    """A scalar that looks like a date, time or number but is not a valid one."""


class _Constructor(RoundTripConstructor):
    """ruamel's round-trip constructor, but a scalar it cannot convert is an error at its line.

    ``2021-02-30`` matches the timestamp pattern and fails in ``datetime``; an integer of more
    than 4300 digits fails in ``int()``: both raise ValueError without a position."""

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:
            kind = str(getattr(node.tag, "value", node.tag)).rpartition(":")[2]
            what = _KINDS.get(kind, "value")
            value = f"{node.value[:60]!r} " if isinstance(node, ScalarNode) else ""
            raise _BadScalar(
                None, None, f"{value}is not a valid {what} ({exc}); {_FIXES[what]}", node.start_mark
            ) from None


_KINDS = {"timestamp": "date", "int": "integer", "float": "number"}
_FIXES = {
    "date": "write a real date as YYYY-MM-DD (or quote it to keep it as text)",
    "integer": "write a smaller number (or quote it to keep it as text)",
    "number": "write a valid number (or quote it to keep it as text)",
    "value": "quote it to keep it as text",
}


def _plain(node: Any, loc: Path_, lines: dict[Path_, int]) -> Any:
    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            key_line, _col = node.lc.key(key)
            lines[(*loc, str(key))] = key_line + 1
            out[str(key)] = _plain(value, (*loc, str(key)), lines)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, value in enumerate(node):
            item_line, _col = node.lc.item(index)
            lines[(*loc, index)] = item_line + 1
            out_list.append(_plain(value, (*loc, index), lines))
        return out_list
    if isinstance(node, str | TaggedScalar):  # TaggedScalar: an explicit ``!!str``
        return str(node.value if isinstance(node, TaggedScalar) else node)
    return node
