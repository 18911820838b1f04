"""A unit's picture shown larger while the pointer is on it in the network diagram: the picture over a finer
grid with the data points on it, and what it shows ("activation of a1[0] over (x1, x2)…"). A tooltip-like window
that never takes the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from app import palette


class PicturePopup(QFrame):
    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.image = QLabel()
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.value = QLabel()
        self.value.setWordWrap(True)
        palette.style_label(self.value, "muted")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.setSpacing(3)
        lay.addWidget(self.image, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.caption)
        lay.addWidget(self.value)
        self.unit: tuple[int, int] | None = None  # (k, j) on show

    def show_unit(self, unit: tuple[int, int], image: QImage, caption: str, note: str, at: QPoint) -> None:
        self.unit = unit
        self.image.setPixmap(QPixmap.fromImage(image))
        self.caption.setText(caption)
        self.caption.setFixedWidth(image.width() + 40)
        self.value.setText(note)
        self.value.setVisible(bool(note))
        self.value.setFixedWidth(image.width() + 40)
        self.adjustSize()
        self.move(self.place(at))
        self.show()

    def place(self, at: QPoint, room=None) -> QPoint:
        """Below and right of the pointer, or left of it (and above) where the screen (or `room`, a QRect)
        ends."""
        if room is None:
            screen = QGuiApplication.screenAt(at) or QGuiApplication.primaryScreen()
            room = screen.availableGeometry() if screen is not None else None
        x, y = at.x() + 16, at.y() + 16
        if room is not None:
            if x + self.width() > room.right():
                x = at.x() - 16 - self.width()
            if y + self.height() > room.bottom():
                y = max(room.top(), room.bottom() - self.height())
        return QPoint(x, y)

    def hide_unit(self) -> None:
        self.unit = None
        self.hide()
