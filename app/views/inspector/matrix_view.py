"""One matrix of the equation view, painted: numbers in coloured cells (readable at 4×2) or a heat map
(usable at 300×64), with its axes marked — a matmul's inner dimension, a batch sum's axis, the followed
sample — and the cells an expansion came from outlined. Inside a mini-batch (or on a split's training rows)
the sample axis is labelled with each row's data row number ("row 17"), not its place in the batch.

`MatrixCanvas` paints; `slot.MatrixBlock` adds the captions and scrolls a canvas larger than its maximum
size. Both are reused from operation to operation: only numbers change.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from app import palette
from app.i18n import tr

from . import colors as C
from .fmt import WIDEST_CELL, cell as cell_text
from .plan import COL, ROW

MIN_CELL = "−0.00"
MAX_VIEW_W, MAX_VIEW_H = 680, 480  # a larger canvas scrolls


class MatrixCanvas(QWidget):
    """Cells of a 2-D array. Hovering emits cell_hovered(r, c) ((-1, -1) on leaving); a click cell_clicked."""

    cell_hovered = Signal(int, int)
    cell_clicked = Signal(int, int)

    def __init__(self, parent=None, compact: bool = False):
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._v = np.zeros((1, 1))
        self._rgb = np.zeros((1, 1, 3), np.uint8)
        self._alpha = np.zeros((1, 1))
        self._image: QImage | None = None
        self._rgb_for = None
        self._ghost = False
        self._heat = False
        self._cw, self._ch = 40.0, 20.0
        self._inner = self._sum = self._sample_axis = None
        self._sample: int | None = None
        self._sample_rows: list[int] | None = None  # the data row of each sample (None: sample n is row n)
        self._marks = (frozenset(), frozenset(), frozenset())  # rows, cols, cells
        self._selected: tuple[int, int] | None = None
        self._param_cells: frozenset = frozenset()
        self._hover = (-1, -1)
        self.tooltip_fn = None  # (r, c) -> str
        self._base_pt = 7.5 if compact else max(QFont(self.font()).pointSizeF(), 9.5)
        self.set_font_scale(1.0)
        self._gl = self._gt = self._gb = 0.0
        self._geometry()

    def set_font_scale(self, scale: float) -> None:
        """Numbers at `scale` × the normal size (the inspector shrinks them to fit a narrow window)."""
        f = QFont(self.font())
        f.setPointSizeF(self._base_pt * scale)
        self._font = f
        small = QFont(f)
        small.setPointSizeF(f.pointSizeF() * 0.8)
        self._small = small
        self._fm = QFontMetricsF(f)
        self._sfm = QFontMetricsF(small)

    # ----- data ---------------------------------------------------------------------------------
    def set_values(self, values: np.ndarray, ghost: bool = False) -> None:
        self._v = values
        self._ghost = ghost
        self._recolour()
        self.update()

    def _recolour(self) -> None:
        self._rgb, self._alpha = C.rgb(self._v, 1 if self._ghost else None)
        self._rgb_for = C.CANVAS.rgb()
        self._image = None

    def cell_colours(self, r: int, c: int) -> tuple[QColor, QColor]:
        """(fill, text) of cell (r, c) as painted: the text is black or white, whichever reads better."""
        if self._rgb_for != C.CANVAS.rgb():  # the theme changed since the colours were computed
            self._recolour()
        fill = QColor(*(int(x) for x in self._rgb[r, c]))
        if self._ghost and r > 0:
            return fill, palette.readable(palette.mix(palette.best_text(fill), fill, 0.3), fill)  # faded, legible
        return fill, palette.best_text(fill)

    @property
    def values(self) -> np.ndarray:
        return self._v

    def number_cell_size(self) -> tuple[float, float]:
        """Room for the widest number this matrix shows (never less than "−0.00"): narrow numbers, narrow
        cells, so an equation of small matrices fits a laptop's width. Padding and height follow the font."""
        fm = self._fm
        em = fm.height()
        widest = max((fm.horizontalAdvance(cell_text(v)) for v in self.values.flat), default=0) \
            if self.values is not None and self.values.size <= 400 else fm.horizontalAdvance(WIDEST_CELL)
        return max(widest, fm.horizontalAdvance(MIN_CELL)) + 0.7 * em, em * 1.57

    @property
    def number_font(self) -> QFont:
        return QFont(self._font)

    def set_mode(self, heat: bool, cw: float, ch: float) -> None:
        self._heat, self._cw, self._ch = heat, cw, ch
        self.update()

    def set_axes(self, inner: str | None, sum_axis: str | None, sample_axis: str | None) -> None:
        self._inner, self._sum, self._sample_axis = inner, sum_axis, sample_axis
        self.update()

    def set_sample_rows(self, rows: list[int] | None) -> None:
        """The data row number of each sample along the sample axis (a mini-batch's rows, a split's training
        rows), drawn as its label; None (or a length that does not match) labels samples 0, 1, …"""
        if rows != self._sample_rows:
            self._sample_rows = None if rows is None else list(rows)
            self.update()

    def axis_label(self, axis: str, i: int) -> str:
        """The label drawn beside row i (axis ROW) or above column i (COL): the data row number on the sample
        axis of a mini-batch ("row 17" beside a row, "17" above a column), else i."""
        rows = self._sample_rows
        n = self._v.shape[0 if axis == ROW else 1]
        if axis != self._sample_axis or rows is None or len(rows) != n:
            return str(i)
        return tr("row {n}").format(n=rows[i]) if axis == ROW else str(rows[i])

    def _batch_rows_labelled(self) -> bool:
        """Whether the row axis is the samples of a mini-batch (or a split's training rows), labelled with
        their data rows: then a heat map has a row gutter too."""
        rows = self._sample_rows
        return self._sample_axis == ROW and rows is not None and len(rows) == self._v.shape[0]

    def label_stride(self) -> int:
        """Every how many rows a label is drawn: 1 with numbers, more on a heat map's rows thinner than text."""
        return 1 if not self._heat else max(1, math.ceil(self._sfm.height() / max(self._ch, 1e-6)))

    def sample_row(self, i: int) -> int | None:
        """The data row number of sample i, when the samples are not rows 0, 1, … of the data; else None."""
        rows = self._sample_rows
        n = self._v.shape[0 if self._sample_axis == ROW else 1] if self._sample_axis else -1
        return rows[i] if rows is not None and len(rows) == n and 0 <= i < n else None

    def set_sample(self, index: int | None) -> None:
        if index is not None and self._sample_axis is None:
            index = None
        if index != self._sample:
            self._sample = index
            self.update()

    def set_marks(self, rows=(), cols=(), cells=()) -> None:
        self._marks = (frozenset(rows), frozenset(cols), frozenset(cells))
        self.update()

    def set_selected(self, cell: tuple[int, int] | None) -> None:
        self._selected = cell
        self.update()

    def set_param_cells(self, cells) -> None:
        self._param_cells = frozenset(cells)
        self.update()

    # ----- introspection (tests, screenshots) ------------------------------------------------------
    def highlighted_sample(self) -> tuple[str, int] | None:
        """(axis, index) of the followed sample's row or column, as drawn; None when none is drawn."""
        if self._sample is None or self._sample_axis is None:
            return None
        return self._sample_axis, self._sample

    def marks(self):
        return self._marks

    def selected(self):
        return self._selected

    def is_heat_map(self) -> bool:
        return self._heat

    def cell_rect(self, r: int, c: int) -> QRectF:
        return QRectF(self._gl + c * self._cw, self._gt + r * self._ch, self._cw, self._ch)

    def cell_at(self, pos: QPointF) -> tuple[int, int]:
        rows, cols = self._v.shape
        c = math.floor((pos.x() - self._gl) / self._cw)
        r = math.floor((pos.y() - self._gt) / self._ch)
        return (r, c) if 0 <= r < rows and 0 <= c < cols else (-1, -1)

    # ----- geometry -------------------------------------------------------------------------------
    def update_geometry(self) -> None:
        """Fix the widget's size to its content (call after set_values / set_mode / set_axes)."""
        self._geometry()

    def _geometry(self) -> None:
        rows, cols = self._v.shape
        labelled = self._batch_rows_labelled()
        if labelled:  # "row 17": the data row of each row of a mini-batch, beside numbers and heat maps alike
            widest = max((self._sfm.horizontalAdvance(self.axis_label(ROW, r)) for r in range(rows)), default=0.0)
        else:
            widest = self._sfm.horizontalAdvance(str(max(rows - 1, 0)))
        if self._heat:
            self._gl = widest + 0.7 * self._sfm.height() if labelled else 7.0
            self._gt = 7.0
        else:
            self._gl = widest + 0.7 * self._sfm.height()
            self._gt = self._sfm.height() * 1.27
        self._gb = self._sfm.height() * 1.45 if self._sum else 2.0  # room for "Σ↓" under a summed axis
        w = self._gl + cols * self._cw + 3
        h = self._gt + rows * self._ch + self._gb
        self.setFixedSize(QSize(math.ceil(w), math.ceil(h)))

    # ----- painting -------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        p = QPainter(self)
        clip = QRectF(event.rect())
        if self._rgb_for != C.CANVAS.rgb():  # the theme changed since the colours were computed
            self._recolour()
        p.fillRect(clip, C.CANVAS)
        rows, cols = self._v.shape
        r0 = max(0, math.floor((clip.top() - self._gt) / self._ch))
        r1 = min(rows, math.ceil((clip.bottom() - self._gt) / self._ch) + 1)
        c0 = max(0, math.floor((clip.left() - self._gl) / self._cw))
        c1 = min(cols, math.ceil((clip.right() - self._gl) / self._cw) + 1)
        self._paint_axes(p, rows, cols, r0, r1, c0, c1)
        if self._heat:
            self._paint_heat(p, rows, cols)
        else:
            self._paint_numbers(p, r0, r1, c0, c1)
        self._paint_overlays(p, rows, cols)
        p.end()

    def _paint_axes(self, p, rows, cols, r0, r1, c0, c1) -> None:
        top = QRectF(self._gl, 0, cols * self._cw, self._gt - 1)
        left = QRectF(0, self._gt, self._gl - 1, rows * self._ch)
        if self._inner == COL:
            p.fillRect(top, C.INNER_BG)
            p.fillRect(QRectF(top.left(), 0, top.width(), 3), C.INNER)
        elif self._inner == ROW:
            p.fillRect(left, C.INNER_BG)
            p.fillRect(QRectF(0, left.top(), 3, left.height()), C.INNER)
        if self._sum == ROW:
            p.fillRect(left, C.SUM_BG)
            p.fillRect(QRectF(0, left.top(), 3, left.height()), C.SUM)
            self._paint_sum_arrows(p, rows, cols)
        if self._sample is not None and self._sample_axis is not None:
            n = self._sample
            band = (QRectF(0, self._gt + n * self._ch, self._gl - 1, self._ch) if self._sample_axis == ROW
                    else QRectF(self._gl + n * self._cw, 0, self._cw, self._gt - 1))
            p.fillRect(band, C.SAMPLE)
        if self._heat and not self._batch_rows_labelled():
            return
        p.setFont(self._small)
        p.setPen(C.MUTED)
        if self._heat:  # a mini-batch's rows on a heat map: their data rows, as often as the text fits
            k = self.label_stride()
            for r in range(r0 - r0 % k, r1, k):
                p.drawText(QRectF(0, self._gt + r * self._ch + (self._ch - self._sfm.height()) / 2, self._gl - 4,
                                  self._sfm.height()),
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.axis_label(ROW, r))
            return
        for c in range(c0, c1):
            p.drawText(QRectF(self._gl + c * self._cw, 0, self._cw, self._gt - 1),
                       Qt.AlignmentFlag.AlignCenter, self.axis_label(COL, c))
        for r in range(r0, r1):
            p.drawText(QRectF(0, self._gt + r * self._ch, self._gl - 4, self._ch),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.axis_label(ROW, r))

    def _paint_sum_arrows(self, p, rows, cols) -> None:
        y0 = self._gt + rows * self._ch + 2
        p.setPen(QPen(C.SUM, 1.5))
        if self._cw >= 14:
            p.setFont(self._small)
            for c in range(cols):
                x = self._gl + (c + 0.5) * self._cw
                p.drawText(QRectF(x - self._cw / 2, y0, self._cw, self._gb - 2), Qt.AlignmentFlag.AlignCenter, "Σ↓")
        else:
            x0, x1 = self._gl, self._gl + cols * self._cw
            p.drawLine(QPointF(x0, y0 + 4), QPointF(x1, y0 + 4))
            p.drawText(QRectF(x0, y0 + 2, x1 - x0, self._gb - 2), Qt.AlignmentFlag.AlignCenter, "Σ↓")

    def _paint_heat(self, p, rows, cols) -> None:
        if self._image is None:
            rgba = np.empty((rows, cols, 4), np.uint8)
            rgba[..., :3] = self._rgb
            rgba[..., 3] = 255
            self._buf = np.ascontiguousarray(rgba)
            self._image = QImage(self._buf.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888).copy()
        whole = QRectF(self._gl, self._gt, cols * self._cw, rows * self._ch)
        p.drawImage(whole, self._image)
        if self._ghost:  # the bias itself solid, its broadcast copies dashed
            p.setPen(QPen(C.GRID, 1, Qt.PenStyle.DashLine))
            p.drawRect(whole)
            p.setPen(QPen(C.MUTED, 1.5))
            p.drawRect(QRectF(self._gl, self._gt, cols * self._cw, max(self._ch, 3.0)))
        else:
            p.setPen(QPen(C.GRID, 1))
            p.drawRect(whole)

    def _paint_numbers(self, p, r0, r1, c0, c1) -> None:
        p.setFont(self._font)
        grid = QPen(C.GRID, 1)
        ghost_grid = QPen(C.GRID, 1, Qt.PenStyle.DashLine)
        for r in range(r0, r1):
            ghost = self._ghost and r > 0
            for c in range(c0, c1):
                rect = self.cell_rect(r, c)
                fill, text = self.cell_colours(r, c)
                p.fillRect(rect, fill)
                p.setPen(ghost_grid if ghost else grid)
                p.drawRect(rect)
                p.setPen(text)
                p.drawText(rect, Qt.AlignmentFlag.AlignCenter, cell_text(self._v[r, c]))

    def _band(self, axis: str, i: int, rows: int, cols: int) -> QRectF:
        if axis == ROW:
            return QRectF(self._gl, self._gt + i * self._ch, cols * self._cw, self._ch)
        return QRectF(self._gl + i * self._cw, self._gt, self._cw, rows * self._ch)

    def _paint_overlays(self, p, rows, cols) -> None:
        thin = max(1.5, min(3.0, min(self._cw, self._ch) / 4))
        if self._sample is not None and self._sample_axis is not None:
            band = self._band(self._sample_axis, self._sample, rows, cols)
            p.fillRect(band, C.SAMPLE_FILL)
            p.setPen(QPen(C.SAMPLE, thin + 0.5))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(band)
        mrows, mcols, mcells = self._marks
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(C.MARK, thin))
        for r in mrows:
            if 0 <= r < rows:
                b = self._band(ROW, r, rows, cols)
                p.fillRect(b, C.MARK_FILL)
                p.drawRect(b)
        for c in mcols:
            if 0 <= c < cols:
                b = self._band(COL, c, rows, cols)
                p.fillRect(b, C.MARK_FILL)
                p.drawRect(b)
        p.setPen(QPen(C.MARK, thin + 1))
        for r, c in mcells:
            if 0 <= r < rows and 0 <= c < cols:
                p.drawRect(_at_least(self.cell_rect(r, c).adjusted(1, 1, -1, -1), 6.0))
        if self._param_cells:
            p.setPen(QPen(C.PARAM, thin + 0.5, Qt.PenStyle.DashLine))
            for r, c in self._param_cells:
                if 0 <= r < rows and 0 <= c < cols:
                    p.drawRect(self.cell_rect(r, c).adjusted(2, 2, -2, -2))
        if self._selected is not None:
            r, c = self._selected
            if 0 <= r < rows and 0 <= c < cols:
                p.setPen(QPen(C.SELECTED, thin + 1))
                p.drawRect(_at_least(self.cell_rect(r, c), 7.0))

    # ----- mouse ----------------------------------------------------------------------------------
    def mouseMoveEvent(self, event) -> None:
        cell = self.cell_at(event.position())
        if cell != self._hover:
            self._hover = cell
            self.cell_hovered.emit(*cell)

    def leaveEvent(self, event) -> None:
        if self._hover != (-1, -1):
            self._hover = (-1, -1)
            self.cell_hovered.emit(-1, -1)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            r, c = self.cell_at(event.position())
            if r >= 0:
                self.cell_clicked.emit(r, c)

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip and self.tooltip_fn is not None:
            r, c = self.cell_at(QPointF(e.pos()))
            if r >= 0:
                QToolTip.showText(e.globalPos(), self.tooltip_fn(r, c), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


def _at_least(rect: QRectF, size: float) -> QRectF:
    """`rect`, grown about its centre to at least size × size (a cell of a heat map can be 1 px)."""
    if rect.width() >= size and rect.height() >= size:
        return rect
    c = rect.center()
    w, h = max(rect.width(), size), max(rect.height(), size)
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h)


