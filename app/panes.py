"""The main window's dockable panes, in View-menu order: (object name, title, "module:Class", area).

Each class is a QWidget constructed as Class(session). Missing modules are skipped, so panes can be
added one at a time.
"""

from __future__ import annotations

import importlib

PANES = [
    ("topology", "Network", "app.views.topology_form:TopologyForm", "left"),
    ("weights", "Weights", "app.views.weights_editor:WeightsEditor", "left"),
    ("loss", "Loss", "app.views.loss_plot:LossPlot", "bottom"),
    ("boundary", "Decision boundary", "app.views.boundary_plot:BoundaryPlot", "right"),
    ("timeline", "Operations", "app.views.inspector.timeline:TimelinePane", "left"),
    ("inspector", "Matrix inspector", "app.views.inspector.equation:InspectorPane", "center"),
    ("diagram", "Network diagram", "app.views.inspector.diagram:DiagramPane", "right"),
    ("gradcheck", "Gradient check", "app.views.inspector.gradcheck_pane:GradcheckPane", "bottom"),
    ("health", "Training health", "app.views.inspector.health_pane:HealthPane", "bottom"),
    ("practice", "Practice", "app.views.practice.pane:PracticePane", "bottom"),
]


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
