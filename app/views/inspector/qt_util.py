"""Small Qt helpers: palette fills instead of style sheets, and setText / setVisible that skip calls that
change nothing (each such call costs a layout pass, and the equation view changes dozens of labels a step)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget


def fill(w: QWidget, colour: QColor) -> None:
    pal = w.palette()
    pal.setColor(QPalette.ColorRole.Window, colour)
    pal.setColor(QPalette.ColorRole.Base, colour)
    w.setPalette(pal)
    w.setAutoFillBackground(True)


def fill_base(w: QWidget) -> None:
    """Paint `w` with the palette's Base (white, or a dark theme's grey) and its text in Text: it follows
    the application palette (View ▸ Theme), where `fill` sets a fixed colour."""
    w.setBackgroundRole(QPalette.ColorRole.Base)
    w.setForegroundRole(QPalette.ColorRole.Text)
    w.setAutoFillBackground(True)


def text_colour(w: QWidget, colour: QColor) -> None:
    pal = w.palette()
    pal.setColor(QPalette.ColorRole.WindowText, colour)
    w.setPalette(pal)


def set_shown(w: QWidget, on: bool) -> None:
    """setVisible, skipped when nothing changes (each call costs a layout pass otherwise)."""
    on = bool(on)
    if getattr(w, "_bt_shown", None) is not on:
        w.setVisible(on)
        w._bt_shown = on


def set_text(label: QLabel, text: str) -> None:
    """setText, skipped when the text is the same (rich text is parsed again on every call)."""
    if getattr(label, "_bt_text", None) != text:
        label.setText(text)
        label._bt_text = text
