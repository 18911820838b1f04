"""The matrix inspector's speed: moving to the next operation (session.next_op) including redrawing the
inspector, as the learner presses Next. Median over two epochs of operations, offscreen, interleaved.

Targets (issue 5): ≤ 16 ms for notebook-xor, ≤ 50 ms for a 2→64→64→64→3 softmax network on the 300-point
3-class spiral. The figure includes the engine's own work at the epoch's edges (the peek that records the
next epoch, the step that applies it), the plan and expansion of the new operation, layout and painting.
Reference rows: the same with the timeline and the network diagram beside it (as in the main window), and
the CPU time of the GUI thread (less sensitive to a shared, loaded machine than wall-clock time).
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EPOCHS = 2


def _measure(make_trainer, with_neighbours: bool, size=(1400, 900)) -> tuple[list[float], list[float]]:
    from PySide6.QtWidgets import QApplication, QSplitter

    from app.state.session import Session
    from app.views.inspector.diagram import DiagramPane
    from app.views.inspector.equation import InspectorPane
    from app.views.inspector.timeline import TimelinePane

    app = QApplication.instance() or QApplication([])
    session = Session(make_trainer())
    window = QSplitter()
    if with_neighbours:
        TimelinePane(session, window)
    InspectorPane(session, window)
    if with_neighbours:
        DiagramPane(session, window)
    window.resize(*size)
    window.show()
    session.next_op()  # the first peek and the first layouts are warm-up
    app.processEvents()
    for _ in range(3):
        session.next_op()
        app.processEvents()
    wall, cpu = [], []
    for _ in range(len(session.trace.steps) * EPOCHS):
        c0, t0 = time.thread_time(), time.perf_counter()
        session.next_op()
        app.processEvents()  # layout and paint of everything that changed
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    window.close()
    window.deleteLater()
    app.processEvents()
    return wall, cpu


def run() -> list[tuple]:
    from app.views.inspector.fixtures import notebook_xor_trainer, spiral64_trainer

    rows = []
    for label, make, target in (("notebook-xor", notebook_xor_trainer, 16.0),
                                ("2→64→64→64→3 spiral", spiral64_trainer, 50.0)):
        wall, cpu = _measure(make, False)
        wall_all, _cpu_all = _measure(make, True)
        rows += [
            (f"{label}: next operation + redraw, median ms", statistics.median(wall), target),
            (f"{label}:   same, GUI-thread CPU ms", statistics.median(cpu), None),
            (f"{label}:   with timeline and diagram, median ms", statistics.median(wall_all), None),
        ]
    return rows


if __name__ == "__main__":
    for name, value, target in run():
        print(f"{name:66s} {value:8.2f}" + (f"   target ≤ {target:g}" if target else ""))
