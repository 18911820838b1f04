"""Colours of the decision-boundary plot: class colours, the diverging boundary map, the hidden units' map,
and an ImageItem drawn smooth. The canvas the maps fade to and the ring's colour come from app/palette.py
(light or dark set)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor, QPainter

from app import palette

CLASS_COLOURS = np.array([
    (230, 97, 1), (33, 102, 172), (27, 158, 119), (117, 112, 179),
    (231, 41, 138), (102, 166, 30), (200, 150, 0), (140, 90, 40),
], dtype=np.float64)


def wrong_html() -> str:
    """The misclassified ring's colour, for the legend's text (the ring's pen: series "wrong")."""
    return QColor(*palette.current().series["wrong"]).name()


def class_colour(k: int) -> tuple[int, int, int]:
    return tuple(int(v) for v in CLASS_COLOURS[k % len(CLASS_COLOURS)])


def _canvas() -> np.ndarray:
    c = palette.current().canvas
    return np.array([c.red(), c.green(), c.blue()], dtype=np.float64)


def _pastel(rgb, amount: float = 0.55) -> np.ndarray:
    """Colours mixed towards the canvas (white, or the dark theme's grey), so the data points stay visible."""
    return np.asarray(rgb, dtype=np.float64) * (1 - amount) + _canvas() * amount


def diverging_colormap() -> pg.ColorMap:
    """Class 0 colour (pastel) → the canvas at the middle → class 1 colour (pastel)."""
    lo, hi = _pastel(CLASS_COLOURS[0], 0.35), _pastel(CLASS_COLOURS[1], 0.35)
    mid = tuple(_canvas().astype(int))
    return pg.ColorMap([0.0, 0.5, 1.0], [tuple(lo.astype(int)), mid, tuple(hi.astype(int))])


def unit_colormap() -> pg.ColorMap:
    """For activations scaled to [0, 1] (low red → the canvas → high blue)."""
    t = palette.current()
    mid = tuple(int(v) for v in _pastel((247, 247, 247), 0.9))
    return pg.ColorMap([0.0, 0.5, 1.0], [t.negative, mid, t.positive])


def label_fill(t: palette.Colours):
    """A small box of the canvas colour behind a label drawn over a map."""
    fill = QColor(t.canvas)
    fill.setAlpha(200)
    return pg.mkBrush(fill)


LUT_ENTRIES = 512  # a colour map's lookup table: more than 256 entries (see SmoothImageItem.setColorMap)


class SmoothImageItem(pg.ImageItem):
    """An ImageItem drawn with bilinear filtering: a 100×100 grid stretched over 500 pixels reads as a smooth
    field instead of blocks (costs well under a millisecond)."""

    def setColorMap(self, colorMap) -> None:
        """As ImageItem's, with a lookup table of LUT_ENTRIES colours. With 256 or fewer, pyqtgraph draws an
        indexed image whose colour table it builds with one call into Qt per entry (256 per redraw, each of
        them waiting for the training thread's GIL during a run); with more it maps the values to RGB pixels
        in numpy."""
        cmap = colorMap if isinstance(colorMap, pg.ColorMap) else pg.colormap.get(colorMap)
        self._colorMap = cmap
        self.setLookupTable(cmap.getLookupTable(nPts=LUT_ENTRIES, alpha=False))

    def paint(self, painter, *args):
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        super().paint(painter, *args)
