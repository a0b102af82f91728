"""Reads a YAML file into plain Python data plus the line of every value.

ruamel.yaml keeps the position of each mapping key and sequence item; we flatten that into a
table from a path (tuple of keys and indexes, as pydantic reports error locations) to a
1-based line number, so every later error can name its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from handcar.errors import AnnotationError

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
    """Parse ``path``; a syntax error becomes an AnnotationError with its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AnnotationError(path, None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise AnnotationError(path, None, f"not UTF-8: {exc}") from None
    yaml = YAML(typ="rt")
    try:
        raw = yaml.load(text)
    except MarkedYAMLError as exc:
        # Point at the construct the problem is in (where a flow sequence or mapping began),
        # which is the line the curator broke; mention where the parser noticed it.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            problem += f" (noticed at line {exc.problem_mark.line + 1})"
        raise AnnotationError(path, line, f"YAML syntax error: {problem}") from None
    lines: dict[Path_, int] = {(): 1}
    return YamlDocument(path, _plain(raw, (), lines), lines)


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
    if isinstance(node, str):
        return str(node)
    return node
