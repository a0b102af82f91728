"""One view of the ontology's class diagram (SVG), laid out by grandalf's Sugiyama layering.

Each class of the view is a box with its prefixed name (``djo:Leg``), super-classes above their
sub-classes; a sub-class edge ends in a hollow triangle, a property edge is a dashed arrow
labelled with the property's name (several properties between two classes share one arrow);
classes of other views that the view's properties point to are grey boxes. Properties from a
class to itself are listed under its box (``↻ nextLeg``).
"""

from __future__ import annotations

from collections import defaultdict

import drawsvg as dw
from grandalf.graphs import Edge, Vertex, graph_core
from grandalf.layouts import SugiyamaLayout

from handcar.publish.classgraph import ClassGraph, View
from handcar.publish.pictures import FONT, arrowhead, svg, text_width

SIZE, BOX_HEIGHT, PAD, MARGIN, GAP = 12, 26, 10, 24, 40
INK, OTHER, EDGE = "#1a1a1a", "#888", "#1f4e79"


class _Box:
    """grandalf's view of a vertex: its size, and where the layout puts it (``xy``)."""

    def __init__(self, w: float, h: float) -> None:
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)


class _Path:
    """grandalf's view of an edge: the points of its route."""

    def __init__(self) -> None:
        self.points: list[tuple[float, float]] = []

    def setpath(self, points: list[tuple[float, float]]) -> None:
        self.points = [(float(x), float(y)) for x, y in points]


def class_svg(graph: ClassGraph, view: View, prefix: str = "djo") -> str:
    """The diagram of ``view`` of ``graph``."""
    members = graph.members(view)
    inside = set(members)
    loops: dict[str, list[str]] = defaultdict(list)
    arrows: dict[tuple[str, str], list[str]] = defaultdict(list)
    for domain, prop, rng in graph.properties:
        if domain not in inside:
            continue
        if domain == rng:
            loops[domain].append(prop)
        else:
            arrows[(domain, rng)].append(prop)
    others = sorted({r for _, r in arrows} - inside)
    names = [*members, *others]
    boxes = {}
    for name in names:
        lines = 1 + (1 if loops.get(name) else 0)
        width = max(text_width(f"{prefix}:{name}", SIZE),
                    text_width("↻ " + " / ".join(loops.get(name, [])), SIZE - 2)) + 2 * PAD
        boxes[name] = Vertex(name)
        boxes[name].view = _Box(width, BOX_HEIGHT + (lines - 1) * 14)
    edges = []
    for sub, sup in graph.subclass:
        if sub in inside and sup in inside:
            edge = Edge(boxes[sup], boxes[sub], data=("sub", sub, sup))
            edge.view = _Path()
            edges.append(edge)
    for (domain, rng), props in sorted(arrows.items()):
        edge = Edge(boxes[domain], boxes[rng], data=("prop", domain, rng, " / ".join(props)))
        edge.view = _Path()
        edges.append(edge)
    x_offset = MARGIN
    placed: dict[str, tuple[float, float]] = {}
    for vertices, component_edges in _components(names, boxes, edges):
        component = graph_core(vertices, component_edges, directed=True)
        sugiyama = SugiyamaLayout(component)
        sugiyama.xspace, sugiyama.yspace = 18, 64  # room between boxes and for edge labels
        roots = [v for v in vertices if not v.e_in()]
        sugiyama.init_all(roots=roots, inverted_edges=_feedback(vertices))
        sugiyama.draw(3)
        xs = [v.view.xy[0] - v.view.w / 2 for v in component.sV]
        shift = x_offset - min(xs)
        for v in component.sV:
            placed[v.data] = (v.view.xy[0] + shift, v.view.xy[1] + MARGIN + 30)
        for e in component.sE:
            e.view.points = [(x + shift, y + MARGIN + 30) for x, y in e.view.points]
        x_offset = max(v.view.xy[0] + shift + v.view.w / 2 for v in component.sV) + GAP
    width = x_offset - GAP + MARGIN
    height = max(y + boxes[n].view.h / 2 for n, (_, y) in placed.items()) + MARGIN
    drawing = dw.Drawing(round(width), round(height), id_prefix=f"{view.name}-")
    drawing.append(dw.Title(f"DJO, {view.title.lower()}: " + ", ".join(members)))
    drawing.append(dw.Rectangle(0, 0, round(width), round(height), fill="#fff"))
    drawing.append(dw.Text(view.title, SIZE + 4, MARGIN, MARGIN + 4, font_family=FONT,
                           font_weight="bold", fill=INK))
    hollow = dw.Marker(-0.1, -0.5, 0.9, 0.5, scale=12, orient="auto",
                       id=f"{view.name}-subclass")
    hollow.append(dw.Lines(-0.1, 0.5, -0.1, -0.5, 0.9, 0, fill="#fff", stroke=INK,
                           stroke_width=0.08, close=True))
    arrow = arrowhead(f"{view.name}-property", EDGE, 7)
    for edge in edges:
        _edge(drawing, edge, boxes, placed, hollow, arrow)
    for name in names:
        _box(drawing, name, boxes[name].view, placed[name], name in inside, loops.get(name),
             prefix, graph.labels.get(name, name))
    return svg(drawing)


def _components(names: list[str], boxes: dict[str, Vertex], edges: list[Edge]
                ) -> list[tuple[list[Vertex], list[Edge]]]:
    """The connected parts of the diagram, each with its vertices and edges in a fixed order
    (grandalf's own split iterates sets of objects hashed by address: not reproducible)."""
    part = {name: name for name in names}

    def find(name: str) -> str:
        while part[name] != name:
            name = part[name]
        return name

    for edge in edges:
        a, b = find(edge.v[0].data), find(edge.v[1].data)
        if a != b:
            part[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for name in names:
        groups.setdefault(find(name), []).append(name)
    return [([boxes[n] for n in members],
             [e for e in edges if find(e.v[0].data) == find(members[0])])
            for members in groups.values()]


def _feedback(vertices: list[Vertex]) -> list[Edge]:
    """Edges to reverse so the part is acyclic: the back edges of a depth-first search in
    the vertices' order (deterministic, unlike grandalf's default)."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    back: list[Edge] = []
    for start in vertices:
        if start.data in state:
            continue
        stack = [(start, iter(sorted(start.e_out(), key=lambda e: e.v[1].data)))]
        state[start.data] = 1
        while stack:
            vertex, out = stack[-1]
            edge = next(out, None)
            if edge is None:
                state[vertex.data] = 2
                stack.pop()
                continue
            target = edge.v[1]
            if state.get(target.data) == 1:
                back.append(edge)
            elif target.data not in state:
                state[target.data] = 1
                stack.append((target, iter(sorted(target.e_out(), key=lambda e: e.v[1].data))))
    return back


def _border(centre: tuple[float, float], box: _Box, towards: tuple[float, float]
            ) -> tuple[float, float]:
    """Where the line from the box's centre to ``towards`` leaves the box."""
    (cx, cy), (tx, ty) = centre, towards
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return centre
    scale = min(box.w / 2 / abs(dx) if dx else float("inf"),
                box.h / 2 / abs(dy) if dy else float("inf"))
    return cx + dx * scale, cy + dy * scale


def _edge(drawing: dw.Drawing, edge: Edge, boxes: dict[str, Vertex],
          placed: dict[str, tuple[float, float]], hollow: dw.Marker, arrow: dw.Marker) -> None:
    kind, *ends = edge.data
    if kind == "sub":
        sub, sup = ends
        start, end = placed[sub], placed[sup]
    else:
        start, end = placed[ends[0]], placed[ends[1]]
    middle = list(edge.view.points[1:-1])
    if kind == "sub" and middle:
        middle.reverse()  # grandalf routes from the super-class (the edge's source)
    first = middle[0] if middle else end
    last = middle[-1] if middle else start
    source = boxes[ends[0]].view
    target = boxes[ends[1]].view
    points = [_border(start, source, first), *middle, _border(end, target, last)]
    flat = [round(c, 1) for point in points for c in point]
    if kind == "sub":
        drawing.append(dw.Lines(*flat, fill="none", stroke=INK, stroke_width=1.2,
                                marker_end=hollow, class_="subclass"))
        return
    drawing.append(dw.Lines(*flat, fill="none", stroke=EDGE, stroke_width=1.2,
                            stroke_dasharray="5,3", marker_end=arrow, class_="property"))
    at = len(points) // 2
    (x0, y0), (x1, y1) = points[at - 1], points[at]
    drawing.append(dw.Text(ends[2], SIZE - 2, round((x0 + x1) / 2, 1), round((y0 + y1) / 2, 1),
                           text_anchor="middle", font_family=FONT, fill=EDGE, stroke="#fff",
                           stroke_width=3, paint_order="stroke", class_="property-label"))


def _box(drawing: dw.Drawing, name: str, box: _Box, centre: tuple[float, float], ours: bool,
         loops: list[str] | None, prefix: str, label: str) -> None:
    x, y = centre[0] - box.w / 2, centre[1] - box.h / 2
    group = dw.Group(class_="class" if ours else "class other", id=f"class-{name}")
    group.append(dw.Title(label))
    group.append(dw.Rectangle(round(x, 1), round(y, 1), round(box.w, 1), round(box.h, 1), rx=5,
                              fill="#eef3f8" if ours else "#f4f4f4",
                              stroke=INK if ours else OTHER,
                              stroke_dasharray="none" if ours else "4,3"))
    group.append(dw.Text(f"{prefix}:{name}", SIZE, round(centre[0], 1), round(y + 17, 1),
                         text_anchor="middle", font_family=FONT, fill=INK if ours else OTHER,
                         font_weight="bold" if ours else "normal"))
    if loops:
        group.append(dw.Text("↻ " + " / ".join(loops), SIZE - 2, round(centre[0], 1),
                             round(y + 31, 1), text_anchor="middle", font_family=FONT,
                             fill=EDGE))
    drawing.append(group)
