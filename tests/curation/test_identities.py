"""The draft's guess of which legs and journeys another report tells of too
(curation/identities.py)."""

from __future__ import annotations

from handcar.curation.identities import DraftedLeg, suggested_identities
from handcar.curation.known import Event, Other


def _links(legs: list[DraftedLeg], *events: Event) -> list[tuple[str, str]]:
    other = Other("other", (), events)
    found = suggested_identities(legs, "journey", [other],
                                 lambda types: any(t.endswith("Leg") for t in types), str)
    return [(link.id, link.same_as) for link in found]


def test_a_leg_needs_its_class_and_an_end_or_both_ends() -> None:
    bus = DraftedLeg("leg-bus", "BusLeg", "kelm", "delm")
    assert _links([bus], Event("b", ("BusLeg",), "", None, "delm", "j")) == [
        ("leg-bus", "other/b"), ("journey", "other/j")]
    assert _links([bus], Event("c", ("CarLeg",), "", None, "delm", "j")) == []  # one end only
    assert _links([bus], Event("c", ("CarLeg",), "", "kelm", "delm", "j")) == [
        ("leg-bus", "other/c"), ("journey", "other/j")]
    assert _links([bus], Event("b", ("BusLeg",), "", None, None, "j")) == []  # no place


def test_two_alike_candidates_give_none_and_a_leg_is_taken_once() -> None:
    bus = DraftedLeg("leg-bus", "BusLeg", None, "delm")
    assert _links([bus], Event("b1", ("BusLeg",), "", None, "delm"),
                  Event("b2", ("BusLeg",), "", None, "delm")) == []
    again = DraftedLeg("leg-bus-2", "BusLeg", None, "delm")
    assert _links([bus, again], Event("b1", ("BusLeg",), "", "kelm", "delm")) == [
        ("leg-bus", "other/b1")]  # no journey: the other leg has none
    # legs of two journeys of that article: which journey is not guessed
    car = DraftedLeg("leg-car", "CarLeg", "delm", None)
    assert ("journey", "other/j1") not in _links(
        [bus, car], Event("b", ("BusLeg",), "", None, "delm", "j1"),
        Event("c", ("CarLeg",), "", "delm", None, "j2"))


def test_an_end_both_state_differently_rules_a_leg_out() -> None:
    """A train from Pyongyang to Tumangang is not the other report's train from Pyongyang to
    somewhere else (a second group's journey, five weeks later, in the fiction this is from)."""
    train = DraftedLeg("leg-train", "TrainLeg", "pyongyang", "tumangang")
    assert _links([train], Event("t", ("TrainLeg",), "", "pyongyang", "train-ride-end", "j")) == []
    assert _links([train], Event("t", ("TrainLeg",), "", "pyongyang", None, "j")) == [
        ("leg-train", "other/t"), ("journey", "other/j")]
