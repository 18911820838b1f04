"""File ▸ Export code…: the script the dialog writes prints what the engine prints."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication



def _dialog(qtbot, window):
    export = window.registry.get("exportCode")
    assert export is window.practice.actions["export"]
    export.trigger()
    dlg = window.practice.export_dialog
    qtbot.addWidget(dlg)  # closed at teardown: a dialog left on screen would take later tests' mouse
    qtbot.waitExposed(dlg)
    return dlg


def _engine_run(*args) -> list[str]:
    from engine.cli.main import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["run", *args]) == 0
    return out.getvalue().splitlines()


def test_export_code_is_in_the_file_menu(window):
    file_menu = window.menus.menus["file"]
    texts = [a.text() for a in file_menu.actions()]
    assert "Export &code…" in texts
    assert texts.index("Export &code…") < texts.index(window.acts.quit.text())
    assert window.registry.in_menu("file") == [window.practice.actions["export"]]  # placed from the registry


def test_the_saved_script_prints_the_engines_lines(qtbot, window, asked, tmp_path):
    dlg = _dialog(qtbot, window)
    assert dlg.style == "manual" and dlg.fmt == "py"
    dlg.epochs_spin.setValue(1000)
    dlg.log_spin.setValue(100)
    text = dlg.text()
    assert dlg.preview.toPlainText() == text and dlg.preview.isReadOnly()
    assert "python -m engine run --preset notebook-xor --epochs 1000 --log-every 100" in text
    # highlighted: the first line's keywords carry formats
    assert any(dlg.preview.document().findBlockByNumber(i).layout().formats() for i in range(40))
    target = tmp_path / "xor.py"
    asked.answers["save"] = str(target)
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert asked.kinds()[-1] == "save" and asked[-1][1]["name"] == "notebook-xor-manual.py"
    assert target.read_text(encoding="utf-8") == text
    assert dlg.status.text() == "Saved xor.py"
    got = subprocess.run([sys.executable, str(target)], capture_output=True, text=True, timeout=120,
                         env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})
    assert got.returncode == 0, got.stderr
    expected = _engine_run("--preset", "notebook-xor", "--epochs", "1000", "--log-every", "100")
    assert got.stdout.splitlines() == expected
    assert expected[0].startswith("EPOCH : 100 / 1000 (10%)") and expected[-1].startswith("done: epoch 1000")


def test_autograd_notebook_and_copy(qtbot, window):
    dlg = _dialog(qtbot, window)
    dlg.style_combo.setCurrentIndex(dlg.style_combo.findData("autograd"))
    dlg.format_combo.setCurrentIndex(dlg.format_combo.findData("ipynb"))
    nb = json.loads(dlg.text())
    code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert "loss.backward()" in code and "copy_(w1.T)" in code
    assert dlg.suggested_name() == "notebook-xor-autograd.ipynb"
    qtbot.mouseClick(dlg.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dlg.text()
    assert dlg.status.text() == "Copied to the clipboard."
