"""ConfusionView: the K×K confusion matrix, rows the true class, columns the network's answer.

Each cell shows its count; the diagonal (right answers) is green, the rest red, stronger as the share of
the row grows, so the digit pairs the network mixes up stand out. Painted in one pass (10×10 cells), in the
application palette's colours (app/palette.py: the canvas, its text, ok and bad), again when it changes.

Both titles read level in the row above the matrix, as every plot's (app/views/plot_style.axis_title):
"true class" over the row labels' column (made as wide as the title needs, measured, so no language cuts
it) and "the network's answer" over the columns. Turned on its side, the Korean title lay on its side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app import palette
from app.i18n import tr

PAD = 6.0  # px between the row titles' column and the matrix, and either side of a title
MIN_CELL = 16  # px: the smallest cell the layout is asked for (a 3-digit count still fits, narrowed)


@dataclass(frozen=True)
class Layout:
    """Where paintEvent draws (widget pixels): the matrix's top-left corner and cell size, the two titles."""
    x0: float
    y0: float
    cell: float
    rows_title: QRectF  # "true class", level, right-aligned over the row labels
    columns_title: QRectF  # "the network's answer", above the column labels


class ConfusionView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = np.zeros((0, 0), dtype=np.int64)
        self.names: list[str] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        palette.follow(self, self.update)  # drawn on the canvas in the light or dark colour set

    def set_counts(self, counts: np.ndarray, names: list[str]) -> None:
        self.counts = np.asarray(counts, dtype=np.int64)
        self.names = list(names)
        self.updateGeometry()  # K (or the names' width) may have changed the minimum
        self.update()

    def minimumSizeHint(self) -> QSize:
        """The titles, the labels and K cells of MIN_CELL: the layout may shrink the matrix to this (a short
        dock at 1366×768 gives it less than a fixed 220 px, and the dock cut its last rows off)."""
        g, K = self.plan(), max(len(self.counts), 2)
        return QSize(int(g.x0 + K * MIN_CELL + PAD) + 1, int(g.y0 + K * MIN_CELL) + 2)

    def sizeHint(self) -> QSize:
        g, K = self.plan(), max(len(self.counts), 2)
        return QSize(int(g.x0 + K * 26 + PAD) + 1, int(g.y0 + K * 26) + 2)

    def cell_text(self, true: int, predicted: int) -> str:
        """The number drawn in a cell (tests)."""
        return str(int(self.counts[true, predicted]))

    def _name(self, k: int) -> str:
        return self.names[k] if k < len(self.names) else str(k)

    def plan(self) -> Layout:
        """The geometry paintEvent uses: the left column as wide as the wider of the row labels and the
        "true class" title (measured, so neither is cut in any language), the matrix as large as fits."""
        K = len(self.counts)
        fm = QFontMetricsF(self.font())
        head = fm.height() * 1.4
        rows_w = fm.horizontalAdvance(tr("true class"))
        labels_w = max((fm.horizontalAdvance(self._name(k)) for k in range(K)), default=0.0)
        x0 = max(rows_w, labels_w) + 2 * PAD
        y0 = 2 * head
        cell = max(8.0, min((self.width() - x0 - PAD) / max(K, 1), (self.height() - y0 - 1) / max(K, 1)))
        answer_w = fm.horizontalAdvance(tr("the network's answer")) + 2 * PAD
        return Layout(x0, y0, cell, QRectF(x0 - 2 * PAD - rows_w, 0, rows_w + PAD, head),
                      QRectF(x0, 0, max(K * cell, answer_w), head))

    def cell_colours(self, true: int, predicted: int) -> tuple[QColor, QColor]:
        """(fill, text) of a cell: the palette's ok (diagonal) or bad colour over the canvas, stronger as the
        cell's share of its row grows (an empty cell is the canvas); black or white text, whichever reads."""
        t = palette.current()
        n = int(self.counts[true, predicted])
        share = n / max(1, int(self.counts[true].sum()))
        a = 0.0 if n == 0 else 0.12 + 0.78 * share
        base = t.ok if true == predicted else t.bad
        fill = QColor(*palette.blend((base.red(), base.green(), base.blue()), a, t.canvas))
        return fill, palette.best_text(fill)

    def count_font(self, cell: float) -> QFont | None:
        """The font of the counts in cells of `cell` px: the window's, smaller (then narrower) as cells
        shrink, so the widest count fits its cell whole; None where that would be below 5.5 pt: the colours
        still show and a cell's tooltip gives its count, where Qt would otherwise cut "179" to "7"."""
        font = QFont(self.font())
        pt = min(font.pointSizeF(), max(6.0, cell * 0.32))
        widest = str(int(self.counts.max())) if self.counts.size else "0"
        for stretch in (100, 85):  # (Qt narrows a font that has no condensed face itself)
            font.setStretch(stretch)
            font.setPointSizeF(pt)
            w = QFontMetricsF(font).horizontalAdvance(widest)
            fit = pt if w <= cell - 3 else pt * (cell - 3) / w
            while fit >= 5.5:  # (hinting: a size a little smaller may measure the same)
                font.setPointSizeF(fit)
                if QFontMetricsF(font).horizontalAdvance(widest) <= cell - 3:
                    return font
                fit -= 0.25
        return None

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(true, predicted) of the cell at widget point (x, y), or None."""
        K, g = len(self.counts), self.plan()
        t, q = int((y - g.y0) // g.cell), int((x - g.x0) // g.cell)
        return (t, q) if K and x >= g.x0 and y >= g.y0 and t < K and q < K else None

    def tooltip_at(self, x: float, y: float) -> str:
        at = self.cell_at(x, y)
        if at is None:
            return ""
        t, q = at
        return tr("true class {t}, the network's answer {q}: {n}").format(
            t=self._name(t), q=self._name(q), n=int(self.counts[t, q]))

    def event(self, e) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(e.pos().x(), e.pos().y())  # (a QHelpEvent)
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def paintEvent(self, _e) -> None:
        K = len(self.counts)
        if not K:
            return
        g = self.plan()
        x0, y0, cell = g.x0, g.y0, g.cell
        head = g.rows_title.height()
        t = palette.current()
        p = QPainter(self)
        p.fillRect(self.rect(), t.canvas)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, min(small.pointSizeF(), cell * 0.32)))
        p.setPen(t.text)
        centre = Qt.AlignmentFlag.AlignCenter
        p.drawText(g.columns_title, centre if g.columns_title.width() <= K * cell + 0.5 else
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, tr("the network's answer"))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        p.drawText(g.rows_title, right, tr("true class"))
        p.setFont(small)
        for k in range(K):
            name = self._name(k)
            p.drawText(QRectF(x0 + k * cell, head, cell, head), centre, name)
            p.drawText(QRectF(0, y0 + k * cell, x0 - PAD, cell), right, name)
        lines = QPen(t.grid, 1)
        counts = self.count_font(cell)
        if counts is not None:
            p.setFont(counts)
        for r_ in range(K):
            for q in range(K):
                r = QRectF(x0 + q * cell, y0 + r_ * cell, cell, cell)
                fill, text = self.cell_colours(r_, q)
                p.fillRect(r, fill)
                p.setPen(lines)
                p.drawRect(r)
                if self.counts[r_, q] and counts is not None:
                    p.setPen(text)
                    p.drawText(r, centre, str(int(self.counts[r_, q])))
        p.end()
