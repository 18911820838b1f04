"""Menu entries for practice, the lesson and the export dialog, added to the main window's existing menus:

    from app.views.practice import menu
    menu.install(window)      # once, after the window has built its menus

File ▸ Export code… (after Export plot as PNG), Help ▸ Lesson: the notebook's NaN (first in Help), and
Training ▸ Check my code (Ctrl+Return in the Practice pane too). Menus are found by objectName
("fileMenu", …) or else by their title without the "&". Actions are kept as window.practice_actions.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from app.i18n import tr


def find_menu(window, key: str) -> QMenu | None:
    """The window's top-level menu `key` ("file", "help", …): by objectName, else by title."""
    bar = window.menuBar()
    titles = {"file": (tr("&File"), "&File"), "edit": (tr("&Edit"), "&Edit"),
              "training": (tr("&Training"), "&Training"), "view": (tr("&View"), "&View"),
              "help": (tr("&Help"), "&Help")}.get(key, (key,))
    plain = {t.replace("&", "").lower() for t in titles}
    for act in bar.actions():
        m = act.menu()
        if m is None:
            continue
        if m.objectName().lower() in (f"{key}menu", f"menu{key}", f"{key}_menu"):
            return m
    for act in bar.actions():
        m = act.menu()
        if m is not None and m.title().replace("&", "").lower() in plain:
            return m
    return None


def _texts() -> dict[str, tuple[str, str]]:
    """Each entry's (text, status tip) in the interface language."""
    return {
        "export": (tr("Export &code…"),
                   tr("Write the network and its current parameters as a torch script or notebook")),
        "lesson": (tr("&Lesson: the notebook's NaN"),
                   tr("A guided lesson: run the notebook's backward code, find its mistakes, fix them")),
        "check": (tr("Check &my code"), tr("Check the code in the Practice pane against the engine")),
    }


def retranslate(window) -> None:
    """The entries' texts in the interface language (View ▸ Language; see app/retranslate.py)."""
    texts = _texts()
    for key, act in (getattr(window, "practice_actions", None) or {}).items():
        if key in texts:
            act.setText(texts[key][0])
            act.setStatusTip(texts[key][1])


def install(window) -> dict[str, QAction]:
    """Add the entries (idempotent: a second call returns the same actions)."""
    existing = getattr(window, "practice_actions", None)
    if existing:
        return existing
    acts: dict[str, QAction] = {}
    texts = _texts()

    export = QAction(texts["export"][0], window)
    export.setObjectName("exportCodeAction")
    export.setShortcut(QKeySequence("Ctrl+E"))
    export.setStatusTip(texts["export"][1])
    export.triggered.connect(lambda: show_export_dialog(window))
    acts["export"] = export
    file_menu = find_menu(window, "file")
    if file_menu is not None:
        after = getattr(window, "export_menu", None)
        actions = file_menu.actions()
        anchor = None
        if after is not None and after.menuAction() in actions:
            i = actions.index(after.menuAction())
            anchor = actions[i + 1] if i + 1 < len(actions) else None
        if anchor is not None:
            file_menu.insertAction(anchor, export)
        else:
            file_menu.addAction(export)

    lesson = QAction(texts["lesson"][0], window)
    lesson.setObjectName("lessonAction")
    lesson.setStatusTip(texts["lesson"][1])
    lesson.triggered.connect(lambda: show_lesson(window))
    acts["lesson"] = lesson
    help_menu = find_menu(window, "help")
    if help_menu is not None:
        first = help_menu.actions()[0] if help_menu.actions() else None
        if first is not None:
            help_menu.insertAction(first, lesson)
            help_menu.insertSeparator(first)
        else:
            help_menu.addAction(lesson)

    check = QAction(texts["check"][0], window)
    check.setObjectName("checkCodeAction")
    check.setStatusTip(texts["check"][1])
    check.triggered.connect(lambda: _check(window))
    acts["check"] = check
    training = find_menu(window, "training")
    if training is not None:
        training.addSeparator()
        training.addAction(check)

    window.practice_actions = acts
    return acts


def show_export_dialog(window):
    from app.views.export_dialog import ExportDialog

    dlg = getattr(window, "export_dialog", None)
    if dlg is None:
        dlg = ExportDialog(window.session, window)
        window.export_dialog = dlg
    dlg.refresh()
    dlg.show()
    dlg.raise_()
    return dlg


def show_lesson(window):
    from .lesson import open_lesson

    return open_lesson(window)


def _check(window) -> None:
    from PySide6.QtWidgets import QDockWidget, QWidget

    pane = getattr(window, "panes", {}).get("practice") or window.findChild(QWidget, "practicePane")
    if pane is None:
        return
    dock = window.findChild(QDockWidget, "practiceDock")
    if dock is not None:
        dock.show()
        dock.raise_()
    pane.check()
