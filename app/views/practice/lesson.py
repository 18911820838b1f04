"""The guided lesson in a dock: Back / Next, "Step k of n", the step's text (markdown in a QTextBrowser), the
pane it talks about raised and flashed, and an optional action button ("Run it", "Apply this fix").

Lesson files: resources/lessons/<name>.<lang>.md (English is the fallback). Steps are separated by a line
`---`. Each step starts with header lines, then a blank line, then markdown:

    pane: practice                       which pane the step points at (a name from app/panes.py)
    action: load stage_1_sign.py; check  optional: commands run by the step's button, in order
    button: Apply this fix and check     the button's text (translated in the file itself)

Commands: `preset NAME` (open a preset, asking about unsaved changes), `load FILE` (resources/lessons/FILE
into the practice editor), `check`, `train EPOCHS [lr=X]`, `set_lr X` (the network's lr, undoable).

    dock = open_lesson(window, workspace)   Help ▸ Lesson: the lesson dock ("lessonDock"), in Lesson mode
    panel = dock.widget()               LessonPanel: next(), back(), go(k), run_action(), index, steps
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from importlib.resources import files

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from app import palette, panes
from app.i18n import tr

LESSONS = os.fspath(files("resources") / "lessons")  # the `resources` package: see resources/__init__.py
DEFAULT_LESSON = "notebook-xor"
HEADER = re.compile(r"^(pane|action|button):\s*(.*?)\s*$")
FLASH_MS = 1500
FLASH_STYLE = "QDockWidget::title { background: #ffd54f; }"


@dataclass(frozen=True)
class Step:
    pane: str
    text: str  # markdown
    title: str
    action: str = ""
    button: str = ""


def lesson_path(name: str = DEFAULT_LESSON, lang: str = "en") -> str:
    path = os.path.join(LESSONS, f"{name}.{lang}.md")
    return path if os.path.exists(path) else os.path.join(LESSONS, f"{name}.en.md")


def parse_lesson(text: str) -> list[Step]:
    steps = []
    chunks = re.split(r"^---[ \t]*$", text, flags=re.MULTILINE)
    for chunk in chunks:
        lines = chunk.strip("\n").splitlines()
        head: dict[str, str] = {}
        i = 0
        while i < len(lines) and (not lines[i].strip() and not head or HEADER.match(lines[i])):
            m = HEADER.match(lines[i])
            if m:
                head[m.group(1)] = m.group(2)
            i += 1
        body = "\n".join(lines[i:]).strip()
        if "pane" not in head and (not body or not steps):
            continue  # empty, or the file's preamble (a comment for translators)
        if "pane" not in head:
            raise ValueError(f"a lesson step has no `pane:` line: {body[:60]!r}")
        title = next((ln.lstrip("#").strip() for ln in body.splitlines() if ln.startswith("#")), "")
        steps.append(Step(head["pane"], body, title, head.get("action", ""), head.get("button", "")))
    return steps


def load_lesson(name: str = DEFAULT_LESSON, lang: str = "en") -> list[Step]:
    with open(lesson_path(name, lang), encoding="utf-8") as f:
        return parse_lesson(f.read())


def read_resource(file: str) -> str:
    path = os.path.normpath(os.path.join(LESSONS, file))
    if os.path.dirname(path) != os.path.normpath(LESSONS):
        raise ValueError(f"{file}: lesson files live in resources/lessons/")
    with open(path, encoding="utf-8") as f:
        return f.read()


def pane_title(name: str) -> str:
    """The pane's title in the interface language (app.panes.title where it exists)."""
    title = getattr(panes, "title", None)
    if title is not None:
        return title(name)
    return next((t for n, t, *_ in panes.PANES if n == name), name)


class LessonPanel(QWidget):
    step_changed = Signal(int)

    def __init__(self, window, lesson: str = DEFAULT_LESSON, lang: str | None = None, parent=None,
                 show_pane=None, docks=None, panes=None):
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.window_ = window
        self._show_pane = show_pane  # the workspace's: a centre page or a dock to the front
        # the workspace's own {name: dock} and {name: pane} (kept up to date by it): no search by object name
        self._docks = docks if docks is not None else {}
        self._panes = panes if panes is not None else {}
        if lang is None:
            from app.i18n import current_language

            lang = current_language()  # the interface's language
        self.lang = lang
        self.lesson_name = lesson
        self.steps = load_lesson(lesson, lang)
        self.index = 0
        self.step_label = QLabel()
        self.step_label.setObjectName("lessonStep")
        self.step_label.setStyleSheet("font-weight: bold;")
        self.pane_button = QPushButton()
        self.pane_button.setObjectName("lessonPane")
        self.pane_button.setFlat(True)
        palette.style_label(self.pane_button, "link", "text-align: left;")  # a link's blue, readable in the dark
        self.pane_button.setToolTip(tr("Show the pane this step talks about"))
        self.text = QTextBrowser()
        self.text.setObjectName("lessonText")
        self.text.setOpenExternalLinks(True)
        self.action_button = QPushButton()
        self.action_button.setObjectName("lessonAction")
        self.action_button.setStyleSheet("font-weight: bold;")
        self.action_status = QLabel()
        self.action_status.setObjectName("lessonActionStatus")
        self.action_status.setWordWrap(True)
        self.action_status.setTextFormat(Qt.TextFormat.PlainText)
        self.back_button = QPushButton(tr("◀ Back"))
        self.back_button.setObjectName("lessonBack")
        self.next_button = QPushButton(tr("Next ▶"))
        self.next_button.setObjectName("lessonNext")
        self.next_button.setDefault(True)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.step_label)
        lay.addWidget(self.pane_button)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.action_button)
        lay.addWidget(self.action_status)
        lay.addLayout(nav)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.action_button.clicked.connect(self.run_action)
        self.pane_button.clicked.connect(lambda: self.raise_pane(self.step.pane))
        self._flashed = []
        self.go(0)

    def retranslate(self) -> None:
        """The lesson in the interface language, at the same step (View ▸ Language; app/retranslate.py)."""
        from app.i18n import current_language

        lang = current_language()
        if lang != self.lang:
            try:
                self.steps = load_lesson(self.lesson_name, lang)
                self.lang = lang
            except OSError:  # no text in that language: the lesson stays as it is
                pass
        self.pane_button.setToolTip(tr("Show the pane this step talks about"))
        self.back_button.setText(tr("◀ Back"))
        self.next_button.setText(tr("Next ▶"))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Lesson"))
        k = min(self.index, len(self.steps) - 1)
        self.index, st = k, self.steps[k]
        self.step_label.setText(tr("Step {k} of {n}").format(k=k + 1, n=len(self.steps)))
        self.step_label.setToolTip(st.title)
        self.pane_button.setText(tr("→ {pane}").format(pane=pane_title(st.pane)))
        self.text.setMarkdown(st.text)
        self.action_button.setText(st.button or tr("Run it"))

    # ----- navigation --------------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.steps[self.index]

    def go(self, k: int) -> None:
        k = max(0, min(k, len(self.steps) - 1))
        self.index = k
        st = self.steps[k]
        self.step_label.setText(tr("Step {k} of {n}").format(k=k + 1, n=len(self.steps)))
        self.step_label.setToolTip(st.title)
        self.pane_button.setText(tr("→ {pane}").format(pane=pane_title(st.pane)))
        self.text.setMarkdown(st.text)
        self.action_button.setVisible(bool(st.action))
        self.action_button.setText(st.button or tr("Run it"))
        self.action_button.setEnabled(True)
        self.action_status.setText("")
        self.back_button.setEnabled(k > 0)
        self.next_button.setEnabled(k < len(self.steps) - 1)
        self.raise_pane(st.pane)
        self.step_changed.emit(k)

    def next(self) -> None:
        if self.index < len(self.steps) - 1:
            self.go(self.index + 1)

    def back(self) -> None:
        if self.index > 0:
            self.go(self.index - 1)

    # ----- panes -------------------------------------------------------------------------------------
    def dock_of(self, name: str):
        return self._docks.get(name)

    def pane_widget(self, name: str):
        return self._panes.get(name)

    def raise_pane(self, name: str) -> bool:
        """Bring pane `name` to the front (the workspace's show_pane: a centre page, or its dock shown, raised
        and flashed). False if absent."""
        if self._show_pane is not None:
            if not self._show_pane(name):
                return False
            dock = self.dock_of(name)
            if dock is not None:
                self._flash(dock)
            return True
        dock = self.dock_of(name)
        if dock is not None:
            dock.show()
            dock.raise_()
            self._flash(dock)
            return True
        pane = self.pane_widget(name)
        if pane is not None:
            pane.show()
            return True
        return False

    def _flash(self, dock) -> None:
        if dock.styleSheet() == FLASH_STYLE:
            return
        old = dock.styleSheet()
        dock.setStyleSheet(FLASH_STYLE)
        self._flashed.append(dock)
        QTimer.singleShot(FLASH_MS, self, lambda d=dock, o=old: self._unflash(d, o))

    def _unflash(self, dock, old: str) -> None:
        from shiboken6 import isValid

        if isValid(dock) and dock.styleSheet() == FLASH_STYLE:
            dock.setStyleSheet(old)

    # ----- actions -----------------------------------------------------------------------------------
    def practice(self):
        return self.pane_widget("practice")

    def run_action(self) -> str | None:
        """Run the step's commands in order; None when all started, else why not (also shown)."""
        msg = None
        for cmd in (c.strip() for c in self.step.action.split(";")):
            if cmd:
                msg = self._command(cmd)
                if msg:
                    break
        self.action_status.setText(msg or "")
        return msg

    def _command(self, cmd: str) -> str | None:
        word, *args = cmd.split()
        w = self.window_
        session = getattr(w, "session", None)
        if word == "preset":
            files = getattr(w, "files", None)
            if files is not None:
                return None if files.new_from_preset(args[0]) else tr("The preset was not opened.")
            from engine.io.presets import load_preset
            from engine.training.trainer import Trainer

            session.open_trainer(Trainer(*load_preset(args[0])), "", source_name=args[0])
            return None
        pane = self.practice()
        if pane is None:
            return tr("The Practice pane is not available.")
        if word == "load":
            self.raise_pane("practice")
            pane.set_code(read_resource(args[0]))
            return None
        if word == "check":
            self.raise_pane("practice")
            return pane.check()
        if word == "train":
            self.raise_pane("practice")
            opts = dict(a.split("=", 1) for a in args[1:] if "=" in a)
            lr = float(opts["lr"]) if "lr" in opts else session.spec.lr
            return pane.train(int(args[0]), lr)
        if word == "set_lr":
            from app.state.commands import SetSpecCommand

            spec = session.spec.with_changes(lr=float(args[0]))
            return session.try_push(SetSpecCommand(session, spec, params=session.params_copy(),
                                                   text=tr("Learning rate {lr}").format(lr=args[0])))
        raise ValueError(f"unknown lesson command {cmd!r}")


def open_lesson(window, workspace, lesson: str = DEFAULT_LESSON, lang: str | None = None) -> QDockWidget:
    """Create (or show again) the lesson dock and switch `workspace` (app/shell/workspace.py) to the Lesson
    mode, at the first step; the lesson's network (the first step's `preset` command) is opened when the
    session is not already on it."""
    dock = workspace.docks.get("lesson")
    if dock is None:
        panel = LessonPanel(window, lesson, lang, show_pane=workspace.show_pane, docks=workspace.docks,
                            panes=workspace.panes)
        dock = workspace.add_dock("lesson", panel, tr("Lesson"))
        dock.setMinimumWidth(300)
    panel = dock.widget()
    workspace.set_mode("lesson")
    first = panel.steps[0].action
    s = getattr(window, "session", None)
    want = first.split()[1] if first.startswith("preset ") else None
    if want and s is not None and not (s.source_name == want and not s.path and s.epoch == 0):
        panel.go(0)
        panel.run_action()
    else:
        panel.go(0)
    return dock
