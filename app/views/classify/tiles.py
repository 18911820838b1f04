"""TileGrid: small images in rows, each with a caption underneath; as many columns as the width allows.

Used for the misclassified digits and the hidden units' weight images. Images are drawn unsmoothed (an
8×8 image should look like 64 pixels)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

GAP = 6


class TileGrid(QWidget):
    def __init__(self, tile: int = 40, parent=None):
        super().__init__(parent)
        self.tile = tile
        self.tiles: list[tuple[QImage, str, QColor | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_tiles(self, tiles: list[tuple[QImage, str, QColor | None]]) -> None:
        """(image, caption, frame colour or None) per tile."""
        self.tiles = tiles
        self.updateGeometry()
        self.update()

    def captions(self) -> list[str]:
        return [c for _, c, _ in self.tiles]

    def _cols(self, width: int) -> int:
        return max(1, (width - GAP) // (self.tile + GAP))

    def _cell_h(self) -> int:
        return self.tile + self.fontMetrics().height() + 2

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, w: int) -> int:
        rows = -(-len(self.tiles) // self._cols(w)) if self.tiles else 0
        return GAP + rows * (self._cell_h() + GAP)

    def sizeHint(self) -> QSize:
        return QSize(8 * (self.tile + GAP), self.heightForWidth(8 * (self.tile + GAP)))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.tile + 2 * GAP, self.heightForWidth(self.width()))

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self.setMinimumHeight(self.heightForWidth(self.width()))

    def paintEvent(self, _e) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(255, 255, 255))
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        cols, ch, fh = self._cols(self.width()), self._cell_h(), self.fontMetrics().height()
        for i, (img, caption, frame) in enumerate(self.tiles):
            r, c = divmod(i, cols)
            x, y = GAP + c * (self.tile + GAP), GAP + r * (ch + GAP)
            box = QRectF(x, y, self.tile, self.tile)
            p.drawImage(box, img)
            p.setPen(QPen(frame or QColor(200, 200, 200), 2 if frame else 1))
            p.drawRect(box)
            p.setPen(QColor(50, 50, 50))
            p.drawText(QRectF(x - GAP / 2, y + self.tile + 1, self.tile + GAP, fh), Qt.AlignmentFlag.AlignCenter,
                       caption)
        p.end()
