"""Screenshots of practice mode and the lesson (offscreen), for the README and for looking at:

    QT_QPA_PLATFORM=offscreen python -m app.views.practice.shots [OUT_DIR=docs]

writes alone-practice.png (the pane on the notebook's cell after Check) and alone-practice-train.png (after
Train with my code): alone-, so they never overwrite docs/screenshots_panes.py's practice.png and
practice-train.png.
The main window in each mode, the lesson included, is `make screenshots` (docs/screenshots.py). Each check
starts the engine's checker: this takes ~15 s.
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

    from app.state.session import Session

    folder = tempfile.mkdtemp(prefix="bptutor-shots-")  # never the user's settings
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = QApplication.instance() or QApplication(["backprop-tutor"])
    import torch

    torch.set_num_threads(1)
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    from .lesson import read_resource
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
    pane.grab().save(os.path.join(out, "alone-practice.png"))
    pane.train(1000)
    _wait(lambda: not pane.busy_now)
    _settle()
    pane.grab().save(os.path.join(out, "alone-practice-train.png"))
    pane.shutdown()
    pane.close()

    print(f"wrote alone-practice.png, alone-practice-train.png to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
