"""``handcar check``: one article's annotation against its text and the ontology, every problem
at once (each ``file:line`` with a hint of the likely fix), and what is left to do.

The checks are the build's own (:func:`handcar.annotation.load.load_collecting`,
:func:`handcar.annotation.resolve.resolve_collecting`), run so that they go on after a problem;
nothing is checked twice. With ``shapes``, an article without problems is also built with the
other articles of its folder and validated against the SHACL shapes (seconds, not milliseconds).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from handcar.annotation.coverage import uncovered
from handcar.annotation.load import load_collecting
from handcar.annotation.resolve import AMBIGUOUS, UNCONFIRMED, resolve_collecting
from handcar.article import load_article
from handcar.errors import AnnotationError, InputError
from handcar.vocabulary import vocabulary


@dataclass
class ArticleCheck:
    """What ``handcar check`` found in one article folder."""

    folder: Path
    problems: list[InputError] = field(default_factory=list)
    unannotated: list[tuple[int, str]] = field(default_factory=list)
    """Sentences no item quotes: (line of article.md, text)."""
    sentences: int = 0

    @property
    def unconfirmed(self) -> int:
        return sum(UNCONFIRMED in p.message for p in self.problems)

    @property
    def ambiguous(self) -> int:
        return sum(p.message.startswith(AMBIGUOUS) for p in self.problems)


def check_article(folder: Path) -> ArticleCheck:
    """Every problem of ``folder``'s annotation (and article), and its unannotated sentences."""
    result = ArticleCheck(folder)
    try:
        article = load_article(folder)
        partly = load_collecting(folder / "annotation.yaml")
    except InputError as exc:  # unreadable: nothing past it can be checked
        result.problems.append(exc)
        return result
    result.problems += partly.problems
    result.sentences = len(article.sentences)
    if partly.loaded is None:
        return result
    try:
        collected = resolve_collecting(partly.loaded, article, vocabulary(), partly.dropped)
    except AnnotationError as exc:  # pragma: no cover - resolve_collecting collects them
        result.problems.append(exc)
        return result
    result.problems += collected.problems
    result.problems.sort(key=lambda p: (str(p.path), p.line or 0))
    result.unannotated = [
        (article.line_of(s.start), article.text_of(s))
        for s in uncovered(article, collected.anchors)
    ]
    return result


def check_shapes(folder: Path) -> list[InputError]:
    """Build the articles of ``folder``'s parent and validate them against the shapes; the
    Violations and Warnings whose focus node is one of this article's items, each at the line
    of the item (an empty list: the article conforms)."""
    from handcar.annotation import load_annotation
    from handcar.build import build_dataset
    from handcar.validate.release import check_dataset
    from handcar.validate.report import Severity

    loaded = load_annotation(folder / "annotation.yaml")
    lines = {
        item.id: loaded.line(section, i)
        for section in ("entities", "events", "quantities", "times", "statements",
                        "participations")
        for i, item in enumerate(getattr(loaded.annotation, section))
    }
    report = check_dataset(build_dataset(folder.parent).dataset)
    own = f"/{folder.name}."
    found = []
    for result in report.results:
        focus = str(result.focus)
        if result.severity < Severity.WARNING or own not in focus:
            continue
        item = focus.split(own, 1)[1].split(".")[0]
        found.append(InputError(
            loaded.source.path, lines.get(item),
            f"{result.severity.name.lower()} ({item}): {' '.join(result.messages)}",
        ))
    return found
