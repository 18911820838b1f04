"""`make screenshots`: the README's pictures of the main window, rendered offscreen at 1600×1000.

    python -m docs.screenshots [OUTPUT_DIR]      (default docs/images)

notebook-xor-start.png    the notebook's network before training, stopped at the operation the learner
                          could not follow: d_w2 = a1ᵀ @ d_l2 in epoch 1
notebook-xor-trained.png  the same after the notebook's 10,000 epochs, inside epoch 10,001 at d_w2
spiral.png                the three-arm spiral after 2,000 epochs, at l1 of the next epoch
main-ko-d_w2.png          the window in Korean, the notebook's network after 500 epochs, at d_w2 (needs a CJK
                          font, e.g. fonts-noto-cjk)

(main-ko.png is `python -m app --lang ko --screenshot docs/images/main-ko.png --epochs 500`.)
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHOTS = [
    ("notebook-xor-start.png", "notebook-xor", 0, "d_w2"),
    ("notebook-xor-trained.png", "notebook-xor", 10_000, "d_w2"),
    ("spiral.png", "spiral", 2_000, "l1"),
    ("main-ko-d_w2.png", "notebook-xor", 500, "d_w2", "ko"),
]


def take(path: str, preset: str, epochs: int, operation: str | None, lang: str = "en") -> int:
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    try:
        return _take(path, preset, epochs, operation)
    finally:
        install_translator(QApplication.instance(), "en")


def _take(path: str, preset: str, epochs: int, operation: str | None) -> int:
    from app.__main__ import save_screenshot
    from app.shell.main_window import MainWindow
    from app.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    trainer = Trainer(*load_preset(preset))
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    window = MainWindow(session, restore=False)
    session.train_now(epochs)
    if operation:
        names = [s.name for s in session.trainer.peek().steps]
        session.set_position(names.index(operation))
    return save_screenshot(window, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")
    os.makedirs(out, exist_ok=True)
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app import settings
    from app.__main__ import _quiet_qt

    _quiet_qt(qInstallMessageHandler)
    app = QApplication.instance() or QApplication(["backprop-tutor-screenshots"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    worst = 0
    for name, preset, epochs, operation, *lang in SHOTS:
        path = os.path.join(out, name)
        rc = take(path, preset, epochs, operation, *lang)
        print(f"{path}: {'ok' if rc == 0 else 'FAILED'}")
        worst = max(worst, rc)
    return worst


if __name__ == "__main__":
    sys.exit(main())
