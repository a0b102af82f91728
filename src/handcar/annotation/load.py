"""Loads an annotation file: YAML syntax, then the schema, each error with its file and line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from handcar.annotation.model import Annotation
from handcar.annotation.yamlsource import YamlDocument, read_yaml
from handcar.errors import AnnotationError


@dataclass(frozen=True)
class LoadedAnnotation:
    """A schema-valid annotation and the source positions of its parts."""

    annotation: Annotation
    source: YamlDocument

    def line(self, *loc: str | int) -> int:
        return self.source.line(loc)

    def error(self, message: str, *loc: str | int) -> AnnotationError:
        """An error pointing at ``loc`` (keys and indexes into the YAML)."""
        return AnnotationError(self.source.path, self.line(*loc), message)


def load_annotation(path: Path) -> LoadedAnnotation:
    """Read and schema-check ``path``; raise AnnotationError at the first problem."""
    document = read_yaml(path)
    return LoadedAnnotation(validated(Annotation, document), document)


Model = TypeVar("Model", bound=BaseModel)


def validated(model: type[Model], document: YamlDocument) -> Model:
    """``document``'s data as ``model``; AnnotationError at the line of the first problem."""
    path = document.path
    if not isinstance(document.data, dict):
        raise AnnotationError(path, document.line(()), "expected a mapping at the top level")
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = _trim_union_branch(first["loc"])
        message = _message(first)
        field, _sep, rest = message.partition(": ")
        if rest and (*loc, field) in document.lines:  # a model check naming its field
            loc, message = (*loc, field), rest
        where = ".".join(str(part) for part in loc) or "(top level)"
        more = len(exc.errors()) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        raise AnnotationError(path, document.line(loc), f"{where}: {message}{suffix}") from None


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
