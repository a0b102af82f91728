"""The release's pictures, as SVG written at build time: the journey's route and timeline
(:mod:`.route`, :mod:`.timeline`) and the ontology's class diagrams (:mod:`.classes`).

drawsvg (pure Python, MIT) writes the SVG and escapes its text; grandalf (pure Python) lays out
the class diagrams (Sugiyama layering). Neither needs a system binary, a browser or the network,
and both were checked to give the same bytes under any ``PYTHONHASHSEED``; Graphviz was not
chosen because its SVG changes with its version and the fonts installed. Text is measured by a
fixed estimate of the average glyph width (:func:`text_width`), not by fonts: the pictures come
out the same on every machine, and the layout leaves room for wide glyphs.
"""

from __future__ import annotations

import textwrap

import drawsvg as dw

FONT = "Helvetica, Arial, sans-serif"
GLYPH = 0.6
"""Average glyph width as a fraction of the font size (generous for sans-serif text)."""


def text_width(text: str, size: float) -> float:
    """Estimated width of ``text`` at font ``size``."""
    return len(text) * size * GLYPH


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (by :func:`text_width`)."""
    return textwrap.wrap(text, max(int(width / (size * GLYPH)), 8)) or [""]


def svg(drawing: dw.Drawing, *, standalone: bool = True) -> str:
    """The drawing as SVG text: with an XML declaration for a file, without for inlining."""
    header = '<?xml version="1.0" encoding="UTF-8"?>\n' if standalone else ""
    text = drawing.as_svg(header=header)
    return text if text.endswith("\n") else text + "\n"


def arrowhead(prefix: str, colour: str, scale: float = 5) -> dw.Marker:
    """A filled arrowhead for line ends (``scale``: its size in stroke widths)."""
    marker = dw.Marker(-0.1, -0.5, 0.9, 0.5, scale=scale, orient="auto", id=f"{prefix}-arrow")
    marker.append(dw.Lines(-0.1, 0.5, -0.1, -0.5, 0.9, 0, fill=colour, close=True))
    return marker
