"""The weights editor's parts: a compact table for one MatrixModel, and one parameter's block (caption,
table, its gradient's table beside it, and the refusal message). app/views/weights_editor.py assembles them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QGridLayout, QHeaderView, QLabel, QSizePolicy, QTableView, QVBoxLayout, QWidget,
)

from app import palette
from app.models.matrix_model import MatrixDelegate, MatrixModel

MAX_VISIBLE_ROWS = 8
EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)


def make_table(model: MatrixModel, parent=None) -> QTableView:
    """A compact table for one MatrixModel: fixed-width number columns, at most 8 rows tall."""
    view = QTableView(parent)
    view.setModel(model)
    view.setItemDelegate(MatrixDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(EDIT_TRIGGERS if model.editable else QAbstractItemView.EditTrigger.NoEditTriggers)
    fm = view.fontMetrics()
    h = view.horizontalHeader()
    h.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    h.setDefaultSectionSize(fm.horizontalAdvance("-0.0001234") + 14)
    h.setMinimumSectionSize(20)
    v = view.verticalHeader()
    v.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    v.setDefaultSectionSize(fm.height() + 8)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    model.modelReset.connect(lambda: fit_table(view))
    fit_table(view)
    return view


def fit_table(view: QTableView) -> None:
    """Size the view to its content: up to 12 columns wide, at most MAX_VISIBLE_ROWS rows tall (then it
    scrolls). A vector (one row) has no row header."""
    m = view.model()
    vec = bool(getattr(m, "is_vector", False))
    h, v = view.horizontalHeader(), view.verticalHeader()
    v.setVisible(not vec)
    rows = max(1, min(m.rowCount(), MAX_VISIBLE_ROWS))
    frame = 2 * view.frameWidth()
    extra_h = view.horizontalScrollBar().sizeHint().height() if m.columnCount() > 12 else 0
    extra_w = view.verticalScrollBar().sizeHint().width() if m.rowCount() > MAX_VISIBLE_ROWS else 0
    view.setFixedHeight(h.sizeHint().height() + rows * v.defaultSectionSize() + frame + extra_h)
    row_header = 0 if vec else v.sizeHint().width()
    width = row_header + min(max(1, m.columnCount()), 12) * h.defaultSectionSize() + frame + extra_w
    view.setMinimumWidth(min(width, 160))
    view.setMaximumWidth(width)


class ParamBlock(QWidget):
    """Caption, table (and the gradient's caption and table beside it), and the refusal message."""

    def __init__(self, name: str, caption: str, parent=None):
        super().__init__(parent)
        self.name = name
        self.model = MatrixModel(name=name, editable=True, parent=self)
        self.view = make_table(self.model, self)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.grad_model = MatrixModel(name="d_" + name, editable=False, parent=self)
        self.grad_view = make_table(self.grad_model, self)
        self.grad_caption = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        palette.style_label(self.message, "error")
        self.message.hide()
        self.model.error.connect(self.show_message)

        # caption across the top; the table, and the gradient (caption + table) beside it
        self.grad_box = QWidget(self)
        gv = QVBoxLayout(self.grad_box)
        gv.setContentsMargins(0, 0, 0, 0)
        gv.setSpacing(1)
        gv.addWidget(self.grad_caption)
        gv.addWidget(self.grad_view, 0, Qt.AlignmentFlag.AlignLeft)
        gv.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.caption, 0, 0, 1, 3)
        grid.addWidget(self.view, 1, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.grad_box, 1, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.message, 2, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self.set_gradients_visible(False)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def set_gradients_visible(self, on: bool) -> None:
        self.grad_box.setVisible(on)
