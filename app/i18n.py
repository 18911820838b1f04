"""Translation entry point. Every visible string goes through `tr` so Qt Linguist can collect it
(context "app"; pylupdate6 / lupdate read the `tr("…")` calls)."""

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "app") -> str:
    return QCoreApplication.translate(context, text)


def install_translator(app, lang: str) -> None:
    """Install the translation for `lang` ("en", "ko") on `app`. A stub until the translations land: the
    choice is stored (app/settings.py) and English is shown."""
    return None
