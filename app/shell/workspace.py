"""The workspace: the panes (app/panes.py) as docks around a centre that belongs to the current mode
(app/shell/modes.py: Step, Run, Practice, Lesson).

The centre is a stack of pages, the matrix inspector, the run view and the Practice pane; a mode shows its
page and arranges its docks; every other pane stays in View ▸ and one click away. Leaving a mode keeps the
learner's arrangement of it (QMainWindow.saveState), entering it again restores that. Only the visible
centre page counts towards the window's minimum size.

    ws = Workspace(window, session, banner, welcome)   builds panes, docks and the centre
    ws.panes[name], ws.docks[name], ws.centre           the widgets
    ws.set_mode("practice"); ws.mode                    switch (signal mode_changed(str))
    ws.show_pane(name)                                  bring a pane to the front (its page or its dock)
    ws.add_dock(name, widget, title)                    a dock made later (the lesson)
    ws.first_layout()                                   once the window is shown (see the note there)
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QStackedWidget, QTabBar, QVBoxLayout, QWidget

from app import panes, settings

from .modes import CENTRE_PAGES, LEFT_WIDTH, MODES, RIGHT_WIDTH, STEP, docks_of

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
STATE_VERSION = 2  # saveState's version: layouts saved by the old wall of docks are not restored


class CentreStack(QStackedWidget):
    """A stack whose size hints are its current page's: a page out of sight never widens the window."""

    def minimumSizeHint(self):
        w = self.currentWidget()
        return w.minimumSizeHint().expandedTo(w.minimumSize()) if w is not None else super().minimumSizeHint()

    def sizeHint(self):
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()


class Workspace(QObject):
    mode_changed = Signal(str)

    def __init__(self, window: QMainWindow, session, banner: QWidget, welcome: QWidget, restore: bool):
        super().__init__(window)
        self.window = window
        self.session = session
        self.restore = restore
        self.panes: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.mode = STEP
        self._states: dict[str, QByteArray] = {}
        self.arranged = False
        window.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks
                              | QMainWindow.DockOption.AllowNestedDocks)
        window.setCorner(Qt.Corner.BottomLeftCorner, LEFT)
        window.setCorner(Qt.Corner.BottomRightCorner, RIGHT)
        self.centre = CentreStack()
        self.centre.setObjectName("centreStack")
        for name, _title, where, area in panes.PANES:
            widget = self._build(name, where)
            if widget is None:
                continue
            self.panes[name] = widget
            if name in CENTRE_PAGES:
                self.centre.addWidget(widget)
            else:
                self.add_dock(name, widget, panes.title(name))
        container = QWidget()
        lay = QVBoxLayout(container)
        lay.setContentsMargins(4, 4, 4, 0)
        lay.setSpacing(4)
        lay.addWidget(welcome)
        lay.addWidget(banner)
        lay.addWidget(self.centre, 1)
        window.setCentralWidget(container)

    def _build(self, name: str, where: str) -> QWidget:
        widget = panes.build(name, where, self.session)  # a BrokenPane saying why, if it fails
        widget.setObjectName(f"{name}Pane")
        return widget

    def add_dock(self, name: str, widget: QWidget, title: str) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.docks[name] = dock
        self._follow_title(dock, widget)
        self.window.addDockWidget(RIGHT, dock)
        dock.hide()  # placed by the mode that shows it
        return dock

    def replace_pane(self, name: str, new: QWidget) -> QWidget | None:
        """Put `new` in pane `name`'s place (a dock or a centre page); the old widget is returned."""
        old = self.panes.get(name)
        if old is None:
            return None
        new.setObjectName(old.objectName())
        if name in self.docks:
            self.docks[name].setWidget(new)
            self._follow_title(self.docks[name], new)
        else:
            i = self.centre.indexOf(old)
            current = self.centre.currentWidget() is old
            self.centre.insertWidget(i, new)
            self.centre.removeWidget(old)
            if current:
                self.centre.setCurrentWidget(new)
        self.panes[name] = new
        return old

    @staticmethod
    def _follow_title(dock: QDockWidget, widget: QWidget) -> None:
        """A pane whose title depends on its data (the boundary plot: "Fit" for a regression) names its dock."""
        if hasattr(widget, "title_changed") and hasattr(widget, "title"):
            widget.title_changed.connect(dock.setWindowTitle)
            dock.setWindowTitle(widget.title())

    @property
    def center(self) -> QWidget:
        """The centre page shown now."""
        return self.centre.currentWidget()

    # ----- modes ------------------------------------------------------------------------------------
    def set_mode(self, key: str) -> None:
        if key not in MODES:
            return
        if not self.arranged:  # before the first show: remembered, arranged by first_layout
            self.mode = key
            self._show_page(MODES[key].centre)
            self.mode_changed.emit(key)
            return
        if key == self.mode:
            return
        self._states[self.mode] = self.window.saveState(STATE_VERSION)
        self.mode = key
        size = self.window.size()
        self._arrange()
        # while arranging, the new centre page and the old docks are shown side by side for a moment (Practice
        # and Step mode's columns: 1,487 px in English), and Qt widens the window to hold them: not its size
        if self.window.size() != size and not (self.window.isMaximized() or self.window.isFullScreen()):
            self.window.resize(size)
        self.mode_changed.emit(key)

    def show_pane(self, name: str) -> bool:
        """Bring pane `name` to the front: its centre page, or its dock (shown and raised). False if absent."""
        if name in CENTRE_PAGES and name in self.panes:
            self._show_page(name)
            return True
        dock = self.docks.get(name)
        if dock is None:
            return False
        if dock.isHidden() and self.arranged:
            self._place(dock)
        dock.show()
        dock.raise_()
        return True

    def _place(self, dock: QDockWidget) -> None:
        """A dock the mode does not show: behind the mode's lowest right-hand group (never a new row that
        squeezes the others), or on the right when the mode has none."""
        w = self.window
        mode = MODES[self.mode]
        for group in reversed(mode.right):
            host = next((self.docks[n] for n in group if n in self.docks and self.docks[n].isVisible()
                         and self.docks[n] is not dock), None)
            if host is not None:
                w.removeDockWidget(dock)
                w.tabifyDockWidget(host, dock)
                return
        w.removeDockWidget(dock)
        w.addDockWidget(RIGHT, dock)

    def _show_page(self, name: str) -> None:
        page = self.panes.get(name)
        if page is not None and self.centre.currentWidget() is not page:
            self.centre.setCurrentWidget(page)
            self.centre.updateGeometry()

    def _arrange(self) -> None:
        mode = MODES[self.mode]
        self._show_page(mode.centre)
        state = self._states.get(self.mode)
        if state is not None and self.window.restoreState(state, STATE_VERSION):
            return
        w = self.window
        wanted = [n for n in docks_of(mode) if n in self.docks]
        for name, dock in self.docks.items():
            if name not in wanted:
                dock.hide()
        lay = w.layout()
        for area, groups in ((LEFT, mode.left), (RIGHT, mode.right)):
            present = [[self.docks[n] for n in g if n in self.docks] for g in groups]
            present = [g for g in present if g]
            firsts = [g[0] for g in present]
            for i, first in enumerate(firsts):  # the groups' first docks, stacked top to bottom
                w.removeDockWidget(first)
                if i == 0:
                    w.addDockWidget(area, first, Qt.Orientation.Vertical)
                else:
                    w.splitDockWidget(firsts[i - 1], first, Qt.Orientation.Vertical)
                first.setFloating(False)
                first.show()
            for group in present:  # then the others behind them (a dock split off a tab group joins it)
                for other in group[1:]:
                    w.removeDockWidget(other)
                    w.tabifyDockWidget(group[0], other)
                    other.setFloating(False)
                    other.show()
                group[0].raise_()
            lay.activate()
            self._size_column(area, firsts, mode)
        for bar in w.findChildren(QTabBar):  # dock tab groups: their labels never set the window's width
            bar.setUsesScrollButtons(True)
            bar.setElideMode(Qt.TextElideMode.ElideNone)

    def _size_column(self, area, firsts: list[QDockWidget], mode) -> None:
        if not firsts:
            return
        w = self.window
        width = (LEFT_WIDTH if area == LEFT else RIGHT_WIDTH) * min(w.width(), 1366) // 1366
        if area == RIGHT:
            width = max(width, RIGHT_WIDTH - 10)  # the tab titles of the right column stay whole
        w.resizeDocks([firsts[0]], [width], Qt.Orientation.Horizontal)
        if area == RIGHT and len(firsts) > 1 and len(mode.right_share) == len(firsts):
            h = w.centralWidget().height()
            w.resizeDocks(firsts, [int(h * s) for s in mode.right_share], Qt.Orientation.Vertical)

    # ----- first show and the remembered layout -------------------------------------------------------
    def first_layout(self) -> None:
        """Arrange the current mode once the window is shown.

        Qt 6 leaves a stray copy of a dock tab bar painted over the window when docks are tabified before the
        window's layout has been activated on screen, so the docks wait for the first show (and one turn of
        the event loop: dock sizes set within showEvent are overridden)."""
        if self.arranged:
            return
        size = self.window.size()
        self.arranged = True
        if self.restore:
            self._restore()
        self._arrange()
        self.mode_changed.emit(self.mode)
        if self.window.size() != size and not self.window.isMaximized():
            self.window.resize(size)  # arranging docks must not push the window's own size
        QTimer.singleShot(0, self._resize_after)

    def _resize_after(self) -> None:
        from shiboken6 import isValid

        if isValid(self.window) and self.mode not in self._states:
            mode = MODES[self.mode]
            for area, groups in ((LEFT, mode.left), (RIGHT, mode.right)):
                firsts = [self.docks[g[0]] for g in groups if g and g[0] in self.docks]
                self._size_column(area, firsts, mode)

    def _restore(self) -> None:
        st = settings.settings()
        mode = st.value("workspace/mode", STEP)
        for key in MODES:
            state = st.value(f"workspace/{key}")
            if isinstance(state, QByteArray) and not state.isEmpty():
                self._states[key] = state
        if mode in MODES:
            self.mode = mode

    def save(self) -> None:
        st = settings.settings()
        if self.arranged:
            self._states[self.mode] = self.window.saveState(STATE_VERSION)
        for key, state in self._states.items():
            st.setValue(f"workspace/{key}", state)
        st.setValue("workspace/mode", self.mode)

    def retranslate(self) -> None:
        names = {n for n, *_ in panes.PANES}
        for name, dock in self.docks.items():
            widget = dock.widget()
            if hasattr(widget, "title") and hasattr(widget, "title_changed"):
                dock.setWindowTitle(widget.title())
            elif name in names:
                dock.setWindowTitle(panes.title(name))
