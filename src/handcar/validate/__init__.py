"""Validating RDF against SHACL shapes (handcar's or anyone's), built to be trusted in CI.

The pipeline, one module per job:

- :mod:`~handcar.validate.inputs`: read RDF files (or a release folder) into one graph; a syntax
  error becomes an :class:`~handcar.errors.InputError` naming the file and line.
- :mod:`~handcar.validate.shapes`: find and read the shapes (``shapes/*.ttl``) and the list of
  shapes that are intentionally empty.
- :mod:`~handcar.validate.lint`: check the shapes before using them (SHACL vocabulary, target
  classes, SHACL-for-SHACL, focus nodes), because pySHACL silently accepts misspelt shapes.
- :mod:`handcar.ontology` (outside this package, shared with the builder and publishing): the
  ontology model, with what the validator needs (declared classes and properties, subclass
  closure, disjoint pairs).
- :mod:`~handcar.validate.check`: the whole run as one call (handcar's shapes, or general mode:
  any data against any shapes), used by the CLI and the W3C suite runner.
- :mod:`~handcar.validate.engine`: prepare the data graph and run pySHACL.
- :mod:`~handcar.validate.prebinding`: when Oxigraph's substitution equals SHACL pre-binding.
- :mod:`~handcar.validate.report`: the report model (results, severities, labels, locations).
- :mod:`~handcar.validate.formats`: one module per output format (text, turtle, json, junit,
  sarif, github).
- :mod:`~handcar.validate.release`: the check ``handcar build`` runs before it publishes.
"""

from __future__ import annotations

from handcar.validate.report import Report, Result, Severity

__all__ = ["Report", "Result", "Severity"]
