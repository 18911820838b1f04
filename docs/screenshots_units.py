"""Screenshots of the network diagram's per-unit pictures, main window at 1366×768, English and Korean.

    python -m docs.screenshots_units [OUTPUT_DIR]      (default docs/images)

units-{en,ko}.png          notebook-xor at lr 1 after 3,000 epochs (XOR solved): each unit of the diagram as
                           its activation over (x1, x2), the pointer on a1[0] showing it larger with the data
units-spiral-{en,ko}.png   the spiral preset (2→32→32→3) after its epochs: 67 pictures, too small to read
                           at this size but for y_pred's three classes; the pointer on a2[7] shows it larger
"""

from __future__ import annotations

import dataclasses
import os
import sys

from docs.shot_runner import run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1366, 768)
SHOTS = [  # (file stem, preset, lr or None, epochs, the unit shown larger (k, j) or None)
    ("units", "notebook-xor", 1.0, 3000, (1, 0)),
    ("units-spiral", "spiral", None, None, (2, 7)),
]


def take(path: str, preset: str, lr, epochs, enlarged) -> bool:
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = QApplication.instance()
    spec, data = load_preset(preset)
    if lr is not None:
        spec = dataclasses.replace(spec, lr=lr)
    trainer = Trainer(spec, data)
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    window = MainWindow(session, restore=False)
    window.confirm_close = False
    session.train_now(epochs if epochs is not None else spec.epochs)
    window.resize(*SIZE)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.workspace.show_pane("diagram")
    for _ in range(5):
        app.processEvents()
    diagram = window.panes["diagram"]
    shot = window.grab()
    if enlarged is not None:  # the popup is a window of its own: drawn onto the shot where it opens
        k, j = enlarged
        at = diagram.view.viewport().mapToGlobal(diagram.picture_point(k, j))
        diagram.show_picture(k, j, at)
        app.processEvents()
        popup = diagram.popup
        p = QPainter(shot)
        where = popup.place(window.mapFromGlobal(at), window.rect())  # as on a screen the window fills
        p.drawPixmap(where, popup.grab())
        p.end()
        popup.hide_unit()
    ok = shot.save(path)
    window.close()
    window.deleteLater()
    app.processEvents()
    return ok


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [(stem, lambda path, args=args: take(path, *args)) for stem, *args in SHOTS])


if __name__ == "__main__":
    sys.exit(main())
