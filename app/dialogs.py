"""Every message box and file dialog goes through `ask()`, so tests can monkeypatch one function:

    monkeypatch.setattr(app.dialogs, "ask", fake)      # fake(kind, parent=None, **kw) -> answer

Kinds and answers:
    "error"    title, text                     -> None
    "info"     title, text                     -> None
    "about"    title, text (rich text)         -> None
    "unsaved"  name                            -> "save" | "discard" | "cancel"
    "open"     title, filter, directory        -> a path, or "" when cancelled
    "save"     title, filter, directory, name  -> a path, or "" when cancelled

Callers use `dialogs.ask(...)` (the module attribute), never `from app.dialogs import ask`.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.i18n import tr


def ask(kind: str, parent=None, **kw):
    if kind == "error":
        QMessageBox.critical(parent, kw.get("title", tr("Error")), kw["text"])
        return None
    if kind == "info":
        QMessageBox.information(parent, kw.get("title", ""), kw["text"])
        return None
    if kind == "about":
        QMessageBox.about(parent, kw.get("title", ""), kw["text"])
        return None
    if kind == "unsaved":
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setText(tr("Save the changes to {name}?").format(name=kw.get("name") or tr("this session")))
        box.setInformativeText(tr("Your training progress and edits are lost if you don't save them."))
        B = QMessageBox.StandardButton
        box.setStandardButtons(B.Save | B.Discard | B.Cancel)
        box.setDefaultButton(B.Save)
        box.button(B.Discard).setText(tr("&Discard"))  # Alt+D: Enter saves, Escape cancels, this discards
        answer = box.exec()
        return {B.Save: "save", B.Discard: "discard"}.get(B(answer), "cancel")
    if kind == "open":
        path, _ = QFileDialog.getOpenFileName(parent, kw.get("title", tr("Open")), kw.get("directory", ""),
                                              kw.get("filter", ""))
        return path
    if kind == "save":
        start = os.path.join(kw.get("directory", ""), kw.get("name", ""))
        path, _ = QFileDialog.getSaveFileName(parent, kw.get("title", tr("Save")), start, kw.get("filter", ""))
        return path
    raise ValueError(f"unknown dialog kind {kind!r}")


def shortcuts_dialog(parent, rows) -> QDialog:
    """A non-modal dialog listing (action, shortcut(s), what it does) rows; `.table` is its QTableWidget."""
    dlg = QDialog(parent)
    dlg.setObjectName("shortcutsDialog")
    dlg.setWindowTitle(tr("Keyboard shortcuts"))
    table = QTableWidget(len(rows), 3, dlg)
    table.setHorizontalHeaderLabels([tr("Action"), tr("Shortcut"), tr("What it does")])
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    rows_h = sum(table.rowHeight(r) for r in range(table.rowCount()))
    table.setMinimumHeight(min(rows_h + header.height() + 4, 700))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dlg.close)
    lay = QVBoxLayout(dlg)
    lay.addWidget(table)
    lay.addWidget(buttons)
    dlg.resize(800, dlg.sizeHint().height())
    dlg.table = table
    return dlg


def _open_file(parent=None, title: str = "", filter: str = "") -> str:
    """Compatibility helper for views: `ask.open_file(parent, title, filter)`; goes through `ask` (the module
    attribute, so a monkeypatched ask answers it too)."""
    return globals()["ask"]("open", parent, title=title, filter=filter) or ""


ask.open_file = _open_file
