"""The SHACL vocabulary that handcar's lint accepts: SHACL Core and SHACL-SPARQL.

Written from the W3C Recommendation (https://www.w3.org/TR/shacl/, sections 2-6 and the
vocabulary at https://www.w3.org/ns/shacl#). A term outside this list is almost always a typo
(``sh:minlength``, ``sh:targetclass``) that engines silently ignore; SHACL Advanced Features and
SHACL-JS terms (``sh:rule``, ``sh:target``, ``sh:js``, …) are deliberately not in it, since
handcar's shapes must work in any Core + SPARQL engine.
"""

from __future__ import annotations

from handcar import namespaces

SH = str(namespaces.SH)

CLASSES = frozenset([
    "Shape", "NodeShape", "PropertyShape", "PropertyGroup", "Severity", "Info", "Warning",
    "Violation", "NodeKind", "BlankNode", "IRI", "Literal", "BlankNodeOrIRI",
    "BlankNodeOrLiteral", "IRIOrLiteral", "ValidationReport", "ValidationResult",
    "AbstractResult", "ConstraintComponent", "Parameter", "Parameterizable", "Validator",
    "SPARQLConstraint", "SPARQLExecutable", "SPARQLAskExecutable", "SPARQLSelectExecutable",
    "SPARQLConstructExecutable", "SPARQLUpdateExecutable", "SPARQLAskValidator",
    "SPARQLSelectValidator", "PrefixDeclaration",
])

PROPERTIES = frozenset([
    "targetClass", "targetNode", "targetObjectsOf", "targetSubjectsOf", "message", "severity",
    "deactivated", "path", "inversePath", "alternativePath", "zeroOrMorePath", "oneOrMorePath",
    "zeroOrOnePath", "class", "datatype", "nodeKind", "minCount", "maxCount", "minExclusive",
    "minInclusive", "maxExclusive", "maxInclusive", "minLength", "maxLength", "pattern",
    "flags", "languageIn", "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals",
    "not", "and", "or", "xone", "node", "property", "qualifiedValueShape",
    "qualifiedValueShapesDisjoint", "qualifiedMinCount", "qualifiedMaxCount", "closed",
    "ignoredProperties", "hasValue", "in", "name", "description", "order", "group",
    "defaultValue", "conforms", "result", "focusNode", "resultPath", "resultSeverity",
    "resultMessage", "value", "detail", "sourceConstraint", "sourceConstraintComponent",
    "sourceShape", "shapesGraph", "suggestedShapesGraph", "entailment",
    "shapesGraphWellFormed", "parameter", "optional", "labelTemplate", "validator",
    "nodeValidator", "propertyValidator", "sparql", "select", "ask", "construct", "update",
    "prefixes", "declare", "prefix", "namespace",
])

#: constraint component -> its parameters (SHACL Core section 4, SHACL-SPARQL section 5)
COMPONENTS: dict[str, tuple[str, ...]] = {
    "ClassConstraintComponent": ("class",),
    "DatatypeConstraintComponent": ("datatype",),
    "NodeKindConstraintComponent": ("nodeKind",),
    "MinCountConstraintComponent": ("minCount",),
    "MaxCountConstraintComponent": ("maxCount",),
    "MinExclusiveConstraintComponent": ("minExclusive",),
    "MinInclusiveConstraintComponent": ("minInclusive",),
    "MaxExclusiveConstraintComponent": ("maxExclusive",),
    "MaxInclusiveConstraintComponent": ("maxInclusive",),
    "MinLengthConstraintComponent": ("minLength",),
    "MaxLengthConstraintComponent": ("maxLength",),
    "PatternConstraintComponent": ("pattern", "flags"),
    "LanguageInConstraintComponent": ("languageIn",),
    "UniqueLangConstraintComponent": ("uniqueLang",),
    "EqualsConstraintComponent": ("equals",),
    "DisjointConstraintComponent": ("disjoint",),
    "LessThanConstraintComponent": ("lessThan",),
    "LessThanOrEqualsConstraintComponent": ("lessThanOrEquals",),
    "NotConstraintComponent": ("not",),
    "AndConstraintComponent": ("and",),
    "OrConstraintComponent": ("or",),
    "XoneConstraintComponent": ("xone",),
    "NodeConstraintComponent": ("node",),
    "PropertyConstraintComponent": ("property",),
    "QualifiedMinCountConstraintComponent": ("qualifiedValueShape", "qualifiedMinCount",
                                             "qualifiedValueShapesDisjoint"),
    "QualifiedMaxCountConstraintComponent": ("qualifiedValueShape", "qualifiedMaxCount",
                                             "qualifiedValueShapesDisjoint"),
    "ClosedConstraintComponent": ("closed", "ignoredProperties"),
    "HasValueConstraintComponent": ("hasValue",),
    "InConstraintComponent": ("in",),
    "SPARQLConstraintComponent": ("sparql",),
}

TERMS: frozenset[str] = (
    CLASSES
    | PROPERTIES
    | frozenset(COMPONENTS)
    | frozenset(f"{component}-{parameter}" for component, params in COMPONENTS.items()
                for parameter in params)
)


def is_shacl_term(iri: str) -> bool:
    """True when ``iri`` is a term of SHACL Core or SHACL-SPARQL."""
    return iri.startswith(SH) and iri[len(SH):] in TERMS
