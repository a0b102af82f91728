"""YAML front matter: an optional block of metadata at the very top of ``article.md``.

The block starts with a line that is exactly ``---`` (the first line of the file) and ends with
the next line that is exactly ``---`` or ``...``. It is not part of the article's text: its
lines are blanked (kept as empty lines) before the Markdown is read, so every line number of
the text still counts lines of ``article.md``. The YAML itself is read by the annotation stage
(:mod:`handcar.annotation.frontmatter`), with the same safe reader and limits as an annotation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handcar.errors import ArticleError

OPEN = "---"
CLOSE = ("---", "...")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter's YAML, as lines 1..``last_line`` of ``article.md`` with the two fence
    lines blanked (so a YAML line number is an ``article.md`` line number)."""

    yaml: str
    last_line: int  # the closing fence's line


def split_front_matter(path: Path, source: str) -> tuple[FrontMatter | None, str]:
    """The front matter of ``source`` (line ends already ``"\\n"``), if any, and the Markdown
    with the front matter's lines blanked."""
    lines = source.split("\n")
    if lines[0].rstrip() != OPEN:
        return None, source
    end = next((n for n in range(1, len(lines)) if lines[n].rstrip() in CLOSE), None)
    if end is None:
        raise ArticleError(
            path, 1, "front matter opened with '---' is never closed (a line '---' or '...')"
        )
    blank = [""] * (end + 1)
    yaml = "\n".join(["", *lines[1:end], ""]) + "\n"
    return FrontMatter(yaml, end + 1), "\n".join(blank + lines[end + 1 :])
