"""The evidence-anchored annotation of an article: format, loading, and checks against the text."""

from handcar.annotation.load import load_annotation
from handcar.annotation.model import Annotation
from handcar.errors import AnnotationError

__all__ = ["Annotation", "AnnotationError", "load_annotation"]
