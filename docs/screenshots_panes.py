"""The README's pictures of single panes, taken from the running main window (1366×768, English) so they show
the app as it is, each pane at the size the window gives it:

    python -m docs.screenshots_panes [OUTPUT_DIR]      (default docs/)

inspector-<op>.png       the matrix inspector at l1, loss, d_l2, d_w2, d_a1, d_b1 and the update of w2 of the
                         notebook's network, one result cell expanded; its whole content (what scrolling shows),
                         at the width of the window's centre
inspector-d_w2-textbook-sample2.png   d_w2 with textbook symbols, sample 2 followed
inspector-spiral64-{d_w2,l1}.png      the same on a 2→64→64→64→3 network (heat maps)
inspector-timeline.png   the operations as docked beside it, inside epoch 1 at d_w2
inspector-{diagram,gradcheck,health}.png   the panes around it at d_w2, undocked to a size that shows them
                         whole
inspector-diagram-spiral64.png        the diagram of the 64-unit network at d_w3
practice.png, practice-train.png      Practice mode after checking the notebook's own cell, and after
                                      Train with my code (the checker runs: ~15 s each)

Settings go to a temporary folder. The main window in each mode is docs/screenshots.py.
"""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from docs.screenshots import SIZE, _settle, _wait  # noqa: E402

XOR_CELLS = {"l1": (2, 1), "loss": (0, 0), "d_l2": (0, 0), "d_w2": (1, 0), "d_a1": (2, 1), "d_b1": (0, 1),
             "w2": (1, 0)}


# the panes beside the inspector, undocked (as the learner can) to a size that shows them whole
FLOATED = {"diagram": (620, 460), "gradcheck": (900, 260), "health": (760, 240)}


def _float(w, name: str, size: tuple[int, int]):
    dock = w.docks[name]
    w.workspace.show_pane(name)
    dock.setFloating(True)
    dock.resize(*size)
    dock.show()
    _settle(200)
    return w.panes[name]


def _window(trainer, source: str):
    from app.shell.main_window import MainWindow
    from app.state.session import Session

    session = Session(trainer)
    session.open_trainer(trainer, source_name=source)
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    w.welcome.hide()  # a picture of a pane, not of the first start
    w.resize(*SIZE)
    w.show()
    _wait(lambda: w.workspace.arranged)
    _settle()
    return w


def _close(w) -> None:
    practice = w.panes.get("practice")
    if practice is not None:
        practice.shutdown()
    w.session.stop_run()
    w.close()
    w.deleteLater()
    _settle(50)


def _save(widget, path: str, written: list[str], content_only: bool = False) -> None:
    """Grab `widget`; `content_only`: down to the end of its content (an inspector page is as tall as the
    window's centre at least)."""
    from PySide6.QtCore import QRect

    _settle(150)
    height = widget.height()
    if content_only:
        height = min(height, widget.layout().sizeHint().height() + 4)
    if not widget.grab(QRect(0, 0, widget.width(), height)).save(path):
        raise OSError(f"cannot write {path}")
    written.append(path)


def _inspector(w, out: str, name: str, stem: str, cell, written: list[str]) -> None:
    """The inspector at operation `name`, cell expanded, its whole scrolled content."""
    from app.views.inspector.fixtures import go_to

    pane = w.panes["inspector"]
    go_to(w.session, name, "update" if name.startswith("w") else None)
    pane.select_cell(*cell)
    w.session.selection.clear_cell()  # only the expansion's own marks
    _settle()
    _save(pane.scroll.widget(), os.path.join(out, f"inspector-{stem}.png"), written, content_only=True)


def xor_shots(out: str) -> list[str]:
    from app.views.inspector.fixtures import go_to, notebook_xor_trainer

    written: list[str] = []
    w = _window(notebook_xor_trainer(), "notebook-xor")
    for name, cell in XOR_CELLS.items():
        _inspector(w, out, name, name, cell, written)
    pane = w.panes["inspector"]
    go_to(w.session, "d_w2")
    pane.follow_sample(2)
    pane.set_notation("textbook")
    _settle()
    _save(pane.scroll.widget(), os.path.join(out, "inspector-d_w2-textbook-sample2.png"), written,
          content_only=True)
    pane.set_notation("notebook")
    pane.follow_sample(None)
    w.session.selection.select_cell("w2", 1, 0)  # the panes around it point at one weight
    w.session.selection.set_sample(2)
    _save(w.panes["timeline"], os.path.join(out, "inspector-timeline.png"), written)  # as docked
    for name, size in FLOATED.items():
        p = _float(w, name, size)
        if name == "gradcheck":
            p.run_check()
            _wait(lambda: not p.is_busy(), timeout=120)
        if name == "health":
            p.refresh()
        _settle(300)
        _save(p, os.path.join(out, f"inspector-{name}.png"), written)
    _close(w)
    return written


def spiral_shots(out: str) -> list[str]:
    from app.views.inspector.fixtures import go_to, spiral64_trainer

    written: list[str] = []
    w = _window(spiral64_trainer(), "spiral64")
    for name in ("d_w2", "l1"):
        _inspector(w, out, name, f"spiral64-{name}", (5, 7), written)
    go_to(w.session, "d_w3")
    _float(w, "diagram", (760, 560))
    _settle(300)
    _save(w.panes["diagram"], os.path.join(out, "inspector-diagram-spiral64.png"), written)
    _close(w)
    return written


def practice_shots(out: str) -> list[str]:
    from app.views.practice.lesson import read_resource
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    written: list[str] = []
    w = _window(Trainer(*load_preset("notebook-xor")), "notebook-xor")
    w.workspace.set_mode("practice")
    pane = w.panes["practice"]
    pane.set_code(read_resource("notebook_cell.py"))
    pane.check()
    _wait(lambda: not pane.busy_now, timeout=120)
    _save(pane, os.path.join(out, "practice.png"), written)
    pane.train(1000)
    _wait(lambda: not pane.busy_now, timeout=120)
    _save(pane, os.path.join(out, "practice-train.png"), written)
    _close(w)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else os.path.dirname(os.path.abspath(__file__))
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
    install_translator(app, "en")
    import torch

    torch.set_num_threads(1)
    only = set(argv[1:])
    worst = 0
    for key, fn in (("xor", xor_shots), ("spiral", spiral_shots), ("practice", practice_shots)):
        if only and key not in only:
            continue
        try:
            for path in fn(out):
                print(f"{path}: ok")
        except Exception as e:  # one set failing must not hide the others
            print(f"{key}: FAILED ({type(e).__name__}: {e})")
            worst = 2
    return worst


if __name__ == "__main__":
    sys.exit(main())
