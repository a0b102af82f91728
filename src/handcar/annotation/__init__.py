"""The evidence-anchored annotation of an article: format, loading, and checks against the text.

``load_annotation`` reads a file and checks it against the schema (:mod:`.model`);
:func:`handcar.annotation.resolve.resolve` checks it against the article and the ontology,
giving a :class:`~handcar.annotation.checked.CheckedAnnotation` that the graph is built from.
"""

from handcar.annotation.checked import CheckedAnnotation
from handcar.annotation.load import load_annotation
from handcar.annotation.model import Annotation
from handcar.errors import AnnotationError

__all__ = ["Annotation", "AnnotationError", "CheckedAnnotation", "load_annotation"]
