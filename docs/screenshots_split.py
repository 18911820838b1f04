"""Screenshots of the train/test split (issue 12 item 2), main window at 1366×768, English and Korean.

    python -m docs.screenshots_split [OUTPUT_DIR]      (default docs/images)

split-{en,ko}.png          moons with 30 % of the points held out (split seed 1), trained by Run to epoch 300 in
                           Run mode: hollow test points on the boundary, training and test loss and accuracy
split-health-{en,ko}.png   the notebook's XOR at lr 1 with one of its four points held out, run to epoch 1,500:
                           the three points cannot teach the fourth, and Training health says the test loss
                           rises while the training loss falls
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
SHOTS = {  # file stem: (preset, lr or None, test fraction, split seed, run to epoch, pane to raise)
    "split": ("moons", None, 0.3, 1, 300, "loss"),
    "split-health": ("notebook-xor", 1.0, 0.25, 0, 1500, "health"),
}


def take(path: str, preset: str, lr, fraction: float, seed: int, epochs: int, pane: str) -> None:
    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from docs.screenshots import _settle, _wait
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    spec, data = load_preset(preset)
    if lr is not None:
        spec = spec.with_changes(lr=lr)
    trainer = Trainer(spec, data.with_split(fraction, seed))
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    w.resize(*SIZE)
    w.show()
    _wait(lambda: w.workspace.arranged)
    w.workspace.set_mode("run")
    session.start_run(epochs)
    _wait(lambda: not session.running, timeout=120)
    w.workspace.docks[pane].raise_()
    _settle(400)
    ok = w.grab().save(path)
    w.close()
    w.deleteLater()
    _settle(50)
    if not ok:
        raise OSError(f"cannot write {path}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [(stem, lambda path, args=args: take(path, *args)) for stem, args in SHOTS.items()])


if __name__ == "__main__":
    sys.exit(main())
