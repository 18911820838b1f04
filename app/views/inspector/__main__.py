"""Run the inspector panes alone: `python -m app.views.inspector [pane] [preset]`.

pane: all (default), inspector, timeline, diagram, gradcheck, health; preset: a name from engine.io.presets, or
spiral64 for the 2→64→64→64→3 network.
"""

from __future__ import annotations

import sys

PANES = {
    "inspector": ("app.views.inspector.equation", "InspectorPane"),
    "timeline": ("app.views.inspector.timeline", "TimelinePane"),
    "diagram": ("app.views.inspector.diagram", "DiagramPane"),
    "gradcheck": ("app.views.inspector.gradcheck_pane", "GradcheckPane"),
    "health": ("app.views.inspector.health_pane", "HealthPane"),
}


def main(argv: list[str]) -> int:  # pragma: no cover - manual look
    import importlib

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QSplitter

    from app.state.session import Session

    from .fixtures import preset_trainer

    which = argv[0] if argv and argv[0] in (*PANES, "all") else "all"
    preset = next((a for a in argv if a not in (*PANES, "all")), "notebook-xor")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session(preset_trainer(preset))
    names = list(PANES) if which == "all" else [which]
    window = QSplitter(Qt.Orientation.Horizontal)
    for name in names:
        mod, cls = PANES[name]
        window.addWidget(getattr(importlib.import_module(mod), cls)(session))
    window.setWindowTitle(f"Backprop Tutor: {which} · {preset}")
    window.resize(1600, 900)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
