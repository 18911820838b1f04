"""File ▸ Export code…: the session's current network and parameters as a standalone torch script or
notebook (engine.io.codegen), previewed with highlighting, saved (through app.dialogs.ask) or copied.

    dlg = ExportDialog(session, parent)
    dlg.style_combo ("manual" | "autograd"), dlg.format_combo ("py" | "ipynb"), dlg.epochs_spin,
    dlg.log_spin (0 = every epochs // 20), dlg.preview (read-only, highlighted), dlg.save(), dlg.copy()
    dlg.text()                      exactly what Save writes and Copy copies

The manual script prints the same lines as `python -m engine run` with the same source, epochs and log
interval (engine.io.codegen says how); the header names that command.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton,
    QSpinBox, QVBoxLayout,
)

from app import dialogs
from app.i18n import tr


class ExportDialog(QDialog):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export code"))
        self.style_combo = QComboBox()
        self.style_combo.setObjectName("exportStyle")
        self.style_combo.addItem(tr("manual — the backward pass by hand, only torch"), "manual")
        self.style_combo.addItem(tr("autograd — nn.Linear, loss.backward(), torch.optim.SGD"), "autograd")
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("exportFormat")
        self.format_combo.addItem(tr("Python script (.py)"), "py")
        self.format_combo.addItem(tr("Jupyter notebook (.ipynb)"), "ipynb")
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("exportEpochs")
        self.epochs_spin.setRange(1, 10**8)
        self.epochs_spin.setGroupSeparatorShown(True)
        self.epochs_spin.setValue(session.spec.epochs)
        self.log_spin = QSpinBox()
        self.log_spin.setObjectName("exportLogEvery")
        self.log_spin.setRange(0, 10**8)
        self.log_spin.setSpecialValueText(tr("auto (epochs ÷ 20)"))
        self.log_spin.setGroupSeparatorShown(True)
        self.note = QLabel()
        self.note.setObjectName("exportNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.addRow(tr("Style:"), self.style_combo)
        form.addRow(tr("Format:"), self.format_combo)
        form.addRow(tr("Epochs:"), self.epochs_spin)
        form.addRow(tr("Log every:"), self.log_spin)

        from app.views.practice.editor import monospace_font
        from app.views.practice.highlighter import PygmentsHighlighter

        self.preview = QPlainTextEdit()
        self.preview.setObjectName("exportPreview")
        self.preview.setReadOnly(True)
        self.preview.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.preview.setFont(monospace_font(max(self.font().pointSizeF() - 0.5, 9.0)))
        self.preview.setAccessibleName(tr("Preview of the exported code"))
        self.highlighter = PygmentsHighlighter(self.preview.document())

        self.save_button = QPushButton(tr("&Save…"))
        self.save_button.setObjectName("exportSave")
        self.copy_button = QPushButton(tr("&Copy"))
        self.copy_button.setObjectName("exportCopy")
        self.status = QLabel()
        self.status.setObjectName("exportStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.status, 1)
        row.addWidget(buttons)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(self.preview, 1)
        lay.addLayout(row)
        self.resize(960, 760)

        for combo in (self.style_combo, self.format_combo):
            combo.currentIndexChanged.connect(self.refresh)
        for spin in (self.epochs_spin, self.log_spin):
            spin.valueChanged.connect(self.refresh)
        self.save_button.clicked.connect(lambda: self.save())
        self.copy_button.clicked.connect(self.copy)
        session.network_changed.connect(self.refresh)
        session.params_changed.connect(self.refresh)
        session.running_changed.connect(self.refresh)
        self._text = ""
        self.refresh()

    # ----- the text ---------------------------------------------------------------------------------
    @property
    def style(self) -> str:
        return self.style_combo.currentData()

    @property
    def fmt(self) -> str:
        return self.format_combo.currentData()

    def _source_and_command(self, epochs: int, log_every: int) -> tuple[str, str, str]:
        """(the source as the script's English docstring names it, as the note names it, the command)."""
        s = self.session
        if s.path:
            src = os.path.basename(s.path)
            code, shown = (src + " (as last saved)", src + tr(" (as last saved)")) if s.dirty else (src, src)
            cmd = f"python -m engine run {src}"
        elif s.epoch == 0 and s.source_name:
            code = shown = f"preset {s.source_name}"
            cmd = f"python -m engine run --preset {s.source_name}"
        else:
            code, shown = "an unsaved session", tr("an unsaved session")
            cmd = "python -m engine run SESSION.json"
        return code, shown, f"{cmd} --epochs {epochs} --log-every {log_every}"

    def text(self) -> str:
        return self._text

    def refresh(self, *_) -> None:
        s = self.session
        if s.running:
            self._text = ""
            self.preview.setPlainText("")
            self.note.setText(tr("Pause training to export: the export writes the network's current state."))
            self._enable(False)
            return
        from pygments.lexers import JsonLexer, PythonLexer

        from engine.io.codegen import export

        epochs = self.epochs_spin.value()
        log_every = self.log_spin.value() or max(1, epochs // 20)
        source, shown, command = self._source_and_command(epochs, log_every)
        try:
            self._text = export(s.trainer_copy(), self.style, self.fmt, epochs=epochs, log_every=log_every,
                                source=source, command=command)
        except Exception as e:  # the engine refuses (e.g. non-finite parameters): say so, keep the dialog
            self._text = ""
            self.preview.setPlainText("")
            self.note.setText(tr("Cannot export this state: {reason}").format(reason=str(e)))
            self._enable(False)
            return
        if self.fmt == "ipynb":
            self.highlighter.lexer = JsonLexer()
        else:
            self.highlighter.lexer = PythonLexer()
        self.preview.setPlainText(self._text)
        what = (tr("The backward pass is written by hand with the engine's own operations, so the script "
                   "prints the same lines as `{command}`.") if self.style == "manual" else
                tr("nn.Linear stores its weight as (out × in) and computes x @ weight.T: the script copies "
                   "w1.T into layer1.weight. Its losses agree with the engine's to about 1e-6."))
        self.note.setText(tr("From epoch {epoch} of {source}. ").format(epoch=s.epoch, source=shown)
                          + what.format(command=command))
        self._enable(True)

    def _enable(self, on: bool) -> None:
        self.save_button.setEnabled(on)
        self.copy_button.setEnabled(on)

    # ----- save / copy ------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        s = self.session
        base = os.path.splitext(os.path.basename(s.path))[0] if s.path else (s.source_name or "network")
        return f"{base}-{self.style}.{self.fmt}"

    def save(self, path: str | None = None) -> bool:
        """Write the text to `path` (asked through app.dialogs.ask when None). True when written."""
        if not self._text:
            return False
        if path is None:
            flt = (tr("Python script (*.py)") if self.fmt == "py" else tr("Jupyter notebook (*.ipynb)"))
            start = os.path.dirname(self.session.path) if self.session.path else os.path.expanduser("~")
            path = dialogs.ask("save", self, title=tr("Export code"), filter=flt + ";;" + tr("All files (*)"),
                               directory=start, name=self.suggested_name())
            if not path:
                return False
        if not os.path.splitext(path)[1]:
            path += "." + self.fmt
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(self._text)
            os.replace(tmp, path)
        except OSError as e:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            dialogs.ask("error", self, title=tr("Cannot export the code"),
                        text=tr("{path} could not be written:\n{reason}").format(path=path,
                                                                                 reason=e.strerror or str(e)))
            return False
        self.saved_path = path
        self.status.setText(tr("Saved {name}").format(name=os.path.basename(path)))
        return True

    def copy(self) -> None:
        if self._text:
            QGuiApplication.clipboard().setText(self._text)
            self.status.setText(tr("Copied to the clipboard."))
