"""A journey as its pictures and pages show it: ordered legs, their places, modes, durations,
distances and the border crossings, read from the ``asserted`` graph, and a quantity in words.

Only what the data says goes in: a bound stays a bound (``djo:minExclusive 1`` km is "> 1 km"),
an approximate value stays approximate ("about 1 km"), a place the article does not name stays
unnamed (shown by the words the article uses for it, ``djo:referredToAs``, or as "unnamed
place"), and a leg with two readings of its distance keeps both. Legs are ordered by
``djo:legIndex``, then by the ``djo:nextLeg`` chain, then by IRI. Everything is read by
looking up the journey's own nodes, so reading all journeys is linear in their size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, RDFS, Graph, Literal
from rdflib.term import Node

from handcar.namespaces import DJO, UNIT
from handcar.units import UnknownUnit, unit

#: value property → how its number is written, and what it says about the value
BOUNDS = (
    (DJO.numericValue, "{}"),
    (DJO.approximateValue, "about {}"),
    (DJO.minExclusive, "> {}"),
    (DJO.minInclusive, "≥ {}"),
    (DJO.maxExclusive, "< {}"),
    (DJO.maxInclusive, "≤ {}"),
)


@dataclass(frozen=True)
class Stop:
    """A place on the route: its name, or the article's words for an unnamed place."""

    iri: str
    name: str
    named: bool


@dataclass(frozen=True)
class Crossing:
    """A border crossing during a leg."""

    iri: str
    words: str
    countries: tuple[str, str]  # from, to ("" when the data does not say)
    point: str  # the crossing point's name or words ("" when none)


@dataclass(frozen=True)
class LegView:
    """One leg of a journey, in words."""

    iri: str
    index: int | None
    kind: str  # the DJO leg class's local name (TrainLeg, ...; "Leg" when none is more precise)
    mode: str
    words: str
    origin: Stop | None
    destination: Stop | None
    via: tuple[Stop, ...] = ()
    durations: tuple[str, ...] = ()
    distances: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    crossings: tuple[Crossing, ...] = ()


@dataclass(frozen=True)
class JourneyView:
    """A journey and its legs in order."""

    iri: str
    label: str
    legs: tuple[LegView, ...] = field(default_factory=tuple)

    @property
    def stops(self) -> list[Stop | None]:
        """The places in travel order: each leg's origin (the leg before's destination when
        the data states only that: where one leg ends the next begins), and the last leg's
        destination."""
        if not self.legs:
            return []
        before = [None, *(leg.destination for leg in self.legs[:-1])]
        return [leg.origin or end for leg, end in zip(self.legs, before, strict=True)] + [
            self.legs[-1].destination]

    @property
    def crosses_border(self) -> bool:
        """Whether a border crossing happens during one of its legs."""
        return any(leg.crossings for leg in self.legs)


def _number(value: Literal) -> str:
    number = Decimal(str(value))
    text = format(number.normalize(), "f") if number == number.to_integral() else str(number)
    return f"{int(number):,}".replace(",", " ") if number == number.to_integral() and \
        abs(number) >= 10000 else text


def unit_symbol(iri: Node | None) -> str:
    """A QUDT unit's symbol (``km``, ``h``) from the bundled table; its local name if unknown."""
    if iri is None:
        return ""
    code = str(iri).removeprefix(str(UNIT))
    try:
        found = unit(code)
    except UnknownUnit:
        return code
    return "" if found.symbol == "#" else found.symbol


def quantity_text(graph: Graph, node: Node) -> str | None:
    """A ``djo:QuantityValue`` in words: "32 h", "about 1 km", "> 1 km", "≥ 2 and < 5 km";
    None when ``node`` carries no value."""
    parts = [pattern.format(_number(value))
             for prop, pattern in BOUNDS
             for value in graph.objects(node, prop) if isinstance(value, Literal)]
    if not parts:
        return None
    symbol = unit_symbol(graph.value(node, DJO.unit))
    text = " and ".join(parts)
    return f"{text} {symbol}" if symbol else text


def _label(graph: Graph, node: Node) -> str:
    labels = sorted(graph.objects(node, RDFS.label),
                    key=lambda v: (getattr(v, "language", None) != "en", str(v)))
    return str(labels[0]) if labels else ""


def _stop(graph: Graph, node: Node | None) -> Stop | None:
    if node is None:
        return None
    if (node, RDF.type, DJO.UnnamedPlace) in graph:
        words = graph.value(node, DJO.referredToAs)
        return Stop(str(node), f"“{words}”" if words is not None else "unnamed place", False)
    return Stop(str(node), _label(graph, node) or str(node).rsplit("/", 1)[-1], True)


def _mode(graph: Graph, ontology: Graph, leg: Node) -> str:
    """The vehicle's kind ("train", "rail handcar"), else the leg's kind, from the ontology's
    labels of the DJO classes."""
    vehicle = graph.value(leg, DJO.vehicle)
    for thing in (vehicle, leg):
        if thing is None:
            continue
        for kind in sorted(graph.objects(thing, RDF.type)):
            if str(kind).startswith(str(DJO)) and kind not in (DJO.UnnamedPlace,):
                label = _label(ontology, kind)
                if label:
                    return label
    return "leg"


def _kind(graph: Graph, leg: Node) -> str:
    kinds = sorted(str(k).removeprefix(str(DJO)) for k in graph.objects(leg, RDF.type)
                   if str(k).startswith(str(DJO)) and k != DJO.Leg)
    return kinds[0] if kinds else "Leg"


def _crossing(graph: Graph, node: Node) -> Crossing:
    countries = tuple(_label(graph, graph.value(node, p)) if graph.value(node, p) else ""
                      for p in (DJO.fromCountry, DJO.toCountry))
    point = _stop(graph, graph.value(node, DJO.atCrossingPoint))
    return Crossing(str(node), str(graph.value(node, DJO.referredToAs) or _label(graph, node)),
                    (countries[0], countries[1]), point.name if point else "")


def leg_view(graph: Graph, ontology: Graph, leg: Node) -> LegView:
    """One leg of ``graph`` (the asserted graph) in words."""
    index = graph.value(leg, DJO.legIndex)
    durations = sorted(filter(None, (quantity_text(graph, q)
                                     for q in graph.objects(leg, DJO.duration))))
    distances = sorted(filter(None, (quantity_text(graph, q)
                                     for q in graph.objects(leg, DJO.distance))))
    crossings = sorted((_crossing(graph, c) for c in graph.subjects(DJO.duringLeg, leg)),
                       key=lambda c: c.iri)
    return LegView(
        iri=str(leg),
        index=int(index) if index is not None else None,
        kind=_kind(graph, leg),
        mode=_mode(graph, ontology, leg),
        words=str(graph.value(leg, DJO.referredToAs) or _label(graph, leg)),
        origin=_stop(graph, graph.value(leg, DJO.origin)),
        destination=_stop(graph, graph.value(leg, DJO.destination)),
        via=tuple(s for s in (_stop(graph, v) for v in sorted(graph.objects(leg, DJO.via))) if s),
        durations=tuple(durations),
        distances=tuple(distances),
        dates=(*sorted(str(d) for d in graph.objects(leg, DJO.date)),
               *_ends(graph, leg)),
        crossings=tuple(crossings),
    )


def _ends(graph: Graph, leg: Node) -> list[str]:
    """When the leg began or ended, where only that end is dated: "began 2024-11-17",
    "ended 2024-11-18 morning" (the period's label)."""
    return [f"{word} {_label(graph, period)}"
            for word, prop in (("began", DJO.beganDuring), ("ended", DJO.endedDuring))
            for period in sorted(graph.objects(leg, prop))]


def ordered_legs(graph: Graph, journey: Node) -> list[Node]:
    """The journey's legs by ``djo:legIndex``, then along ``djo:nextLeg``, then by IRI."""
    legs = sorted(graph.objects(journey, DJO.hasLeg))
    position: dict[Node, int] = {}
    nexts = {leg: graph.value(leg, DJO.nextLeg) for leg in legs}
    firsts = [leg for leg in legs if leg not in set(nexts.values())]
    for start in firsts:  # each chain in turn; a leg already placed ends it (no cycles)
        node = start
        while node in nexts and node not in position:
            position[node] = len(position)
            node = nexts[node]

    def key(leg: Node) -> tuple[int, int, str]:
        index = graph.value(leg, DJO.legIndex)
        return (int(index) if index is not None else 1 << 30, position.get(leg, 1 << 30),
                str(leg))

    return sorted(legs, key=key)


def journey_view(graph: Graph, ontology: Graph, journey: Node,
                 label: str | None = None) -> JourneyView:
    """The journey ``journey`` of ``graph`` (the asserted graph), its legs in order; named
    ``label`` (its page's title: a curators' label is not in the asserted graph), else by
    its words in ``graph``."""
    return JourneyView(
        iri=str(journey),
        label=label or str(graph.value(journey, DJO.referredToAs) or _label(graph, journey)),
        legs=tuple(leg_view(graph, ontology, leg) for leg in ordered_legs(graph, journey)),
    )
