"""Screenshots of Adam in the inspector: the main window at 1366×768, English and Korean.

    python -m docs.screenshots_adam [OUTPUT_DIR]      (default docs/images)

adam-{en,ko}.png   notebook-xor with Adam (lr 0.1), one epoch run, then the next epoch stepped to the update of
                   w1: the equation w1 ← w1 − lr·m_hat_w1/(√v_hat_w1 + ε), and under it Adam's buffers d_w1, m_w1,
                   v_w1, m_hat_w1, v_hat_w1 and Δw1 (step t = 2) with their shapes and what each is
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run, save_and_close

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
OPERATION = "w1"


def take(path: str) -> bool:
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from app.views.inspector.equation import InspectorPane
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = QApplication.instance()
    spec, data = load_preset("notebook-xor")
    trainer = Trainer(spec.with_changes(optimizer="adam", lr=0.1), data)
    session = Session(trainer)
    session.open_trainer(trainer, source_name="notebook-xor")
    window = MainWindow(session, restore=False)
    window.confirm_close = False
    session.train_now(1)
    names = [s.name for s in session.trainer.peek().steps]
    session.set_position(names.index(OPERATION, names.index("d_w1")))
    window.resize(*SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    for ip in window.findChildren(InspectorPane):
        ip.scroll.verticalScrollBar().setValue(ip.formula.y() - 6)
    return save_and_close(window, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [("adam", take)])


if __name__ == "__main__":
    sys.exit(main())
