"""Screenshots of practice mode and the lesson (offscreen), for the README and for looking at:

    QT_QPA_PLATFORM=offscreen python -m app.views.practice.shots [OUT_DIR=docs]

writes practice.png (the pane on the notebook's cell after Check), practice-train.png (after Train with my
code), lesson.png (the main window in Korean with the Korean lesson at its Check step) and lesson-en.png. Korean text
needs a CJK font (e.g. fonts-noto-cjk). Each check starts the engine's checker: this takes ~15 s.
"""

from __future__ import annotations

import os
import sys


def _wait(cond, timeout_s: float = 60.0) -> None:
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("screenshot: timed out waiting")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _settle(ms: int = 300) -> None:
    import time

    t = time.monotonic() + ms / 1000
    _wait(lambda: time.monotonic() > t)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else "docs"
    os.makedirs(out, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.session import Session

    folder = tempfile.mkdtemp(prefix="bptutor-shots-")  # never the user's settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = QApplication.instance() or QApplication(["backprop-tutor"])
    import torch

    torch.set_num_threads(1)
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    from .lesson import open_lesson, read_resource
    from .menu import install
    from .pane import PracticePane

    cell = read_resource("notebook_cell.py")

    # the pane alone, after Check and after Train with my code
    s = Session(Trainer(*load_preset("notebook-xor")))
    pane = PracticePane(s)
    pane.resize(1400, 820)
    pane.show()
    _settle()
    pane.set_code(cell)
    pane.check()
    _wait(lambda: not pane.busy_now)
    _settle()
    pane.grab().save(os.path.join(out, "practice.png"))
    pane.train(1000)
    _wait(lambda: not pane.busy_now)
    _settle()
    pane.grab().save(os.path.join(out, "practice-train.png"))
    pane.shutdown()
    pane.close()

    # the main window with the lesson at its Check step
    from app.i18n import install_translator
    from app.shell.main_window import MainWindow

    for lang, name in (("ko", "lesson.png"), ("en", "lesson-en.png")):
        install_translator(app, lang)  # the whole window in the lesson's language
        s = Session(Trainer(*load_preset("notebook-xor")))
        s.source_name = "notebook-xor"
        w = MainWindow(s, restore=False)
        w.confirm_close = False
        w.resize(1600, 1000)
        install(w)
        w.show()
        _wait(lambda: w._laid_out)
        _settle(500)
        dock = open_lesson(w, lang=lang)
        panel = dock.widget()
        k = next(i for i, st in enumerate(panel.steps) if st.action.endswith("; check"))
        panel.go(k)
        panel.run_action()
        practice = w.panes["practice"]
        _wait(lambda: not practice.busy_now)
        _settle(600)
        w.grab().save(os.path.join(out, name))
        practice.shutdown()
        w.close()
    install_translator(app, "en")
    print(f"wrote practice.png, practice-train.png, lesson.png, lesson-en.png to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
