"""What the app remembers between runs (QSettings, INI format so tests can point it at a temporary folder
with `QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)`)."""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORGANISATION = "BackpropTutor"
APPLICATION = "Backprop Tutor"
MAX_RECENT = 8
LANGUAGES = ("en", "ko")


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):  # INI gives a one-element list back as a string
        return [value]
    return [str(v) for v in value if v]


def recent_files() -> list[str]:
    return _as_list(settings().value("recent_files"))


def add_recent_file(path: str) -> list[str]:
    path = os.path.abspath(path)
    files = [path] + [p for p in recent_files() if p != path]
    files = files[:MAX_RECENT]
    settings().setValue("recent_files", files)
    return files


def remove_recent_file(path: str) -> list[str]:
    files = [p for p in recent_files() if p != path]
    settings().setValue("recent_files", files)
    return files


def clear_recent_files() -> None:
    settings().setValue("recent_files", [])


def stored_language() -> str:
    """The language chosen with --lang or View ▸ Language, "" when none was."""
    lang = settings().value("language", "")
    return lang if lang in LANGUAGES else ""


def language() -> str:
    """The interface language: the remembered choice, else the system locale's (Korean → "ko", else "en")."""
    from app.i18n import system_language

    return stored_language() or system_language()


def set_language(lang: str) -> None:
    if lang in LANGUAGES:
        settings().setValue("language", lang)


THEMES = ("system", "light", "dark")


def theme() -> str:
    """View ▸ Theme: "system" (the desktop's palette, the default), "light" or "dark"."""
    value = settings().value("theme", "system")
    return value if value in THEMES else "system"


def set_theme(name: str) -> None:
    if name in THEMES:
        settings().setValue("theme", name)
