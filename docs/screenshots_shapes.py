"""Screenshots of the shapes drawn under the learner's own code, main window at 1366×768, English and Korean.

    python -m docs.screenshots_shapes [OUTPUT_DIR]      (default docs/images)

shapes-{en,ko}.png   Practice mode after checking the notebook's cell with its d_a1 line written without the
                     transpose, `d_a1 = torch.matmul(d_l2, w2)`: the shape of every sub-expression under
                     lines 3–6, and line 9's matmul marked in red with both operand shapes, (4×1) and (2×1)
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WRONG = "d_a1 = torch.matmul(d_l2, w2)"


def shot(path: str) -> None:
    from app.views.practice.lesson import read_resource
    from docs.screenshots import _save, _wait, _window

    cell = read_resource("notebook_cell.py")
    right = "d_a1 = torch.matmul(d_l2, torch.transpose(w2, 0, 1))"
    assert right in cell
    w = _window()
    w.workspace.set_mode("practice")
    pane = w.panes["practice"]
    pane.set_code(cell.replace(right, WRONG))
    pane.check()
    _wait(lambda: not pane.busy_now)
    _save(w, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")
    os.makedirs(out, exist_ok=True)
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import settings
    from app.i18n import install_translator

    app = QApplication.instance() or QApplication(["backprop-tutor-screenshots"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    worst = 0
    for lang in ("en", "ko"):
        install_translator(app, lang)
        path = os.path.join(out, f"shapes-{lang}.png")
        try:
            shot(path)
            print(f"{path}: ok")
        except Exception as e:  # one picture failing must not hide the other
            print(f"{path}: FAILED ({type(e).__name__}: {e})")
            worst = 2
    install_translator(app, "en")
    return worst


if __name__ == "__main__":
    sys.exit(main())
