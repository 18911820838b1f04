"""The digits preset (1,797 images × 64 inputs, 64→32→10): one traced epoch + redraw of the inspector.

Measured as the learner meets it: pressing Next at an epoch's edge records the next epoch (trainer.peek, every
operation traced) and the inspector draws its first operation, l1 = X @ w1 + b1, whose X is 1797×64 (a heat
map). Target (issue 12): ≤ 50 ms, median over REPEATS epochs, offscreen at 1366×768, one torch thread. Reference rows: its CPU time, the
traced epoch alone, and the redraw at d_w1 = Xᵀ @ d_l1 with its wrong alternatives (no epoch recorded).
Between measurements the rest of each epoch is applied (session.step_epoch), untimed.
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPEATS = 15


def run() -> list[tuple]:
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # as the CLI and bench_engine: tiny matrices gain nothing from a second thread
    try:
        return _run()
    finally:
        torch.set_num_threads(threads)


def _run() -> list[tuple]:
    from PySide6.QtWidgets import QApplication

    from app.state.session import Session
    from app.views.inspector.equation import InspectorPane
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = QApplication.instance() or QApplication([])
    trainer = Trainer(*load_preset("digits"))
    session = Session(trainer)
    pane = InspectorPane(session)
    pane.resize(1366, 768)
    pane.show()
    session.next_op()  # warm-up: the first peek and the first layouts
    app.processEvents()
    names = [s.name for s in session.trace.steps]
    i_dw1 = names.index("d_w1")
    edge, edge_cpu, epoch_only, dw1 = [], [], [], []
    for _ in range(REPEATS):
        session.step_epoch()  # finish the epoch in progress (untimed)
        app.processEvents()
        c0, t0 = time.thread_time(), time.perf_counter()
        session.next_op()  # a traced epoch (peek) and the inspector drawing l1
        app.processEvents()
        edge.append((time.perf_counter() - t0) * 1000)
        edge_cpu.append((time.thread_time() - c0) * 1000)
        session.set_position(i_dw1 - 1)  # walk to the operation before d_w1 (untimed)
        app.processEvents()
        t0 = time.perf_counter()
        session.next_op()
        app.processEvents()
        dw1.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        trainer.peek()  # the same traced epoch, no drawing
        epoch_only.append((time.perf_counter() - t0) * 1000)
    pane.close()
    pane.deleteLater()
    app.processEvents()
    return [
        ("digits: traced epoch + inspector redraw (Next at the edge), median ms", statistics.median(edge), 50.0),
        ("digits:   same, GUI-thread CPU ms", statistics.median(edge_cpu), None),
        ("digits:   the traced epoch alone (trainer.peek), median ms", statistics.median(epoch_only), None),
        ("digits:   redraw at d_w1 with its alternatives, median ms", statistics.median(dw1), None),
    ]


if __name__ == "__main__":
    for name, value, target in run():
        print(f"{name:72s} {value:8.2f}" + (f"   target ≤ {target:g}" if target else ""))
