"""Switching the interface language while the app runs (View ▸ Language).

Qt widgets keep the text they were given, so a new language needs every text set again. The main window's
own texts (menus, actions, toolbar, status bar, dock titles, banner) are set again here; each pane is asked
to `retranslate()` itself when it can, and is otherwise re-created on the same session in its dock (a pane
holds nothing the session does not: the learner's code, the position, the notation of the inspector are
kept). During a run the panes wait until training pauses (the worker owns the trainer meanwhile).
"""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app import panes, settings
from app.engine_wording import preset_description, preset_title
from app.i18n import current_language, install_translator, tr


def switch_language(window, code: str) -> None:
    """Remember `code` and show the whole interface in it now."""
    settings.set_language(code)
    if code != current_language():
        install_translator(QApplication.instance(), code)
    window.retranslate()


def menu_titles() -> dict[str, str]:
    return {"fileMenu": tr("&File"), "editMenu": tr("&Edit"), "trainingMenu": tr("&Training"),
            "viewMenu": tr("&View"), "helpMenu": tr("&Help"), "languageMenu": tr("&Language")}


def retranslate_window(w) -> None:
    w.built_language = current_language()
    w.acts.retranslate()
    _menus(w)
    w.toolbar.setWindowTitle(tr("Stepping"))
    w.run_to_spin.setToolTip(tr("The epoch Run to epoch stops at"))
    w.run_to_spin.setAccessibleName(tr("Target epoch"))
    w.progress.setFormat(tr("epoch %v of %m"))
    for name, dock in w.docks.items():
        dock.setWindowTitle(panes.title(name))
    w.banner.close_button.setToolTip(tr("Hide this message"))
    if w.banner.diagnosis is not None and w.banner.isVisible():
        w.banner.show_diagnosis(w.banner.diagnosis)
    for attr in ("_shortcuts_dialog", "export_dialog"):  # made again, in the new language, when next opened
        dlg = getattr(w, attr, None)
        if dlg is not None:
            dlg.close()
            dlg.deleteLater()
            setattr(w, attr, None)
    try:
        from app.views.practice import menu as practice_menu
    except ImportError:
        practice_menu = None
    if practice_menu is not None and hasattr(practice_menu, "retranslate"):
        practice_menu.retranslate(w)
    w._refresh_all()
    if w.session.running:
        w.session.running_changed.connect(_after_run(w))
    else:
        rebuild_panes(w)


def _after_run(w):
    def done(running: bool) -> None:
        if running:
            return
        w.session.running_changed.disconnect(done)
        rebuild_panes(w)
    return done


def _menus(w) -> None:
    titles = menu_titles()
    for m in [a.menu() for a in w.menuBar().actions() if a.menu() is not None] + [w.language_menu]:
        if m.objectName() in titles:
            m.setTitle(titles[m.objectName()])
    w.preset_menu.setTitle(tr("&New from preset"))
    from engine.io.presets import PRESETS

    for act in w.preset_menu.actions():
        name = act.data()
        if name in PRESETS:
            act.setText(f"{preset_title(name, PRESETS[name])}  ({name})")
            act.setStatusTip(preset_description(name, PRESETS[name]))
    w.recent_menu.setTitle(tr("Open &Recent"))
    w._fill_recent_menu()
    w.export_menu.setTitle(tr("&Export plot as PNG"))
    for act in w.export_menu.actions():
        if act.data():
            act.setText(tr("{title} plot…").format(title=panes.title(act.data())))
    lang = current_language()
    for code, act in w.language_actions.items():
        act.setChecked(code == lang)


# ----- panes ---------------------------------------------------------------------------------------------
def rebuild_panes(w) -> None:
    """Each pane retranslated, or re-created in its place on the same session."""
    where = {name: path for name, _title, path, _area in panes.PANES}
    for name, old in list(w.panes.items()):
        if hasattr(old, "retranslate"):
            old.retranslate()
            continue
        new = _make(name, where.get(name), w.session)
        if new is None:
            continue
        new.setObjectName(old.objectName())
        _carry_over(old, new)
        if name in w.docks:
            w.docks[name].setWidget(new)
        elif old is w.center:
            lay = w.centralWidget().layout()
            lay.replaceWidget(old, new)
            w.center = new
            new.show()
        else:
            continue
        w.panes[name] = new
        if hasattr(old, "shutdown"):
            old.shutdown()
        old.hide()
        old.deleteLater()
    lesson = w.findChild(QWidget, "lessonPanel")
    if lesson is not None and hasattr(lesson, "retranslate"):
        lesson.retranslate()


def _make(name: str, path: str | None, session):
    if path is None:
        return None
    try:
        cls = panes.load(path)
        return None if cls is None else cls(session)
    except Exception as e:  # as when the window is built: a broken pane must not take the window down
        traceback.print_exc()
        label = QLabel(tr("This pane could not be built:\n{error}").format(error=f"{type(e).__name__}: {e}"))
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label


def _carry_over(old, new) -> None:
    """What a pane shows beyond the session: the inspector's notation, matrix display and followed sample."""
    if hasattr(old, "notation") and hasattr(new, "set_notation"):
        new.set_notation(old.notation())
    display = getattr(old, "_display", None)
    if display is not None and hasattr(new, "set_display"):
        new.set_display(display)
    sample = getattr(old, "_sample", None)
    if sample is not None and sample >= 0 and hasattr(new, "follow_sample"):
        new.follow_sample(sample)
