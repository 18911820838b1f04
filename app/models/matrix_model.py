"""A table model over one tensor: a matrix (rows × columns) or a vector shown as one row.

Used wherever the app shows numbers in a grid: the weights editor, the matrix inspector, practice.

- DisplayRole: the value formatted "%.4g"; EditRole: the exact value as text (shortest round-trip repr
  for the tensor's dtype), so the default delegate edits it in a QLineEdit and scientific notation works.
- BackgroundRole: diverging colour by sign (blue ≥ 0, red < 0), stronger with |v| / max |v|, blended onto the
  palette's Base so it is opaque; ForegroundRole: black or white, whichever reads better on it (colours from
  app/palette.py: a light and a dark set).
- ToolTipRole: "w1[0, 1] = 0.123456789".
- setData parses text; text, NaN and inf are refused: `error` is emitted with a clear message and
  setData returns False. With an `edit_handler`, a valid value is handed to it (the weights editor
  turns it into an undoable command) instead of being written into the model.
- Highlight (for "follow one sample"): highlighted rows/cells are bold and framed by `MatrixDelegate`.
  `HIGHLIGHT_ROLE` answers True for a highlighted cell.

The model keeps its own copy of the numbers, so a tensor changed in place elsewhere (by training in
another thread) never changes what is shown until `set_tensor` is called again.
"""

from __future__ import annotations

import math
from typing import Callable, Iterable, Sequence

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QStyledItemDelegate

from app import palette
from app.i18n import tr

HIGHLIGHT_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the value as a Python float

EditHandler = Callable[[int, int, float], "str | None"]


def parse_number(text) -> tuple[float | None, str | None]:
    """(value, None) for a finite number written as text ("0.5", "-2", "1e-3"); else (None, message)."""
    s = str(text).strip()
    if not s:
        return None, tr("Type a number, for example 0.5 or 1e-3.")
    try:
        v = float(s.replace("−", "-"))
    except ValueError:
        return None, tr("“{text}” is not a number; type one like 0.5, -2 or 1e-3.").format(text=s)
    if math.isnan(v):
        return None, tr("NaN is not allowed: a weight must be a finite number.")
    if math.isinf(v):
        return None, tr("Infinity is not allowed: a weight must be a finite number (the value is too large).")
    return v, None


class MatrixModel(QAbstractTableModel):
    """Rows × columns of one tensor (a 1-D tensor is one row). See the module docstring."""

    error = Signal(str)  # a refused edit, in words
    value_edited = Signal(int, int, float)  # an accepted edit (row, column, new value)

    def __init__(self, tensor=None, name: str = "", editable: bool = False, parent=None,
                 row_names: Sequence[str] | None = None, col_names: Sequence[str] | None = None):
        super().__init__(parent)
        self.name = name
        self.editable = editable
        self.edit_handler: EditHandler | None = None
        self._a = np.zeros((0, 0))
        self._vector = False
        self._scalar = False
        self._max = 0.0
        self._row_names = list(row_names) if row_names else None
        self._col_names = list(col_names) if col_names else None
        self._hl_rows: frozenset[int] = frozenset()
        self._hl_cells: frozenset[tuple[int, int]] = frozenset()
        self._bold = QFont()
        self._bold.setBold(True)
        if tensor is not None:
            self._load(tensor)

    # ----- content --------------------------------------------------------------------------------
    @staticmethod
    def _as_array(t) -> np.ndarray:
        if t is None:
            return np.zeros((0, 0))
        if hasattr(t, "detach"):
            t = t.detach().cpu().numpy()
        a = np.array(t, copy=True)
        if a.dtype.kind not in "fiub":
            a = a.astype(np.float64)
        return a

    def _load(self, t) -> None:
        a = self._as_array(t)
        if a.ndim > 2:
            raise ValueError(f"MatrixModel shows 0-, 1- or 2-D tensors, not shape {a.shape}")
        self._vector = a.ndim == 1
        self._scalar = a.ndim == 0
        self._a = a.reshape(1, -1) if a.ndim < 2 else a
        finite = self._a[np.isfinite(self._a)] if self._a.size else self._a
        self._max = float(np.abs(finite).max()) if finite.size else 0.0

    def set_tensor(self, tensor) -> None:
        """Show new values; same shape keeps selection and editors (dataChanged), else the model resets."""
        new = self._as_array(tensor)
        new_shape = new.reshape(1, -1).shape if new.ndim < 2 else new.shape
        if new_shape == self._a.shape and (new.ndim == 1) == self._vector and self._a.size:
            self._load(new)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self._load(new)
            self.endResetModel()

    def array(self) -> np.ndarray:
        """The values shown (a copy), in the tensor's own shape."""
        a = self._a.copy()
        return a.reshape(-1) if self._vector else (a.reshape(()) if self._scalar else a)

    def value(self, row: int, col: int) -> float:
        return float(self._a[row, col])

    @property
    def is_vector(self) -> bool:
        return self._vector

    def set_names(self, row_names: Sequence[str] | None = None,
                  col_names: Sequence[str] | None = None) -> None:
        self._row_names = list(row_names) if row_names else None
        self._col_names = list(col_names) if col_names else None
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # ----- highlight ------------------------------------------------------------------------------
    def set_highlight_rows(self, rows: Iterable[int] | None) -> None:
        self._hl_rows = frozenset(int(r) for r in (rows or ()))
        self._emit_all()

    def set_highlight_cells(self, cells: Iterable[tuple[int, int]] | None) -> None:
        self._hl_cells = frozenset((int(r), int(c)) for r, c in (cells or ()))
        self._emit_all()

    def clear_highlight(self) -> None:
        self._hl_rows, self._hl_cells = frozenset(), frozenset()
        self._emit_all()

    def is_highlighted(self, row: int, col: int) -> bool:
        return row in self._hl_rows or (row, col) in self._hl_cells

    def _emit_all(self) -> None:
        if self._a.size:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # ----- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else int(self._a.shape[0])

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else int(self._a.shape[1])

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.editable:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def cell_name(self, row: int, col: int) -> str:
        if self._vector:
            return f"{self.name}[{col}]"
        if self._scalar:
            return self.name
        return f"{self.name}[{row}, {col}]"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not (0 <= r < self._a.shape[0] and 0 <= c < self._a.shape[1]):
            return None
        v = self._a[r, c]
        if role == Qt.ItemDataRole.DisplayRole:
            return "%.4g" % v
        if role == Qt.ItemDataRole.EditRole:
            return self._exact(v)
        if role == VALUE_ROLE:
            return float(v)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.cell_name(r, c)} = {self._exact(v)}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(self._colour(float(v)))
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(palette.best_text(self._colour(float(v))))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if self.is_highlighted(r, c) else None
        if role == HIGHLIGHT_ROLE:
            return self.is_highlighted(r, c)
        return None

    def _exact(self, v) -> str:
        """The shortest text that reads back as exactly this value in the tensor's dtype."""
        return repr(v.item()) if self._a.dtype == np.float64 else str(v)

    def _colour(self, v: float) -> QColor:
        """The cell's fill, opaque: the sign's colour at 7 … 66 % (by |v| / max |v|) over the palette's Base."""
        theme = palette.current()
        base = theme.canvas
        if not math.isfinite(v):
            return QColor(*palette.blend(theme.nonfinite, 0.63, base))
        frac = abs(v) / self._max if self._max > 0 else 0.0
        return QColor(*palette.blend(theme.sign_rgb(v), (18 + 150 * min(frac, 1.0)) / 255, base))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = self._col_names
            n = self.columnCount()
        else:
            names = self._row_names
            n = self.rowCount()
            if self._vector and not names:
                return "" if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < n:
            return None
        if names and section < len(names):
            return names[section]
        return str(section)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        r, c = index.row(), index.column()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            v, msg = parse_number(repr(float(value)))
        else:
            v, msg = parse_number(value)
        if msg is None and self._a.dtype.kind == "f" and not math.isfinite(float(self._a.dtype.type(v))):
            msg = tr("{value} is too large for this tensor's number type.").format(value=value)
        if msg is not None:
            self.error.emit(f"{self.cell_name(r, c)}: {msg}")
            return False
        if self.edit_handler is not None:
            msg = self.edit_handler(r, c, v)
            if msg:
                self.error.emit(f"{self.cell_name(r, c)}: {msg}")
                return False
            # the handler's owner refreshes the model (set_tensor) when the change lands
            self.value_edited.emit(r, c, v)
            return True
        self._a[r, c] = v
        self._max = max(self._max, abs(v))
        self.dataChanged.emit(index, index)
        self.value_edited.emit(r, c, v)
        return True


class MatrixDelegate(QStyledItemDelegate):
    """Paints highlighted cells (HIGHLIGHT_ROLE) with a dark frame on top of the default look."""

    def paint(self, painter, option, index):
        super().paint(painter, option, index)
        if index.data(HIGHLIGHT_ROLE):
            painter.save()
            pen = QPen(palette.current().selected, 2)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -1, -1))
            painter.restore()


__all__ = ["MatrixModel", "MatrixDelegate", "HIGHLIGHT_ROLE", "VALUE_ROLE", "parse_number"]
