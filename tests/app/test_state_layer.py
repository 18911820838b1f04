"""The state layer (app/state/): QObjects, no widgets, nothing above it; and its one background idiom, Task."""

from __future__ import annotations

import ast
import pathlib
import threading

from app.state.task import Task

STATE = pathlib.Path(__file__).resolve().parents[2] / "app" / "state"
ABOVE = ("app.views", "app.shell", "app.main_window", "app.actions", "app.panes", "PySide6.QtWidgets", "pyqtgraph")


def imported_modules(path: pathlib.Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
    return out


def test_state_imports_nothing_above_it_and_no_widgets():
    files = sorted(STATE.glob("*.py"))
    assert {"session.py", "commands.py", "selection.py", "run.py", "task.py", "stepping.py"} <= {f.name for f in files}
    offenders = [f"{f.name} imports {m}" for f in files for m in imported_modules(f)
                 if any(m == a or m.startswith(a + ".") for a in ABOVE)]
    assert offenders == []


def test_every_state_file_is_small():
    sizes = {f.name: len(f.read_text(encoding="utf-8").splitlines()) for f in STATE.glob("*.py")}
    assert max(sizes.values()) <= 400, sizes


def test_a_task_reports_coalesced_progress_and_its_result_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    release = threading.Event()
    seen_threads = []

    def work(state):
        for i in range(5):
            state.report(i)
        release.wait(5)
        return "done"

    task = Task(work, name="test")
    task.progress.connect(lambda: seen_threads.append(threading.get_ident()))
    with qtbot.waitSignal(task.progress, timeout=5000):
        task.start()
    release.set()
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    task.wait()
    assert blocker.args == [task] and task.result == "done" and task.error == ""
    assert task.take() == [0, 1, 2, 3, 4]  # every item, oldest first, until taken
    assert task.take() == []
    assert seen_threads == [gui]  # one progress for five untaken reports, emitted on the GUI thread


def test_a_task_stops_when_cancelled_and_reports_a_failure_as_text(qtbot):
    def until_cancelled(state):
        while not state.cancelled():
            pass
        return "stopped"

    task = Task(until_cancelled)
    task.start()
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.cancel()
    task.wait()
    assert task.cancelled and task.result == "stopped"

    broken = Task(lambda state: 1 / 0)
    with qtbot.waitSignal(broken.finished, timeout=1000):
        broken.run_here()
    assert broken.error == "ZeroDivisionError: division by zero" and broken.result is None
