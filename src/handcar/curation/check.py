"""``handcar check``: one article's annotation against its text and the ontology, every problem
at once (each ``file:line`` with a hint of the likely fix), and what is left to do.

The checks are the build's own (:func:`handcar.annotation.load.load_collecting`,
:func:`handcar.annotation.resolve.resolve_collecting`), run so that they go on after a problem;
nothing is checked twice. With ``shapes``, an article without problems is also built with the
other articles of its folder and validated against the SHACL shapes (seconds, not milliseconds).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handcar.annotation.anchor import AmbiguousQuote, QuoteNotFound, find_quote
from handcar.annotation.coverage import uncovered
from handcar.annotation.load import LoadedAnnotation, PartlyLoaded, load_collecting
from handcar.annotation.resolve import AMBIGUOUS, UNCONFIRMED, quote_problem, resolve_collecting
from handcar.article import Article, load_article
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
    read: bool = False
    """Whether the annotation could be read (else no sentence counts as annotated)."""

    @property
    def annotated(self) -> int:
        """The sentences some item quotes."""
        return self.sentences - len(self.unannotated) if self.read else 0

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
        result.sentences = len(article.sentences)
        partly = load_collecting(folder / "annotation.yaml")
    except InputError as exc:  # unreadable: nothing past it can be checked
        result.problems.append(exc)
        return result
    result.problems += partly.problems
    if partly.loaded is None:
        return result
    result.read = True
    try:
        collected = resolve_collecting(partly.loaded, article, vocabulary(), partly.dropped)
    except AnnotationError as exc:  # pragma: no cover - resolve_collecting collects them
        result.problems.append(exc)
        return result
    result.problems += collected.problems
    result.problems += _dropped_quote_problems(article, partly, folder / "annotation.yaml")
    enrichment = folder / "enrichment.yaml"
    if collected.checked is not None and enrichment.exists():
        from handcar.annotation.enrichment import check_enrichment

        try:
            result.problems += check_enrichment(enrichment, collected.checked, vocabulary())[1]
        except InputError as exc:  # unreadable YAML
            result.problems.append(exc)
    result.problems.sort(key=lambda p: (str(p.path), p.line or 0))
    result.unannotated = [
        (article.line_of(s.start), article.text_of(s))
        for s in uncovered(article, collected.anchors)
    ]
    return result


def _dropped_quote_problems(
    article: Article, partly: PartlyLoaded, path: Path
) -> list[AnnotationError]:
    """The quotes of items the schema check left out that are not in the text once: the same
    problem resolving them would report, at the same line."""
    problems = []
    for dropped in partly.quotes:
        try:
            find_quote(article.text, dropped.quote, dropped.prefix, dropped.suffix)
        except (QuoteNotFound, AmbiguousQuote) as exc:
            message, hint = quote_problem(article, dropped.quote, dropped.prefix, dropped.suffix,
                                          exc)
            problem = AnnotationError(path, dropped.line, message)
            problem.hint = hint
            problems.append(problem)
    return problems


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
    """:func:`check_shapes_of` for one article folder."""
    return check_shapes_of([folder])[folder]


def check_shapes_of(folders: Sequence[Path]) -> dict[Path, list[ShapeFinding]]:
    """Build these articles (of one articles folder), with the articles their identity links
    and reading relations name, once, and validate their focus nodes against the shapes, once
    (:func:`~handcar.validate.partition.only_focus_nodes`: the same results as a whole
    validation gives for them); per folder, the Violations and Warnings, each at the line of
    the item, in the file's order (an empty list: the article conforms). A named entity's node
    (one IRI in every article) is an item of each article listing its id. Whole-corpus checks
    are the build's (a named entity may get more from articles this build leaves out). Raises
    the InputError of an article the build could not read."""
    from handcar.annotation import load_annotation
    from handcar.build import build_dataset
    from handcar.validate.partition import only_focus_nodes
    from handcar.validate.release import check_dataset
    from handcar.validate.report import Result, Severity

    if not folders:
        return {}
    # "." (the article's own folder) has no name: its absolute path has (symbolic links kept,
    # as the build lists them)
    where = {folder: Path(os.path.abspath(folder)) for folder in folders}
    parents = {path.parent for path in where.values()}
    if len(parents) != 1:
        raise ValueError("check_shapes_of: the folders must share one articles folder")
    articles_dir = parents.pop()
    given = {folder.parent for folder in folders}
    if len(given) == 1 and all(folder.name not in ("", ".", "..") for folder in folders):
        articles_dir = given.pop()  # as the curator wrote it, for the paths the build reports
    loaded = {where[folder].name: load_annotation(folder / "annotation.yaml")
              for folder in folders}
    lines = {
        name: {item.id: one.line(section, i)
               for section in ("entities", "events", "quantities", "times", "statements",
                               "participations")
               for i, item in enumerate(getattr(one.annotation, section))}
        for name, one in loaded.items()
    }
    only: set[str] = set()
    for name, one in loaded.items():
        only |= linked_articles(one.annotation, name, articles_dir)
    built = build_dataset(articles_dir, only=only)
    # a named entity has one IRI in every article ({base}{kind}/{id}): it is an item of each
    # checked article whose annotation lists that id
    named: dict[str, list[str]] = {}
    for name, one in loaded.items():
        for entity in one.annotation.entities:
            named.setdefault(entity.id, []).append(name)

    def owners(focus: str) -> list[tuple[str, str]]:
        scoped = _item_of(focus, loaded)
        if scoped is not None:
            return [scoped]
        parts = built.iris.split(focus)
        return [(name, parts[1]) for name in named.get(parts[1], ())] if parts else []

    with only_focus_nodes(lambda node: bool(owners(str(node)))):
        report = check_dataset(built.dataset)
    facts = _fact_lines(loaded)
    placed: list[tuple[str, str, int | None, Result]] = []
    blamed: dict[tuple[str, str], int] = {}  # a fact's value → the line of that wrong fact
    for result in report.results:
        if result.severity < Severity.WARNING:
            continue
        values = [] if result.value is None else owners(str(result.value))
        for name, item in owners(str(result.focus)):
            # a result about one value of a property: at the fact that states it, if one does
            line = next((facts[key] for value_of, value in values
                         if (key := (name, item, str(result.path_node), value)) in facts
                         and value_of == name), None)
            if line is not None:
                for value_of, value in values:
                    blamed.setdefault((value_of, value), line)
            placed.append((name, item, line, result))
    found: dict[str, list[ShapeFinding]] = {name: [] for name in loaded}
    for name, item, line, result in placed:
        message = f"{result.severity.name.lower()} ({item}): {report.message(result)}"
        if line is None and (name, item) in blamed:
            # what a wrong fact's value is inferred to be (a place as a distance becomes a
            # quantity without a unit): say which fact gives it
            message += f" (it is the value of the fact at line {blamed[name, item]})"
        found[name].append(ShapeFinding(
            loaded[name].source.path, line if line is not None else lines[name].get(item),
            message, violation=result.severity >= Severity.VIOLATION,
        ))
    # one finding per item and message (two pairs of labels of one place are one warning there)
    return {folder: sorted({str(f): f for f in found[where[folder].name]}.values(),
                           key=lambda f: (f.line or 0, f.message))
            for folder in folders}


def _fact_lines(loaded: dict[str, LoadedAnnotation]) -> dict[tuple[str, str, str, str], int]:
    """The line of each fact ``[subject, property, object id]`` of these annotations, by
    (article, subject id, property IRI, object id)."""
    from handcar.vocabulary import UnknownTerm

    words = vocabulary()
    found: dict[tuple[str, str, str, str], int] = {}
    for name, one in loaded.items():
        for i, statement in enumerate(one.annotation.statements):
            for j, (subject, term, value) in enumerate(statement.facts):
                if not isinstance(value, str):
                    continue
                try:
                    prop = str(words.property_(term))
                except UnknownTerm:
                    continue
                found.setdefault((name, subject, prop, value),
                                 one.line("statements", i, "facts", j))
    return found


def _item_of(focus: str, articles: Collection[str]) -> tuple[str, str] | None:
    """(article, item id) of an IRI ``…/<article>.<item>…`` of one of ``articles``, else None
    (a few string operations whatever the number of articles)."""
    start = focus.find("/")
    while start != -1:
        dot = focus.find(".", start + 1)
        if dot == -1:
            return None
        name = focus[start + 1 : dot]
        if "/" not in name and name in articles:
            return name, focus[dot + 1 :].split(".")[0]
        start = focus.find("/", start + 1)
    return None


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
