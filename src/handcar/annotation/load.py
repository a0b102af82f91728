"""Loads an annotation file: YAML syntax, then the schema, each error with its file and line."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import UnionType
from typing import Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from handcar.annotation.model import Annotation
from handcar.annotation.yamlsource import YamlDocument, read_yaml
from handcar.errors import AnnotationError, close_names, did_you_mean


@dataclass(frozen=True)
class LoadedAnnotation:
    """A schema-valid annotation and the source positions of its parts."""

    annotation: Annotation
    source: YamlDocument

    def line(self, *loc: str | int) -> int:
        return self.source.line(loc)

    def error(self, message: str, *loc: str | int, hint: str | None = None) -> AnnotationError:
        """An error pointing at ``loc`` (keys and indexes into the YAML), with the likely fix."""
        error = AnnotationError(self.source.path, self.line(*loc), message)
        error.loc, error.hint = loc, hint
        return error


def load_annotation(path: Path) -> LoadedAnnotation:
    """Read and schema-check ``path``; raise AnnotationError at the first problem."""
    document = read_yaml(path)
    return LoadedAnnotation(validated(Annotation, document), document)


Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], document: YamlDocument) -> Model:
    """``document``'s data as ``model``; AnnotationError at the line of the first problem."""
    path = document.path
    if not isinstance(document.data, dict):
        raise _not_a_mapping(document)
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        problems = schema_problems(exc, document, model)
        more = len(problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        first = problems[0]
        error = AnnotationError(path, first.line, first.message + suffix)
        error.loc, error.hint = first.loc, first.hint
        raise error from None


def problems_of(model: type[BaseModel], document: YamlDocument) -> list[AnnotationError]:
    """Every problem of ``document``'s data as ``model``, each at its line (none: it is one);
    :func:`validated` raises the first."""
    if not isinstance(document.data, dict):
        return [_not_a_mapping(document)]
    try:
        model.model_validate(document.data)
    except ValidationError as exc:
        return schema_problems(exc, document, model)
    return []


def _not_a_mapping(document: YamlDocument) -> AnnotationError:
    return AnnotationError(document.path, document.line(()), "expected a mapping at the top level")


def schema_problems(
    exc: ValidationError, document: YamlDocument, model: type[BaseModel]
) -> list[AnnotationError]:
    """Every problem pydantic found in ``document`` read as ``model``, each at its line, in
    pydantic's order."""
    return [_problem(error, document, model) for error in exc.errors()]


def _problem(error: Any, document: YamlDocument, model: type[BaseModel]) -> AnnotationError:
    loc = _trim_union_branch(error["loc"])
    message = _message(error)
    field, _sep, rest = message.partition(": ")
    if rest and (*loc, field) in document.lines:  # a model check naming its field
        loc, message = (*loc, field), rest
    where = ".".join(str(part) for part in loc) or "(top level)"
    error_ = AnnotationError(document.path, document.line(loc), f"{where}: {message}")
    error_.loc, error_.hint = loc, _hint(error["type"], loc, model)
    return error_


def _hint(kind: str, loc: tuple, model: type[BaseModel]) -> str | None:
    """The likely fix for a pydantic error of ``kind`` at ``loc`` in ``model`` (a pattern: by
    the key; an unknown key: the keys that mapping takes, those spelt like it first)."""
    if kind == "string_pattern_mismatch":
        key = next((part for part in reversed(loc) if isinstance(part, str)), "")
        return _PATTERN_HINTS.get(key, _PATTERN_HINTS["id"])
    if kind == "extra_forbidden" and loc and isinstance(loc[-1], str):
        keys = _keys_at(model, loc[:-1])
        if keys is None:  # not one model there: the keys of the whole format
            return did_you_mean(close_names(loc[-1], _keys())) + _HINTS[kind]
        return (did_you_mean(close_names(loc[-1], keys))
                + f"the keys here are {', '.join(keys)} (articles/README.md)")
    return _HINTS.get(kind)


def _keys_at(model: type[BaseModel], loc: tuple) -> list[str] | None:
    """The keys of the mapping at ``loc`` (keys and list indexes from ``model``'s top level), in
    the format's order; None where that is not one model's mapping."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue  # an item of the list the key before it gave
        if not _is_model(current) or part not in current.model_fields:
            return None
        current = _item_type(current.model_fields[part].annotation)
    return list(current.model_fields) if _is_model(current) else None


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _item_type(annotation: Any) -> Any:
    """The model a field holds, itself or as the items of a list (``X | None`` is X); else
    ``annotation`` unchanged."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (list, tuple, Union, UnionType) and len(set(args)) == 1:
        return _item_type(args[0])
    return annotation


@cache
def _keys() -> frozenset[str]:
    """Every key of the annotation format and of an article's front matter."""
    from handcar.annotation import model

    models = [m for m in vars(model).values()
              if isinstance(m, type) and issubclass(m, BaseModel) and m is not BaseModel]
    return frozenset(name for m in models for name in m.model_fields)


_NUMBER = "a number without words or units: 90, 1.5 (the unit goes in unit:)"
_DAY = "a date as YYYY-MM-DD: 2021-02-25"
_HINTS = {
    "extra_forbidden": "check the spelling against articles/README.md (or `handcar schema`)",
    "missing": "add the key (see articles/README.md for what the item needs)",
    "literal_error": "use one of the values the message lists",
    "decimal_parsing": _NUMBER,
    "decimal_type": _NUMBER,
    "date_from_datetime_parsing": _DAY,
    "date_parsing": _DAY,
    "bool_parsing": "true or false",
    "bool_type": "true or false",
}
_LINK = "an item of this article (its id) or of another: <article-id>/<item-id>"
_LANGUAGE = "a BCP 47 language tag: en, ru, en-GB"
_PATTERN_HINTS = {  # by the key whose value does not match its pattern
    "id": "ids are lower-case slugs: letters, digits and hyphens",
    "type": "a DJO class (TrainLeg) or a prefixed standard one (schema:Person)",
    "lang": _LANGUAGE,
    "language": _LANGUAGE,
    "unit": "a QUDT unit code: KiloM, HR, NUM (articles/README.md, Quantities)",
    "url": "an http:// or https:// address",
    "iri": "an http:// or https:// IRI",
    "date": "a date 2021-02-25, a month 2021-02 or a year 2021",
    "same_as": "another article's item: <article-id>/<item-id>",
    "between": _LINK,
}


@dataclass(frozen=True)
class PartlyLoaded:
    """What :func:`load_collecting` could read: the annotation without its broken items (None
    when the file as a whole is unreadable), every problem, and the ids of the items left out
    (so that references to them are not reported a second time)."""

    loaded: LoadedAnnotation | None
    problems: list[AnnotationError]
    dropped: frozenset[str]
    quotes: tuple[DroppedQuote, ...] = ()
    """The quotes of the items left out whose quote keys themselves are sound: still checked
    against the text (``handcar check``), so one check shows both of an item's problems."""


@dataclass(frozen=True)
class DroppedQuote:
    """The quote of an item left out, where it is written."""

    line: int
    quote: str
    prefix: str | None
    suffix: str | None


def load_collecting(path: Path) -> PartlyLoaded:
    """Read ``path`` reporting every schema problem; items of the sections that break the
    schema are left out and the rest is loaded, so the later checks can still run on it."""
    document = read_yaml(path)  # YAML syntax: one error, nothing can be read past it
    if not isinstance(document.data, dict):
        raise _not_a_mapping(document)
    try:
        return PartlyLoaded(LoadedAnnotation(validated(Annotation, document), document), [],
                            frozenset())
    except AnnotationError:
        pass
    try:
        Annotation.model_validate(document.data)
    except ValidationError as exc:
        problems = schema_problems(exc, document, Annotation)
    def in_item(problem: AnnotationError) -> bool:
        loc = problem.loc
        return len(loc) >= 2 and isinstance(loc[1], int) and isinstance(
            document.data.get(loc[0]), list)

    if not all(in_item(p) for p in problems):
        return PartlyLoaded(None, problems, frozenset())  # a problem outside the item lists
    broken = {(p.loc[0], p.loc[1]) for p in problems}
    data = {
        key: [item for i, item in enumerate(value) if (key, i) not in broken]
        if isinstance(value, list) else value
        for key, value in document.data.items()
    }
    dropped = frozenset(
        str(document.data[key][i].get("id")) for key, i in broken
        if isinstance(document.data[key][i], dict) and "id" in document.data[key][i]
    )
    kept = {(key, i): j for key, value in document.data.items() if isinstance(value, list)
            for j, i in enumerate(i for i in range(len(value)) if (key, i) not in broken)}
    lines = {}
    for loc, line in document.lines.items():
        if len(loc) >= 2 and (loc[0], loc[1]) in kept:
            lines[(loc[0], kept[(loc[0], loc[1])], *loc[2:])] = line
        elif len(loc) < 2 or not isinstance(loc[1], int):
            lines[loc] = line
    partial = YamlDocument(path, data, lines)
    quotes = _dropped_quotes(document, broken, problems)
    try:
        annotation = Annotation.model_validate(data)
    except ValidationError:
        return PartlyLoaded(None, problems, dropped, quotes)
    return PartlyLoaded(LoadedAnnotation(annotation, partial), problems, dropped, quotes)


def _dropped_quotes(document: YamlDocument, broken: set[tuple[str, int]],
                    problems: list[AnnotationError]) -> tuple[DroppedQuote, ...]:
    """The quotes of the ``broken`` items whose quote, prefix and suffix are themselves sound."""
    unsound = {(p.loc[0], p.loc[1]) for p in problems
               if len(p.loc) > 2 and p.loc[2] in ("quote", "prefix", "suffix")}
    found = []
    for key, i in sorted(broken - unsound):
        item = document.data[key][i]
        if not isinstance(item, dict) or not isinstance(item.get("quote"), str):
            continue
        prefix, suffix = item.get("prefix"), item.get("suffix")
        found.append(DroppedQuote(document.line((key, i, "quote")), item["quote"],
                                  prefix if isinstance(prefix, str) else None,
                                  suffix if isinstance(suffix, str) else None))
    return tuple(found)


def _trim_union_branch(loc: tuple) -> tuple:
    """Drop pydantic's union-member names (``'str'``, ``'LangString'``) from an error location."""
    return tuple(part for part in loc if isinstance(part, int) or not _is_type_tag(part))


def _is_type_tag(part: str) -> bool:
    return part[:1].isupper() or part in {"str", "int", "bool", "date", "decimal"} or "[" in part


def _message(error: dict) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown key"
    if kind == "missing":
        return "required key is missing"
    message = error["msg"]
    return message.removeprefix("Value error, ")
