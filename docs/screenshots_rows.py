"""Screenshots of which data rows a view counts, main window at 1366×768, English and Korean.

    python -m docs.screenshots_rows [OUTPUT_DIR]      (default docs/images)

batch-rows-{en,ko}.png      the spiral preset with batch size 8, after one epoch and one Step batch: the
                            inspector at l1 = X @ w1 + b1, the batch's 8 rows of X labelled with their data rows,
                            following the batch's sample 1 (its data row beside it in the toolbar)
digits-split-{en,ko}.png    the digits with a quarter held out (split seed 3), run to epoch 60: the confusion
                            matrix of the training rows, the test accuracy in the summary
digits-split-test-{en,ko}.png   the same, the misclassified test rows
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)


def _window(session, name):
    from app.shell.main_window import MainWindow
    from docs.screenshots import _settle, _wait

    session.open_trainer(session.trainer, source_name=name)
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    w.resize(*SIZE)
    w.show()
    _wait(lambda: w.workspace.arranged)
    _settle(200)
    return w


def _save(w, path: str) -> bool:
    from docs.screenshots import _settle

    _settle(400)
    ok = w.grab().save(path)
    w.close()
    w.deleteLater()
    _settle(50)
    return ok


def batch_rows(path: str) -> bool:
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    spec, data = load_preset("spiral")
    session = Session(Trainer(spec.with_changes(batch_size=8), data))
    w = _window(session, "spiral")
    session.train_now(1)
    session.step_batch()
    session.set_position(0)
    session.selection.set_sample(1)  # follow the batch's second row: the toolbar names its data row
    return _save(w, path)


def digits_split(path: str, rows: str) -> bool:
    from app.state.session import Session
    from docs.screenshots import _wait
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    spec, data = load_preset("digits")
    session = Session(Trainer(spec, data.with_split(0.25, 3)))
    w = _window(session, "digits")
    w.workspace.set_mode("run")
    session.start_run(60)
    _wait(lambda: not session.running, timeout=120)
    w.workspace.docks["boundary"].raise_()
    panel = w.workspace.panes["boundary"].non_planar
    panel.rows_box.setCurrentIndex(panel.rows_box.findData(rows))
    if rows == "test":
        panel.tabs.setCurrentIndex(1)
    return _save(w, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [("batch-rows", batch_rows), ("digits-split", lambda p: digits_split(p, "train")),
                      ("digits-split-test", lambda p: digits_split(p, "test"))])


if __name__ == "__main__":
    sys.exit(main())
