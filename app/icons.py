"""Toolbar icons, drawn as small SVGs (24×24 grid) and rendered to pixmaps at the sizes toolbars use.

Kept inline rather than as resource files so the package works however it is installed. `INK` in a
drawing is replaced by the palette's text colour, so the icons follow light and dark themes; the accent
colours (run green, pause amber, step blue) stay.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap

BLUE = "#1f6fb2"
GREEN = "#2e7d32"
AMBER = "#c77800"
RED = "#b2182b"

_ARROW_HEAD = 'stroke-linejoin="round" stroke-linecap="round"'

SVG: dict[str, str] = {
    # a bar of "one epoch" with an arc jumping over it: forward, backward and update in one go
    "step_epoch": f"""
        <path d="M4 15 A8 7 0 0 1 19.2 11" fill="none" stroke="{BLUE}" stroke-width="2.4" {_ARROW_HEAD}/>
        <path d="M20.8 6.6 L19.6 12.2 L14.6 9.8" fill="none" stroke="{BLUE}" stroke-width="2.4" {_ARROW_HEAD}/>
        <rect x="3" y="18.5" width="18" height="2.6" rx="1.2" fill="INK"/>""",
    "step_back": f"""
        <path d="M20 15 A8 7 0 0 0 4.8 11" fill="none" stroke="{BLUE}" stroke-width="2.4" {_ARROW_HEAD}/>
        <path d="M3.2 6.6 L4.4 12.2 L9.4 9.8" fill="none" stroke="{BLUE}" stroke-width="2.4" {_ARROW_HEAD}/>
        <rect x="3" y="18.5" width="18" height="2.6" rx="1.2" fill="INK"/>""",
    "next_op": """
        <path d="M6 5 L15.5 12 L6 19 Z" fill="INK" stroke="INK" stroke-width="1.2" stroke-linejoin="round"/>
        <rect x="17" y="5" width="2.8" height="14" rx="1" fill="INK"/>""",
    "prev_op": """
        <path d="M18 5 L8.5 12 L18 19 Z" fill="INK" stroke="INK" stroke-width="1.2" stroke-linejoin="round"/>
        <rect x="4.2" y="5" width="2.8" height="14" rx="1" fill="INK"/>""",
    "run": f"""
        <path d="M6.5 4 L20 12 L6.5 20 Z" fill="{GREEN}" stroke="{GREEN}" stroke-width="1.5"
              stroke-linejoin="round"/>""",
    "pause": f"""
        <rect x="5.5" y="4" width="4.5" height="16" rx="1.2" fill="{AMBER}"/>
        <rect x="14" y="4" width="4.5" height="16" rx="1.2" fill="{AMBER}"/>""",
    "run_to": f"""
        <path d="M3 5 L12.5 12 L3 19 Z" fill="{GREEN}" stroke="{GREEN}" stroke-width="1.2"
              stroke-linejoin="round"/>
        <path d="M15.5 21 L15.5 3.5" stroke="INK" stroke-width="2" stroke-linecap="round"/>
        <path d="M16 3.8 L22 6.6 L16 9.4 Z" fill="{RED}"/>""",
    "reset": f"""
        <path d="M18.5 15.5 A7.5 7.5 0 1 1 17.8 7.2" fill="none" stroke="INK" stroke-width="2.4"
              {_ARROW_HEAD}/>
        <path d="M19 2.8 L18.6 8 L13.4 7.6" fill="none" stroke="INK" stroke-width="2.4" {_ARROW_HEAD}/>""",
    "undo": f"""
        <path d="M8 9 L17 9 A4.5 4.5 0 0 1 17 18 L10 18" fill="none" stroke="INK" stroke-width="2.2"
              {_ARROW_HEAD}/>
        <path d="M11.5 5 L7 9 L11.5 13" fill="none" stroke="INK" stroke-width="2.2" {_ARROW_HEAD}/>""",
    "redo": f"""
        <path d="M16 9 L7 9 A4.5 4.5 0 0 0 7 18 L14 18" fill="none" stroke="INK" stroke-width="2.2"
              {_ARROW_HEAD}/>
        <path d="M12.5 5 L17 9 L12.5 13" fill="none" stroke="INK" stroke-width="2.2" {_ARROW_HEAD}/>""",
    "open": """
        <path d="M3 6.5 A1.5 1.5 0 0 1 4.5 5 L9.5 5 L11.5 7 L19.5 7 A1.5 1.5 0 0 1 21 8.5 L21 18
                 A1.5 1.5 0 0 1 19.5 19.5 L4.5 19.5 A1.5 1.5 0 0 1 3 18 Z" fill="none" stroke="INK"
              stroke-width="1.8" stroke-linejoin="round"/>
        <path d="M3 10.5 L21 10.5" stroke="INK" stroke-width="1.8"/>""",
    "save": """
        <path d="M4 4.5 L16.5 4.5 L20 8 L20 19.5 L4 19.5 Z" fill="none" stroke="INK" stroke-width="1.8"
              stroke-linejoin="round"/>
        <rect x="7.5" y="4.5" width="7.5" height="5" fill="none" stroke="INK" stroke-width="1.6"/>
        <rect x="7" y="13" width="10" height="6.5" rx="0.8" fill="INK"/>""",
}

SIZES = (16, 20, 24, 32, 48)


def _ink() -> str:
    app = QGuiApplication.instance()
    if app is None:
        return "#202020"
    return app.palette().color(QPalette.ColorRole.WindowText).name()


@lru_cache(maxsize=None)
def _icon(name: str, ink: str) -> QIcon:
    from PySide6.QtSvg import QSvgRenderer

    body = SVG[name].replace("INK", ink)
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">{body}</svg>'
    renderer = QSvgRenderer(QByteArray(svg.encode()))
    return _render(renderer, SIZES)


def _render(renderer, sizes) -> QIcon:
    """An icon with a pixmap per size, drawn antialiased from an SVG renderer."""
    icon = QIcon()
    for size in sizes:
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(p, QRectF(0, 0, size, size))
        p.end()
        icon.addPixmap(pm)
    return icon


def icon(name: str) -> QIcon:
    """The icon called `name` (a key of SVG), in the current palette's ink."""
    return _icon(name, _ink())


APP_ICON_NAME = "backprop-tutor"  # the icon's name in the desktop's icon theme (app/desktop_entry.py)
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon_file() -> str:
    """The application icon's SVG: resources/icons/backprop-tutor.svg (the `resources` package)."""
    import os
    from importlib.resources import files

    return os.fspath(files("resources") / "icons" / f"{APP_ICON_NAME}.svg")


@lru_cache(maxsize=None)
def app_icon() -> QIcon:
    """The application's icon (window title bar, taskbar, Alt+Tab), drawn from its SVG at the usual sizes."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(app_icon_file())
    return _render(renderer, APP_SIZES)
