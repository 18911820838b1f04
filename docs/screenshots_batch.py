"""Screenshots of mini-batches, main window at 1366×768, English and Korean.

    python -m docs.screenshots_batch [OUTPUT_DIR]      (default docs/images)

batch-{en,ko}.png   the spiral preset with batch size 32: 3 epochs on the fast path, then Step batch twice; the
                    inspector at l1 = X @ w1 + b1 with the batch's 32 rows in every shape, the toolbar naming
                    the batch, its rows ringed on the boundary plot
batch-loss-{en,ko}.png   the same, the right-hand pane on the loss plot: the loss of every epoch and, thinner,
                    of every step
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run, save_and_close

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)


def take(path: str, pane: str) -> bool:
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = QApplication.instance()
    spec, data = load_preset("spiral")
    trainer = Trainer(spec.with_changes(batch_size=32), data)
    session = Session(trainer)
    session.open_trainer(trainer, source_name="spiral")
    window = MainWindow(session, restore=False)
    window.confirm_close = False
    session.train_now(12)
    session.step_batch()
    session.step_batch()
    session.set_position(0)
    window.resize(*SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.workspace.show_pane(pane)
    return save_and_close(window, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [(stem, lambda path, pane=pane: take(path, pane))
                      for stem, pane in (("batch", "boundary"), ("batch-loss", "loss"))])


if __name__ == "__main__":
    sys.exit(main())
