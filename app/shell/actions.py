"""The one registry of the window's actions: text, icon, shortcuts and a tooltip that names the shortcut.

The window's own actions are attributes (`registry.step_epoch`, …) that the window connects
(app/shell/main_window.py). Panes add theirs with `add(key, texts, menu=…, slot=…)`: the menus
(app/shell/menus.py) place every action registered for them, and `retranslate()` sets every text again.
Help ▸ Keyboard shortcuts lists them all from `shortcut_rows()`.

    act = registry.add("check", lambda: (tr("Check &my code"), tr("…")), menu="training", slot=pane.check)
    registry.get("check"); registry.in_menu("training")
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from app.i18n import plain, tr
from app.icons import icon

K = QKeySequence


def _seq_text(seqs) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in seqs if not s.isEmpty())


class ActionRegistry(QObject):
    """All of the window's QActions: its own as attributes, the panes' by key and menu."""

    MENUS = ("file", "edit", "training", "view", "help")

    def __init__(self, parent):
        super().__init__(parent)
        self._all: list[QAction] = []
        self._added: dict[str, tuple[QAction, object, str]] = {}  # key -> (action, texts(), menu)
        self._extra_keys: dict = {}
        self._parent = parent
        # Texts and tips are set by retranslate(), here and whenever the interface language changes.
        # file
        self.open = self._make("open", "Ctrl+O", "open")
        self.save = self._make("save", "Ctrl+S", "save")
        self.save_as = self._make("save_as", "Ctrl+Shift+S")
        self.quit = self._make("quit", "Ctrl+Q")
        # edit
        self.undo = self._make("undo", "Ctrl+Z", "undo")
        self.redo = self._make("redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        # stepping
        self.step_epoch = self._make("step_epoch", "F10", "step_epoch")
        self.next_op = self._make("next_op", ["F11", "Alt+Right"], "next_op")
        self.prev_op = self._make("prev_op", ["Shift+F11", "Alt+Left"], "prev_op")
        self.step_back = self._make("step_back", "Shift+F10", "step_back")
        # Space is a window-wide QShortcut of the main window (it must still press a focused button), so the
        # action itself carries F5 and shows "Space, F5"
        self.run = self._make("run", "F5", "run", extra=[K("Space")])
        self.run_to = self._make("run_to", "Ctrl+R", "run_to")
        self.reset = self._make("reset", "Ctrl+Shift+R", "reset")
        # help
        self.shortcuts = self._make("shortcuts", "F1")
        self.about = self._make("about", None)
        self.run_icon, self.pause_icon = icon("run"), icon("pause")
        self._running = False
        self.retranslate()

    @staticmethod
    def texts() -> dict[str, tuple[str, str]]:
        """Each action's (text, what it does), in the interface language."""
        return {
            "open": (tr("&Open…"), tr("Open a session file")),
            "save": (tr("&Save"), tr("Save the session")),
            "save_as": (tr("Save &As…"), tr("Save the session under a new name")),
            "quit": (tr("&Quit"), tr("Close the window")),
            "undo": (tr("&Undo"), tr("Undo the last edit")),
            "redo": (tr("&Redo"), tr("Redo the edit")),
            "step_epoch": (tr("Step &epoch"), tr("Run one whole epoch: forward, backward and update")),
            "next_op": (tr("&Next operation"), tr("Go to the next operation of this epoch")),
            "prev_op": (tr("&Previous operation"),
                        tr("Go back one operation (inside an epoch the parameters are those before it)")),
            "step_back": (tr("Step &back an epoch"), tr("Undo the last epoch: its parameters come back exactly")),
            "run": (tr("&Run"), tr("Train until you pause")),
            "run_to": (tr("Run &to epoch"), tr("Train until the epoch in the box")),
            "reset": (tr("Re&set"), tr("Back to the starting parameters at epoch 0 (undoable)")),
            "shortcuts": (tr("&Keyboard shortcuts"), tr("List the keyboard shortcuts")),
            "about": (tr("&About Backprop Tutor"), tr("About this program")),
        }

    def retranslate(self) -> None:
        """Every action's text, status tip and tooltip in the interface language."""
        texts = self.texts()
        for key, (text, tip) in texts.items():
            self._set_texts(getattr(self, key), text, tip)
        for a, fn, _menu in self._added.values():
            self._set_texts(a, *fn())
        self.set_running(self._running)

    def _set_texts(self, a: QAction, text: str, tip: str) -> None:
        a.setText(text)
        a.setIconText(plain(text))  # toolbar buttons: no "(&E)" of a translated accelerator
        a.setStatusTip(tip)
        a.setData(tip)
        self.retip(a)

    # ----- the panes' actions -------------------------------------------------------------------------
    def add(self, key: str, texts, *, menu: str, shortcut=None, slot=None, icon_name: str | None = None,
            checkable: bool = False) -> QAction:
        """Register action `key`: `texts()` gives (text, what it does) in the interface language, `menu` is
        where the menus place it ("file", "training", "help", "view", "modes", or "" for none)."""
        if key in self._added:
            return self._added[key][0]
        a = self._make(key, shortcut, icon_name)
        a.setCheckable(checkable)
        self._added[key] = (a, texts, menu)
        self._set_texts(a, *texts())
        if slot is not None:
            a.triggered.connect(lambda _checked=False: slot())
        return a

    def get(self, key: str) -> QAction | None:
        found = self._added.get(key)
        return found[0] if found else getattr(self, key, None) if key in self.texts() else None

    def in_menu(self, menu: str) -> list[QAction]:
        return [a for a, _fn, m in self._added.values() if m == menu]

    def _make(self, key: str, shortcut, icon_name: str | None = None, extra=()) -> QAction:
        a = QAction(self._parent)
        a.setObjectName(f"{key}Action")
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
        self._all.append(a)
        return a

    def keys_text(self, a: QAction) -> str:
        return _seq_text([*self._extra_keys.get(a, []), *a.shortcuts()])

    def retip(self, a: QAction) -> None:
        """Tooltip: the action's name, its shortcut(s) and what it does."""
        name = plain(a.text())
        keys = self.keys_text(a)
        head = f"{name} ({keys})" if keys else name
        a.setToolTip(f"<b>{head}</b><br>{a.data()}")

    def set_running(self, running: bool) -> None:
        """Run ⇄ Pause on the one action that toggles."""
        a = self.run
        self._running = running
        if running:
            a.setText(tr("&Pause"))
            a.setIconText(plain(a.text()))
            a.setIcon(self.pause_icon)
            a.setData(tr("Stop training after the current epoch"))
        else:
            a.setText(tr("&Run"))
            a.setIconText(plain(a.text()))
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
                name = tr("Run / Pause") if a is self.run else plain(a.text(), keep_dots=True)
                rows.append((name, keys, a.data()))
        return rows


Actions = ActionRegistry  # the name app/startup.py knows
