"""Switching the interface language while the app runs (View ▸ Language).

Qt widgets keep the text they were given, so a new language needs every text set again. The main window's
parts (actions, menus, files, workspace, welcome, toolbar, status bar, banner) are set again here; each pane is asked
to `retranslate()` itself when it can, and is otherwise re-created on the same session in its dock (a pane
holds nothing the session does not: the learner's code, the position, the notation of the inspector are
kept). During a run the panes that would be re-created wait until training pauses (the worker owns the
trainer meanwhile); the ones that say themselves again (the run view, the page watched then; the lesson) do
at once.
"""

from __future__ import annotations


from app import panes
from app.i18n import tr


def retranslate_window(w) -> None:
    """The window `w` (app/shell/main_window.py) and its parts in the interface language."""
    w.acts.retranslate()
    w.menus.retranslate()
    w.files.retranslate()
    w.practice.retranslate()
    w.workspace.retranslate()
    w.welcome.retranslate()
    w.stepping.retranslate()
    w.status.retranslate()
    w.banner.close_button.setToolTip(tr("Hide this message"))
    if w.banner.diagnosis is not None and w.banner.isVisible():
        w.banner.show_diagnosis(w.banner.diagnosis)
    if w._shortcuts_dialog is not None:  # made again, in the new language, when next opened
        w._shortcuts_dialog.close()
        w._shortcuts_dialog.deleteLater()
        w._shortcuts_dialog = None
    w._refresh_all()
    if w.session.running:
        rebuild_panes(w, recreate=False)
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


# ----- panes ---------------------------------------------------------------------------------------------
def rebuild_panes(w, recreate: bool = True) -> None:
    """Each pane retranslated, or (unless not `recreate`) re-created in its place on the same session."""
    where = {name: path for name, _title, path, _area in panes.PANES}
    for name, old in list(w.panes.items()):
        if hasattr(old, "retranslate"):
            old.retranslate()
            continue
        if not recreate:
            continue
        new = _make(name, where.get(name), w.session)
        if new is None:
            continue
        _carry_over(old, new)
        w.workspace.replace_pane(name, new)
        if hasattr(old, "shutdown"):
            old.shutdown()
        old.hide()
        old.deleteLater()
    dock = w.workspace.docks.get("lesson")
    lesson = dock.widget() if dock is not None else None
    if lesson is not None and hasattr(lesson, "retranslate"):
        lesson.retranslate()


def _make(name: str, path: str | None, session):
    if path is None:
        return None
    return panes.build(name, path, session)  # as when the window is built: a BrokenPane saying why


def _carry_over(old, new) -> None:
    """What a pane shows beyond the session, through its public API: the inspector's notation and matrix
    display, Practice's last check (the followed sample is the session's Selection: it stays by itself)."""
    if hasattr(old, "notation") and hasattr(new, "set_notation"):
        new.set_notation(old.notation())
    if hasattr(old, "display") and hasattr(new, "set_display"):
        new.set_display(old.display())
    report = getattr(old, "report", None)
    if report is not None and hasattr(new, "show_report"):
        new.show_report(report)  # the verdicts stay, in the new language
