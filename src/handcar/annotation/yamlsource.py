"""Reads a YAML file into plain Python data plus the line of every value.

libyaml (through PyYAML's C parser) reads the file; every parser event is checked first
(:mod:`handcar.annotation.yamlguard`); each plain scalar is then typed by ruamel.yaml's YAML
1.2 resolver and constructor, as the drafts ruamel writes mean it ("yes" and "12:30" stay
text, "017" is seventeen). The result is flattened into plain data and a table from a path
(tuple of keys and indexes, as pydantic reports error locations) to a 1-based line number, so
every later error can name its line.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.nodes import ScalarNode as RuamelScalar

from handcar import limits
from handcar.annotation.yamlguard import check_events
from handcar.chars import describe, forbidden_in_file
from handcar.errors import AnnotationError, read_failure

Path_ = tuple[str | int, ...]

#: libyaml's parser when PyYAML was built with it (its wheels are), else PyYAML's own
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PLAIN = "handcar:plain"  # a plain scalar without a tag: ruamel's resolver types it
_STR, _MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"
_HEX = re.compile(r"[0-9a-fA-F]+")


class _Composer(_SafeLoader):  # type: ignore[misc,valid-type]
    """libyaml's composer; a plain untagged scalar is left for ruamel's YAML 1.2 resolver."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode and implicit[0]:
            return _PLAIN
        return super().resolve(kind, value, implicit)


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
    try:
        check_events(yaml.parse(text, Loader=_Composer), path)
        root = yaml.compose(text, Loader=_Composer)
    except yaml.MarkedYAMLError as exc:
        # Point at the construct the problem is in (where a flow sequence or mapping began),
        # which is the line the curator broke; mention where the parser noticed it.
        mark = exc.context_mark or exc.problem_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        if problem == "exceeded maximum nesting depth":  # libyaml's own (1000), read ahead
            where = exc.problem_mark.line + 1 if exc.problem_mark else line
            raise limits.YAML_DEPTH.exceeded(path, where, "over libyaml's 1000 levels") from None
        if problem == "found invalid Unicode character escape code" and exc.problem_mark:
            # libyaml refuses a lone surrogate's escape (\ud800) before the guard sees it
            at = exc.problem_mark.index
            digits = text[at : at + (8 if text[at - 1 : at] == "U" else 4)]
            code = int(digits, 16) if _HEX.fullmatch(digits) else 0x110000
            raise AnnotationError(path, exc.problem_mark.line + 1, (
                f"string contains {describe(chr(code))}: control characters and lone"
                " surrogates are not allowed; remove it") if code <= 0x10FFFF else (
                f"the escape of {digits!r} is not a Unicode character; remove it")) from None
        if problem.endswith("cannot start any token") and exc.problem_mark:
            found = text[exc.problem_mark.index : exc.problem_mark.index + 1]
            problem += ": a tab (indent with spaces)" if found == "\t" else f": {found!r}"
        if exc.context_mark and exc.problem_mark and exc.problem_mark.line != exc.context_mark.line:
            problem += f" (noticed at line {exc.problem_mark.line + 1})"
        raise AnnotationError(path, line, f"YAML syntax error: {problem}") from None
    except yaml.YAMLError as exc:  # e.g. a reader error: no mark, but a message
        raise AnnotationError(path, 1, f"YAML error: {exc}") from None
    except RecursionError:  # only when YAML_DEPTH is raised far above its default
        raise limits.YAML_DEPTH.exceeded(path, 1, "too deep for this Python") from None
    lines: dict[Path_, int] = {(): 1}
    try:
        data = None if root is None else _Plain(path, lines).value(root, ())
    except RecursionError:
        raise limits.YAML_DEPTH.exceeded(path, 1, "too deep for this Python") from None
    return YamlDocument(path, data, lines)


def _read_text(path: Path) -> str:
    """The text of a regular, readable, UTF-8 file without refused control characters."""
    try:
        data = limits.read_regular_file(path, limits.YAML_BYTES)
    except limits.LimitError as exc:  # a missing file among them
        if path.name == "annotation.yaml" and not os.path.lexists(path):
            missing = AnnotationError(path, None, exc.message)  # keeps its hint in a worker
            missing.hint = f"draft one beside the article: handcar new {path.parent}"
            raise missing from None
        raise
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


class _Plain:
    """Plain data from libyaml's nodes (the guard has bounded their depth and, aliases
    expanded, their number), recording the line of every key and item."""

    def __init__(self, path: Path, lines: dict[Path_, int]) -> None:
        self.path = path
        self.lines = lines
        ruamel = YAML(typ="rt")
        self.resolver, self.constructor = ruamel.resolver, ruamel.constructor

    def value(self, node: Any, loc: Path_) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for index, item in enumerate(node.value):
                self.lines[(*loc, index)] = item.start_mark.line + 1
                out.append(self.value(item, (*loc, index)))
            return out
        return self._scalar(node)

    def _mapping(self, node: Any, loc: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merged: list[Any] = []
        for key_node, value_node in node.value:
            if self._tag(key_node) == _MERGE:  # "<<: *base": its keys, unless given here
                merged += value_node.value if isinstance(value_node, yaml.SequenceNode) else [
                    value_node]
                continue
            key = str(self._scalar(key_node))
            line = key_node.start_mark.line + 1
            if key in out:
                raise AnnotationError(
                    self.path, line, f"duplicate key {key!r} (first at line "
                    f"{self.lines[(*loc, key)]}); keep one")
            self.lines[(*loc, key)] = line
            out[key] = self.value(value_node, (*loc, key))
        for source in merged:  # the first source that has a key gives it
            if not isinstance(source, yaml.MappingNode):
                raise AnnotationError(self.path, source.start_mark.line + 1,
                                      "'<<' merges mappings only; give it a mapping or an alias"
                                      " of one")
            own, self.lines = self.lines, {}
            try:
                given = self._mapping(source, loc)  # with its own merges
                taken = [key for key in given if key not in out]
                own.update({where: line for where, line in self.lines.items()
                            if len(where) > len(loc) and where[len(loc)] in taken})
            finally:
                self.lines = own
            out.update({key: given[key] for key in taken})
        return out

    def _tag(self, node: Any) -> str:
        if node.tag == _PLAIN:
            tag = self.resolver.resolve(RuamelScalar, node.value, (True, False))
            return str(getattr(tag, "value", tag))  # a Tag from ruamel 0.18 on
        return node.tag

    def _scalar(self, node: Any) -> Any:
        tag = self._tag(node)
        if tag == _STR:
            return node.value
        try:
            value = self.constructor.construct_object(
                RuamelScalar(tag, node.value, style=node.style or None))
        except (ValueError, OverflowError) as exc:
            # "2021-02-30" matches the timestamp pattern and fails in datetime; an integer of
            # more than 4300 digits fails in int(): neither says where
            what = _KINDS.get(tag.rpartition(":")[2], "value")
            raise AnnotationError(
                self.path, node.start_mark.line + 1,
                f"{node.value[:60]!r} is not a valid {what} ({exc}); {_FIXES[what]}") from None
        # ruamel's round-trip types (ScalarInt, ScalarFloat…) as Python's own
        for plain in (str, bool, int, float):
            if isinstance(value, plain):
                return plain(value)
        return value


_KINDS = {"timestamp": "date", "int": "integer", "float": "number"}
_FIXES = {
    "date": "write a real date as YYYY-MM-DD (or quote it to keep it as text)",
    "integer": "write a smaller number (or quote it to keep it as text)",
    "number": "write a valid number (or quote it to keep it as text)",
    "value": "quote it to keep it as text",
}
