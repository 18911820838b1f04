"""The desktop app as a whole (issue 4's benchmarks): cold start, run-mode throughput and redraw rate, GUI
latency while running, and memory over 10⁶ epochs.

- Cold start: `python -m app --measure-startup` in a fresh process (temporary settings), timed in this
  process from the launch until the child reports the main window's first paint ("shown"; target 1.5 s)
  and until its panes are built and painted ("ready", reference). Median of 3 after one untimed launch
  that fills the bytecode caches, as an installed app has them. Interleaved with those launches, a bare
  `python -c "import torch, PySide6.QtWidgets, pyqtgraph"`: the ratio of the best "ready" to the best
  import (target 1.25) says how much the app adds to what it cannot avoid loading.
- Run mode: the headless fast path (Trainer.train on this thread, no GUI, snapshots as the worker asks
  for them) against the real MainWindow running notebook-xor in run mode (offscreen, shown at 1600×1000,
  all default panes) for RUN_SECONDS, in slices interleaved with headless ones (the machines are shared:
  their load changes from one second to the next). Reported:
  the ratio (target ≥ 0.6), the loss plot's and the boundary plot's redraws per second (paint events of
  their viewports; target ≥ 20 Hz for the loss curve), the snapshots shown per second, and the share of
  the GUI thread's CPU.
- GUI latency: a 10 ms QTimer during that run; its delay is how late each tick comes after the previous
  one's 10 ms; p99 (target ≤ 50 ms), median and worst.
- Memory: VmRSS growth over 10⁶ epochs of notebook-xor headless through Trainer.train (the losses and
  accuracies arrays, the checkpoints; target ≤ 50 MB), and over the same 10⁶ epochs in run mode
  (worker, session copy, plot buffers), each measured after the run has stopped, with the peak during it.
  The headless one runs in a second process while this one runs the window (neither is timed), so the
  whole of `make bench` stays within a few minutes.

`python -m benchmarks.bench_app [startup] [run] [memory]` runs parts of it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRESET = "notebook-xor"
STARTUP_RUNS = 3
RUN_SECONDS = 3.0  # in run mode, in RUN_SLICES slices
RUN_SLICES = 2
HEADLESS_SECONDS = 1.5  # headless, in RUN_SLICES + 1 slices around them
TIMER_MS = 10
MEMORY_EPOCHS = 1_000_000
HEADLESS_MEMORY_FLAG = "--headless-memory"  # `-m benchmarks.bench_app --headless-memory` prints "grow peak"


# ----- helpers -------------------------------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = min(len(v) - 1, max(0, int(round(q * (len(v) - 1)))))
    return v[k]


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app.__main__ import _quiet_qt

    if QApplication.instance() is None:
        _quiet_qt(qInstallMessageHandler)  # the offscreen platform's harmless noise, as the app does
    return QApplication.instance() or QApplication([])


def _temporary_settings() -> str:
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="bptutor-bench-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, os.path.join(folder, "system"))
    return folder


def _wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


# ----- cold start ----------------------------------------------------------------------------------------
def launch_once(timeout: float = 60.0) -> dict[str, float]:
    """Seconds from the launch of `python -m app --measure-startup` to each line it prints."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM") or "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bptutor-bench-config-")  # no remembered layout
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "app", "--measure-startup"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    marks: dict[str, float] = {}
    try:
        for line in proc.stdout:
            word = line.strip()
            if word:
                marks.setdefault(word, time.perf_counter() - t0)
            if time.perf_counter() - t0 > timeout:
                break
    finally:
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return marks


IMPORTS = "import torch, PySide6.QtWidgets, pyqtgraph"  # the floor: what any window of this app must load


def import_once() -> float:
    """Seconds for a fresh `python -c IMPORTS` (launch to exit), timed as launch_once is."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", IMPORTS], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t0


def bench_startup(runs: int = STARTUP_RUNS) -> tuple[float, float, float, float]:
    """(median seconds to the first paint of the main window, median seconds until its panes are ready,
    best seconds to ready, best seconds to import torch + PySide6 + pyqtgraph), launches interleaved with
    bare imports so both see the same load."""
    launch_once()  # fills the bytecode caches
    import_once()
    shown, ready, imports = [], [], []
    for _ in range(runs):
        marks = launch_once()
        shown.append(marks.get("shown", float("nan")))
        ready.append(marks.get("ready", float("nan")))
        imports.append(import_once())
    return statistics.median(shown), statistics.median(ready), min(ready), min(imports)


# ----- run mode ------------------------------------------------------------------------------------------
def headless_rate(seconds: float = HEADLESS_SECONDS) -> float:
    """Epochs per second of Trainer.train on this thread, asking for snapshots as the run-mode worker does."""
    from app.state.worker import SNAPSHOTS_PER_SECOND
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    trainer = Trainer(*load_preset(PRESET))
    for _ in trainer.train(300):  # warm-up
        pass
    e0 = trainer.epoch
    t0 = time.perf_counter()
    deadline = t0 + seconds
    for _ in trainer.train(10**9, cancel=lambda: time.perf_counter() >= deadline,
                           min_interval=1.0 / SNAPSHOTS_PER_SECOND, with_params=True):
        pass
    return (trainer.epoch - e0) / (time.perf_counter() - t0)


class _PaintCounter:
    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)
        self.widget = widget

    def remove(self) -> None:
        self.widget.removeEventFilter(self._filter)


def _main_window(session):
    from app.shell.main_window import MainWindow

    app = _app()
    w = MainWindow(session, restore=False)
    w.confirm_close = False
    w.resize(1600, 1000)
    w.show()
    for _ in range(5):
        app.processEvents()
    _wait(300)  # tab groups and dock sizes (deferred), the first redraws
    return w


def bench_run_mode(seconds: float = RUN_SECONDS, slices: int = RUN_SLICES) -> dict[str, float]:
    """Headless and run-mode slices interleaved (H R H R … H), so a change in the machine's load touches
    both sides alike; the window stays open between the run-mode slices (Run, then Pause)."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = _app()
    trainer = Trainer(*load_preset(PRESET))
    for _ in trainer.train(300):  # the same warm-up as headless
        pass
    session = Session(trainer)
    w = _main_window(session)
    loss_pane, boundary_pane = w.panes.get("loss"), w.panes.get("boundary")
    counters = {}
    if loss_pane is not None:
        counters["loss"] = _PaintCounter(loss_pane.plot_widget.viewport())
    if boundary_pane is not None:
        counters["boundary"] = _PaintCounter(boundary_pane.plot_widget.viewport())
    snapshots = []
    session.snapshot.connect(lambda snap: snapshots.append(snap.epoch))
    ticks: list[list[float]] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(TIMER_MS)
    timer.timeout.connect(lambda: ticks[-1].append(time.perf_counter()))

    headless = [headless_rate(HEADLESS_SECONDS / 2)]
    run_epochs = run_time = painted_time = gui_cpu = cpu = 0.0
    for c in counters.values():
        c.count = 0
    for _ in range(slices):
        e0 = trainer.epoch
        gui_cpu0, cpu0 = time.thread_time(), time.process_time()
        t0 = time.perf_counter()
        ticks.append([])
        session.start_run()
        timer.start()
        loop = QEventLoop()
        QTimer.singleShot(int(seconds / slices * 1000), loop.quit)
        loop.exec()
        timer.stop()
        painted_time += time.perf_counter() - t0
        stopped = QEventLoop()
        session.running_changed.connect(lambda running: None if running else stopped.quit())
        session.pause()
        if session.running:
            stopped.exec()
        run_time += time.perf_counter() - t0
        run_epochs += session.trainer.epoch - e0
        gui_cpu += time.thread_time() - gui_cpu0
        cpu += time.process_time() - cpu0
        app.processEvents()
        headless.append(headless_rate(HEADLESS_SECONDS / 2))
    paints = {k: c.count / painted_time for k, c in counters.items()}
    for c in counters.values():
        c.remove()
    w.close()
    w.deleteLater()
    app.processEvents()

    h = statistics.mean(headless)
    run_rate = run_epochs / run_time
    delays = [max(0.0, (b - a) * 1000 - TIMER_MS) for t in ticks for a, b in zip(t, t[1:])]
    return {
        "headless": h,
        "run": run_rate,
        "ratio": run_rate / h if h else float("nan"),
        "loss_hz": paints.get("loss", float("nan")),
        "boundary_hz": paints.get("boundary", float("nan")),
        "snapshots_hz": len(snapshots) / painted_time,
        "gui_cpu_share": gui_cpu / run_time,
        "process_cpu_share": cpu / run_time,
        "timer_p99": _percentile(delays, 0.99),
        "timer_median": statistics.median(delays) if delays else float("nan"),
        "timer_max": max(delays) if delays else float("nan"),
        "timer_ticks": len(delays),
    }


# ----- memory --------------------------------------------------------------------------------------------
def bench_memory_headless(epochs: int = MEMORY_EPOCHS) -> tuple[float, float]:
    """(RSS growth in MB after `epochs` epochs of Trainer.train, peak growth during them)."""
    import gc

    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    trainer = Trainer(*load_preset(PRESET))
    for _ in trainer.train(300):
        pass
    gc.collect()
    base = peak = rss_mb()
    for _ in trainer.train(epochs, min_interval=0.5, with_params=True):
        peak = max(peak, rss_mb())
    gc.collect()
    end = rss_mb()
    return end - base, max(peak, end) - base


def bench_memory_run_mode(epochs: int = MEMORY_EPOCHS) -> tuple[float, float, float]:
    """(RSS growth in MB after `epochs` epochs in run mode with the main window shown, peak growth during
    them, seconds taken)."""
    import gc

    from PySide6.QtCore import QEventLoop, QTimer

    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    app = _app()
    trainer = Trainer(*load_preset(PRESET))
    for _ in trainer.train(300):
        pass
    session = Session(trainer)
    w = _main_window(session)
    gc.collect()
    base = peak = rss_mb()
    peaks = [peak]
    probe = QTimer()
    probe.setInterval(200)
    probe.timeout.connect(lambda: peaks.append(rss_mb()))
    done = QEventLoop()
    session.running_changed.connect(lambda running: None if running else done.quit())
    t0 = time.perf_counter()
    probe.start()
    session.start_run(trainer.epoch + epochs)
    done.exec()
    probe.stop()
    seconds = time.perf_counter() - t0
    for _ in range(3):
        app.processEvents()
    gc.collect()
    end = rss_mb()
    w.close()
    w.deleteLater()
    app.processEvents()
    return end - base, max(max(peaks), end) - base, seconds


# ----- the rows ------------------------------------------------------------------------------------------
def run(parts: tuple[str, ...] = ("startup", "run", "memory")) -> list[tuple]:
    import torch

    _temporary_settings()
    _app()
    from engine.training.threads import use_one_thread

    threads = torch.get_num_threads()
    use_one_thread()  # as the app does
    rows: list[tuple] = []
    try:
        if "startup" in parts:
            shown, ready, best_ready, best_imports = bench_startup()
            rows += [
                ("cold start to the main window's first paint, s (median of 3)", shown, 1.5),
                ("cold start until its panes are built and painted, s", ready, None),
                ("  best of 3, s", best_ready, None),
                ("import torch + PySide6 + pyqtgraph, s (best of 3, interleaved)", best_imports, None),
                ("fully painted window / those imports (best of 3 each)", best_ready / best_imports, 1.25),
            ]
        if "run" in parts:
            r = bench_run_mode()
            rows += [
                ("headless fast path, notebook-xor, epochs/s", r["headless"], None),
                ("run mode with the main window, epochs/s", r["run"], None),
                ("run-mode throughput / headless", r["ratio"], 0.6, ">="),
                ("loss plot redraws per second while running", r["loss_hz"], 20.0, ">="),
                ("boundary plot redraws per second while running", r["boundary_hz"], None),
                ("snapshots shown per second while running", r["snapshots_hz"], None),
                ("GUI thread CPU share while running", r["gui_cpu_share"], None),
                ("process CPU (cores busy) while running", r["process_cpu_share"], None),
                ("10 ms GUI timer delay while running, p99 ms", r["timer_p99"], 50.0),
                ("10 ms GUI timer delay while running, median ms", r["timer_median"], None),
                ("10 ms GUI timer delay while running, worst ms", r["timer_max"], None),
            ]
        if "memory" in parts:
            # the headless 10^6 epochs in a second process, at the same time as the run-mode ones here: both
            # take a minute or two, and neither is timed
            child = subprocess.Popen([sys.executable, "-m", "benchmarks.bench_app", HEADLESS_MEMORY_FLAG],
                                     cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            grow, peak, secs = bench_memory_run_mode()
            out, _ = child.communicate()
            try:
                h_grow, h_peak = (float(v) for v in out.split()[-2:])
            except ValueError:
                h_grow = h_peak = float("nan")
            rows += [
                ("RSS growth over 10^6 epochs headless (Trainer.train), MB", h_grow, 50.0),
                ("  peak growth during them, MB", h_peak, None),
            ]
            rows += [
                ("RSS growth over 10^6 epochs in run mode (main window), MB", grow, 50.0),
                ("  peak growth during them, MB", peak, None),
                ("  seconds for 10^6 epochs in run mode", secs, None),
            ]
    finally:
        torch.set_num_threads(threads)
    return rows


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == [HEADLESS_MEMORY_FLAG]:
        import torch

        torch.set_num_threads(1)
        print(*bench_memory_headless())
        sys.exit(0)
    chosen = tuple(sys.argv[1:]) or ("startup", "run", "memory")
    for row in run(chosen):
        label, value, target = row[:3]
        cmp = row[3] if len(row) > 3 else "<="
        print(f"  {label:62s} {value:10.3f}" + (f"   target {cmp} {target:g}" if target is not None else ""))
