"""The network diagram's per-unit pictures (issue 12 item 3): what they add to a redraw, and the GUI's latency
while a run keeps them live.

- Redraw cost, offscreen, one thread: the diagram's refresh on new parameters (what each snapshot it takes
  during a run costs: edges, pictures, a synchronous repaint of its view), with the pictures on and off
  (the "Unit pictures" box), and the pictures alone (one forward pass over the 24×24 grid, colouring, a
  repaint of the view); medians of repeated refreshes, CPU ms of this thread. Targets on the pictures
  alone: notebook-xor (3 pictures) ≤ 5 ms, a 2→64→64→64→3 ReLU network on the spiral (195 pictures)
  ≤ 15 ms; the whole refresh is printed for reference (on the spiral its 8,512 edges cost most of it). The
  diagram takes 2 snapshots a second during a run, so 15 ms is 3 % of the GUI thread.
- Run mode: the main window (1600×1000, offscreen) running, with the diagram pane brought to the front so
  its pictures follow the run, against the same run with it hidden (the run-mode layout's default),
  slices interleaved; a 10 ms GUI timer's delay, p99 (target ≤ 50 ms, as benchmarks/bench_app.py), and
  the pictures computed per second.

`python -m benchmarks.bench_diagram [cost] [run]` runs parts of it.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.bench_app import _app, _main_window, _percentile, _temporary_settings, _wait  # noqa: E402
from benchmarks.bench_app_views import _median_ms  # noqa: E402

RUN_SLICE_SECONDS = 2.0
RUN_SLICES = 2  # of each kind, interleaved: hidden, shown, hidden, shown
TIMER_MS = 10


def _spiral64():
    from engine.core.spec import Init, Layer, NetworkSpec
    from engine.io.datasets import make_dataset

    spec = NetworkSpec(2, (Layer(64, "relu"),) * 3, 3, "softmax", "softmax_ce", lr=0.5, init=Init("he"))
    return spec, make_dataset("spiral", classes=3)


def _cases():
    from engine.io.presets import load_preset

    return [("notebook-xor", load_preset("notebook-xor"), 5.0), ("2→64×3→3 spiral", _spiral64(), 15.0)]


def bench_cost(spec_data) -> dict[str, float]:
    """CPU ms (median) of a refresh on new parameters with and without pictures, and of the pictures alone."""
    from app.state.session import Session
    from app.views.inspector.diagram import DiagramPane
    from engine.training.trainer import Trainer

    app = _app()
    session = Session(Trainer(*spec_data))
    d = DiagramPane(session)
    d.resize(620, 460)
    d.show()
    app.processEvents()
    vp = d.view.viewport()
    params = session.trainer.params_copy()
    assert d.pictures.layers, "the benchmark needs a 2-input network"

    def refresh():  # as a snapshot: new parameters, edges and pictures redrawn
        d._on_params()
        vp.repaint()

    def pictures_alone():
        d.pictures.draw(params, object())
        vp.repaint()

    out = {"with": _median_ms(refresh)[0], "alone": _median_ms(pictures_alone)[0],
           "units": float(len(d.picture_units()))}
    d.pictures_box.setChecked(False)
    app.processEvents()
    assert not d.pictures.layers
    out["without"] = _median_ms(refresh)[0]
    d.close()
    app.processEvents()
    return out


def bench_run(spec_data) -> dict[str, float]:
    """p99 / worst timer delay (ms) with the diagram shown and hidden during a run, pictures per second."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from app.state.session import Session
    from engine.training.trainer import Trainer

    app = _app()
    session = Session(Trainer(*spec_data))
    w = _main_window(session)
    d = w.panes["diagram"]
    ticks: dict[bool, list[list[float]]] = {False: [], True: []}
    computed, shown_time = 0, 0.0
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    current: list[list[float]] = []
    timer.timeout.connect(lambda: current[-1].append(time.perf_counter()))
    for shown in [False, True] * RUN_SLICES:
        session.start_run()
        _wait(200)  # the run-mode layout is in place
        if shown:
            w.workspace.show_pane("diagram")
            app.processEvents()
        n0, t0 = d.pictures.computations, time.perf_counter()
        current.append([])
        timer.start()
        loop = QEventLoop()
        QTimer.singleShot(int(RUN_SLICE_SECONDS * 1000), loop.quit)
        loop.exec()
        timer.stop()
        ticks[shown].append(current[-1])
        if shown:
            computed += d.pictures.computations - n0
            shown_time += time.perf_counter() - t0
        stopped = QEventLoop()
        session.running_changed.connect(lambda running: None if running else stopped.quit())
        session.pause()
        if session.running:
            stopped.exec()
        app.processEvents()
    w.close()
    w.deleteLater()
    app.processEvents()

    def delays(slices):
        return [max(0.0, (b - a) * 1000 - TIMER_MS) for t in slices for a, b in zip(t, t[1:])]

    on, off = delays(ticks[True]), delays(ticks[False])
    return {"p99_on": _percentile(on, 0.99), "max_on": max(on, default=float("nan")),
            "median_on": statistics.median(on) if on else float("nan"),
            "p99_off": _percentile(off, 0.99), "pictures_hz": computed / shown_time if shown_time else 0.0}


def run(parts: tuple[str, ...] = ("cost", "run")) -> list[tuple]:
    import torch

    _temporary_settings()
    _app()
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    rows: list[tuple] = []
    try:
        for label, spec_data, target in _cases():
            if "cost" in parts:
                c = bench_cost(spec_data)
                rows += [
                    (f"{label}: {int(c['units'])} unit pictures (24×24 forward, colours, repaint), CPU ms",
                     c["alone"], target),
                    (f"{label}:   whole diagram refresh with the pictures, CPU ms", c["with"], None),
                    (f"{label}:   whole diagram refresh without them, CPU ms", c["without"], None),
                ]
            if "run" in parts:
                r = bench_run(spec_data)
                rows += [
                    (f"{label}: run, diagram shown: 10 ms timer delay p99 ms", r["p99_on"], 50.0),
                    (f"{label}:   median ms", r["median_on"], None),
                    (f"{label}:   worst ms", r["max_on"], None),
                    (f"{label}:   diagram hidden (reference): p99 ms", r["p99_off"], None),
                    (f"{label}:   pictures computed per second while shown", r["pictures_hz"], None),
                ]
    finally:
        torch.set_num_threads(threads)
    return rows


if __name__ == "__main__":
    from benchmarks.__main__ import _fmt

    for row in run(tuple(sys.argv[1:]) or ("cost", "run")):
        label, value, target = row[:3]
        print(f"  {label:66s} {_fmt(value):>10s}" + (f"   target <= {_fmt(target)}" if target else ""))
