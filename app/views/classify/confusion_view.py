"""ConfusionView: the K×K confusion matrix, rows the true class, columns the network's answer.

Each cell shows its count; the diagonal (right answers) is green, the rest red, stronger as the share of
the row grows, so the digit pairs the network mixes up stand out. Painted in one pass (10×10 cells)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.i18n import tr

RIGHT, WRONG = QColor(26, 152, 80), QColor(215, 48, 39)


class ConfusionView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts = np.zeros((0, 0), dtype=np.int64)
        self.names: list[str] = []
        self.setMinimumSize(QSize(220, 220))

    def set_counts(self, counts: np.ndarray, names: list[str]) -> None:
        self.counts = np.asarray(counts, dtype=np.int64)
        self.names = list(names)
        self.update()

    def cell_text(self, true: int, predicted: int) -> str:
        """The number drawn in a cell (tests)."""
        return str(int(self.counts[true, predicted]))

    def paintEvent(self, _e) -> None:
        K = len(self.counts)
        if not K:
            return
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        fm = self.fontMetrics()
        head = fm.height() * 1.4
        cell = max(8.0, min((self.width() - 2 * head) / K, (self.height() - 2 * head) / K))
        x0, y0 = 2 * head, 2 * head
        rows = self.counts.sum(1, keepdims=True).clip(min=1)
        share = self.counts / rows
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, min(small.pointSizeF(), cell * 0.32)))
        p.setPen(QColor(60, 60, 60))
        p.drawText(QRectF(x0, 0, K * cell, head), Qt.AlignmentFlag.AlignCenter, tr("the network's answer"))
        p.save()
        p.translate(0, y0 + K * cell)
        p.rotate(-90)
        p.drawText(QRectF(0, 0, K * cell, head), Qt.AlignmentFlag.AlignCenter, tr("true class"))
        p.restore()
        p.setFont(small)
        for k in range(K):
            name = self.names[k] if k < len(self.names) else str(k)
            p.drawText(QRectF(x0 + k * cell, head, cell, head), Qt.AlignmentFlag.AlignCenter, name)
            p.drawText(QRectF(head, y0 + k * cell, head, cell), Qt.AlignmentFlag.AlignCenter, name)
        for t in range(K):
            for q in range(K):
                r = QRectF(x0 + q * cell, y0 + t * cell, cell, cell)
                n = int(self.counts[t, q])
                base = RIGHT if t == q else WRONG
                a = 0.0 if n == 0 else 0.12 + 0.78 * float(share[t, q])
                colour = QColor(int(255 - a * (255 - base.red())), int(255 - a * (255 - base.green())),
                                int(255 - a * (255 - base.blue())))
                p.fillRect(r, colour)
                p.setPen(QPen(QColor(220, 220, 220), 1))
                p.drawRect(r)
                if n:
                    p.setPen(QColor(255, 255, 255) if a > 0.55 else QColor(30, 30, 30))
                    p.drawText(r, Qt.AlignmentFlag.AlignCenter, str(n))
        p.end()
