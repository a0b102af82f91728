"""OWL 2 DL checks over the RDF of ontology/djo.ttl and ontology/djo-align.ttl.

These follow the OWL 2 structural specification and its RDF mapping
(https://www.w3.org/TR/owl2-syntax/, https://www.w3.org/TR/owl2-mapping-to-rdf/): every entity is
declared, with one kind only; reserved vocabulary is not redeclared; data ranges come from the
OWL 2 datatype map (https://www.w3.org/TR/owl2-syntax/#Datatype_Maps); annotation properties stay
out of logical axioms; non-simple properties stay out of cardinality restrictions and the other
places section 11.2 forbids them. The reasoner test (test_djo_reasoner.py) checks the semantics.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from djo_helpers import (
    ALIGN_ONTOLOGY,
    DJO_ONTOLOGY,
    KINDS,
    XSD,
    declared_kinds,
    djo_terms_used,
    is_djo,
)
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

RESERVED = (str(RDF), str(RDFS), str(OWL), str(XSD))

#: OWL 2 datatype map (structural specification, section 4), plus rdfs:Literal
OWL2_DATATYPES = {
    RDFS.Literal,
    RDF.PlainLiteral,
    RDF.XMLLiteral,
    OWL.real,
    OWL.rational,
    *(
        XSD[name]
        for name in (
            *("decimal", "integer", "nonNegativeInteger", "nonPositiveInteger"),
            *("positiveInteger", "negativeInteger", "long", "int", "short", "byte"),
            *("unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "double"),
            *("float", "string", "normalizedString", "token", "language", "Name", "NCName"),
            *("NMTOKEN", "boolean", "hexBinary", "base64Binary", "anyURI", "dateTime"),
            "dateTimeStamp",
        )
    ),
}
#: outside the map: HermiT refuses them in axioms (data may still carry them; SHACL checks it)
FORBIDDEN_DATATYPES = {
    XSD[name]
    for name in (
        *("date", "time", "duration", "dayTimeDuration", "yearMonthDuration"),
        *("gYear", "gMonth", "gDay", "gYearMonth", "gMonthDay"),
    )
} | {RDF.langString}
# xsd:dayTimeDuration was accepted by HermiT here, but it is not in the OWL 2 map either; keep it
# out of axioms so that other OWL 2 DL tools accept the ontology too.

CARDINALITY = (
    OWL.cardinality,
    OWL.minCardinality,
    OWL.maxCardinality,
    OWL.qualifiedCardinality,
    OWL.minQualifiedCardinality,
    OWL.maxQualifiedCardinality,
)
RESTRICTION_KINDS = (
    OWL.someValuesFrom,
    OWL.allValuesFrom,
    OWL.hasValue,
    OWL.hasSelf,
    *CARDINALITY,
)
CLASS_POSITIONS_BOTH = (RDFS.subClassOf, OWL.equivalentClass, OWL.disjointWith)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
OBJECT_ONLY_CHARACTERISTICS = (
    OWL.TransitiveProperty,
    OWL.SymmetricProperty,
    OWL.AsymmetricProperty,
    OWL.ReflexiveProperty,
    OWL.IrreflexiveProperty,
    OWL.InverseFunctionalProperty,
)
BUILTIN_CLASSES = {OWL.Thing, OWL.Nothing}
STRUCTURAL_TYPES = {
    OWL.Ontology,
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.NamedIndividual,
    OWL.Restriction,
    OWL.AllDisjointClasses,
    OWL.AllDifferent,
    OWL.FunctionalProperty,
    *OBJECT_ONLY_CHARACTERISTICS,
    RDFS.Datatype,
}
FORBIDDEN_IMPORTS = (
    "https://schema.org",
    "http://schema.org",
    "http://qudt.org",
    "http://www.w3.org/ns/prov",
)


def modules(ontology):
    return [("djo.ttl", ontology.core), ("djo-align.ttl", ontology.align)]


def of_kind(graph: Graph, kind: URIRef) -> set[URIRef]:
    return {s for s in graph.subjects(RDF.type, kind) if isinstance(s, URIRef)}


def list_items(graph: Graph, head) -> list:
    return list(Collection(graph, head))


# --- modules and imports ------------------------------------------------------------------------


def test_each_module_is_one_owl_ontology(ontology):
    assert set(ontology.core.subjects(RDF.type, OWL.Ontology)) == {DJO_ONTOLOGY}
    assert set(ontology.align.subjects(RDF.type, OWL.Ontology)) == {ALIGN_ONTOLOGY}
    assert (ALIGN_ONTOLOGY, OWL.imports, DJO_ONTOLOGY) in ontology.align
    assert len(ontology.core) > 1000
    assert len(ontology.align) > 200


def test_no_import_of_non_dl_standards(merged):
    imports = [str(o) for o in merged.objects(None, OWL.imports)]
    bad = [iri for iri in imports if iri.startswith(FORBIDDEN_IMPORTS)]
    assert not bad, f"never owl:imports schema.org, QUDT or PROV-O: {bad}"
    assert set(imports) <= {str(DJO_ONTOLOGY)}, f"unexpected imports: {imports}"


def test_core_module_uses_no_standard_term_in_axioms(ontology):
    """djo.ttl is self-contained: standard terms appear only as annotation properties (the
    alignment lives in djo-align.ttl)."""
    annotation = of_kind(ontology.core, OWL.AnnotationProperty)
    foreign = set()
    for triple in ontology.core:
        for term in triple:
            if (
                isinstance(term, URIRef)
                and not is_djo(term)
                and not str(term).startswith(RESERVED)
                and term not in annotation
                and term != DJO_ONTOLOGY
            ):
                foreign.add((term, triple[1]))
    # objects of annotation assertions (licence, version IRI, see-also) are not entities
    annotation_objects = {
        o
        for p in (*annotation, OWL.versionIRI, RDFS.seeAlso)
        for o in ontology.core.objects(None, p)
    }
    foreign = {(t, p) for t, p in foreign if t not in annotation_objects}
    assert not foreign, f"standard terms used in djo.ttl axioms: {sorted(foreign)}"


# --- declarations -------------------------------------------------------------------------------


def test_every_djo_term_declared_with_exactly_one_kind(merged):
    problems = {}
    for term in sorted(djo_terms_used(merged)):
        kinds = declared_kinds(merged, term)
        if len(kinds) != 1:
            problems[str(term)] = sorted(kinds) or "undeclared"
    assert not problems, f"DJO terms not declared exactly once: {problems}"


def test_djo_terms_are_declared_in_the_core_module(ontology):
    """The alignment module may use DJO terms but never introduces one."""
    missing = {
        str(t) for t in djo_terms_used(ontology.align) if not declared_kinds(ontology.core, t)
    }
    assert not missing, f"DJO terms used in djo-align.ttl but not declared in djo.ttl: {missing}"


@pytest.mark.parametrize("which", ["djo.ttl", "djo-align.ttl", "merged"])
def test_no_punning(ontology, which):
    graph = {"djo.ttl": ontology.core, "djo-align.ttl": ontology.align, "merged": ontology.merged}[
        which
    ]
    punned = {}
    declared = {s for kind in KINDS for s in graph.subjects(RDF.type, kind)}
    for term in declared:
        kinds = declared_kinds(graph, term)
        properties = kinds & {"object property", "datatype property", "annotation property"}
        if (
            len(properties) > 1
            or ("class" in kinds and properties)
            or ("individual" in kinds and kinds - {"individual"})
        ):
            punned[str(term)] = sorted(kinds)
    assert not punned, f"terms declared with clashing kinds in {which}: {punned}"


def test_reserved_vocabulary_is_not_redeclared(merged):
    bad = {
        str(s)
        for kind in KINDS
        for s in merged.subjects(RDF.type, kind)
        if str(s).startswith(RESERVED)
    }
    assert not bad, f"rdf:/rdfs:/owl:/xsd: terms must not be declared: {bad}"


def test_every_entity_in_the_merged_ontology_is_declared(merged):
    """Classes, properties and individuals used anywhere are declared (OWL 2 DL requires it)."""
    classes = of_kind(merged, OWL.Class) | BUILTIN_CLASSES
    properties = {p for kind in PROPERTY_KINDS for p in of_kind(merged, kind)}
    individuals = of_kind(merged, OWL.NamedIndividual)
    problems = set()
    for s, p, o in merged:
        if not str(p).startswith(RESERVED) and p not in properties:
            problems.add(f"undeclared property {p}")
        if p == RDF.type and isinstance(o, URIRef) and o not in STRUCTURAL_TYPES:
            if o not in classes:
                problems.add(f"{s} typed with undeclared class {o}")
            if isinstance(s, URIRef) and s not in individuals:
                problems.add(f"{s} is typed {o} but not declared owl:NamedIndividual")
        if p in CLASS_POSITIONS_BOTH:
            for term in (s, o):
                if isinstance(term, URIRef) and term not in classes:
                    problems.add(f"{term} used as a class ({p}) but not declared")
        if p in (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty):
            for term in (s, o):
                if term not in properties:
                    problems.add(f"{term} used as a property ({p}) but not declared")
        if p == OWL.onProperty and o not in properties:
            problems.add(f"restriction on undeclared property {o}")
        if p == RDFS.domain and isinstance(o, URIRef) and o not in classes:
            problems.add(f"domain of {s} is not a declared class: {o}")
        filler = p in (OWL.someValuesFrom, OWL.allValuesFrom, OWL.onClass)
        if filler and isinstance(o, URIRef) and o not in classes and o not in OWL2_DATATYPES:
            problems.add(f"filler {o} is neither a declared class nor an OWL 2 datatype")
    for head in merged.objects(None, OWL.members):
        for member in list_items(merged, head):
            if member not in classes:
                problems.add(f"disjointness member {member} is not a declared class")
    for head in merged.objects(None, OWL.distinctMembers):
        for member in list_items(merged, head):
            if member not in individuals:
                problems.add(f"owl:AllDifferent member {member} is not a declared individual")
    assert not problems, "\n".join(sorted(problems))


# --- datatypes ------------------------------------------------------------------------------------


def test_only_owl2_datatype_map_in_axioms(merged):
    datatype_properties = of_kind(merged, OWL.DatatypeProperty)
    used = defaultdict(set)
    for prop in datatype_properties:
        for rng in merged.objects(prop, RDFS.range):
            used[rng].add(f"rdfs:range of {prop}")
    for restriction in merged.subjects(RDF.type, OWL.Restriction):
        on = merged.value(restriction, OWL.onProperty)
        if on in datatype_properties:
            for p in (OWL.someValuesFrom, OWL.allValuesFrom, OWL.onDataRange):
                for filler in merged.objects(restriction, p):
                    used[filler].add(f"restriction on {on}")
    for p in (OWL.onDatatype, OWL.withRestrictions):
        for s, o in merged.subject_objects(p):
            used[o].add(f"{p} of {s}")
    for datatype, where in used.items():
        assert datatype not in FORBIDDEN_DATATYPES, f"{datatype} in an axiom ({sorted(where)})"
        assert datatype in OWL2_DATATYPES, (
            f"{datatype} is not in the OWL 2 datatype map ({sorted(where)})"
        )


def test_forbidden_datatypes_appear_nowhere_but_annotations(merged):
    """xsd:date and friends may only show up as the datatype of an annotation value."""
    annotation = of_kind(merged, OWL.AnnotationProperty) | {RDFS.comment, RDFS.label}
    for s, p, o in merged:
        for term in (s, o):
            assert term not in FORBIDDEN_DATATYPES, f"{term} used as a term in ({s} {p} {o})"
        if isinstance(o, Literal) and o.datatype in FORBIDDEN_DATATYPES:
            assert p in annotation, f"{o.datatype} literal outside an annotation: ({s} {p} {o})"


def test_ranges_match_property_kinds(merged):
    classes = of_kind(merged, OWL.Class) | BUILTIN_CLASSES
    for prop in of_kind(merged, OWL.ObjectProperty):
        for rng in merged.objects(prop, RDFS.range):
            assert rng in classes, f"object property {prop} has non-class range {rng}"
    for prop in of_kind(merged, OWL.DatatypeProperty):
        for rng in merged.objects(prop, RDFS.range):
            assert rng in OWL2_DATATYPES, f"datatype property {prop} has range {rng}"
        for restriction in merged.subjects(OWL.onProperty, prop):
            for filler in merged.objects(restriction, OWL.someValuesFrom):
                assert filler not in classes, f"{prop} restricted to a class {filler}"


# --- properties -----------------------------------------------------------------------------------


def test_annotation_properties_stay_out_of_axioms(merged):
    annotation = of_kind(merged, OWL.AnnotationProperty)
    logical = of_kind(merged, OWL.ObjectProperty) | of_kind(merged, OWL.DatatypeProperty)
    for prop in annotation:
        assert (None, OWL.onProperty, prop) not in merged, f"restriction on annotation {prop}"
        assert (prop, OWL.inverseOf, None) not in merged
        assert (None, OWL.inverseOf, prop) not in merged
        for characteristic in (OWL.FunctionalProperty, *OBJECT_ONLY_CHARACTERISTICS):
            assert (prop, RDF.type, characteristic) not in merged, f"{prop} is {characteristic}"
        for sup in merged.objects(prop, RDFS.subPropertyOf):
            assert sup not in logical, f"annotation {prop} under logical property {sup}"
        for sub in merged.subjects(RDFS.subPropertyOf, prop):
            assert sub not in logical, f"logical property {sub} under annotation {prop}"
        for chain_owner in merged.subjects(OWL.propertyChainAxiom, None):
            chain = list_items(merged, merged.value(chain_owner, OWL.propertyChainAxiom))
            assert prop not in chain


def test_property_axioms_respect_kinds(merged):
    object_props = of_kind(merged, OWL.ObjectProperty)
    data_props = of_kind(merged, OWL.DatatypeProperty)
    annotation_props = of_kind(merged, OWL.AnnotationProperty)
    for characteristic in OBJECT_ONLY_CHARACTERISTICS:
        for prop in merged.subjects(RDF.type, characteristic):
            assert prop in object_props, f"{characteristic} on non-object property {prop}"
    for prop in merged.subjects(RDF.type, OWL.FunctionalProperty):
        assert prop in object_props | data_props, f"functional {prop} is not object/data"
    for s, o in merged.subject_objects(OWL.inverseOf):
        assert s in object_props and o in object_props, f"owl:inverseOf {s} {o}"
    for s, o in merged.subject_objects(RDFS.subPropertyOf):
        same = any(
            s in group and o in group for group in (object_props, data_props, annotation_props)
        )
        assert same, f"{s} rdfs:subPropertyOf {o} mixes property kinds"


def non_simple_properties(graph: Graph) -> set:
    """Transitive properties, properties with chains, their inverses and all their
    super-properties (OWL 2 structural specification, section 11.1)."""
    non_simple = set(graph.subjects(RDF.type, OWL.TransitiveProperty)) | set(
        graph.subjects(OWL.propertyChainAxiom, None)
    )
    changed = True
    while changed:
        changed = False
        for prop in list(non_simple):
            related = set(graph.objects(prop, RDFS.subPropertyOf))
            related |= set(graph.objects(prop, OWL.inverseOf))
            related |= set(graph.subjects(OWL.inverseOf, prop))
            related |= set(graph.objects(prop, OWL.equivalentProperty))
            related |= set(graph.subjects(OWL.equivalentProperty, prop))
            new = related - non_simple
            if new:
                non_simple |= new
                changed = True
    return non_simple


def test_non_simple_properties_not_in_cardinality_or_simple_only_axioms(merged):
    non_simple = non_simple_properties(merged)
    assert URIRef("https://w3id.org/djo#locatedIn") in non_simple, (
        "locatedIn is transitive, so it must count as non-simple"
    )
    for restriction in merged.subjects(RDF.type, OWL.Restriction):
        on = merged.value(restriction, OWL.onProperty)
        if any((restriction, p, None) in merged for p in (*CARDINALITY, OWL.hasSelf)):
            assert on not in non_simple, f"non-simple {on} in a cardinality/self restriction"
    for characteristic in (
        OWL.FunctionalProperty,
        OWL.InverseFunctionalProperty,
        OWL.IrreflexiveProperty,
        OWL.AsymmetricProperty,
    ):
        for prop in merged.subjects(RDF.type, characteristic):
            assert prop not in non_simple, f"non-simple {prop} declared {characteristic}"
    for s, o in merged.subject_objects(OWL.propertyDisjointWith):
        assert s not in non_simple and o not in non_simple
    for group in merged.subjects(RDF.type, OWL.AllDisjointProperties):
        for prop in list_items(merged, merged.value(group, OWL.members)):
            assert prop not in non_simple


# --- anonymous structure --------------------------------------------------------------------------


def test_blank_nodes_are_only_axiom_structure(merged):
    list_cells = set(merged.subjects(RDF.first, None))
    allowed_types = {OWL.Restriction, OWL.AllDisjointClasses, OWL.AllDifferent}
    bnodes = {t for triple in merged for t in triple if isinstance(t, BNode)}
    for node in bnodes:
        if node in list_cells:
            assert len(list(merged.objects(node, RDF.first))) == 1
            assert len(list(merged.objects(node, RDF.rest))) == 1
            continue
        types = set(merged.objects(node, RDF.type))
        assert types & allowed_types, f"unexpected blank node with types {types}"


def test_restrictions_are_well_formed(merged):
    for restriction in merged.subjects(RDF.type, OWL.Restriction):
        assert len(list(merged.objects(restriction, OWL.onProperty))) == 1
        kinds = [p for p in RESTRICTION_KINDS if (restriction, p, None) in merged]
        assert len(kinds) == 1, f"restriction with constraints {kinds}"
        for p in CARDINALITY:
            for value in merged.objects(restriction, p):
                assert isinstance(value, Literal) and value.datatype == XSD.nonNegativeInteger


def test_disjointness_lists_have_two_or_more_members(merged):
    for group in merged.subjects(RDF.type, OWL.AllDisjointClasses):
        assert len(list_items(merged, merged.value(group, OWL.members))) >= 2
    for group in merged.subjects(RDF.type, OWL.AllDifferent):
        assert len(list_items(merged, merged.value(group, OWL.distinctMembers))) >= 2


# --- alignment module shape ---------------------------------------------------------------------

#: axioms between standard terms that djo-align.ttl restates from the standards themselves
RESTATED = {
    (
        URIRef("http://www.w3.org/ns/org#Role"),
        URIRef("http://www.w3.org/2004/02/skos/core#Concept"),
    ),
    (
        URIRef("http://www.w3.org/ns/oa#Motivation"),
        URIRef("http://www.w3.org/2004/02/skos/core#Concept"),
    ),
}


def test_alignment_axioms_go_from_djo_to_standards(ontology):
    align = ontology.align
    for p in (RDFS.subClassOf, RDFS.subPropertyOf):
        for s, o in align.subject_objects(p):
            if (s, o) in RESTATED:
                continue
            assert is_djo(s), f"alignment axiom with a non-DJO subject: {s} {p} {o}"
            assert isinstance(o, BNode) or not is_djo(o), f"DJO-to-DJO axiom in align: {s} {o}"
    for p in (OWL.equivalentClass, OWL.equivalentProperty, OWL.sameAs):
        assert (None, p, None) not in align, f"no {p} in the alignment (it would leak both ways)"


def test_standard_terms_get_no_domains_or_ranges(ontology):
    for p in (RDFS.domain, RDFS.range):
        for s in ontology.align.subjects(p, None):
            assert is_djo(s), f"{p} asserted on standard term {s}"
