"""`make screenshots`: the README's pictures of the main window, rendered offscreen at 1366×768 (a laptop), in
English and Korean (Korean needs a CJK font, e.g. fonts-noto-cjk).

    python -m docs.screenshots [OUTPUT_DIR]      (default docs/images)

start-{en,ko}.png      the first start: the welcome, and the first operation ready to step (Step mode)
backward-{en,ko}.png   Step mode inside epoch 1 at d_w2 = a1ᵀ @ d_l2, the operation the notebook's learner
                       could not follow
practice-{en,ko}.png   Practice mode after checking the notebook's own cell: every verdict, the root
                       mistake's hint and the code
lesson-{en,ko}.png     Lesson mode at the lesson's last step, every step's button pressed on the way (the
                       learner's fixed code trained), then lr 1 and Run to epoch 2,000: the decision boundary
                       it asks to watch
run-{en,ko}.png        Run mode while training: the parameters and their changes live, boundary and loss

Settings go to a temporary folder: the pictures show a first start and nothing the user set is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
SHOTS = ("start", "backward", "practice", "lesson", "run")


def _wait(cond, timeout: float = 60.0) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("screenshot: waited too long")
        app.processEvents()
        time.sleep(0.01)


def _settle(ms: int = 300) -> None:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _window(preset: str = "notebook-xor", fresh: bool = False):
    from PySide6.QtCore import QSettings

    from app.state.session import Session
    from app.shell.main_window import MainWindow
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    if fresh:  # a first start: the welcome shows
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    trainer = Trainer(*load_preset(preset))
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    w.resize(*SIZE)
    w.show()
    _wait(lambda: w.workspace.arranged)
    _settle()
    return w


def _save(w, path: str) -> None:
    _settle(200)
    if not w.grab().save(path):
        raise OSError(f"cannot write {path}")
    practice = w.panes.get("practice")
    if practice is not None:
        practice.shutdown()
    w.session.stop_run()
    w.close()
    w.deleteLater()
    _settle(50)


def shot(kind: str, path: str) -> None:
    if kind == "start":
        w = _window(fresh=True)
    elif kind == "backward":
        w = _window()
        w.session.next_op()
        names = [s.name for s in w.session.trace.steps]
        w.session.set_position(names.index("d_w2"))
    elif kind == "practice":
        from app.views.practice.lesson import read_resource

        w = _window()
        w.workspace.set_mode("practice")
        pane = w.panes["practice"]
        pane.set_code(read_resource("notebook_cell.py"))
        pane.check()
        _wait(lambda: not pane.busy_now)
    elif kind == "lesson":  # every step's button pressed on the way, as a learner would
        w = _window()
        dock = w.open_lesson()
        panel = dock.widget()
        pane = w.panes["practice"]
        last = len(panel.steps) - 1
        for k in range(1, last):
            panel.go(k)
            if panel.step.action:
                panel.run_action()
                _wait(lambda: not pane.busy_now, timeout=120)
        panel.go(last)
        panel.run_action()  # "Use lr 1 in this network", then Run as the step says, to epoch 2,000
        w.session.start_run(2000)
        _wait(lambda: not w.session.running)
        _settle(300)
    elif kind == "run":
        w = _window()
        w.workspace.set_mode("run")
        w.session.start_run()
        _wait(lambda: w.session.epoch >= 3000 or not w.session.running)
        _settle(300)
    else:
        raise ValueError(kind)
    _save(w, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")
    os.makedirs(out, exist_ok=True)
    from PySide6.QtCore import QSettings, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app import settings
    from app.__main__ import _quiet_qt
    from app.i18n import install_translator

    _quiet_qt(qInstallMessageHandler)
    app = QApplication.instance() or QApplication(["backprop-tutor-screenshots"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    only = set(argv[1:])
    worst = 0
    for lang in ("en", "ko"):
        install_translator(app, lang)
        for kind in SHOTS:
            if only and kind not in only:
                continue
            path = os.path.join(out, f"{kind}-{lang}.png")
            try:
                shot(kind, path)
                print(f"{path}: ok")
            except Exception as e:  # one picture failing must not hide the others
                print(f"{path}: FAILED ({type(e).__name__}: {e})")
                worst = 2
    install_translator(app, "en")
    return worst


if __name__ == "__main__":
    sys.exit(main())
