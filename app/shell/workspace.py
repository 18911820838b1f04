"""The window's docks: building the panes (app/panes.py) around the central widget, their tab groups and
default sizes on the first show, and the remembered layout. A mixin of the main window
(app/main_window.py)."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from app import panes, settings
from app.i18n import tr

AREAS = {
    "left": Qt.DockWidgetArea.LeftDockWidgetArea,
    "right": Qt.DockWidgetArea.RightDockWidgetArea,
    "bottom": Qt.DockWidgetArea.BottomDockWidgetArea,
    "top": Qt.DockWidgetArea.TopDockWidgetArea,
}
TABBED = {"timeline": "topology", "gradcheck": "loss", "health": "loss", "practice": "loss"}  # tab with …


class DockLayout:
    """`_build_central_and_docks`; `_first_layout` once shown; `_restore_*` and `_save_layout`."""

    def _build_central_and_docks(self) -> None:
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                            | QMainWindow.DockOption.AllowNestedDocks)
        center = None
        self._pending_tabs: list[tuple[QDockWidget, QDockWidget]] = []
        for name, title, where, area in panes.PANES:
            try:
                cls = panes.load(where)
                if cls is None:
                    continue
                widget = cls(self.session)
            except Exception as e:  # a broken pane must not take the window down with it
                traceback.print_exc()
                widget = QLabel(tr("This pane could not be built:\n{error}").format(error=f"{type(e).__name__}: {e}"))
                widget.setWordWrap(True)
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            widget.setObjectName(f"{name}Pane")
            self.panes[name] = widget
            if area == "center" and center is None:
                center = widget
                continue
            dock = QDockWidget(panes.title(name), self)
            dock.setObjectName(f"{name}Dock")
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                             | QDockWidget.DockWidgetFeature.DockWidgetClosable
                             | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
            self.docks[name] = dock
            self.addDockWidget(AREAS.get(area, AREAS["right"]), dock)
            host = TABBED.get(name)
            if host in self.docks and self.dockWidgetArea(self.docks[host]) == self.dockWidgetArea(dock):
                dock.hide()  # joins its host's tabs after the first show (see _first_layout)
                self._pending_tabs.append((self.docks[host], dock))
        if center is None:
            center = QLabel(tr("<h2>Backprop Tutor</h2><p>Step an epoch (F10) or one operation at a time (F11) "
                               "to see the chain rule as matrices.</p>"))
            center.setObjectName("welcome")
            center.setAlignment(Qt.AlignmentFlag.AlignCenter)
            center.setWordWrap(True)
        self.center = center
        container = QWidget()
        lay = QVBoxLayout(container)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(4)
        lay.addWidget(self.banner)
        lay.addWidget(center, 1)
        self.setCentralWidget(container)
        self._laid_out = False

    def _first_layout(self) -> None:
        """Tab groups, sizes and the remembered layout, once the window is shown.

        Qt 6 leaves a stray copy of a dock tab bar painted over the window when docks are tabified (or a
        state with tab groups is restored) before the window's layout has been activated on screen, so all
        of it waits for the first show (and one turn of the event loop: dock sizes set within showEvent are
        overridden), with the layout activated after each change. Until then the docks that will sit behind
        a tab are hidden, so they do not widen the window side by side."""
        if not shiboken_valid(self):
            return
        size = self.size()
        lay = self.layout()
        lay.activate()
        for first, dock in self._pending_tabs:
            self.tabifyDockWidget(first, dock)
            dock.show()
            lay.activate()
        for first in {first for first, _dock in self._pending_tabs}:
            first.raise_()
        self._pending_tabs = []
        QTimer.singleShot(0, lambda: self._after_tabs(size))

    def _after_tabs(self, size) -> None:
        if not shiboken_valid(self):
            return
        if self.size() != size and not self.isMaximized():
            self.resize(size)  # tabifying must not push the window's own size
        self._default_dock_sizes()
        if self.restore_layout:
            self._restore_state()

    def _default_dock_sizes(self) -> None:
        """Bottom ~30 % of the height, left column ~400 px, right ~460; the inspector gets the rest."""
        w, h = self.width(), self.height()
        behind = {n for n, host in TABBED.items() if host in self.docks}  # tabs behind their group's first
        firsts = {}
        for n, d in self.docks.items():
            if n not in behind:
                firsts.setdefault(self.dockWidgetArea(d), d)
        sizes = [(AREAS["bottom"], int(h * 0.3), Qt.Orientation.Vertical),
                 (AREAS["left"], 400 * w // 1600, Qt.Orientation.Horizontal),
                 (AREAS["right"], 460 * w // 1600, Qt.Orientation.Horizontal)]
        for area, size, orientation in sizes:
            if area in firsts:
                self.resizeDocks([firsts[area]], [size], orientation)

    def _restore_geometry(self) -> None:
        geo = settings.settings().value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)

    def _restore_state(self) -> None:
        state = settings.settings().value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_layout(self) -> None:
        st = settings.settings()
        st.setValue("window/geometry", self.saveGeometry())
        st.setValue("window/state", self.saveState())


def shiboken_valid(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
