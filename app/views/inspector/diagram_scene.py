"""The network diagram's scene, built once per network: units by layer (LAYER_DX apart, spread over HEIGHT), one
EdgeLayer per weight matrix, a bias badge on every unit past the inputs, the layer names under the columns,
the values on the edges of a small network, and the selection halo.

With per-unit pictures (2-input data), each hidden and output unit is a square picture (unit_pictures.
PictureLayer) instead of a circle; its circle then becomes the followed sample's marker on the picture (hidden
until a sample is followed; the pane places it). The inputs stay circles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem, QGraphicsRectItem, QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from app.i18n import tr

from . import colors as C
from . import notation as nt
from .diagram_items import EdgeLayer
from .unit_pictures import PictureLayer

LAYER_DX = 190.0
HEIGHT = 360.0
MAX_GAP = 56.0  # scene units between two units of a small layer
ALONG = (0.28, 0.5, 0.72, 0.4, 0.6, 0.18, 0.82)  # where on its edge a value may sit, first choice first
LABEL_EDGES_UP_TO = 16  # write the value on each edge when the network has at most this many
PICTURE_SHARE = 0.78  # of the gap between two units, a picture's side
MAX_PICTURE = 44.0


@dataclass
class DiagramScene:
    layers: list[EdgeLayer] = field(default_factory=list)  # k − 1 → w{k}'s edges
    nodes: list[list[QGraphicsEllipseItem]] = field(default_factory=list)  # [layer][unit]
    badges: list[list[QGraphicsRectItem]] = field(default_factory=list)  # [layer][unit], none for the inputs
    labels: list[QGraphicsSimpleTextItem] = field(default_factory=list)
    edge_texts: dict[int, list[QGraphicsSimpleTextItem]] = field(default_factory=dict)  # k → one per edge
    pictures: dict[int, PictureLayer] = field(default_factory=dict)  # k ≥ 1 → its units' pictures
    selected_line: QGraphicsLineItem | None = None
    min_gap: float = MAX_GAP
    label_texts: list[tuple[str, str]] = field(default_factory=list)  # ("a1 (32)", "a1") per layer
    units: list[tuple[float, float, float]] = field(default_factory=list)  # (x, y, half its size) per unit

    def fit_texts(self, scale: float) -> None:
        """The texts, drawn at the font's size, for the zoom that fits the scene into the view: edge values only
        when the units are far enough apart on screen not to cover each other (hovering an edge still tells
        its value); the layer names as fit_labels."""
        self.fit_labels(scale)
        texts = [t for ts in self.edge_texts.values() for t in ts]
        if texts:
            room = self.min_gap * scale >= 3.0 * QFontMetricsF(texts[0].font()).height()
            for t in texts:
                t.setVisible(room)
            if room:
                self.place_edge_texts(scale)

    def place_edge_texts(self, scale: float) -> None:
        """Each edge's value on its edge, where it covers no other value and no unit at this zoom (the texts
        are drawn at the font's size, so what is free depends on the zoom): the first free place of
        ALONG, from near its source, above the edge or else below it; a value with no free place is left out
        (hovering the edge tells it)."""
        obstacles = [QRectF((x - h) * scale, (y - h) * scale, 2 * h * scale, 2 * h * scale)
                     for x, y, h in self.units]
        for k, texts in sorted(self.edge_texts.items()):
            layer = self.layers[k - 1]
            for e, t in enumerate(texts):
                if not t.text():
                    continue
                i, j = divmod(e, layer.n_out)
                br = t.boundingRect()
                spot = None
                for at, dy in ((at, dy) for at in ALONG for dy in (-br.height() - 1, 1.0)):  # above, below
                    p = layer.midpoint(i, j, at)
                    box = QRectF(p.x() * scale - br.width() / 2, p.y() * scale + dy, br.width(), br.height())
                    if not any(box.intersects(o) for o in obstacles):
                        spot = p
                        break
                t.setVisible(spot is not None and t.isVisible())
                if spot is not None:
                    obstacles.append(box.adjusted(-2, -1, 2, 1))
                    t.setPos(spot)
                    screen_sized(t, -br.width() / 2, dy)

    def fit_labels(self, scale: float) -> None:
        """The layer names with their sizes when there is room between the columns at this zoom, else the
        names alone (at the font's size, "a1 (32)a2 (32)y_pred (3)" ran together on a small pane)."""
        if not self.labels:
            return
        widest = max(QFontMetricsF(self.labels[0].font()).horizontalAdvance(full) for full, _ in self.label_texts)
        room = LAYER_DX * scale >= widest + 8
        for label, (full, short) in zip(self.labels, self.label_texts):
            text = full if room else short
            if label.text() != text:
                label.setText(text)
                screen_sized(label, -label.boundingRect().width() / 2, 0)


def layer_name(k: int, L: int) -> str:
    return "X" if k == 0 else ("y_pred" if k == L else f"a{k}")


def screen_sized(item, dx: float, dy: float) -> None:
    """Draw `item` (a text) at the interface font's size whatever the zoom that fits the diagram into the pane,
    offset by (dx, dy) pixels from its position: scaled with the scene, it was 6 px high in a small pane."""
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setTransform(QTransform.fromTranslate(dx, dy))


def _gap(n: int) -> float:
    return min(MAX_GAP, HEIGHT / max(n, 1))


def picture_side(n: int) -> float:
    return min(MAX_PICTURE, _gap(n) * PICTURE_SHARE)


def build(scene: QGraphicsScene, sizes: list[int], base_pt: float, pictures: bool) -> DiagramScene:
    """Fill the (cleared) scene for a network of layer sizes `sizes`; texts at `base_pt` (the interface font)."""
    d = DiagramScene()
    halo = QColor(C.PARAM)
    halo.setAlpha(110)
    pen = QPen(halo, 11.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    d.selected_line = QGraphicsLineItem()
    d.selected_line.setPen(pen)
    d.selected_line.setZValue(-1)  # a halo under the edge, which keeps its own colour
    d.selected_line.hide()
    scene.addItem(d.selected_line)
    L = len(sizes) - 1
    centres = []
    for k, n in enumerate(sizes):
        gap = _gap(n)
        top = -gap * (n - 1) / 2
        centres.append(np.array([[k * LAYER_DX, top + gap * j] for j in range(n)]))
    total_edges = sum(sizes[k] * sizes[k + 1] for k in range(L))
    d.min_gap = min(_gap(n) for n in sizes)
    for k in range(1, L + 1):
        layer = EdgeLayer(k, centres[k - 1], centres[k])
        scene.addItem(layer)
        d.layers.append(layer)
        if total_edges <= LABEL_EDGES_UP_TO:
            d.edge_texts[k] = [_edge_text(scene, base_pt) for _ in range(sizes[k - 1] * sizes[k])]
    half = 0.0  # how far a unit reaches below its centre
    for k, n in enumerate(sizes):
        r = max(2.0, min(15.0, _gap(n) * 0.38))
        pictured = pictures and k > 0
        side = picture_side(n)
        if pictured:
            d.pictures[k] = PictureLayer(k, centres[k], side)
            scene.addItem(d.pictures[k])
        half = max(half, side / 2 if pictured else r)
        d.units.extend((float(x), float(y), side / 2 if pictured else r) for x, y in centres[k])
        nodes, badges = [], []
        for j in range(n):
            x, y = centres[k][j]
            nodes.append(_node(scene, x, y, max(1.2, side * 0.12) if pictured else r, pictured))
            if k > 0:
                s = r * 0.9
                bx, by = (x + side / 2 - s * 0.4, y - side / 2 - s * 0.6) if pictured else (x + r * 0.5, y - r * 1.3)
                b = QGraphicsRectItem(bx, by, s, s)
                b.setZValue(4.5)
                b.setPen(QPen(C.MUTED, 0.6))
                scene.addItem(b)
                badges.append(b)
        d.nodes.append(nodes)
        d.badges.append(badges)
    bottom = max(float(c[:, 1].max()) for c in centres) + max(20.0, half + 8)
    for k, n in enumerate(sizes):
        name = layer_name(k, L)
        d.label_texts.append((f"{name} ({n})", name))
        label = QGraphicsSimpleTextItem(f"{name} ({n})")
        f = QFont(label.font())
        f.setPointSizeF(base_pt * 10 / 9)
        f.setBold(True)
        label.setFont(f)
        label.setBrush(QBrush(C.TEXT))
        br = label.boundingRect()
        label.setPos(k * LAYER_DX, bottom)
        screen_sized(label, -br.width() / 2, 0)
        label.setToolTip(tr("textbook: {tb}").format(tb=nt.textbook(name) if k > 0 else "X = a⁽⁰⁾"))
        scene.addItem(label)
        d.labels.append(label)
    return d


def _edge_text(scene, base_pt: float) -> QGraphicsSimpleTextItem:
    t = QGraphicsSimpleTextItem()
    t.setZValue(3)
    f = QFont(t.font())
    f.setPointSizeF(base_pt * 8 / 9)
    t.setFont(f)
    t.setBrush(QBrush(C.TEXT))
    scene.addItem(t)
    return t


def _node(scene, x: float, y: float, r: float, marker: bool) -> QGraphicsEllipseItem:
    """A unit's circle at (x, y); as a picture's sample marker, centred on its position and hidden."""
    e = QGraphicsEllipseItem(-r, -r, 2 * r, 2 * r) if marker else QGraphicsEllipseItem(x - r, y - r, 2 * r, 2 * r)
    e.setBrush(QBrush(C.CANVAS))
    e.setPen(QPen(C.TEXT if marker else C.MUTED, 1.2))
    e.setZValue(5 if marker else 4)
    if marker:
        e.setPos(x, y)
        e.hide()
    scene.addItem(e)
    return e
