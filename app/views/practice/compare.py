"""The learner's tensor beside the expected one, as the matrix inspector shows matrices: two small tables on
app.models.MatrixModel (coloured by sign), the cells that differ framed and bold in both.

A cell differs when |yours − expected| > 1e-3·(|expected| + max|expected|) — the checker's float32
tolerance — or when one is finite and the other not. Shapes that differ: nothing is marked and the caption
says so. A tensor the code did not define shows the expected one alone.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QHeaderView, QLabel, QTableView, QWidget

from app.i18n import tr
from app.models.matrix_model import MatrixDelegate, MatrixModel
from engine.core.spec import shape_text

RTOL = 1e-3


def as_array(values) -> np.ndarray | None:
    """Nested lists from the CLI's JSON (null for nan/inf) as a float array."""
    if values is None:
        return None
    if not isinstance(values, list):
        return np.array(math.nan if values is None else float(values))

    def conv(v):
        return [conv(x) for x in v] if isinstance(v, list) else (math.nan if v is None else float(v))

    return np.array(conv(values), dtype=np.float64)


def differing_cells(got: np.ndarray, exp: np.ndarray) -> list[tuple[int, int]]:
    """(row, col) of the cells that differ, in the tables' layout (a vector is one row)."""
    if got.shape != exp.shape:
        return []
    g = got.reshape(1, -1) if got.ndim < 2 else got
    e = exp.reshape(1, -1) if exp.ndim < 2 else exp
    fe, fg = np.isfinite(e), np.isfinite(g)
    scale = float(np.abs(e[fe]).max()) if fe.any() else 0.0
    with np.errstate(invalid="ignore"):
        tol = RTOL * (np.abs(e) + scale) + 1e-30
        bad = (fe != fg) | (fe & fg & (np.abs(g - e) > tol))
    return [(int(r), int(c)) for r, c in zip(*np.nonzero(bad))]


def _table(name: str) -> QTableView:
    v = QTableView()
    v.setObjectName(name)
    v.setItemDelegate(MatrixDelegate(v))
    v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    v.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    v.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    v.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return v


class TensorCompare(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("tensorCompare")
        self.expected_model = MatrixModel(name="expected")
        self.got_model = MatrixModel(name="yours")
        self.expected_view = _table("expectedTable")
        self.expected_view.setModel(self.expected_model)
        self.got_view = _table("yoursTable")
        self.got_view.setModel(self.got_model)
        self.expected_caption, self.got_caption = QLabel(), QLabel()
        for lab in (self.expected_caption, self.got_caption):
            lab.setTextFormat(Qt.TextFormat.PlainText)
            lab.setStyleSheet("font-weight: bold;")
        self.note = QLabel()
        self.note.setObjectName("compareNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        lay = QGridLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.got_caption, 0, 0)
        lay.addWidget(self.expected_caption, 0, 1)
        lay.addWidget(self.got_view, 1, 0)
        lay.addWidget(self.expected_view, 1, 1)
        lay.addWidget(self.note, 2, 0, 1, 2)
        lay.setRowStretch(1, 1)
        self.differing: list[tuple[int, int]] = []
        self.show_result(None)

    def show_result(self, r) -> None:
        """Show TensorResult `r` (with values), or nothing."""
        self.differing = []
        if r is None:
            self.got_model.set_tensor(None)
            self.expected_model.set_tensor(None)
            self.got_caption.setText(tr("yours"))
            self.expected_caption.setText(tr("expected"))
            self.note.setText(tr("Select a row of the table to see your tensor beside the expected one."))
            self.got_view.setVisible(True)
            return
        exp, got = as_array(r.expected), as_array(r.got)
        name = r.name
        self.expected_model.name, self.got_model.name = name, name
        self.expected_caption.setText(tr("expected {name} {shape}").format(
            name=name, shape=shape_text(r.expected_shape)))
        self.expected_model.set_tensor(exp if exp is not None and exp.ndim <= 2 else None)
        if got is None:
            self.got_caption.setText(tr("yours: {name} —").format(name=name))
            self.got_model.set_tensor(None)
            note = (tr("Your code does not define {name}.").format(name=name) if r.got_shape is None
                    else tr("Your {name} is too large to show.").format(name=name))
            self.got_view.setVisible(r.got_shape is not None)
            self.note.setText(note)
            self.expected_model.clear_highlight()
            return
        self.got_view.setVisible(True)
        self.got_caption.setText(tr("yours: {name} {shape}").format(name=name, shape=shape_text(got.shape)))
        self.got_model.set_tensor(got if got.ndim <= 2 else None)
        if exp is not None and got.shape == exp.shape:
            self.differing = differing_cells(got, exp)
            n = len(self.differing)
            total = max(1, exp.size)
            note = (tr("All {total} entries agree.").format(total=total) if n == 0 else
                    tr("{n} of {total} entries differ (framed).").format(n=n, total=total))
        else:
            note = tr("The shapes differ: yours is {got}, the expected one is {exp}.").format(
                got=shape_text(got.shape), exp=shape_text(r.expected_shape))
        if r.factor is not None and not (r.numbers or {}).get("relative_to"):
            note += " " + tr("Yours = {k} × expected.").format(k=f"{r.factor:g}".replace("-", "−"))
        self.got_model.set_highlight_cells(self.differing)
        self.expected_model.set_highlight_cells(self.differing)
        self.note.setText(note)
