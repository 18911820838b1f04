"""The plots' redraw cost, offscreen: medians of repeated updates, each including a synchronous repaint.

- 100×100 decision boundary, recompute (one forward pass over the grid, misclassified points, the unit maps)
  and draw (setImage + repaint of the plot and the unit maps): notebook-xor (target 5 ms) and a
  2→64→64→64→3 ReLU network on the spiral (target 15 ms). The engine's forward pass alone and the
  recompute alone are printed for reference (the forward is the floor for the deep network).
- Loss plot at 10⁶ points: one full setData of 10⁶ points with a repaint (what a rewind or a new run costs),
  and the usual live update: 1,000 new epochs appended to a 10⁶-epoch history, mirrored and redrawn
  (peak downsampling + clip to view).
"""

from __future__ import annotations

import os
import statistics
import time
from array import array

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402

REPEATS = 40


def _median_ms(fn, repeats: int = REPEATS, warmup: int = 3) -> tuple[float, float]:
    """(median CPU ms of this thread, median wall ms). With torch on one thread all the work is done on
    the calling thread, so the CPU figure is the cost itself, robust to other processes on a shared
    machine; the wall figure adds whatever waiting the machine's load caused."""
    for _ in range(warmup):
        fn()
    cpu, wall = [], []
    for _ in range(repeats):
        c0, t0 = time.thread_time(), time.perf_counter()
        fn()
        cpu.append(time.thread_time() - c0)
        wall.append(time.perf_counter() - t0)
    return statistics.median(cpu) * 1000, statistics.median(wall) * 1000


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _session(spec, data):
    from app.state.session import Session
    from engine.training.trainer import Trainer

    return Session(Trainer(spec, data))


def _boundary(session):
    from app.views.boundary_plot import BoundaryPlot

    w = BoundaryPlot(session)
    w.resize(560, 680)
    w.show()
    _app().processEvents()
    return w


def bench_boundary(preset_or_spec):
    """(cpu, wall) ms of: the engine's forward pass over the grid alone, the plot's recompute, and
    recompute + draw, for a 100×100 grid."""
    from engine.core.network import Network

    app = _app()
    s = _session(*preset_or_spec)
    w = _boundary(s)
    params = s.trainer.params_copy()
    plot_vp, units_vp = w.plot_widget.viewport(), w.units_widget.viewport()
    net, grid = Network(s.spec), w._grid

    def forward():
        net.forward(params, grid)

    def recompute():
        w.refresh(params)

    def recompute_and_draw():
        w.refresh(params)
        plot_vp.repaint()
        units_vp.repaint()

    fwd = _median_ms(forward)
    compute = _median_ms(recompute)
    full = _median_ms(recompute_and_draw)
    w.close()
    app.processEvents()
    return fwd, compute, full


def bench_loss_plot(n: int = 1_000_000):
    """((cpu, wall) ms of a full setData of n points + repaint, (cpu, wall) ms of appending 1,000 to n,
    mirroring, setData and repaint)."""
    from app.views.loss_plot import LossPlot
    from engine.io.presets import load_preset

    app = _app()
    s = _session(*load_preset("notebook-xor"))
    w = LossPlot(s)
    w.resize(640, 360)
    w.show()
    app.processEvents()
    rng = np.random.default_rng(0)
    values = np.exp(-np.linspace(0, 8, n)) + 0.01 * rng.random(n)
    vp = w.plot_widget.viewport()
    x = np.arange(1, n + 1, dtype=np.int64)

    def full():
        w.loss_curve.setData(x, values)
        vp.repaint()

    full_ms = _median_ms(full, repeats=15)

    s.trainer.losses = array("d", values.tobytes())
    s.trainer.epoch = n
    s.history_changed.emit()
    app.processEvents()
    chunk = array("d", values[-1000:].tobytes())

    def live():
        s.trainer.losses.extend(chunk)
        s.trainer.epoch += 1000
        s.history_changed.emit()  # the plot mirrors only the new tail, then setData
        vp.repaint()

    live_ms = _median_ms(live, repeats=15)
    w.close()
    app.processEvents()
    return full_ms, live_ms


def run() -> list[tuple]:
    import torch

    from engine.io.datasets import make_dataset
    from engine.io.presets import load_preset
    from engine.core.spec import Init, Layer, NetworkSpec

    _app()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one thread, as in bench_engine: CPU time is then the whole cost
    try:
        xor_f, xor_c, xor_full = bench_boundary(load_preset("notebook-xor"))
        spiral_spec = NetworkSpec(2, (Layer(64, "relu"),) * 3, 3, "softmax", "softmax_ce", lr=0.5,
                                  init=Init("he"))
        deep_f, deep_c, deep_full = bench_boundary((spiral_spec, make_dataset("spiral", classes=3)))
        full, live = bench_loss_plot()
    finally:
        torch.set_num_threads(threads)
    rows = []
    for label, (cpu, wall), target in [
        ("engine forward over the 100x100 grid, notebook-xor", xor_f, None),
        ("boundary 100x100 recompute only, notebook-xor", xor_c, None),
        ("boundary 100x100 recompute + draw, notebook-xor", xor_full, 5.0),
        ("engine forward over the 100x100 grid, 2-64-64-64-3", deep_f, None),
        ("boundary 100x100 recompute only, 2-64-64-64-3 spiral", deep_c, None),
        ("boundary 100x100 recompute + draw, 2-64-64-64-3 spiral", deep_full, 15.0),
        ("loss plot setData 10^6 points + repaint", full, None),
        ("loss plot live: +1,000 epochs at 10^6, setData + repaint", live, 33.0),
    ]:
        rows.append((f"{label} (ms CPU)", cpu, target))
        rows.append((f"{label} (ms wall)", wall, None))
    return rows


if __name__ == "__main__":  # pragma: no cover
    for row in run():
        print(row)
