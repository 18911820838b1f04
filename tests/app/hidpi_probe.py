"""Run by test_hidpi.py in a child process (QT_SCALE_FACTOR is read when the QApplication starts): open the
main window on the notebook's network at d_w2 on an offscreen screen, print what it measured as JSON.

    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/app/hidpi_probe.py
"""

from __future__ import annotations

import json
import sys


def clipped_texts(window) -> list[str]:
    """Labels and buttons on screen whose text does not fit the room they were given (a dock behind another
    dock's tab has no visible region and is laid out only when it comes to the front: skipped)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    out = []
    for w in window.findChildren(QLabel):
        if not w.isVisible() or w.visibleRegion().isEmpty() or not w.text().strip() or w.width() <= 1:
            continue
        if w.wordWrap():
            need_h, room_h = w.heightForWidth(w.width()), w.height()
            if need_h > room_h + 1:
                out.append(f"label {w.text()[:40]!r}: needs {need_h} px high, has {room_h}")
        elif w.sizeHint().width() > w.width() + 1:
            out.append(f"label {w.text()[:40]!r}: needs {w.sizeHint().width()} px wide, has {w.width()}")
    for b in window.findChildren(QAbstractButton):
        if not b.isVisible() or b.visibleRegion().isEmpty() or not b.text().strip() or b.width() <= 1:
            continue
        if b.minimumSizeHint().width() > b.width() + 1:
            out.append(f"button {b.text()[:40]!r}: needs {b.minimumSizeHint().width()} px, has {b.width()}")
    return out


def main() -> int:
    from PySide6.QtGui import QFontMetricsF
    from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QGraphicsSimpleTextItem

    app = QApplication(["hidpi-probe"])
    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from app.views.inspector.diagram import DiagramPane
    from app.views.inspector.matrix_view import MatrixCanvas
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    trainer = Trainer(*load_preset("notebook-xor"))
    session = Session(trainer)
    session.open_trainer(trainer, source_name="notebook-xor")
    window = MainWindow(session, restore=False)
    window.confirm_close = False
    session.train_now(50)
    names = [s.name for s in session.trainer.peek().steps]
    session.set_position(names.index("d_w2"))
    screen = app.primaryScreen()
    geo = screen.availableGeometry()
    window.resize(geo.width(), geo.height())
    window.show()
    for _ in range(6):
        app.processEvents()
    dpr = window.devicePixelRatioF()
    pixmap = window.grab()
    canvas = next(c for c in window.findChildren(MatrixCanvas) if c.isVisible())
    cell = canvas.cell_rect(0, 0)
    pane = window.findChildren(DiagramPane)[0]
    node = next(it for it in pane.scene.items() if isinstance(it, QGraphicsEllipseItem))
    node_rect = pane.view.mapFromScene(node.sceneBoundingRect()).boundingRect()
    label = next(it for it in pane.scene.items() if isinstance(it, QGraphicsSimpleTextItem) and it.text())
    label_rect = label.deviceTransform(pane.view.viewportTransform()).mapRect(label.boundingRect())
    print(json.dumps({
        "dpr": dpr,
        "screen": [screen.size().width(), screen.size().height()],
        "window": [window.width(), window.height()],
        "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
        # the narrowest the window can be, with its frame: what must fit the screen
        "min_frame_width": max(window.minimumWidth(), window.minimumSizeHint().width())
        + window.frameGeometry().width() - window.width(),
        "image": [pixmap.width(), pixmap.height()],
        "font_px": QFontMetricsF(app.font()).height() * dpr,
        "cell_px": [cell.width() * dpr, cell.height() * dpr],
        "node_px": node_rect.width() * dpr,
        "diagram_label_px": label_rect.height() * dpr,
        "clipped": clipped_texts(window),
    }))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
