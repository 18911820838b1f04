"""The main window's dockable panes, in View-menu order: (object name, title, "module:Class", area).
Titles are in English (marked for translation); `title(name)` gives one in the interface language.

Each class is a QWidget constructed as Class(session). Missing modules are skipped, so panes can be
added one at a time.
"""

from __future__ import annotations

import importlib

from app.i18n import tr_noop, translate

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
    """The class named by "module:Class", or None when that module does not exist yet."""
    mod_name, cls_name = path.split(":")
    try:
        mod = importlib.import_module(mod_name)
    except ModuleNotFoundError as e:
        if e.name and mod_name.startswith(e.name):
            return None
        raise
    return getattr(mod, cls_name)
