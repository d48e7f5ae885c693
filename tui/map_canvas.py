"""The map drawn in a terminal: boundaries in braille dots, places as glyphs, all as Rich Text.

Pure functions of plain values: the map widget gathers what to show (in a worker) and calls draw().
A braille cell holds 2×4 dots and a terminal cell is about twice as tall as it is wide, so a dot is
roughly square; the frame scales longitude by cos(latitude) so distances read true.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from rich.style import Style
from rich.text import Text
from sitroom.db import BBox, Boundaries, Point

Ring = tuple[Point, ...]

# The bit of each dot (dx, dy) in a braille character, from U+2800.
_DOT = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08, (1, 1): 0x10, (1, 2): 0x20,
        (0, 3): 0x40, (1, 3): 0x80}
BORDER = Style(color="#9a9a9a")
INNER = Style(color="#505050")
MIN_SPAN = 0.25  # degrees: a front smaller than this is shown with some country around it


@dataclass(frozen=True)
class Frame:
    """Where lon/lat fall on a canvas of `cols` × `rows` cells showing `bbox`, centred, aspect kept."""

    bbox: BBox
    cols: int
    rows: int

    @classmethod
    def around(cls, bbox: BBox, cols: int, rows: int, pad: float = 0.08) -> Frame:
        west, south, east, north = bbox
        cx, cy = (west + east) / 2, (south + north) / 2
        half_w = max(east - west, MIN_SPAN) * (0.5 + pad)
        half_h = max(north - south, MIN_SPAN) * (0.5 + pad)
        return cls((cx - half_w, cy - half_h, cx + half_w, cy + half_h), max(cols, 4), max(rows, 2))

    @property
    def _scale(self) -> tuple[float, float, float, float]:
        west, south, east, north = self.bbox
        kx = math.cos(math.radians((south + north) / 2))
        width, height = (east - west) * kx, north - south
        dots_w, dots_h = self.cols * 2, self.rows * 4
        scale = min(dots_w / width, dots_h / height)
        return kx, scale, (dots_w - width * scale) / 2, (dots_h - height * scale) / 2

    def dot(self, lon: float, lat: float) -> tuple[float, float]:
        kx, scale, ox, oy = self._scale
        west, _, _, north = self.bbox
        return (lon - west) * kx * scale + ox, (north - lat) * scale + oy

    def cell(self, lon: float, lat: float) -> tuple[int, int] | None:
        """The (column, row) a point falls in, or None when it is off the canvas."""
        x, y = self.dot(lon, lat)
        col, row = math.floor(x / 2), math.floor(y / 4)
        return (col, row) if 0 <= col < self.cols and 0 <= row < self.rows else None


@dataclass(frozen=True)
class Shade:
    """An area an event is known only to: its outline, and a sparse fill of dots, in `style`."""

    rings: tuple[Ring, ...]
    style: Style


@dataclass(frozen=True)
class Mark:
    """A glyph at a point, drawn over the boundaries; higher `rank` wins a shared cell."""

    lon: float
    lat: float
    glyph: str
    style: Style
    rank: int = 0
    label: str = ""  # written to the right of the glyph when there is room


class Canvas:
    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.border = [[0] * frame.cols for _ in range(frame.rows)]
        self.inner = [[0] * frame.cols for _ in range(frame.rows)]
        self.shade = [[0] * frame.cols for _ in range(frame.rows)]
        self.shade_style: dict[tuple[int, int], Style] = {}
        self.glyphs: dict[tuple[int, int], tuple[str, Style, int]] = {}

    def _set(self, layer: list[list[int]], x: int, y: int) -> None:
        col, row = x >> 1, y >> 2
        if 0 <= col < self.frame.cols and 0 <= row < self.frame.rows and x >= 0 and y >= 0:
            layer[row][col] |= _DOT[(x & 1, y & 3)]

    def line(self, layer: list[list[int]], a: Point, b: Point) -> None:
        (x0, y0), (x1, y1) = self.frame.dot(*a), self.frame.dot(*b)
        w, h = self.frame.cols * 2, self.frame.rows * 4
        if max(x0, x1) < 0 or min(x0, x1) >= w or max(y0, y1) < 0 or min(y0, y1) >= h:
            return  # wholly off the canvas
        steps = max(1, math.ceil(max(abs(x1 - x0), abs(y1 - y0))))
        for i in range(steps + 1):
            t = i / steps
            self._set(layer, math.floor(x0 + (x1 - x0) * t), math.floor(y0 + (y1 - y0) * t))

    def fill(self, shade: Shade) -> None:
        """The area's outline, and every other dot of every other row inside it (even-odd)."""
        for ring in shade.rings:
            for a, b in pairwise(ring):
                self.line(self.shade, a, b)
        edges = [(self.frame.dot(*a), self.frame.dot(*b)) for ring in shade.rings
                 for a, b in pairwise(ring)]
        for y in range(1, self.frame.rows * 4, 2):
            cy = y + 0.5
            xs = sorted(x0 + (cy - y0) * (x1 - x0) / (y1 - y0) for (x0, y0), (x1, y1) in edges
                        if (y0 > cy) != (y1 > cy))
            for left, right in zip(xs[::2], xs[1::2], strict=False):
                for x in range(max(0, math.ceil(left)), min(self.frame.cols * 2, math.floor(right) + 1)):
                    if x % 2 == 0:
                        self._set(self.shade, x, y)
        for row in range(self.frame.rows):
            for col in range(self.frame.cols):
                if self.shade[row][col] and (col, row) not in self.shade_style:
                    self.shade_style[(col, row)] = shade.style

    def put(self, cell: tuple[int, int], glyph: str, style: Style, rank: int) -> bool:
        held = self.glyphs.get(cell)
        if held is not None and held[2] >= rank:
            return False
        self.glyphs[cell] = (glyph, style, rank)
        return True

    def label(self, cell: tuple[int, int], text: str, style: Style) -> None:
        """Write `text` after a glyph if every cell it needs is free of other glyphs."""
        col, row = cell
        cells = [(col + 1 + i, row) for i in range(len(text) + 1)]
        if cells[-1][0] >= self.frame.cols or any(c in self.glyphs for c in cells):
            return
        for c, ch in zip(cells[1:], text, strict=False):
            self.glyphs[c] = (ch, style, -1)

    def text(self) -> Text:
        out = Text(no_wrap=True, overflow="crop")
        for row in range(self.frame.rows):
            if row:
                out.append("\n")
            run, run_style = [], None
            for col in range(self.frame.cols):
                glyph = self.glyphs.get((col, row))
                if glyph is not None:
                    ch, style = glyph[0], glyph[1]
                else:
                    bits = self.border[row][col] | self.inner[row][col] | self.shade[row][col]
                    ch = chr(0x2800 + bits) if bits else " "
                    style = (BORDER if self.border[row][col] else self.shade_style.get((col, row))
                             or INNER)
                if style != run_style and run:
                    out.append("".join(run), run_style)
                    run = []
                run_style = style
                run.append(ch)
            if run:
                out.append("".join(run), run_style)
        return out


def draw(boundaries: Boundaries, frame: Frame, marks: Iterable[Mark], shades: Iterable[Shade] = ()) -> Text:
    """The boundaries (divisions faint, country borders brighter), the areas events are known only to
    (outlined and dotted), and the marks, highest rank on top; labels go on after every glyph, where
    they fit, the highest-ranked first."""
    canvas = Canvas(frame)
    for shade in shades:
        canvas.fill(shade)
    for a, b in boundaries.segments:
        canvas.line(canvas.inner, a, b)
    for a, b in boundaries.border:
        canvas.line(canvas.border, a, b)
    placed: list[tuple[Mark, tuple[int, int]]] = []
    for mark in sorted(marks, key=lambda m: m.rank):
        cell = frame.cell(mark.lon, mark.lat)
        if cell is not None and canvas.put(cell, mark.glyph, mark.style, mark.rank):
            placed.append((mark, cell))
    for mark, cell in sorted(placed, key=lambda p: -p[0].rank):
        if mark.label and canvas.glyphs.get(cell, ("", None, None))[2] == mark.rank:
            canvas.label(cell, mark.label, mark.style)
    return canvas.text()

