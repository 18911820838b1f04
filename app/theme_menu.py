"""View ▸ Theme: System / Light / Dark, remembered (app/settings.py) and applied at once (app/palette.py:
the application palette changes, and every view repaints with the light or dark colour set).

    ThemeMenu(parent)        the submenu; add it with `view_menu.addMenu(ThemeMenu(window))`
    choose(name)             remember and apply "system", "light" or "dark"
The menu retranslates itself on a LanguageChange event.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from app import palette, settings
from app.i18n import tr


def labels() -> dict[str, str]:
    return {"system": tr("&System"), "light": tr("&Light"), "dark": tr("&Dark")}


def choose(name: str) -> None:
    """Remember `name` (View ▸ Theme) and draw the application in it now."""
    settings.set_theme(name)
    palette.apply_theme(name)


class ThemeMenu(QMenu):
    def __init__(self, parent=None):
        super().__init__(tr("&Theme"), parent)
        self.setObjectName("themeMenu")
        group = QActionGroup(self)
        current = settings.theme()
        self.theme_actions: dict[str, QAction] = {}
        for name, label in labels().items():
            act = self.addAction(label)
            act.setObjectName(f"theme_{name}")
            act.setCheckable(True)
            act.setChecked(name == current)
            act.setData(name)
            group.addAction(act)
            act.triggered.connect(lambda _checked=False, n=name: choose(n))
            self.theme_actions[name] = act

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setTitle(tr("&Theme"))
            for name, label in labels().items():
                self.theme_actions[name].setText(label)
        super().changeEvent(event)
