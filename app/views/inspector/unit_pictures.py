"""Per-unit pictures on the network diagram (as TensorFlow Playground draws on its neurons): for 2-input data,
each hidden and output unit is drawn as a small square image of its activation over the input plane, x1 to the
right and x2 up, from engine.core.plane (one batched forward pass over a 24×24 grid).

The colours follow the decision-boundary plot (app/views/boundary_colors.py): a hidden unit as the boundary's
unit maps (red low → the canvas → blue high; sigmoid as it is, tanh from −1 to 1, others by the unit's
largest |a|); a single sigmoid output as the boundary itself (P(class 1), class 0's colour → class 1's); a
softmax output unit k from the canvas (probability 0) to class k's colour (1); a linear output like a hidden unit.

    tables = colour_tables(kind, units)                 each unit's 256 colours, once per scene
    rgba = picture_colours(maps_k, activation, tables)  (units, G, G) values → (units, G, G, 4) bytes, top row first
    layer = PictureLayer(k, centres, side)             one graphics item draws all of layer k's pictures
    layer.set_pictures(rgba)                           one QImage atlas, one repaint
"""

from __future__ import annotations

import numpy as np
import torch
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from app.views.boundary_colors import _canvas, _pastel, class_colour, diverging_colormap, unit_colormap

from . import colors as C

GRID = 24  # points a side of the small pictures (576 rows in the forward pass)
HIDDEN, BINARY, CLASS, LINEAR_OUT = "hidden", "binary", "class", "linear"


def picture_kind(k: int, spec) -> str:
    """How layer k's pictures are coloured (see the module's docstring)."""
    if k < spec.depth:
        return HIDDEN
    if spec.output_activation == "softmax":
        return CLASS
    if spec.output_activation == "sigmoid":
        return BINARY
    return LINEAR_OUT


def scaled(maps: torch.Tensor, activation: str) -> torch.Tensor:
    """(units, G, G) activations → [0, 1] as the boundary's unit maps scale them."""
    if activation in ("sigmoid", "softmax"):
        return maps
    if activation == "tanh":
        return (maps + 1) * 0.5
    m = maps.abs().nan_to_num(nan=0.0, posinf=0.0).amax(dim=(1, 2), keepdim=True).clamp_min(1e-12)
    return maps / (2 * m) + 0.5


def colour_tables(kind: str, n: int, first: int = 0) -> np.ndarray:
    """(n, 256, 4) RGBA bytes: unit first + u's colour for each of 256 levels of [0, 1] (made once per scene:
    building the colour maps costs more than colouring with them)."""
    if kind == CLASS:  # unit k: the canvas at p = 0 to class k's colour at p = 1, as the boundary blends them
        t = np.linspace(0.0, 1.0, 256)[None, :, None]
        colours = np.array([_pastel(class_colour(first + u), 0.2) for u in range(n)])[:, None, :]  # (n, 1, 3)
        rgb = _canvas()[None, None, :] * (1 - t) + colours * t  # (n, 256, 3)
        return np.concatenate([rgb, np.full((n, 256, 1), 255.0)], 2).round().astype(np.uint8)
    cmap = diverging_colormap() if kind == BINARY else unit_colormap()
    table = np.asarray(cmap.getLookupTable(0.0, 1.0, 256, alpha=True), dtype=np.uint8)  # (256, 4)
    return np.ascontiguousarray(np.broadcast_to(table, (n, 256, 4)))


def picture_colours(maps: torch.Tensor, activation: str, tables: np.ndarray) -> np.ndarray:
    """(units, G, G) activations, row 0 at the bottom → (units, G, G, 4) RGBA bytes, row 0 at the top, through
    each unit's table (colour_tables). Points that are not a number are transparent (the canvas shows)."""
    n, G = maps.shape[0], maps.shape[1]
    v = scaled(maps.double(), activation).numpy()[:, ::-1, :]  # an image's first row is its top
    finite = np.isfinite(v)
    idx = np.clip(np.round(np.nan_to_num(v, nan=0.5) * 255), 0, 255).astype(np.intp)
    idx += (np.arange(n) * 256)[:, None, None]  # unit u's row of the tables
    rgba32 = np.take(np.ascontiguousarray(tables).view(np.uint32).reshape(-1), idx)  # a pixel as one uint32
    rgba32[~finite] = 0
    return rgba32.view(np.uint8).reshape(n, G, G, 4)


class PictureLayer(QGraphicsItem):
    """The pictures of layer k's units: unit j a square of `side` scene units centred on centres[j]."""

    def __init__(self, k: int, centres: np.ndarray, side: float):
        super().__init__()
        self.k = k
        self.side = side
        self.n = len(centres)
        h = side / 2
        self.rects = [QRectF(x - h, y - h, side, side) for x, y in centres]
        lo, hi = centres.min(0) - h - 2, centres.max(0) + h + 2
        self._bounds = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        self._image: QImage | None = None
        self._g = 0
        self.setZValue(4)  # over the edges, as the nodes were

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_pictures(self, rgba: np.ndarray | None) -> None:
        """(units, G, G, 4) bytes, or None for blank pictures (nothing computed yet)."""
        if rgba is None:
            self._image = None
        else:
            n, G = rgba.shape[0], rgba.shape[1]
            atlas = np.ascontiguousarray(rgba.reshape(n * G, G, 4))  # units stacked top to bottom
            self._image = QImage(atlas.data, G, n * G, 4 * G, QImage.Format.Format_RGBA8888).copy()
            self._g = G
        self.update()

    def image(self, j: int) -> QImage | None:
        """Unit j's picture (G × G), for tests and the enlarged view."""
        if self._image is None:
            return None
        return self._image.copy(0, j * self._g, self._g, self._g)

    def unit_at(self, pt: QPointF) -> int | None:
        if not self._bounds.contains(pt):
            return None
        return next((j for j, r in enumerate(self.rects) if r.contains(pt)), None)

    def point_on(self, j: int, fx: float, fy: float) -> QPointF:
        """The scene point at fractions (fx right, fy up) of unit j's picture."""
        r = self.rects[j]
        return QPointF(r.left() + fx * r.width(), r.bottom() - fy * r.height())

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        if self._image is not None:
            g = self._g
            for j, r in enumerate(self.rects):
                painter.drawImage(r, self._image, QRectF(0, j * g, g, g))
        else:  # nothing computed yet: blank squares
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(C.CANVAS)
            painter.drawRects(self.rects)
        if self.side >= 3:  # a frame, a cosmetic hairline on tiny pictures
            painter.setPen(QPen(QColor(C.MUTED), 0.0 if self.side < 12 else 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(self.rects)
