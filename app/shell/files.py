"""File ▸ …: sessions and presets, the recent files, plot export, and the unsaved-changes question.

    files = FileController(parent, session, registry, panes, status_bar)
    files.preset_menu, files.recent_menu, files.export_menu     submenus the File menu places (app/shell/menus.py)
    files.open_path(path), files.save_to(path), files.new_from_preset(name), files.maybe_save(), files.export_plot(name)
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QStatusBar, QWidget

from app import dialogs, panes, settings
from app.engine_wording import error_line, preset_description, preset_title
from app.i18n import tr
from engine.core.errors import EngineError


class FileController(QObject):
    """New from preset, Open, Open Recent, Save, Save as, Export plot as PNG; the unsaved-changes question."""

    def __init__(self, parent: QWidget, session, registry, panes_: dict, status: QStatusBar):
        super().__init__(parent)
        self.parent_widget = parent  # the dialogs' parent
        self.session = session
        self.panes = panes_
        self.status = status
        a = registry
        a.open.triggered.connect(self.open_dialog)
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        self.preset_menu = QMenu(tr("&New from preset"), parent)
        self.preset_menu.setObjectName("presetMenu")
        from engine.io.presets import PRESETS

        for name, preset in PRESETS.items():
            act = self.preset_menu.addAction(f"{preset_title(name, preset)}  ({name})")
            act.setData(name)
            act.setStatusTip(preset_description(name, preset))
            act.triggered.connect(self._preset_slot(name))
        self.recent_menu = QMenu(tr("Open &Recent"), parent)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        self.fill_recent_menu()
        self.export_menu = QMenu(tr("&Export plot as PNG"), parent)
        self.export_menu.setObjectName("exportPlotMenu")
        for name in ("loss", "boundary"):
            pane = self.panes.get(name)
            if pane is not None and hasattr(pane, "plot_widget"):
                act = self.export_menu.addAction(tr("{title} plot…").format(title=panes.title(name)))
                act.setData(name)
                act.triggered.connect(self._export_slot(name))
        self.export_menu.setEnabled(not self.export_menu.isEmpty())

    def retranslate(self) -> None:
        from engine.io.presets import PRESETS

        self.preset_menu.setTitle(tr("&New from preset"))
        for act in self.preset_menu.actions():
            name = act.data()
            if name in PRESETS:
                act.setText(f"{preset_title(name, PRESETS[name])}  ({name})")
                act.setStatusTip(preset_description(name, PRESETS[name]))
        self.recent_menu.setTitle(tr("Open &Recent"))
        self.fill_recent_menu()
        self.export_menu.setTitle(tr("&Export plot as PNG"))
        for act in self.export_menu.actions():
            if act.data():
                act.setText(tr("{title} plot…").format(title=panes.title(act.data())))

    def set_enabled(self, idle: bool) -> None:
        self.preset_menu.setEnabled(idle)
        self.recent_menu.setEnabled(idle)

    def _display_name(self) -> str:
        s = self.session
        return os.path.basename(s.path) if s.path else (s.source_name or tr("Untitled"))

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current session (saved, discarded); False when cancelled."""
        if not self.session.dirty:
            return True
        answer = dialogs.ask("unsaved", self.parent_widget, name=self._display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_from_preset(self, name: str) -> bool:
        from engine.io.presets import load_preset
        from engine.training.trainer import Trainer

        if self.session.running or not self.maybe_save():
            return False
        try:
            trainer = Trainer(*load_preset(name))
        except EngineError as e:
            dialogs.ask("error", self.parent_widget, title=tr("Cannot load the preset"), text=error_line(e))
            return False
        self.session.open_trainer(trainer, "", source_name=name)
        return True

    def _preset_slot(self, name: str):
        return lambda: self.new_from_preset(name)

    def open_dialog(self) -> bool:
        if self.session.running or not self.maybe_save():
            return False
        path = dialogs.ask("open", self.parent_widget, title=tr("Open session"), filter=_session_filter(),
                           directory=self._directory())
        return bool(path) and self.open_path(path, confirmed=True)

    def open_path(self, path: str, confirmed: bool = False) -> bool:
        """Open session file `path`. On failure say why; the current session stays as it was."""
        if self.session.running or (not confirmed and not self.maybe_save()):
            return False
        from engine.io.session_file import load

        try:
            state = load(path)
            trainer = state.to_trainer()
        except (EngineError, OSError) as e:
            dialogs.ask("error", self.parent_widget, title=tr("Cannot open the session"),
                        text=tr("{path} could not be opened:\n{reason}").format(path=path, reason=_reason(e)))
            if isinstance(e, OSError) or not os.path.exists(path):
                settings.remove_recent_file(os.path.abspath(path))
            return False
        self.session.open_trainer(trainer, os.path.abspath(path), practice_code=state.practice_code)
        settings.add_recent_file(path)
        self.status.showMessage(tr("Opened {name}").format(name=os.path.basename(path)), 5000)
        return True

    def save(self) -> bool:
        if not self.session.path:
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        if self.session.running:
            return False
        suggested = self._display_name()
        if not suggested.endswith(".json"):
            suggested += ".json"
        path = dialogs.ask("save", self.parent_widget, title=tr("Save session as"), filter=_session_filter(),
                           directory=self._directory(), name=suggested)
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += ".json"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        s = self.session
        if s.running:
            return False
        from engine.io.session_file import from_trainer, save

        try:
            save(from_trainer(s.trainer, practice_code=s.practice_code), path)
        except EngineError as e:
            dialogs.ask("error", self.parent_widget, title=tr("Cannot save the session"), text=_reason(e))
            return False
        s.mark_saved(os.path.abspath(path))
        settings.add_recent_file(path)
        self.status.showMessage(tr("Saved {name}").format(name=os.path.basename(path)), 5000)
        return True

    def _directory(self) -> str:
        if self.session.path:
            return os.path.dirname(self.session.path)
        recent = settings.recent_files()
        return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = settings.recent_files()
        for i, path in enumerate(files, start=1):
            act = menu.addAction(f"&{i}  {os.path.basename(path)}")
            act.setStatusTip(path)
            act.setToolTip(path)
            act.triggered.connect(self._recent_slot(path))
        if files:
            menu.addSeparator()
            menu.addAction(tr("Clear the list"), settings.clear_recent_files)
        else:
            menu.addAction(tr("No recent files")).setEnabled(False)

    def _recent_slot(self, path: str):
        return lambda: self.open_path(path)

    def export_plot(self, name: str, path: str | None = None) -> bool:
        """Save pane `name`'s plot (its `.plot_widget`) as a PNG, through pyqtgraph's ImageExporter."""
        widget = getattr(self.panes.get(name), "plot_widget", None)
        if widget is None:
            return False
        if path is None:
            path = dialogs.ask("save", self.parent_widget, title=tr("Export plot as PNG"),
                               filter=tr("PNG image (*.png)"), directory=self._directory(), name=f"{name}.png")
            if not path:
                return False
        if not path.lower().endswith(".png"):
            path += ".png"
        try:
            import pyqtgraph.exporters as exporters

            item = widget.getPlotItem() if hasattr(widget, "getPlotItem") else widget.scene()
            exporter = exporters.ImageExporter(item)
            exporter.parameters()["width"] = max(1200, int(widget.width() * 2))
            exporter.export(path)
            if not os.path.exists(path):
                raise OSError(tr("nothing was written"))
        except Exception as e:  # pyqtgraph raises a variety of things; say so rather than crash
            dialogs.ask("error", self.parent_widget, title=tr("Cannot export the plot"), text=f"{path}: {e}")
            return False
        self.status.showMessage(tr("Exported {name}").format(name=os.path.basename(path)), 5000)
        return True

    def _export_slot(self, name: str):
        return lambda: self.export_plot(name)


def _session_filter() -> str:
    return tr("Backprop Tutor session (*.json);;All files (*)")


def _reason(e: Exception) -> str:
    if isinstance(e, EngineError):
        return error_line(e)
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return str(e)
