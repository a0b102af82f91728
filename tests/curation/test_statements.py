"""The draft's guess of the order of a journey's legs (curation/statements.py)."""

from __future__ import annotations

from handcar.curation.statements import travel_order
from handcar.curation.suggestion import Suggestion


def _place(name: str) -> Suggestion:
    return Suggestion("name", 0, 1, {"type": "Place", "name": name}, slug=name)


def _leg(at: int, **ends: str) -> Suggestion:
    return Suggestion("event", at, at + 1, {"type": "BusLeg"},
                      links=tuple((role, _place(name)) for role, name in ends.items()))


def _order(*legs: Suggestion) -> tuple[list[int], list[dict[str, str]]]:
    return travel_order(list(legs), lambda item: item.slug)


def test_a_leg_reaching_the_place_another_leaves_comes_first() -> None:
    order, routes = _order(_leg(0, origin="delm", destination="kelm"),
                           _leg(1, destination="delm"), _leg(2, destination="home"))
    assert order == [1, 0, 2]
    assert routes[1] == {"destination": "delm"} and routes[0]["origin"] == "delm"


def test_without_clues_the_text_order_and_a_circle_of_places_keeps_it() -> None:
    assert _order(_leg(0), _leg(1), _leg(2))[0] == [0, 1, 2]
    order, _ = _order(_leg(0, origin="a", destination="b"), _leg(1, origin="b", destination="a"))
    assert order == [0, 1]  # a round trip: each reaches where the other leaves


def test_ends_that_disagree_in_the_order_are_both_left_out() -> None:
    """The bus ends in Brenn, the flight after it starts in Varna: the shapes would refuse the
    two facts together, so neither is suggested; the other ends stay."""
    order, routes = _order(_leg(0, origin="kelm", destination="brenn"),
                           _leg(1, origin="varna", destination="oslo"))
    assert order == [0, 1]
    assert routes == [{"origin": "kelm"}, {"destination": "oslo"}]
