"""Adam's buffers under an update step: the gradient, m, v, m_hat, v_hat and the step Δ, each drawn as a matrix with its
name and shape, and a line for each saying what it is (engine/text/adam.py, translated in context "engine").

    Adam's buffers for w2, step t = 3: each one (2×1), the shape of w2
    d_w2      m_w2      v_w2
    [..]      [..]      [..]          each drawn with its numbers (a heat map when large)
    (2×1)     (2×1)     (2×1)
    m_hat_w2  v_hat_w2  Δw2
    …
    m_w2 ← 0.9·m_w2 + 0.1·d_w2: the running mean of the gradient
    …

Shown for Adam update steps only (hidden for every other operation). The numbers are the engine's record
(engine/core/adam_trace.py); nothing is recomputed here. Large matrices are drawn as heat maps.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import engine_text
from engine.core.update import bias_corrections
from engine.text import Text

from . import notation as nt
from .captions import esc, heat_len, shape_plain, wrap
from .matrix_view import MatrixCanvas
from .qt_util import set_shown, set_text

PREFIXES = ("d_", "m_", "v_", "m_hat_", "v_hat_", "Δ")
EXPLAINED = (("m_", "adam.m"), ("v_", "adam.v"), ("m_hat_", "adam.m_hat"), ("v_hat_", "adam.v_hat"), ("Δ", "adam.step"))
NUMBERS_MAX = 8  # larger buffers are heat maps
COLUMNS = 3


def _as_2d(values) -> np.ndarray:
    a = values.detach().double().numpy() if hasattr(values, "detach") else np.asarray(values, dtype=float)
    return a.reshape(1, -1) if a.ndim == 1 else a.reshape(1, 1) if a.ndim == 0 else a


class AdamView(QWidget):
    """The moment buffers of an Adam update step (see the module docstring)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 6, 0, 0)
        col.setSpacing(4)
        self.title = QLabel()
        tf = QFont(self.font())
        tf.setBold(True)
        self.title.setFont(tf)
        col.addWidget(self.title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        self.names: list[QLabel] = []
        self.canvases: list[MatrixCanvas] = []
        self.shapes: list[QLabel] = []
        centre = Qt.AlignmentFlag.AlignHCenter
        for i, _ in enumerate(PREFIXES):  # two rows of three: the gradient and the buffers, then m_hat, v_hat, Δ
            name, canvas, shape = QLabel(), MatrixCanvas(), QLabel()
            name.setFont(tf)
            row, column = 3 * (i // COLUMNS), i % COLUMNS
            for r, w in enumerate((name, canvas, shape)):
                grid.addWidget(w, row + r, column,
                               centre | (Qt.AlignmentFlag.AlignBottom if r == 0 else Qt.AlignmentFlag.AlignTop))
            self.names.append(name)
            self.canvases.append(canvas)
            self.shapes.append(shape)
        grid.setColumnStretch(COLUMNS, 1)
        col.addLayout(grid)
        self.lines = QLabel()
        self.lines.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col.addWidget(self.lines)
        self.step = None
        self.hide()

    def show_step(self, step, mode: str = nt.NOTEBOOK, width: int = 100, spec=None) -> None:
        """Show the buffers of `step` if it is an Adam update step; else hide."""
        if step is None or step.code != "step.update.adam":
            self.step = None
            set_shown(self, False)
            return
        self.step = step
        p = step.name
        by_name = {o.name: o for o in step.operands}
        arrays = [_as_2d(by_name[pre + p].value) for pre in PREFIXES]
        longest = max(max(a.shape) for a in arrays)
        heat = longest > NUMBERS_MAX
        for name, canvas, shape, pre, values in zip(self.names, self.canvases, self.shapes, PREFIXES, arrays):
            set_text(name, nt.symbol(pre + p, mode))
            canvas.set_values(values)
            if heat:
                rows, cols = values.shape
                canvas.set_mode(True, heat_len(cols, longest) / cols, heat_len(rows, longest) / rows)
            else:
                canvas.set_mode(False, *canvas.number_cell_size())
            canvas.update_geometry()
            set_text(shape, esc(shape_plain(tuple(by_name[pre + p].shape))))
        args = self._args(step, spec, int(by_name["t"].value))
        set_text(self.title, engine_text(Text("adam.title", args)))
        lines = [wrap(nt.translate(engine_text(Text(code, args)), mode), width) for _, code in EXPLAINED]
        set_text(self.lines, "\n".join(lines))
        set_shown(self, True)

    @staticmethod
    def _args(step, spec, t: int) -> dict:
        a = step.args  # p, lr, shape, beta1, beta2, eps (the step's text arguments)
        b1, b2 = a["beta1"], a["beta2"]
        bc1, bc2 = bias_corrections(t, b1, b2)
        return dict(p=step.name, shape=a["shape"], t=t, lr=a["lr"], beta1=b1, beta2=b2, eps=a["eps"],
                    one_m_beta1=1 - b1, one_m_beta2=1 - b2, bc1=bc1, bc2=bc2)

    def texts(self) -> list[str]:
        """What the view shows, as plain text (tests): the title, each matrix's name and shape, the lines."""
        if self.step is None:
            return []
        return [self.title.text(), *(f"{n.text()} {s.text()}" for n, s in zip(self.names, self.shapes)),
                *self.lines.text().split("\n")]
