"""The actions of practice, the lesson and the export dialog, added to the window's action registry
(app/shell/actions.py), which places them in the menus:

    from app.views.practice import menu
    practice = menu.PracticeActions(registry, parent, session, show_pane, open_lesson)

File ▸ Export code… (Ctrl+E), Help ▸ Lesson: the notebook's NaN (first in Help), Training ▸ Check my code
(Ctrl+Return in the Practice pane too). `show_pane(name)` brings a pane to the front (the workspace's);
`open_lesson()` opens the lesson (the window's).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.i18n import tr


def _texts() -> dict[str, tuple[str, str]]:
    """Each entry's (text, status tip) in the interface language."""
    return {
        "export": (tr("Export &code…"),
                   tr("Write the network and its current parameters as a torch script or notebook")),
        "lesson": (tr("&Lesson: the notebook's NaN"),
                   tr("A guided lesson: run the notebook's backward code, find its mistakes, fix them")),
        "check": (tr("Check &my code"), tr("Check the code in the Practice pane against the engine")),
    }


def _texts_of(key: str):
    return lambda: _texts()[key]


class PracticeActions(QObject):
    """Registers export, lesson and check; owns the export dialog (made when first opened)."""

    def __init__(self, registry, parent, session, panes: dict, show_pane, open_lesson):
        super().__init__(parent)
        self.parent_widget = parent
        self.session = session
        self.panes = panes
        self.show_pane = show_pane
        self.export_dialog = None
        self.actions = {
            "export": registry.add("exportCode", _texts_of("export"), menu="file", shortcut="Ctrl+E",
                                   slot=self.show_export_dialog),
            "lesson": registry.add("lesson", _texts_of("lesson"), menu="help", slot=open_lesson),
            "check": registry.add("checkCode", _texts_of("check"), menu="training", slot=self.check),
        }

    def show_export_dialog(self):
        from app.views.export_dialog import ExportDialog

        if self.export_dialog is None:
            self.export_dialog = ExportDialog(self.session, self.parent_widget)
        dlg = self.export_dialog
        dlg.refresh()
        dlg.show()
        dlg.raise_()
        return dlg

    def retranslate(self) -> None:
        """Dialogs are made again, in the new language, when next opened."""
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog.deleteLater()
            self.export_dialog = None

    def check(self) -> None:
        pane = self.panes.get("practice")
        if pane is None:
            return
        self.show_pane("practice")
        pane.check()
