"""The SHACL rule "one value per reading" checks exactly the properties the ontology marks.

``djo:oneValuePerReading`` in the ontology says which properties have one value in the world for
one thing (the builder compares their readings, :mod:`handcar.graph.readings`);
``djosh:OneReadingPerStatementShape`` (djo-rules.ttl) checks that one statement gives at most one
value of each. The shapes must stand alone (the data graph carries no ontology), so the rule lists
the properties itself: this test keeps the two lists one.
"""

from __future__ import annotations

import re

from rdflib import Graph, URIRef

from handcar.namespaces import DJO, PREFIXES, SH
from handcar.ontology import load_ontology
from handcar.resources import shapes_dir

DJOSH = "https://w3id.org/djo/shapes#"


def _rule_properties() -> set[str]:
    graph = Graph().parse(shapes_dir() / "djo-rules.ttl")
    shape = URIRef(DJOSH + "OneReadingPerStatementShape")
    constraint = graph.value(shape, SH.sparql)
    select = str(graph.value(constraint, SH.select))
    listed = re.search(r"\?path IN \(([^)]*)\)", select)
    assert listed is not None, "the rule filters ?path by a list"
    found = set()
    for curie in re.split(r"[\s,]+", listed.group(1).strip()):
        prefix, local = curie.split(":")
        found.add(str(PREFIXES[prefix]) + local)
    return found


def test_the_rule_lists_exactly_the_marked_properties() -> None:
    marked = set(load_ontology().one_value_per_reading)
    assert str(DJO.destination) in marked and str(DJO.age) in marked
    assert _rule_properties() == marked


def test_no_marked_property_keeps_a_core_max_count() -> None:
    """Two readings of a marked property coexist: a Core sh:maxCount 1 on its path would make
    two honest reports a Violation (issue 13, point 2). The one exception: a news article's own
    publication day, which comes from its metadata, not from a statement."""
    graph = Graph().parse(shapes_dir() / "djo-shapes.ttl")
    marked = {URIRef(p) for p in load_ontology().one_value_per_reading}
    owners = set()
    for node, path in graph.subject_objects(SH.path):
        if path in marked and any(int(n) >= 1 for n in graph.objects(node, SH.maxCount)):
            owners |= set(graph.subjects(SH.property, node)) or {node}
    shapes = {str(owner).removeprefix(DJOSH) for owner in owners}
    assert shapes == {"NewsArticleShape"}
