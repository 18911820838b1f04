"""The main window's dockable panes, in View-menu order: (object name, title, "module:Class", area).
Titles are in English (marked for translation); `title(name)` gives one in the interface language.

Each class is a QWidget constructed as Class(session). `build` makes one; a pane whose module is missing (an
incomplete install) or whose constructor fails becomes a BrokenPane in its place, which says why, and the
window lists the broken ones (`broken(panes)`): app/__main__.py shows them in a message box, or exits 1 with
--screenshot. Never a silently missing pane.
"""

from __future__ import annotations

import importlib
import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from app.i18n import tr, tr_noop, translate

PANES = [
    ("topology", tr_noop("Network"), "app.views.topology_form:TopologyForm", "left"),
    ("weights", tr_noop("Weights"), "app.views.weights_editor:WeightsEditor", "left"),
    ("loss", tr_noop("Loss"), "app.views.loss_plot:LossPlot", "bottom"),
    ("boundary", tr_noop("Decision boundary"), "app.views.boundary_plot:BoundaryPlot", "right"),
    ("timeline", tr_noop("Operations"), "app.views.inspector.timeline:TimelinePane", "left"),
    ("inspector", tr_noop("Matrix inspector"), "app.views.inspector.equation:InspectorPane", "center"),
    ("run", tr_noop("Training, live"), "app.views.run_view:RunView", "center"),
    ("diagram", tr_noop("Network diagram"), "app.views.inspector.diagram:DiagramPane", "right"),
    ("gradcheck", tr_noop("Gradient check"), "app.views.inspector.gradcheck_pane:GradcheckPane", "bottom"),
    ("health", tr_noop("Training health"), "app.views.inspector.health_pane:HealthPane", "bottom"),
    ("practice", tr_noop("Practice"), "app.views.practice.pane:PracticePane", "bottom"),
]


def title(name: str) -> str:
    """Pane `name`'s title in the interface language ("topology" -> "Network")."""
    return next((translate(t) for n, t, *_ in PANES if n == name), name)


def load(path: str):
    """The class named by "module:Class"; ImportError or AttributeError when it cannot be imported."""
    mod_name, cls_name = path.split(":")
    return getattr(importlib.import_module(mod_name), cls_name)


def build(name: str, path: str, session):
    """Pane `name` built on `session`, or a BrokenPane saying why it could not be (the traceback on stderr)."""
    try:
        return load(path)(session)
    except Exception as e:  # a broken pane must not take the window down with it
        traceback.print_exc()
        return BrokenPane(name, f"{type(e).__name__}: {e}")


def broken(built: dict) -> dict[str, str]:
    """{name: error} of the BrokenPanes among `built` ({name: widget})."""
    return {name: w.error for name, w in built.items() if isinstance(w, BrokenPane)}


class BrokenPane(QLabel):
    """Stands where pane `name` should be: "This pane could not be built: <error>"."""

    def __init__(self, name: str, error: str):
        super().__init__(tr("This pane could not be built:\n{error}").format(error=error))
        self.name, self.error = name, error
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
