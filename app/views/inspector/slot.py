"""One slot of the equation view: a matrix with its name above, its shape and a note below, and, for a
transposed operand, its original drawn small."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from app import palette

from .matrix_view import MAX_VIEW_H, MAX_VIEW_W, MatrixCanvas
from .qt_util import fill_base, set_shown, set_text


class MatrixBlock:
    """One slot of the equation: the name above a matrix, the shape and a note below. Its widgets live in
    the equation's grid (row 0: name, matrix, shape and note stacked, the notes padded to the same number of
    lines; rows 1–2 the original of a transposed operand, drawn small), so every matrix centre lines up."""

    def __init__(self, parent: QWidget):
        # name, matrix and shape stacked in one box: all boxes have the same label heights, so centring the
        # boxes on a grid row lines up every matrix's centre (and the operators between them)
        self.box = QWidget(parent)
        stack = QVBoxLayout(self.box)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(2)
        self.name_label = QLabel(self.box)
        f = QFont(parent.font())
        f.setPointSizeF(f.pointSizeF() * 1.35)
        f.setBold(True)
        self.name_label.setFont(f)
        self.name_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        self.canvas = MatrixCanvas()
        self.scroll = QScrollArea(self.box)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        fill_base(self.scroll.viewport())
        self.shape_label = QLabel(self.box)
        self.shape_label.setTextFormat(Qt.TextFormat.RichText)
        sf = QFont(parent.font())
        sf.setPointSizeF(sf.pointSizeF() * 1.1)
        self.shape_label.setFont(sf)
        self.shape_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.note_label = QLabel(self.box)
        for w in (self.name_label, self.scroll, self.shape_label, self.note_label):
            stack.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        palette.style_label(self.note_label, "muted")
        self.term = None
        self.used = False
        # a transposed operand's original, small: "a1 (4×2) as the forward pass made it"
        self.origin_label = QLabel(parent)
        self.origin_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom)
        palette.style_label(self.origin_label, "muted")
        self.origin = MatrixCanvas(parent, compact=True)
        self.origin.setToolTip("")
        self.origin.hide()
        self.origin_label.hide()

    def widgets(self) -> list[QWidget]:
        return [self.name_label, self.scroll, self.shape_label, self.note_label]

    def set_visible(self, on: bool) -> None:
        """Show the slot, or empty it. An unused slot (always one at the end of the equation) keeps its
        widgets but shows nothing: hiding and showing widgets costs a layout pass each, every step."""
        self.used = on
        show_origin = on and self.term is not None and self.term.transposed
        set_shown(self.origin, show_origin)
        set_shown(self.origin_label, show_origin)
        if not on:
            set_text(self.name_label, "")
            set_text(self.shape_label, "")
            set_text(self.note_label, "")
            self.scroll.setFixedSize(0, 0)
        set_shown(self.scroll, on)

    def fit(self, max_width: int = MAX_VIEW_W) -> None:
        """Size the scroll area to the canvas, up to the maximum (`max_width` px wide at most: a matrix too
        wide for the pane scrolls inside its frame), with room for the scroll bars it needs."""
        self.canvas.update_geometry()
        if self.term is not None and self.term.transposed:
            self.origin.update_geometry()
        w, h = self.canvas.width(), self.canvas.height()
        sb = self.scroll.style().pixelMetric(self.scroll.style().PixelMetric.PM_ScrollBarExtent)
        max_width = min(max_width, MAX_VIEW_W)
        vw, vh = min(w, max_width), min(h, MAX_VIEW_H)
        if w > max_width:
            vh += sb
        if h > MAX_VIEW_H:
            vw += sb
        self.scroll.setFixedSize(vw, vh)
        self.box.updateGeometry()  # the equation's grid measures the box again now (fitting.py asks it)
