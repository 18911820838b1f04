"""The shared selection: which parameter cell and which data sample the learner is pointing at.

The Session owns one (`session.selection`) and clears it when the network is replaced. Panes both call
its setters and listen to its signals, so a cell picked in the network diagram is picked in the weights
editor and the matrix inspector too, and a sample followed in the inspector is highlighted on the boundary plot. Setters emit
only on a change, so two panes wired both ways never loop.

    cell_selected(name, row, col)   a parameter cell: ("w2", 1, 0); a bias b{k} is one row: ("b1", 0, unit).
                                     ("", -1, -1) when the selection is cleared.
    sample_changed(index)           a data row (0 … N−1), or -1 for none.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    cell_selected = Signal(str, int, int)
    sample_changed = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cell: tuple[str, int, int] | None = None
        self._sample = -1

    # ----- cell -------------------------------------------------------------------------------------
    @property
    def cell(self) -> tuple[str, int, int] | None:
        return self._cell

    def select_cell(self, name: str, row: int, col: int) -> None:
        cell = (str(name), int(row), int(col))
        if not name or row < 0 or col < 0:
            self.clear_cell()
            return
        if cell != self._cell:
            self._cell = cell
            self.cell_selected.emit(*cell)

    def clear_cell(self) -> None:
        if self._cell is not None:
            self._cell = None
            self.cell_selected.emit("", -1, -1)

    # ----- sample -----------------------------------------------------------------------------------
    @property
    def sample(self) -> int:
        return self._sample

    def set_sample(self, index: int | None) -> None:
        index = -1 if index is None or index < 0 else int(index)
        if index != self._sample:
            self._sample = index
            self.sample_changed.emit(index)

    def clear(self) -> None:
        """Forget both (the network or data was replaced, so the old indices mean nothing)."""
        self.clear_cell()
        self.set_sample(-1)
