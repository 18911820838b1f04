"""The inspector's toolbar: names (the notebook's or the textbook's), how matrices are drawn (Auto, numbers,
heat map) and the sample followed through every matrix. It only says what the learner chose; the pane
(app/views/inspector/equation.py) decides what that changes.

    bar = InspectorToolbar()
    bar.notation_chosen.connect(pane.set_notation)      # nt.NOTEBOOK | nt.TEXTBOOK
    bar.display_chosen.connect(pane.set_display)        # AUTO | NUMBERS | HEAT
    bar.sample_chosen.connect(...)                      # a row index, -1 for off
    bar.show_notation(mode); bar.show_display(display); bar.show_sample(index, n_samples)
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget

from app.i18n import tr

from . import notation as nt
from .fitting import AUTO, HEAT, NUMBERS


class InspectorToolbar(QWidget):
    notation_chosen = Signal(str)
    display_chosen = Signal(str)
    sample_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.notation_box = QComboBox()
        self.notation_box.addItem(tr("Notebook names (l1, a1, d_w2)"), nt.NOTEBOOK)
        self.notation_box.addItem(tr("Textbook symbols (z⁽¹⁾, a⁽¹⁾, ∂L/∂W⁽²⁾, δ⁽²⁾)"), nt.TEXTBOOK)
        self.notation_box.setToolTip(tr("Names as in the notebook, or the textbook's symbols; "
                                        "hover over a name to see the other"))
        self.notation_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.notation_box.setMinimumContentsLength(12)
        self.notation_box.currentIndexChanged.connect(
            lambda _i: self.notation_chosen.emit(self.notation_box.currentData()))
        self.display_box = QComboBox()
        self.display_box.addItem(tr("Auto"), AUTO)
        self.display_box.addItem(tr("Numbers"), NUMBERS)
        self.display_box.addItem(tr("Heat map"), HEAT)
        self.display_box.setToolTip(tr("Numbers in every cell, or colours only (for large matrices); "
                                       "Auto shows numbers up to 12 rows and columns"))
        self.display_box.currentIndexChanged.connect(
            lambda _i: self.display_chosen.emit(self.display_box.currentData()))
        self.sample_spin = QSpinBox()
        self.sample_spin.setMinimum(-1)
        self.sample_spin.setSpecialValueText(tr("off"))
        self.sample_spin.setValue(-1)
        self.sample_spin.setToolTip(tr("Follow one data row through every matrix that has a row per sample"))
        self.sample_spin.valueChanged.connect(self.sample_chosen)
        # 12 letters at least (a narrow pane), and the room beside it up to its longest item: held at 12 it read
        # "Notebook names (l1" with half the toolbar empty
        self.notation_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        longest = max(self.notation_box.fontMetrics().horizontalAdvance(self.notation_box.itemText(i))
                      for i in range(self.notation_box.count()))
        self.notation_box.setMaximumWidth(longest + self.notation_box.minimumSizeHint().width()
                                          - self.notation_box.fontMetrics().horizontalAdvance("x" * 12) + 8)
        for w in (QLabel(tr("Names:")), self.notation_box, QLabel(tr("Matrices:")), self.display_box,
                  QLabel(tr("Follow sample:")), self.sample_spin):
            bar.addWidget(w, 100 if w is self.notation_box else 0)
        bar.addStretch(1)

    @staticmethod
    def _select(box: QComboBox, data) -> None:
        i = box.findData(data)
        if box.currentIndex() != i:
            box.setCurrentIndex(i)

    def show_notation(self, mode: str) -> None:
        self._select(self.notation_box, mode)

    def show_display(self, display: str) -> None:
        self._select(self.display_box, display)

    def show_sample_row(self, row: int | None) -> None:
        """The data row the followed sample is, beside its number ("3 (row 48)"), where it is not row `index`
        of the data (inside a mini-batch, on a split's training rows); None: the number alone."""
        suffix = "" if row is None else tr(" (row {n})").format(n=row)
        if self.sample_spin.suffix() != suffix:
            self.sample_spin.setSuffix(suffix)

    def show_sample(self, index: int, n_samples: int | None = None) -> None:
        """Show `index` (-1: off) without emitting sample_chosen; `n_samples` sets the range."""
        spin = self.sample_spin
        spin.blockSignals(True)
        if n_samples is not None:
            spin.setMaximum(n_samples - 1)
        spin.setValue(index if index < spin.maximum() + 1 else -1)
        spin.blockSignals(False)


__all__ = ["InspectorToolbar"]
