"""Offscreen screenshots of the inspector panes: `python -m app.views.inspector.shots [out_dir]`.

Writes docs/alone-inspector-<operation>.png (alone-: never the name of a README picture) for the notebook's
XOR (l1, loss, d_l2, d_w2, d_a1, d_b1, w2) and for one backward step of the 2→64→64→64→3 spiral network, plus
the timeline, diagram, gradient-check and health panes. Each picture is sized to its content, so nothing is
cut off. These are the panes on their own, for looking at while working on one; the README's pictures are
taken inside the main window by `python -m docs.screenshots_panes`.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

WIDTH = 1180


def _fit(pane, width: int = WIDTH, max_height: int = 1400) -> None:
    """Resize the inspector to show all of its content without scrolling (up to max_height)."""
    pane.resize(width, 400)
    QApplication.processEvents()
    content = pane.scroll.widget()
    need = content.sizeHint().height() + pane.scroll.y() + 16
    pane.resize(width, min(max(need, 300), max_height))
    QApplication.processEvents()
    bar = pane.scroll.verticalScrollBar()
    while bar.maximum() > 0 and pane.height() < max_height:  # grow until nothing scrolls
        pane.resize(width, min(pane.height() + bar.maximum() + 4, max_height))
        QApplication.processEvents()


def inspector_shots(out: str) -> list[str]:
    from app.state.session import Session

    from .equation import InspectorPane
    from .fixtures import go_to, notebook_xor_trainer, spiral64_trainer

    written = []
    s = Session(notebook_xor_trainer())
    pane = InspectorPane(s)
    pane.show()
    cells = {"d_w2": (1, 0), "d_a1": (2, 1), "l1": (2, 1), "d_b1": (0, 1), "loss": (0, 0), "d_l2": (0, 0),
             "w2": (1, 0)}
    for name in ("l1", "loss", "d_l2", "d_w2", "d_a1", "d_b1", "w2"):
        go_to(s, name)
        pane.select_cell(*cells[name])
        s.selection.clear_cell()  # only the expansion's own marks in these pictures
        _fit(pane)
        path = os.path.join(out, f"alone-inspector-{name}.png")
        pane.grab().save(path)
        written.append(path)
    go_to(s, "d_w2")
    pane.follow_sample(2)
    pane.set_notation("textbook")
    _fit(pane)
    path = os.path.join(out, "alone-inspector-d_w2-textbook-sample2.png")
    pane.grab().save(path)
    written.append(path)
    pane.close()

    s2 = Session(spiral64_trainer())
    pane2 = InspectorPane(s2)
    pane2.show()
    for name in ("d_w2", "l1"):
        go_to(s2, name)
        pane2.select_cell(5, 7)
        s2.selection.clear_cell()
        _fit(pane2, 1280)
        path = os.path.join(out, f"alone-inspector-spiral64-{name}.png")
        pane2.grab().save(path)
        written.append(path)
    pane2.close()
    return written


def other_shots(out: str) -> list[str]:
    from app.state.session import Session

    from .diagram import DiagramPane
    from .fixtures import go_to, notebook_xor_trainer, spiral64_trainer
    from .gradcheck_pane import GradcheckPane
    from .health_pane import HealthPane
    from .timeline import TimelinePane

    written = []
    s = Session(notebook_xor_trainer())
    go_to(s, "d_w2")
    s.selection.select_cell("w2", 1, 0)
    s.selection.set_sample(2)
    for cls, name, size in ((TimelinePane, "timeline", (360, 600)), (DiagramPane, "diagram", (620, 460)),
                            (GradcheckPane, "gradcheck", (900, 260)), (HealthPane, "health", (760, 220))):
        w = cls(s)
        w.resize(*size)
        w.show()
        QApplication.processEvents()
        if name == "gradcheck":
            w.run_check()
        if name == "health":
            w.refresh()
        QApplication.processEvents()
        path = os.path.join(out, f"alone-inspector-{name}.png")
        w.grab().save(path)
        written.append(path)
        w.close()
    s2 = Session(spiral64_trainer())
    go_to(s2, "d_w3")
    w = DiagramPane(s2)
    w.resize(760, 560)
    w.show()
    QApplication.processEvents()
    path = os.path.join(out, "alone-inspector-diagram-spiral64.png")
    w.grab().save(path)
    written.append(path)
    w.close()
    return written


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = argv[0] if argv else os.path.join(os.path.dirname(__file__), "..", "..", "..", "docs")
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    for p in inspector_shots(out) + other_shots(out):
        print(p)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
