"""Where the plain text comes from: paragraphs joined by ``"\\n\\n"``, and each offset's line.

The text of an article is its paragraphs' plain texts (:mod:`handcar.article.markdown`) joined
by ``"\\n\\n"``, plus one final ``"\\n"``. The line map records, for the start of each paragraph
and each line break inside one, the 1-based line of ``article.md`` it comes from, so any offset
of the text can be reported as ``article.md:line``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from handcar.article.markdown import Paragraph

LineMap = tuple[tuple[int, int], ...]  # (offset, line) where lines begin, in offset order


@dataclass(frozen=True, slots=True)
class Span:
    """``Article.text[start:end]``: code-point offsets, end exclusive."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")


class Layout:
    """The paragraphs, the text they make, where each paragraph starts, and the line map."""

    def __init__(self, paras: Sequence[Paragraph]) -> None:
        self.paras = paras
        self.starts: list[int] = []
        line_map: list[tuple[int, int]] = []
        at = 0
        for para in paras:
            self.starts.append(at)
            line_map.append((at, para.line))
            line_map += [(at + b + 1, para.line + n) for n, b in enumerate(para.breaks, 1)]
            at += len(para.text) + 2
        self.text = "\n\n".join(para.text for para in paras) + "\n"
        self.line_map: LineMap = tuple(line_map)

    def span(self, i: int, start: int = 0, end: int | None = None) -> Span:
        """The trimmed part ``start:end`` of paragraph ``i``, as a span of the text."""
        text = self.paras[i].text
        start, end = trim(text, start, len(text) if end is None else end)
        return Span(self.starts[i] + start, self.starts[i] + end)

    def line_at(self, offset: int) -> int:
        return line_at(self.line_map, offset)


def line_at(line_map: LineMap, offset: int) -> int:
    """The 1-based line of article.md that the character at ``offset`` comes from."""
    index = bisect_right(line_map, (offset, float("inf"))) - 1
    return line_map[max(index, 0)][1]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` narrowed to leave out whitespace at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
