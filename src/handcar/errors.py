"""The error type of bad input: it names the file, the line and the problem (exit status 2)."""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input (article, annotation, enrichment): reported as ``file:line: message``, exit 2."""

    def __init__(self, path: Path | str, line: int | None, message: str) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class AnnotationError(InputError):
    """An annotation file that is malformed, inconsistent, or disagrees with the article text."""


class ArticleError(InputError):
    """A malformed ``article.md``."""
