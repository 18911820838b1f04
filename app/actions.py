"""The main window's actions: text, icon, shortcuts and a tooltip that names the shortcut. The window
connects them (app/main_window.py); Help ▸ Keyboard shortcuts lists them from `shortcut_rows()`."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.i18n import tr
from app.icons import icon

K = QKeySequence


def _seq_text(seqs) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs if not s.isEmpty())


class Actions(QObject):
    """All of the window's QActions as attributes."""

    def __init__(self, parent):
        super().__init__(parent)
        self._all: list[QAction] = []
        self._extra_keys: dict = {}
        self._parent = parent
        # file
        self.open = self._make(tr("&Open…"), "Ctrl+O", tr("Open a session file"), "open")
        self.save = self._make(tr("&Save"), "Ctrl+S", tr("Save the session"), "save")
        self.save_as = self._make(tr("Save &As…"), "Ctrl+Shift+S", tr("Save the session under a new name"))
        self.quit = self._make(tr("&Quit"), "Ctrl+Q", tr("Close the window"))
        # edit
        self.undo = self._make(tr("&Undo"), "Ctrl+Z", tr("Undo the last edit"), "undo")
        self.redo = self._make(tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], tr("Redo the edit"), "redo")
        # stepping
        self.step_epoch = self._make(
            tr("Step &epoch"), "F10", tr("Run one whole epoch: forward, backward and update"), "step_epoch")
        self.next_op = self._make(
            tr("&Next operation"), ["F11", "Alt+Right"], tr("Go to the next operation of this epoch"), "next_op")
        self.prev_op = self._make(
            tr("&Previous operation"), ["Shift+F11", "Alt+Left"],
            tr("Go back one operation (inside an epoch the parameters are those before it)"), "prev_op")
        self.step_back = self._make(
            tr("Step &back an epoch"), "Shift+F10", tr("Undo the last epoch: its parameters come back exactly"),
            "step_back")
        # Space is a window-wide QShortcut of the main window (it must still press a focused button), so the
        # action itself carries F5 and shows "Space, F5"
        self.run = self._make(tr("&Run"), "F5", tr("Train until you pause"), "run", extra=[K("Space")])
        self.run_to = self._make(tr("Run &to epoch"), "Ctrl+R", tr("Train until the epoch in the box"), "run_to")
        self.reset = self._make(
            tr("Re&set"), "Ctrl+Shift+R", tr("Back to the starting parameters at epoch 0 (undoable)"), "reset")
        # help
        self.shortcuts = self._make(tr("&Keyboard shortcuts"), "F1",
                                    tr("List the keyboard shortcuts"))
        self.about = self._make(tr("&About Backprop Tutor"), None, tr("About this program"))
        self.run_icon, self.pause_icon = icon("run"), icon("pause")

    def _make(self, text: str, shortcut, tip: str, icon_name: str | None = None, extra=()) -> QAction:
        a = QAction(text, self._parent)
        if extra:
            self._extra_keys[a] = list(extra)
        if shortcut is not None:
            items = shortcut if isinstance(shortcut, list) else [shortcut]
            seqs: list[QKeySequence] = []
            for item in items:
                if isinstance(item, K.StandardKey):
                    seqs.extend(QKeySequence.keyBindings(item))
                else:
                    seqs.append(K(item))
            # keep the first binding of each distinct sequence, in order
            uniq: list[QKeySequence] = []
            for s in seqs:
                if not s.isEmpty() and all(s != u for u in uniq):
                    uniq.append(s)
            a.setShortcuts(uniq)
        if icon_name:
            a.setIcon(icon(icon_name))
        a.setStatusTip(tip)
        a.setData(tip)
        self._all.append(a)
        self.retip(a)
        return a

    def keys_text(self, a: QAction) -> str:
        return _seq_text([*self._extra_keys.get(a, []), *a.shortcuts()])

    def retip(self, a: QAction) -> None:
        """Tooltip: the action's name, its shortcut(s) and what it does."""
        name = a.text().replace("&", "").rstrip("…")
        keys = self.keys_text(a)
        head = f"{name} ({keys})" if keys else name
        a.setToolTip(f"<b>{head}</b><br>{a.data()}")

    def set_running(self, running: bool) -> None:
        """Run ⇄ Pause on the one action that toggles."""
        a = self.run
        if running:
            a.setText(tr("&Pause"))
            a.setIcon(self.pause_icon)
            a.setData(tr("Stop training after the current epoch"))
        else:
            a.setText(tr("&Run"))
            a.setIcon(self.run_icon)
            a.setData(tr("Train until you pause"))
        a.setStatusTip(a.data())
        self.retip(a)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(action, shortcut(s), what it does) for every action that has a shortcut."""
        rows = []
        for a in self._all:
            keys = self.keys_text(a)
            if keys:
                name = tr("Run / Pause") if a is self.run else a.text().replace("&", "")
                rows.append((name, keys, a.data()))
        return rows
