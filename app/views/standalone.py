"""One pane in a window of its own, for a manual look: `python -m app.views.<view> [preset [epochs]]`.

The pane is built on a Session of `preset` (default notebook-xor); with `train=True` a second argument trains
that many epochs first. No engine or Qt application is loaded until `run` is called.
"""

from __future__ import annotations


def run(pane_class, size: tuple[int, int], argv=None, train: bool = False) -> int:  # pragma: no cover
    import sys

    from PySide6.QtWidgets import QApplication

    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([])
    spec, data = load_preset(argv[0] if argv else "notebook-xor")
    s = Session(Trainer(spec, data))
    w = pane_class(s)
    if train and len(argv) > 1:
        s.train_now(int(argv[1]))
    w.resize(*size)
    w.show()
    return app.exec()
