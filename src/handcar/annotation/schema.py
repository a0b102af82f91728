"""The JSON Schema of ``annotation.yaml``, generated from the format's pydantic model
(:mod:`handcar.annotation.model`), so it cannot drift from what the build accepts.

On top of the model, what editors need to complete and check as you type: the classes and
properties of the ontology as enums (DJO local names, prefixed standard names), the QUDT unit
codes of the bundled table as an enum, and ``type`` as a name or a list of names (the loader
accepts both). The schema ships in the package (``data/schema/annotation.schema.json``; a test
keeps it equal to what this module generates) and ``handcar new`` points drafts at a copy.
"""

from __future__ import annotations

import json
from typing import Any

from handcar.annotation.model import FORMAT, Annotation
from handcar.namespaces import DJO, split_iri
from handcar.units import all_codes
from handcar.vocabulary import vocabulary

SCHEMA_ID = "https://w3id.org/djo/schema/handcar-annotation-1.json"
"""The schema's identifier (``$id``): a name, never fetched by handcar."""
FILE_NAME = "annotation.schema.json"


def annotation_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an annotation file."""
    schema = Annotation.model_json_schema(mode="validation")
    defs = schema["$defs"]
    vocab = vocabulary()
    classes = _names(vocab.classes)
    properties = _names(vocab.object_properties | vocab.datatype_properties)
    term = defs["Thing"]["properties"]["type"]["items"]
    one_class = {**term, "anyOf": [{"enum": classes}, {"pattern": r"^[a-z][a-z0-9]*:"}]}
    defs["Thing"]["properties"]["type"] = {
        "description": defs["Thing"]["properties"]["type"].get("description", ""),
        "anyOf": [one_class, {"type": "array", "items": one_class, "minItems": 1}],
    }
    unit = defs["Quantity"]["properties"]["unit"]
    defs["Quantity"]["properties"]["unit"] = {**unit, "enum": all_codes()}
    fact = defs["Statement"]["properties"]["facts"]["items"]
    fact["prefixItems"][1] = {
        **fact["prefixItems"][1],
        "anyOf": [{"enum": properties}, {"pattern": r"^[a-z][a-z0-9]*:"}],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": f"handcar annotation ({FORMAT})",
    }


def schema_text() -> str:
    """:func:`annotation_schema` as the JSON text that is shipped and written."""
    return json.dumps(annotation_schema(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def _names(iris: Any) -> list[str]:
    """DJO local names and ``prefix:local`` names of other namespaces, sorted."""
    names = set()
    for iri in iris:
        if str(iri).startswith(str(DJO)):
            names.add(str(iri)[len(str(DJO)) :])
        else:
            split = split_iri(str(iri))
            if split is not None:
                names.add(f"{split[0]}:{split[1]}")
    return sorted(names)
