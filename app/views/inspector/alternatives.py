"""The wrong alternatives under "Why this shape": the learner's likely other attempts, drawn small beside
the right product, each with what it gives (engine.core.alternatives judges them from the step's shapes
and values; this view only draws them).

    [▭ @ ▯ → ▯]  a1ᵀ @ d_l2: (2×4) @ (4×1) → (2×1), the shape of w2 ✓
    [▭ @ ▯   ✗]  a1 @ d_l2: (4×2) @ (4×1), inner 2 ≠ 4: no product
    …

Each sketch draws the two factors as rectangles in proportion to their shapes (log-scaled, so 1797 rows
still fit), the inner dimensions' edges green when they agree and red when they clash, and the result's
rectangle (or a red ✗). Shown for matmul gradient steps only; hidden for every other operation.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import engine_text, particles, tr
from engine.core import alternatives as A

from . import colors as C
from . import notation as nt
from .qt_util import set_shown, set_text

MAX_ROWS = 5  # the right product and four attempts
SKETCH = QSize(150, 36)
FACTOR = QColor(210, 225, 240)
RESULT_OK = QColor(200, 235, 210)
RESULT_OFF = QColor(250, 225, 200)


def _px(n: int) -> float:
    """Pixels for an axis of n: 1 → 8, 2 → 15, 4 → 22, 64 and more → 40 (log-scaled, never 0)."""
    return min(40.0, 8.0 + 7.0 * math.log2(max(n, 1)))


class ShapeSketch(QWidget):
    """left @ right → result, as rectangles in proportion to the shapes."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFixedSize(SKETCH)
        self.attempt: A.Attempt | None = None

    def set_attempt(self, attempt: A.Attempt) -> None:
        self.attempt = attempt
        self.update()

    def paintEvent(self, _e) -> None:
        a = self.attempt
        if a is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        h = self.height()
        x = 2.0
        f = QFont(self.font())
        f.setPointSizeF(max(f.pointSizeF() * 0.9, 7.0))
        p.setFont(f)
        clash = not a.fits
        rects = []
        for shape in (a.left, a.right):
            w, hh = _px(shape[1]), min(_px(shape[0]), h - 4.0)
            r = QRectF(x, (h - hh) / 2, w, hh)
            p.fillRect(r, FACTOR)
            p.setPen(QPen(QColor(90, 90, 90), 1))
            p.drawRect(r)
            rects.append(r)
            x += w + 16
        inner = QPen(C.BAD if clash else C.OK, 2.5)
        p.setPen(inner)  # the inner dimensions: the left's columns (top edge) and the right's rows (left edge)
        l, r = rects
        p.drawLine(l.topLeft(), l.topRight())
        p.drawLine(r.topLeft(), r.bottomLeft())
        p.setPen(QColor(60, 60, 60))
        p.drawText(QRectF(l.right(), 0, 16, h), Qt.AlignmentFlag.AlignCenter, "@")
        p.drawText(QRectF(x - 2, 0, 16, h), Qt.AlignmentFlag.AlignCenter, "→")
        x += 16
        if clash:
            p.setPen(QPen(C.BAD, 3))
            p.drawLine(int(x + 4), int(h / 2 - 8), int(x + 20), int(h / 2 + 8))
            p.drawLine(int(x + 4), int(h / 2 + 8), int(x + 20), int(h / 2 - 8))
        else:
            w, hh = _px(a.shape[1]), min(_px(a.shape[0]), h - 4.0)
            res = QRectF(x, (h - hh) / 2, w, hh)
            p.fillRect(res, RESULT_OK if a.outcome == A.RIGHT else RESULT_OFF)
            p.setPen(QPen(C.OK if a.outcome == A.RIGHT else C.WARN, 1.5))
            p.drawRect(res)
        p.end()


class AlternativesView(QWidget):
    """The right product and the wrong attempts of a gradient step. `show_step(step, mode, wrap)`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 2, 0, 2)
        lay.setSpacing(2)
        self.title = QLabel(tr("The other ways to multiply the same two matrices, and what they give:"))
        lay.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        self.sketches: list[ShapeSketch] = []
        self.labels: list[QLabel] = []
        for i in range(MAX_ROWS):
            s, t = ShapeSketch(self), QLabel(self)
            t.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(s, i, 0)
            grid.addWidget(t, i, 1, Qt.AlignmentFlag.AlignVCenter)
            self.sketches.append(s)
            self.labels.append(t)
        grid.setColumnStretch(1, 1)
        lay.addLayout(grid)
        self.alternatives: A.Alternatives | None = None
        self._step = None
        self.setVisible(False)

    def show_step(self, step, mode: str = nt.NOTEBOOK, wrap: int = 120) -> None:
        """Draw the alternatives of `step` (a trace Step), or hide for a step without a product."""
        if step is not self._step:
            self._step = step
            self.alternatives = A.of_step(step) if step is not None else None
        alts = self.alternatives
        set_shown(self, alts is not None)
        if alts is None:
            return
        rows = [alts.right, *alts.wrong]
        for i, (s, t) in enumerate(zip(self.sketches, self.labels)):
            if i < len(rows):
                s.set_attempt(rows[i])
                text = nt.translate(particles(engine_text(rows[i].text)), mode)  # 과(와) after a shape
                set_text(t, _wrap(text, max(wrap - 30, 40)))  # the sketch (158 px) and bold type beside it
                t.setStyleSheet("font-weight: bold;" if i == 0 else "")
            set_shown(s, i < len(rows))
            set_shown(t, i < len(rows))

    def texts(self) -> list[str]:
        """The sentences shown, right product first (tests)."""
        return [t.text().replace("\n", " ") for t in self.labels if t.isVisibleTo(self)]


def _wrap(text: str, width: int) -> str:
    from .captions import wrap

    return wrap(text, width)


__all__ = ["AlternativesView", "ShapeSketch"]
