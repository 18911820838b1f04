"""The checker's verdicts as a table: one row per tensor, in backprop order, then the updated parameters.

Columns: tensor · status (coloured) · expected shape · your shape · factor · max |err| · follows from · line ·
hint. The root mistake's row is bold and its tensor cell says so. RESULT_ROLE gives the row's
engine.checker.verdicts.TensorResult.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from app.i18n import tr
from engine.core.spec import shape_text

from . import wording

RESULT_ROLE = Qt.ItemDataRole.UserRole + 10
STATUS_ROLE = Qt.ItemDataRole.UserRole + 11

STATUS_BG = {
    "ok": QColor(212, 239, 214),
    "follows": QColor(226, 232, 242),
    "sign": QColor(253, 214, 178),
    "scale": QColor(253, 214, 178),
    "shape": QColor(247, 196, 190),
    "wrong": QColor(247, 196, 190),
    "not_finite": QColor(247, 196, 190),
    "missing": QColor(236, 236, 236),
    "aliased": QColor(250, 240, 200),
}
STATUS_FG = {"ok": QColor(20, 100, 40), "sign": QColor(140, 60, 0), "scale": QColor(140, 60, 0),
             "shape": QColor(150, 20, 20), "wrong": QColor(150, 20, 20), "not_finite": QColor(150, 20, 20),
             "follows": QColor(60, 70, 110), "missing": QColor(110, 110, 110),
             "aliased": QColor(120, 90, 0)}

TENSOR, STATUS, EXPECTED, GOT, FACTOR, ERR, FOLLOWS, LINE, HINT = range(9)


def _headers():
    return [tr("Tensor"), tr("Status"), tr("Shape"), tr("Yours"), tr("Factor"), tr("max |err|"),
            tr("Follows from"), tr("Line"), tr("Hint")]


class VerdictModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.results: list = []
        self.root: str | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._hints: list[str] = []

    def set_results(self, results, root: str | None = None) -> None:
        self.beginResetModel()
        self.results = list(results)
        self.root = root
        self._hints = [wording.hint_text(r) for r in self.results]
        self.endResetModel()

    def clear(self) -> None:
        self.set_results([], None)

    def row_of(self, name: str) -> int:
        for i, r in enumerate(self.results):
            if r.name == name:
                return i
        return -1

    def hint(self, row: int) -> str:
        return self._hints[row]

    # ----- Qt API -----------------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.results)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            h = _headers()
            return h[section] if 0 <= section < len(h) else None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1) if 0 <= section < len(self.results) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        r, c = self.results[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), r, c)
        if role == Qt.ItemDataRole.ToolTipRole:
            if c == STATUS:
                return wording.status_tooltip(r.status)
            if c == HINT or c == TENSOR:
                return self._hints[index.row()] or None
            return None
        if role == Qt.ItemDataRole.BackgroundRole and c == STATUS:
            return QBrush(STATUS_BG.get(r.status, QColor(255, 255, 255)))
        if role == Qt.ItemDataRole.ForegroundRole and c == STATUS:
            return QBrush(STATUS_FG.get(r.status, QColor(0, 0, 0)))
        if role == Qt.ItemDataRole.FontRole and (r.name == self.root or c == STATUS):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and c in (FACTOR, ERR, LINE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RESULT_ROLE:
            return r
        if role == STATUS_ROLE:
            return r.status
        return None

    def _text(self, row: int, r, c: int) -> str:
        if c == TENSOR:
            return tr("{name}  ◀ root").format(name=r.name) if r.name == self.root else r.name
        if c == STATUS:
            return wording.status_text(r)
        if c == EXPECTED:
            return shape_text(r.expected_shape)
        if c == GOT:
            return "—" if r.got_shape is None else shape_text(r.got_shape)
        if c == FACTOR:
            return wording.factor_text(r.factor)
        if c == ERR:
            return "" if r.max_abs_err is None else f"{r.max_abs_err:.3g}"
        if c == FOLLOWS:
            return r.follows_from or ""
        if c == LINE:
            return "" if r.line is None else str(r.line)
        if c == HINT:
            return self._hints[row].split("\n")[0]
        return ""
