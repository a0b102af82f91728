"""Checks the parser's event stream before any node is built.

libyaml's parser works with an explicit stack (no recursion) and never expands aliases; the
events are checked as it makes them, and the file is composed into nodes only when every
event passed, so nothing deeper or larger than the limits is ever built. It refuses, with the
line of the event:

- nesting deeper than ``YAML_DEPTH`` (counting what aliases would add when expanded),
- more than ``YAML_ALIASES`` aliases, or more than ``YAML_NODES`` nodes once aliases are
  expanded (an alias bomb: 9 levels of 9 aliases is 9^9 nodes from 81 aliases),
- a list, mapping or alias as a mapping key (no plain data has one),
- any explicit tag outside the YAML core schema (``!!python/...``, ``!!binary``, ``!local``),
- strings with refused characters (:mod:`handcar.chars`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from handcar import limits
from handcar.chars import describe, forbidden_in_string
from handcar.errors import AnnotationError

CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
) | {"!"}


class EventGuard:
    """Sees every parser event once, in order, and raises at the first one over a limit."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.max_depth = int(limits.YAML_DEPTH.value())
        self.max_aliases = int(limits.YAML_ALIASES.value())
        self.max_nodes = int(limits.YAML_NODES.value())
        self.anchors: dict[str, tuple[int, int]] = {}  # anchor -> (expanded nodes, levels)
        # one entry per open collection:
        # [anchor, nodes before it, its level, deepest level inside, is a mapping, children]
        self.stack: list[list] = []
        self.nodes = self.aliases = 0

    def see(self, event: Event) -> None:
        """Check one event (raise AnnotationError or LimitError at its line)."""
        if not isinstance(event, NodeEvent | CollectionEndEvent):
            return
        line = event.start_mark.line + 1
        stack = self.stack
        if isinstance(event, CollectionEndEvent):
            anchor, before, level, inside, _mapping, _children = stack.pop()
            if anchor is not None:
                self.anchors[anchor] = (self.nodes - before, inside - level + 1)
            if stack:
                stack[-1][3] = max(stack[-1][3], inside)
            return
        if stack:
            parent = stack[-1]
            if parent[4] and parent[5] % 2 == 0 and not isinstance(event, ScalarEvent):
                raise AnnotationError(
                    self.path,
                    line,
                    "a mapping key must be a plain value (a word or a number), not a list,"
                    " a mapping or an alias; write the key as text",
                )
            parent[5] += 1
        if isinstance(event, AliasEvent):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise limits.YAML_ALIASES.exceeded(self.path, line, f"{self.aliases} aliases")
            size, height = self.anchors.get(str(event.anchor), (1, 0))
            self.nodes += size
            reached = len(stack) + height
            if stack:
                stack[-1][3] = max(stack[-1][3], reached)
        else:
            _check_tag(event, self.path, line)
            self.nodes += 1
            anchor = None if event.anchor is None else str(event.anchor)
            if isinstance(event, CollectionStartEvent):
                reached = len(stack) + 1
                mapping = isinstance(event, MappingStartEvent)
                stack.append([anchor, self.nodes - 1, reached, reached, mapping, 0])
            else:
                _check_scalar(str(getattr(event, "value", "")), self.path, line)
                reached = len(stack)
                if anchor is not None:
                    self.anchors[anchor] = (1, 0)
        if reached > self.max_depth:
            raise limits.YAML_DEPTH.exceeded(self.path, line, f"{reached} levels")
        if self.nodes > self.max_nodes:
            raise limits.YAML_NODES.exceeded(self.path, line, f"more than {self.max_nodes} nodes")


def check_events(events: Iterable[Event], path: Path) -> None:
    """Check every event of a parse (made one at a time, as this asks for them) with an
    :class:`EventGuard`: raise at the first over a limit."""
    checker = EventGuard(path)
    for event in events:
        checker.see(event)


def _check_tag(event: NodeEvent, path: Path, line: int) -> None:
    tag = getattr(event, "tag", None)
    if tag is None:
        return
    name = str(getattr(tag, "value", tag))
    if name not in CORE_TAGS:
        raise AnnotationError(
            path,
            line,
            f"YAML tag {name!r} is not allowed: only plain YAML (strings, numbers, booleans,"
            " null, lists, mappings) is read; remove the tag",
        )


def _check_scalar(value: str, path: Path, line: int) -> None:
    index = forbidden_in_string(value)
    if index is not None:
        raise AnnotationError(
            path,
            line,
            f"string contains {describe(value[index])} at character {index + 1}:"
            " control characters and lone surrogates are not allowed; remove it",
        )
