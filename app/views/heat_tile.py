"""HeatTile: one matrix as a heat map under its title, painted in one paintEvent (run mode's centre redraws
several of them ten times a second while the GUI thread shares the GIL with training, so each frame must cost
little: the colours become one QImage when the values change, and a paint only scales it into place).

Colours as in the inspector (app/views/inspector/colors.py: blue positive, red negative, stronger with |v|,
on the palette's canvas, dark or light); a small matrix also shows its numbers, black or white, whichever
reads on the cell.

    tile = HeatTile("w1 (2×2)")
    tile.set_values(np.array([[0.5, -1.0], [0.0, 2.0]]))
    tile.image          the values drawn (2-D), None before any
    tile.numbers()      the numbers written on the cells ([] when too many cells)
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from app import palette
from app.views.inspector import colors as C

NUMBERS_UP_TO = 36  # cells: a matrix this small shows its numbers on the colours
MIN_CELL = 3  # px: a cell this much taller than a line of text shows its number
SEPARATED_FROM = 10  # px: cells at least this large have a thin line between them


class HeatTile(QWidget):
    def __init__(self, title: str = "", numbers_up_to: int = NUMBERS_UP_TO, parent=None):
        super().__init__(parent)
        self._title = title
        self._numbers_up_to = numbers_up_to
        self.image: np.ndarray | None = None
        self._qimage: QImage | None = None
        self._rgb: np.ndarray | None = None  # the QImage's buffer: kept alive while the image is
        self._texts: list[str] = []
        self._inks: list[QColor] = []
        self._geometry = None  # (key, what paintEvent draws where): made again when the size or shape changes
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        # every call into Qt from the GUI thread may wait for the training thread's GIL: the colours are
        # looked up once per theme, not in each paint
        self._colours: tuple[QColor, QColor, QColor] = (QColor(), QColor(), QColor())
        self._theme_changed()
        palette.follow(self, self._theme_changed)

    def _theme_changed(self) -> None:
        t = palette.current()
        self._colours = (t.canvas, t.text, t.grid)
        if self.image is not None:
            self.set_values(self.image)

    # ----- public ---------------------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self.update()

    def title(self) -> str:
        return self._title

    def set_values(self, values: np.ndarray) -> None:
        """Draw these values (2-D; a 1-D vector is drawn as one row) at the next paint."""
        v = np.asarray(values, dtype=np.float64)
        v = v.reshape(1, -1) if v.ndim == 1 else v
        self.image = v
        rgb, _alpha = C.rgb(v)
        # 0xffRRGGBB words: Qt paints RGB32 as it is, where RGB888 is converted at every paint (a 2×2 tile
        # scaled to 260 px took 0.30 ms a paint as RGB888 and 0.06 ms as RGB32)
        r, g, b = (rgb[..., i].astype(np.uint32) for i in range(3))
        self._rgb = np.ascontiguousarray(0xFF000000 | (r << 16) | (g << 8) | b, dtype=np.uint32)
        rows, cols = v.shape
        self._qimage = QImage(self._rgb.data, cols, rows, 4 * cols, QImage.Format.Format_RGB32)
        if v.size <= self._numbers_up_to:
            self._texts = [f"{x:.3g}" for x in v.flat]
            black = palette.black_reads_better(rgb.reshape(-1, 3))  # in numpy: no call into Qt per cell
            self._inks = [palette.BLACK if b else palette.WHITE for b in black.tolist()]
        else:
            self._texts, self._inks = [], []
        self.update()

    def numbers(self) -> list[str]:
        return list(self._texts)

    def sizeHint(self) -> QSize:
        return QSize(140, 110)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, self.fontMetrics().height() + 16)

    # ----- painting -------------------------------------------------------------------------------------
    def changeEvent(self, event) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._geometry = None  # the title's line height changed
        super().changeEvent(event)

    def _layout(self, width: int, height: int):
        """Where the title, the cells, the lines between them and each number go, for this size and shape
        (kept until either changes: a run repaints the tiles ten times a second at the same size, and every
        QRectF made in a paint is a call into Qt that waits for the training thread's GIL)."""
        shape = None if self.image is None else self.image.shape
        key = (width, height, shape)
        if self._geometry is not None and self._geometry[0] == key:
            return self._geometry[1]
        line = self.fontMetrics().height()
        title = QRectF(0, 0, width, line)
        cells = None
        if shape is not None:
            rows, cols = shape
            top = line + 4
            avail_w, avail_h = max(1, width - 4), max(1, height - top - 2)
            cell = min(avail_w / cols, avail_h / rows)  # square cells, as large as fit
            w, h = cell * cols, cell * rows
            x0, y0 = (width - w) / 2, top + (avail_h - h) / 2
            lines = []
            if cell >= SEPARATED_FROM and rows * cols > 1:  # thin canvas lines between cells
                lines = ([QLineF(x0 + c * cell, y0, x0 + c * cell, y0 + h) for c in range(1, cols)]
                         + [QLineF(x0, y0 + r * cell, x0 + w, y0 + r * cell) for r in range(1, rows)])
            boxes = []
            if cell >= line + MIN_CELL and rows * cols <= self._numbers_up_to:
                boxes = [QRectF(x0 + c * cell, y0 + r * cell, cell, cell) for r in range(rows) for c in range(cols)]
            cells = (QRectF(x0, y0, w, h), lines, boxes)
        self._geometry = (key, (title, cells))
        return title, cells

    def paintEvent(self, _event) -> None:
        canvas, text, grid = self._colours
        width, height = self.width(), self.height()
        title, cells = self._layout(width, height)
        p = QPainter(self)
        p.fillRect(0, 0, width, height, canvas)
        p.setPen(text)
        p.drawText(title, Qt.AlignmentFlag.AlignHCenter, self._title)
        img = self._qimage
        if img is None or cells is None:
            p.end()
            return
        target, lines, boxes = cells
        p.drawImage(target, img)  # scaled without smoothing: crisp cells
        if lines:
            p.setPen(canvas)
            p.drawLines(lines)
        p.setPen(grid)
        p.drawRect(target)
        if self._texts and boxes:
            centre = Qt.AlignmentFlag.AlignCenter
            ink = None
            for box, number, colour in zip(boxes, self._texts, self._inks):
                if colour is not ink:  # black or white: a new pen only where it changes
                    p.setPen(colour)
                    ink = colour
                p.drawText(box, centre, number)
        p.end()


__all__ = ["HeatTile", "NUMBERS_UP_TO"]
