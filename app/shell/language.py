"""View ▸ Language: the menu of interface languages and the window's switch to one. A mixin of the main window
(app/main_window.py); the texts themselves are set again by app/retranslate.py."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup

from app.i18n import current_language, tr


class LanguageActions:
    """The language menu, `set_language`, `retranslate`, and the answer to a LanguageChange event."""

    def _build_language_menu(self, m) -> None:
        lang_menu = m.addMenu(tr("&Language"))
        lang_menu.setObjectName("languageMenu")
        self.language_menu = lang_menu
        group = QActionGroup(self)
        current = current_language()
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("en", "English"), ("ko", "한국어")):
            act = lang_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.setData(code)
            group.addAction(act)
            act.triggered.connect(self._language_slot(code))
            self.language_actions[code] = act

    def _language_slot(self, code: str):
        return lambda: self.set_language(code)

    def set_language(self, code: str) -> None:
        """View ▸ Language: remember `code` and show the interface in it now (see app/retranslate.py)."""
        from app.shell.retranslate import switch_language

        switch_language(self, code)

    def retranslate(self) -> None:
        """Every text of the window in the interface language: menus, toolbar, status bar, dock titles, and
        the panes (re-created unless they can retranslate themselves). See app/retranslate.py."""
        from app.shell.retranslate import retranslate_window

        retranslate_window(self)

    def _language_changed(self) -> None:
        from shiboken6 import isValid

        if isValid(self) and getattr(self, "built_language", None) != current_language():
            self.retranslate()
