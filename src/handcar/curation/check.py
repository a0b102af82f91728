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
from typing import TYPE_CHECKING

from handcar.annotation.coverage import uncovered
from handcar.annotation.load import load_collecting
from handcar.annotation.resolve import AMBIGUOUS, UNCONFIRMED, resolve_collecting
from handcar.article import load_article
from handcar.errors import AnnotationError, InputError
from handcar.vocabulary import vocabulary

if TYPE_CHECKING:
    from handcar.annotation.model import Annotation


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


class ShapeFinding(InputError):
    """A SHACL Violation or Warning about one of the article's items. A Violation is a problem
    (the build refuses it); a Warning is reported and is not one (the build publishes with it,
    as with a leg whose destination the text does not name)."""

    def __init__(self, path: Path | str, line: int | None, message: str, *,
                 violation: bool) -> None:
        super().__init__(path, line, message)
        self.violation = violation

    def __reduce__(self):  # type: ignore[override]
        return (_finding, (self.path, self.line, self.message, self.violation))


def _finding(path: Path, line: int | None, message: str, violation: bool) -> ShapeFinding:
    return ShapeFinding(path, line, message, violation=violation)


def check_shapes(folder: Path) -> list[ShapeFinding]:
    """Build this article, with the articles its identity links and reading relations name,
    and validate this article's focus nodes against the shapes
    (:func:`~handcar.validate.partition.only_focus_nodes`: the same results as a whole
    validation gives for them); the Violations and Warnings, each at the line of the item (an
    empty list: the article conforms). Whole-corpus checks are the build's."""
    from handcar.annotation import load_annotation
    from handcar.build import build_dataset
    from handcar.validate.partition import only_focus_nodes
    from handcar.validate.release import check_dataset
    from handcar.validate.report import Severity

    loaded = load_annotation(folder / "annotation.yaml")
    lines = {
        item.id: loaded.line(section, i)
        for section in ("entities", "events", "quantities", "times", "statements",
                        "participations")
        for i, item in enumerate(getattr(loaded.annotation, section))
    }
    own = f"/{folder.name}."
    built = build_dataset(
        folder.parent, only=linked_articles(loaded.annotation, folder.name, folder.parent))
    with only_focus_nodes(lambda node: own in str(node)):
        report = check_dataset(built.dataset)
    found = []
    for result in report.results:
        focus = str(result.focus)
        if result.severity < Severity.WARNING or own not in focus:
            continue
        item = focus.split(own, 1)[1].split(".")[0]
        found.append(ShapeFinding(
            loaded.source.path, lines.get(item),
            f"{result.severity.name.lower()} ({item}): {' '.join(result.messages)}",
            violation=result.severity >= Severity.VIOLATION,
        ))
    return sorted(found, key=lambda f: (f.line or 0, f.message))  # the file's order


def linked_articles(annotation: Annotation, article: str, articles_dir: Path) -> set[str]:
    """``article`` and every article its identity links and reading relations name, and
    theirs in turn (each of those must be in the build for its links to resolve)."""
    from handcar.annotation import load_annotation

    found = {article}
    todo = [annotation]
    while todo:
        for name in _named(todo.pop()) - found:
            found.add(name)
            path = articles_dir / name / "annotation.yaml"
            if path.is_file():  # else the build says the article is missing
                todo.append(load_annotation(path).annotation)
    return found


def _named(annotation: Annotation) -> set[str]:
    """The other articles ``annotation`` names in its links and relations."""
    targets = [i.same_as for i in annotation.identities]
    targets += [end for r in annotation.reading_relations for end in r.between]
    return {t.split("/", 1)[0] for t in targets if "/" in t}
