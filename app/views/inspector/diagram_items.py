"""The diagram's graphics items: all edges of one layer pair painted by one item (grouped by pen, with
vectorised hit testing), and the view that reports hovers and clicks in scene coordinates."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from . import colors as C

WEIGHTS, GRADIENTS, PENDING = "weights", "gradients", "pending"
MANY = 48  # more edges than this: thin non-antialiased lines, size shown by opacity
MAX_DRAWN = 256  # edges drawn per layer pair (the strongest); hovering still finds every edge


class EdgeLayer(QGraphicsItem):
    """All edges of w{k}: (in × out) lines, coloured and sized by a value matrix."""

    def __init__(self, k: int, src: np.ndarray, dst: np.ndarray):
        super().__init__()
        self.k = k
        self.n_in, self.n_out = len(src), len(dst)
        p0 = np.repeat(src, self.n_out, axis=0)  # edge e = i·out + j
        p1 = np.tile(dst, (self.n_in, 1))
        self.p0, self.p1 = p0, p1
        self._lines = [QLineF(a[0], a[1], b[0], b[1]) for a, b in zip(p0, p1)]
        lo = np.minimum(p0.min(0), p1.min(0))
        hi = np.maximum(p0.max(0), p1.max(0))
        self._rect = QRectF(lo[0] - 8, lo[1] - 8, hi[0] - lo[0] + 16, hi[1] - lo[1] + 16)
        self._buckets: list[tuple[QPen, list[QLineF]]] = []
        self.values = np.zeros((self.n_in, self.n_out))
        self.mode = WEIGHTS
        self.drawn = 0
        self.source = None  # what the values were drawn from (DiagramPane skips unchanged layers)
        self.setZValue(0)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # hovers repaint from a pixmap

    def boundingRect(self) -> QRectF:
        return self._rect

    def set_values(self, values: np.ndarray | None, mode: str) -> None:
        self.mode = mode
        many = self.n_in * self.n_out > MANY
        n = self.n_in * self.n_out
        if values is None or mode == PENDING:
            self.values = np.full((self.n_in, self.n_out), np.nan)
            grey = QColor(C.PENDING)
            grey.setAlpha(90 if many else 255)
            pen = QPen(grey, 0.0 if many else 1.0)
            step = max(1, n // MAX_DRAWN)
            self._buckets = [(pen, self._lines[::step])]
            self.drawn = len(self._buckets[0][1])
            self.update()
            return
        v = np.asarray(values, dtype=np.float64).reshape(self.n_in, self.n_out)
        self.values = v
        s = C.strength(v).reshape(-1)
        flat = v.reshape(-1)
        sign = np.where(np.isfinite(flat), np.where(flat >= 0, 1, -1), 0)
        if many:  # thin lines, size shown by opacity: thousands of wide antialiased lines paint too slowly
            level = np.round(s * 8).astype(int)  # 9 opacities
            width = np.zeros_like(level)
        else:
            level = np.full(s.shape, 8)
            width = np.round((0.6 + 5.4 * s) * 2).astype(int)  # half-pixel steps
        key = (sign + 1) * 10_000 + width * 10 + level
        keep = np.arange(n)
        if n > MAX_DRAWN:  # a hairball either way: draw the strongest, the weak ones are near-transparent
            keep = np.argpartition(-np.nan_to_num(s, nan=1.0), MAX_DRAWN)[:MAX_DRAWN]
        self.drawn = len(keep)
        order = keep[np.argsort(key[keep], kind="stable")]
        bounds = np.flatnonzero(np.diff(key[order])) + 1
        buckets = []
        lines = self._lines
        for group in np.split(order, bounds):
            e = int(group[0])
            rgb = C.NONFINITE if sign[e] == 0 else (C.POSITIVE if sign[e] > 0 else C.NEGATIVE)
            col = QColor(*rgb)
            col.setAlphaF(0.08 + 0.92 * level[e] / 8 if many else 1.0)
            pen = QPen(col, 0.0 if many else width[e] / 2)  # width 0: a cosmetic 1-pixel line
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            buckets.append((pen, [lines[i] for i in group.tolist()]))
        self._buckets = buckets
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.n_in * self.n_out > MANY:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._buckets:
            painter.setPen(pen)
            painter.drawLines(lines)

    def nearest(self, pt: QPointF, tol: float) -> tuple[int, int, float] | None:
        """(i, j, distance) of the edge closest to `pt`, if within `tol`."""
        if not self._rect.contains(pt):
            return None
        p = np.array([pt.x(), pt.y()])
        d = self.p1 - self.p0
        t = np.clip(((p - self.p0) * d).sum(1) / np.maximum((d * d).sum(1), 1e-9), 0, 1)
        proj = self.p0 + t[:, None] * d
        dist = np.sqrt(((proj - p) ** 2).sum(1))
        e = int(dist.argmin())
        if dist[e] > tol:
            return None
        return e // self.n_out, e % self.n_out, float(dist[e])

    def midpoint(self, i: int, j: int, at: float = 0.5) -> QPointF:
        e = i * self.n_out + j
        q = self.p0[e] + at * (self.p1[e] - self.p0[e])
        return QPointF(q[0], q[1])


class DiagramView(QGraphicsView):
    hovered = Signal(QPointF, QPointF)  # scene point, global point
    clicked = Signal(QPointF)
    left = Signal()
    fitted = Signal(float)  # the scale the scene is drawn at after fitting it into the view

    def __init__(self, scene):
        super().__init__(scene)
        self.setMouseTracking(True)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QBrush(C.CANVAS))

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.fit()

    def fit(self) -> None:
        """Fit the scene into the view, its texts included: they are drawn at the font's size whatever the
        zoom, so the smaller the zoom the more of the scene they cover ("y_pred (1)" was cut at the right
        edge and the layer names at the bottom). A few rounds: each smaller zoom makes them reach further."""
        r = self.scene().itemsBoundingRect().adjusted(-20, -20, 20, 20)
        if not r.isValid():
            return
        for _ in range(4):
            self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
            self.fitted.emit(self.transform().m11())  # (the texts choose their wording for this zoom)
            need = r.united(self.texts_rect())
            if r.contains(need):
                return
            r = need
        self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)
        self.fitted.emit(self.transform().m11())

    def texts_rect(self) -> QRectF:
        """The scene rectangle the visible screen-sized texts cover at the current zoom, and a margin."""
        out = QRectF()
        vt = self.viewportTransform()
        inverse, _ok = vt.inverted()
        flag = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        for item in self.scene().items():
            if item.isVisible() and item.flags() & flag:
                shown = item.deviceTransform(vt).mapRect(item.boundingRect()).adjusted(-6, -4, 6, 4)
                out = out.united(inverse.mapRect(shown))
        return out

    def mouseMoveEvent(self, e) -> None:
        self.hovered.emit(self.mapToScene(e.position().toPoint()), e.globalPosition())
        super().mouseMoveEvent(e)

    def mousePressEvent(self, e) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.mapToScene(e.position().toPoint()))
        super().mousePressEvent(e)

    def leaveEvent(self, e) -> None:
        self.left.emit()
        super().leaveEvent(e)
