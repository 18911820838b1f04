"""Translation entry point. Every visible string goes through `tr` so Qt Linguist can collect it
(context "app"; pylupdate6 / lupdate read the `tr("…")` calls)."""

from PySide6.QtCore import QCoreApplication


def tr(text: str, context: str = "app") -> str:
    return QCoreApplication.translate(context, text)
