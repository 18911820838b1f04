"""Screenshots of the wrong alternatives and the digits preset, main window at 1366×768, English and Korean.

    python -m docs.screenshots_beyond [OUTPUT_DIR]      (default docs/images)

alternatives-{en,ko}.png   notebook-xor, epoch 1 at d_w2 = a1ᵀ @ d_l2, the inspector scrolled to
                           "Why this shape" and the wrong attempts under it
digits-{en,ko}.png         the digits preset after its 200 epochs, at d_w1 = Xᵀ @ d_l1; the boundary pane
                           shows the confusion matrix
digits-units-{en,ko}.png   the same, the boundary pane on the first-layer weights as 8×8 images
digits-wrong-{en,ko}.png   the same, the boundary pane on the misclassified digits
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run, save_and_close

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
SHOTS = [  # (file stem, preset, epochs, operation, boundary tab or None, scroll the inspector to the why)
    ("alternatives", "notebook-xor", 0, "d_w2", None, True),
    ("digits", "digits", 200, "d_w1", 0, False),
    ("digits-units", "digits", 200, "d_w1", 2, False),
    ("digits-wrong", "digits", 200, "d_w1", 1, False),
]


def take(path: str, preset: str, epochs: int, operation: str, tab, scroll: bool) -> bool:
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from app.views.boundary_plot import BoundaryPlot
    from app.views.inspector.equation import InspectorPane
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = QApplication.instance()
    trainer = Trainer(*load_preset(preset))
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    window = MainWindow(session, restore=False)
    window.confirm_close = False
    session.train_now(epochs)
    names = [s.name for s in session.trainer.peek().steps]
    session.set_position(names.index(operation))
    window.resize(*SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    if tab is not None:
        for bp in window.findChildren(BoundaryPlot):
            bp.non_planar.tabs.setCurrentIndex(tab)
            dock = bp.parentWidget()
            while dock is not None and not hasattr(dock, "raise_"):
                dock = dock.parentWidget()
            if dock is not None:
                dock.raise_()
    if scroll:
        for ip in window.findChildren(InspectorPane):
            ip.scroll.verticalScrollBar().setValue(ip.why_title.y() - 6)
    return save_and_close(window, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [(stem, lambda path, args=args: take(path, *args)) for stem, *args in SHOTS])


if __name__ == "__main__":
    sys.exit(main())
