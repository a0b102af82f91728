"""The timeline of a journey (SVG): one box per leg in travel order, with its number, mode,
duration and date, and a red mark on the legs during which a border was crossed.

The boxes are of equal width: the order is what the data gives for every leg, while durations
are often given for some legs only (the seed's last two legs have none), so a scale would draw
what the article does not say. The picture says so in its caption line.
"""

from __future__ import annotations

import math

import drawsvg as dw

from handcar.publish.journey import JourneyView, LegView
from handcar.publish.pictures import FONT, arrowhead, svg, text_width, wrap
from handcar.publish.pictures.route import BORDER, INK, MUTED, STYLES

BOX_WIDTH, BOX_HEIGHT, GAP = 190, 92, 34
MARGIN, TOP = 20, 34
SIZE, LINE = 13, 16
NOTE = "legs in travel order; boxes are not drawn to scale"


def box_lines(leg: LegView) -> list[str]:
    """The words in a leg's box, top to bottom."""
    number = f"{leg.index}. " if leg.index is not None else ""
    lines = [f"{number}{leg.mode}"]
    lines.append(", ".join(leg.durations) if leg.durations else "duration not stated")
    lines += list(leg.dates)
    return lines


def timeline_svg(journey: JourneyView, *, standalone: bool = True) -> str:
    """The timeline of ``journey``."""
    legs = journey.legs
    width = 2 * MARGIN + max(max(len(legs), 1) * (BOX_WIDTH + GAP) - GAP,
                             math.ceil(text_width(NOTE, SIZE - 1)))  # the note is not cut
    height = TOP + BOX_HEIGHT + 40
    drawing = dw.Drawing(width, height, id_prefix="timeline-")
    drawing.append(dw.Title(f"Timeline of {journey.label}: "
                            + "; then ".join(" ".join(box_lines(leg)) for leg in legs)))
    drawing.append(dw.Rectangle(0, 0, width, height, fill="#fff"))
    drawing.append(dw.Text(NOTE, SIZE - 1, MARGIN, 18, font_family=FONT, fill=MUTED,
                           font_style="italic"))
    arrow = arrowhead("timeline", MUTED)
    for i, leg in enumerate(legs):
        x = MARGIN + i * (BOX_WIDTH + GAP)
        colour, dash = STYLES.get(leg.kind, (MUTED, "6,3"))
        group = dw.Group(class_="leg", id=f"timeline-leg-{leg.index or i + 1}")
        group.append(dw.Rectangle(x, TOP, BOX_WIDTH, BOX_HEIGHT, rx=8, fill="#fff",
                                  stroke=colour, stroke_width=3,
                                  stroke_dasharray=dash or "none"))
        lines = [part for text in box_lines(leg) for part in wrap(text, BOX_WIDTH - 16, SIZE)]
        for n, text in enumerate(lines):
            group.append(dw.Text(text, SIZE, x + BOX_WIDTH / 2, TOP + 24 + n * LINE,
                                 text_anchor="middle", font_family=FONT,
                                 font_weight="bold" if n == 0 else "normal",
                                 fill=colour if n == 0 else INK))
        if leg.crossings:
            group.append(dw.Rectangle(x, TOP + BOX_HEIGHT - 8, BOX_WIDTH, 8, fill=BORDER))
            group.append(dw.Text("border crossed during this leg", SIZE - 2, x + BOX_WIDTH / 2,
                                 TOP + BOX_HEIGHT + 20, text_anchor="middle",
                                 font_family=FONT, fill=BORDER, class_="border-label"))
        if i + 1 < len(legs):
            y = TOP + BOX_HEIGHT / 2
            group.append(dw.Line(x + BOX_WIDTH + 4, y, x + BOX_WIDTH + GAP - 10, y,
                                 stroke=MUTED, stroke_width=2, marker_end=arrow))
        drawing.append(group)
    return svg(drawing, standalone=standalone)
