"""The route diagram of a journey (SVG): its places from left to right, each leg an arrow
labelled with its number, mode, duration, distance(s), the place it went via and its date, and
each border crossing a red dashed line across its leg with the countries and the crossing point.

Named places are filled dots; places the article does not name are hollow dots labelled with
the article's words for them. A bound stays a bound ("> 1 km"); two readings of one distance
are both written. Only what the journey's data says is drawn: a leg without a duration says
"duration not stated".
"""

from __future__ import annotations

import drawsvg as dw

from handcar.publish.journey import JourneyView, LegView, Stop
from handcar.publish.pictures import FONT, arrowhead, svg, wrap

LEG_WIDTH = 250
MARGIN = 70
LINE_Y = 190
"""Where the legs' line is drawn when a border crossing's label goes above it."""
TOP = 30
"""The least room above a leg's words."""
SIZE = 13
LINE = 16
INK, MUTED, BORDER = "#1a1a1a", "#555", "#c0392b"
#: how each kind of leg's line is drawn: colour and dash pattern
STYLES = {
    "TrainLeg": ("#1f4e79", None),
    "BusLeg": ("#2e7d32", None),
    "HandcarLeg": ("#8e44ad", "10,5"),
    "WalkingLeg": ("#6d4c41", "3,4"),
    "FlightLeg": ("#00838f", "1,6"),
    "CarLeg": ("#ef6c00", None),
    "BoatLeg": ("#283593", "14,4"),
}


def leg_lines(leg: LegView) -> list[str]:
    """The words written above a leg's arrow, top to bottom."""
    number = f"{leg.index} · " if leg.index is not None else ""
    lines = [f"{number}{leg.mode}"]
    lines.append(", ".join(leg.durations) if leg.durations else "duration not stated")
    if leg.distances:
        lines.append("distance " + " / ".join(leg.distances)
                     + (" (two readings)" if len(leg.distances) == 2 else ""))
    lines += [f"via {stop.name}" for stop in leg.via]
    lines += list(leg.dates)
    return lines


def route_svg(journey: JourneyView, *, standalone: bool = True) -> str:
    """The route diagram of ``journey``."""
    legs = journey.legs
    width = 2 * MARGIN + max(len(legs), 1) * LEG_WIDTH
    # as high as the words above the line need: the crossings' labels, else the legs' words
    words = max((len(_wrapped(leg)) for leg in legs), default=1)
    line_y = LINE_Y if journey.crosses_border else TOP + 14 + LINE * (words - 1)
    height = line_y + 110
    drawing = dw.Drawing(width, height, id_prefix="route-")
    drawing.append(dw.Title(f"Route of {journey.label}: "
                            + "; ".join(" ".join(leg_lines(leg)) for leg in legs)))
    drawing.append(dw.Rectangle(0, 0, width, height, fill="#fff"))
    stops = journey.stops
    xs = [MARGIN + i * LEG_WIDTH for i in range(len(stops))]
    markers: dict[str, dw.Marker] = {}  # one arrowhead per kind of leg (ids are unique)
    for i, leg in enumerate(legs):
        colour = STYLES.get(leg.kind, (MUTED, ""))[0]
        marker = markers.setdefault(leg.kind, arrowhead(f"route-{leg.kind}", colour, 3))
        _leg(drawing, leg, xs[i], xs[i + 1], marker, line_y)
    for x, stop in zip(xs, stops, strict=True):
        _stop(drawing, stop, x, line_y)
    return svg(drawing, standalone=standalone)


def _wrapped(leg: LegView) -> list[str]:
    """The lines written above ``leg``'s arrow, wrapped to its width."""
    return [part for text in leg_lines(leg) for part in wrap(text, LEG_WIDTH - 20, SIZE)]


def _leg(drawing: dw.Drawing, leg: LegView, x0: float, x1: float, marker: dw.Marker,
         line_y: float) -> None:
    colour, dash = STYLES.get(leg.kind, (MUTED, "6,3"))
    group = dw.Group(class_="leg", id=f"route-leg-{leg.index or 0}")
    group.append(dw.Line(x0 + 10, line_y, x1 - 14, line_y, stroke=colour, stroke_width=4,
                         stroke_dasharray=dash or "none",
                         marker_end=marker))
    mid = (x0 + x1) / 2
    for k, crossing in enumerate(leg.crossings):
        x = mid + k * 12
        group.append(dw.Line(x, 34, x, line_y + 22, stroke=BORDER, stroke_width=2,
                             stroke_dasharray="5,4", class_="border"))
        countries = " → ".join(c for c in crossing.countries if c)
        label = f"border crossed{': ' + countries if countries else ''}"
        group.append(dw.Text(label, SIZE, x, 18 + k * LINE, text_anchor="middle",
                             font_family=FONT, font_weight="bold", fill=BORDER,
                             class_="border-label"))
        if crossing.point:
            group.append(dw.Text(f"at {crossing.point}", SIZE - 2, x, 30 + k * LINE,
                                 text_anchor="middle", font_family=FONT, fill=BORDER))
    lines = _wrapped(leg)
    top = line_y - 14 - LINE * (len(lines) - 1)
    for n, text in enumerate(lines):
        group.append(dw.Text(text, SIZE, mid, top + n * LINE, text_anchor="middle",
                             font_family=FONT, font_weight="bold" if n == 0 else "normal",
                             fill=colour if n == 0 else INK, stroke="#fff", stroke_width=4,
                             paint_order="stroke"))
    drawing.append(group)


def _stop(drawing: dw.Drawing, stop: Stop | None, x: float, line_y: float) -> None:
    group = dw.Group(class_="stop")
    if stop is None:
        group.append(dw.Circle(x, line_y, 7, fill="#fff", stroke=MUTED, stroke_dasharray="2,2"))
        group.append(dw.Text("not stated", SIZE, x, line_y + 28, text_anchor="middle",
                             font_family=FONT, fill=MUTED, font_style="italic"))
        drawing.append(group)
        return
    group.append(dw.Circle(x, line_y, 7, fill=INK if stop.named else "#fff", stroke=INK,
                           stroke_width=2))
    for n, text in enumerate(wrap(stop.name, LEG_WIDTH - 90, SIZE)):
        group.append(dw.Text(text, SIZE, x, line_y + 28 + n * LINE, text_anchor="middle",
                             font_family=FONT, fill=INK if stop.named else MUTED,
                             font_weight="bold" if stop.named else "normal",
                             font_style="normal" if stop.named else "italic"))
    drawing.append(group)
