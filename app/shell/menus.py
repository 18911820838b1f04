"""The menu bar, built from the parts it shows: the action registry (the window's actions and every action a
pane registered for a menu), the File controller's submenus, the workspace's modes and docks, the language menu.

    menus = Menus(menu_bar, registry, files, workspace, language, toolbars)
    menus.view                    View ▸ (a dock made later adds its toggle with `menus.add_dock(dock)`)
    menus.retranslate()
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar

from app.i18n import tr


def titles() -> dict[str, str]:
    return {"file": tr("&File"), "edit": tr("&Edit"), "training": tr("&Training"), "view": tr("&View"),
            "help": tr("&Help")}


class Menus(QObject):
    def __init__(self, bar: QMenuBar, registry, files, workspace, language, toolbars):
        super().__init__(bar)
        a, t = registry, titles()
        self.bar = bar
        self.menus = {}
        for key in ("file", "edit", "training", "view", "help"):
            m = bar.addMenu(t[key])
            m.setObjectName(f"{key}Menu")
            self.menus[key] = m

        m = self.menus["file"]
        m.addMenu(files.preset_menu)
        m.addAction(a.open)
        m.addMenu(files.recent_menu)
        m.addAction(a.save)
        m.addAction(a.save_as)
        m.addSeparator()
        m.addMenu(files.export_menu)
        for act in registry.in_menu("file"):
            m.addAction(act)
        m.addSeparator()
        m.addAction(a.quit)

        m = self.menus["edit"]
        m.addAction(a.undo)
        m.addAction(a.redo)

        m = self.menus["training"]
        for act in (a.step_epoch, a.next_op, a.prev_op, a.step_back):
            m.addAction(act)
        m.addSeparator()
        for act in (a.run, a.run_to, a.reset):
            m.addAction(act)
        extra = registry.in_menu("training")
        if extra:
            m.addSeparator()
            for act in extra:
                m.addAction(act)

        m = self.view = self.menus["view"]
        for act in registry.in_menu("modes"):
            m.addAction(act)
        m.addSeparator()
        for dock in workspace.docks.values():
            m.addAction(dock.toggleViewAction())
        self._dock_end = m.addSeparator()
        for tb in toolbars:
            m.addAction(tb.toggleViewAction())
        m.addMenu(language.menu)
        from app.theme_menu import ThemeMenu  # View ▸ Theme (app/palette.py colours every view)

        self.theme = m.addMenu(ThemeMenu(m))  # its QAction; .menu() is the ThemeMenu

        m = self.menus["help"]
        first = registry.in_menu("help")
        for act in first:
            m.addAction(act)
        if first:
            m.addSeparator()
        m.addAction(a.shortcuts)
        m.addAction(a.about)

    def add_dock(self, dock) -> None:
        """A dock made after the menus (the lesson): its toggle joins the others in View ▸."""
        if dock.toggleViewAction() not in self.view.actions():
            self.view.insertAction(self._dock_end, dock.toggleViewAction())

    def retranslate(self) -> None:
        for key, title in titles().items():
            self.menus[key].setTitle(title)
