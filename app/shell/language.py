"""View ▸ Language: the menu of interface languages and the switch to one.

    language = LanguageController(parent, retranslate)   `retranslate()` sets every text of the window again
    language.menu                                         the submenu View ▸ Language (app/shell/menus.py)
    language.set_language("ko")                           remember it and show the interface in it now
    language.on_language_change()                         the window's LanguageChange event: retranslate once

The texts themselves are set again by app/shell/retranslate.py.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app import settings
from app.i18n import current_language, install_translator, tr

LANGUAGES = (("en", "English"), ("ko", "한국어"))


class LanguageController(QObject):
    def __init__(self, parent: QWidget, retranslate):
        super().__init__(parent)
        self._retranslate = retranslate
        self.built_language = current_language()
        self.menu = QMenu(tr("&Language"), parent)
        self.menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code, label in LANGUAGES:
            act = self.menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == self.built_language)
            act.setData(code)
            group.addAction(act)
            act.triggered.connect(self._slot(code))
            self.actions[code] = act

    def _slot(self, code: str):
        return lambda: self.set_language(code)

    def set_language(self, code: str) -> None:
        """Remember `code` and show the whole interface in it now."""
        settings.set_language(code)
        if code != current_language():
            install_translator(QApplication.instance(), code)
        self.retranslate()

    def retranslate(self) -> None:
        self.built_language = current_language()
        self.menu.setTitle(tr("&Language"))
        for code, act in self.actions.items():
            act.setChecked(code == self.built_language)
        self._retranslate()

    def on_language_change(self) -> None:
        # installing a language removes one translator and adds two: once all have arrived
        QTimer.singleShot(0, self._changed)

    def _changed(self) -> None:
        from shiboken6 import isValid

        if isValid(self) and self.built_language != current_language():
            self.retranslate()
