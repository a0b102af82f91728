"""Error types and the exit statuses they map to.

| exit | meaning |
|---:|---|
| 0 | success |
| 1 | the data does not conform (SHACL Violations), or ``build --check`` found ``out/`` stale |
| 2 | bad input or usage: a file, its line and the problem; a limit that was hit; a refusal |
| 3 | an I/O failure (disk full, permission denied, read-only file system); nothing was replaced |
"""

from __future__ import annotations

import errno
from collections.abc import Iterable
from pathlib import Path

EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_INPUT = 2
EXIT_IO = 3


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

    def __reduce__(self) -> tuple[type, tuple[Path, int | None, str]]:
        # pickled whole (not as its message), so it crosses from a build worker intact
        return (type(self), (self.path, self.line, self.message))


class AnnotationError(InputError):
    """An annotation file that is malformed, inconsistent, or disagrees with the article text.

    ``loc``: where in the YAML (keys and indexes), when known; ``hint``: the likely fix, shown
    by ``handcar check`` under the problem."""

    loc: tuple[str | int, ...] = ()
    hint: str | None = None

    def __reduce__(self):  # type: ignore[override]
        # with its location and hint, which a build worker's error must not lose
        return (_annotation_error, (type(self), self.path, self.line, self.message, self.loc,
                                    self.hint))


def _annotation_error(kind: type[AnnotationError], path: Path, line: int | None, message: str,
                      loc: tuple[str | int, ...], hint: str | None) -> AnnotationError:
    error = kind(path, line, message)
    error.loc, error.hint = loc, hint
    return error


def close_names(word: str, names: Iterable[str], n: int = 2) -> list[str]:
    """The ``names`` spelt most like a misspelt ``word``, closest first (difflib, ratio 0.75)."""
    import difflib

    return difflib.get_close_matches(word, sorted(names), n=n, cutoff=0.75)


def did_you_mean(names: list[str]) -> str:
    """"did you mean X or Y? " for close names (a hint's start), else ""."""
    return f"did you mean {' or '.join(names)}? " if names else ""


def with_hint(error: Exception) -> str:
    """``error`` as printed after ``error:``, with its hint (the likely fix) on a line below."""
    hint = getattr(error, "hint", None)
    return f"{error}\n  hint: {hint}" if hint else str(error)


class ArticleError(InputError):
    """A malformed ``article.md``."""


class LimitError(InputError):
    """An input over one of handcar's resource limits (:mod:`handcar.limits`), exit 2.

    The message names the limit, its value and how to raise it."""


class UsageError(ValueError):
    """A command line that cannot be carried out (a refused ``--out``, a bad ``--base``): exit 2."""


class IOFailure(OSError):
    """Writing or reading failed in the operating system (disk full, permissions): exit 3.

    Raised only where nothing the user had was replaced."""

    def __init__(self, path: Path | str, cause: OSError) -> None:
        self.path = Path(path)
        self.cause = cause
        reason = cause.strerror or type(cause).__name__
        super().__init__(cause.errno, f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: I/O error: {self.cause.strerror or self.cause}"

    def __reduce__(self) -> tuple[type, tuple[Path, OSError]]:
        return (type(self), (self.path, self.cause))


def read_failure(
    path: Path | str, exc: OSError, kind: type[InputError] = InputError, what: str = "cannot read"
) -> InputError | IOFailure:
    """The error for a failed read of ``path``: a missing path, a folder where a file belongs, a
    symlink loop or a name too long is bad input (``kind``, exit 2); anything else the system
    refused (permission denied, an I/O error) is an :class:`IOFailure` (exit 3)."""
    if exc.errno in _BAD_PATH or isinstance(exc, FileNotFoundError | NotADirectoryError):
        return kind(path, None, f"{what}: {exc.strerror or exc}")
    return IOFailure(path, exc)


#: errors that say the path is wrong, not that the system failed
_BAD_PATH = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EISDIR, errno.ELOOP, errno.ENAMETOOLONG})
