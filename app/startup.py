"""The window the learner sees while the app loads: shown before torch, pyqtgraph and the panes are imported.

`import torch` alone takes over a second, and building the panes another; a window that appears only after
all of that feels broken. So `backprop-tutor` first shows this shell — the main window's frame at its
remembered size and place, with its menus and toolbar (disabled) and "Loading the network…" — then loads
the engine and builds the real MainWindow, which takes the shell's place (same geometry) when it is ready.

Only PySide6 and the torch-free app modules (settings, i18n, actions, icons) are imported here; keep it so
(tests/app/test_startup.py checks that torch is not imported by showing it).

Public API:
    StartupWindow()                      the shell (not shown yet)
    StartupWindow.hand_over(window)      give `window` the shell's geometry, show it, close the shell
    wait_for_paint(widget, timeout)      process events until `widget` has painted once (True) or timeout
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QSpinBox, QToolBar

from app import settings
from app.i18n import tr

DEFAULT_SIZE = (1366, 768)  # as app.shell.main_window.DEFAULT_SIZE (not imported: it brings the engine)
COMPACT_BELOW = 1500  # as app.shell.main_window.COMPACT_BELOW


class StartupWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setObjectName("StartupWindow")
        self.setWindowTitle("Backprop Tutor")
        self.resize(*DEFAULT_SIZE)
        geo = settings.settings().value("window/geometry")
        if isinstance(geo, QByteArray) and not geo.isEmpty():
            self.restoreGeometry(geo)
        mb = self.menuBar()
        for title in (tr("&File"), tr("&Edit"), tr("&Training"), tr("&View"), tr("&Help")):
            mb.addMenu(title).setEnabled(False)
        self._build_toolbar()
        self.message = QLabel(tr("Loading the network…"))
        self.message.setObjectName("startupMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        from app.palette import label_colour

        self.message.setStyleSheet(f"color: {label_colour('muted').name()}; font-size: 16pt;")
        self.setCentralWidget(self.message)
        self.statusBar().showMessage(tr("Loading the network…"))

    def _build_toolbar(self) -> None:
        """The main window's stepping toolbar, every button disabled: the frame does not jump on hand-over."""
        from app.shell.actions import Actions

        a = Actions(self)
        tb = QToolBar(tr("Stepping"), self)
        tb.setMovable(False)
        wide = self.width() >= COMPACT_BELOW
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if wide
                              else Qt.ToolButtonStyle.ToolButtonIconOnly)
        groups = ((a.step_epoch, a.prev_op, a.next_op, a.step_back), (a.run, a.run_to), (a.reset,),
                  (a.undo, a.redo))
        for i, group in enumerate(groups):
            if i:
                tb.addSeparator()
            for act in group:
                act.setEnabled(False)
                tb.addAction(act)
            if a.run_to in group:  # the main window's "Run to epoch" box
                spin = QSpinBox()
                spin.setRange(1, 10**8)
                spin.setEnabled(False)
                tb.addWidget(spin)
        tb.addSeparator()
        spacer = QLabel()  # where the main window names the current operation
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        tb.addWidget(spacer)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        self.toolbar = tb

    def set_message(self, text: str) -> None:
        self.message.setText(text)
        self.statusBar().showMessage(text)

    def hand_over(self, window) -> None:
        """Show `window` where the shell is (size, place, maximised or not), then close the shell."""
        window.restoreGeometry(self.saveGeometry())
        if self.isMaximized():
            window.showMaximized()
        elif self.isFullScreen():
            window.showFullScreen()
        else:
            window.show()
        self.hide()
        self.deleteLater()


class _PaintProbe(QObject):
    def __init__(self, loop: QEventLoop):
        super().__init__()
        self.loop = loop
        self.painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.loop.quit()  # after this paint: the loop ends once the event is handled
        return False


def wait_for_paint(widget, timeout: float = 1.0) -> bool:
    """Run the event loop until `widget` has received its first paint event (True), or `timeout` seconds."""
    loop = QEventLoop()
    probe = _PaintProbe(loop)
    widget.installEventFilter(probe)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(int(timeout * 1000))
    try:
        if widget.isVisible():
            widget.update()
        loop.exec()
    finally:
        timer.stop()
        widget.removeEventFilter(probe)
    return probe.painted
