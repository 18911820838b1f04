"""The one idiom for work off the GUI thread (run mode, the gradient check, Practice's reference curve).

After Orange3's widgets: the work is a plain function `fn(state)` that knows nothing of Qt. It reads its
inputs from its closure (copies made on the GUI thread, or an object the GUI promises not to touch while it
runs), checks `state.cancelled()` as often as it can stop cleanly, hands partial results over with
`state.report(item)`, and returns its result.

    task = Task(lambda state: gradcheck(copy, ...), name="gradcheck")
    task.finished.connect(on_done)      # on_done(task) on the GUI thread: task.result, or task.error
    task.start()                        # on a QThread of its own; task.run_here() runs it on this thread

Reports are coalesced: `progress` is emitted only when the list of untaken items was empty, so however slow
the GUI is, its queue never holds more than one pending `progress`; the slot calls `task.take()` for every
item since. `cancel()` is a flag the function polls; `wait()` joins the thread. `progress` and `finished`
are emitted on the thread the Task lives on (the GUI thread), so any callable may be connected to them.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


class TaskState:
    """What the function sees: cancellation and progress, nothing of Qt."""

    def __init__(self, task: "Task"):
        self._task = task

    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def report(self, item: Any) -> None:
        self._task._report(item)


class _Thread(QThread):
    def __init__(self, task: "Task"):
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._execute()


class Task(QObject):
    progress = Signal()  # new reports are waiting: call take()
    finished = Signal(object)  # (this task) fn returned (`result`), raised (`error`) or stopped after cancel()
    # emitted on the worker thread, delivered queued to this object's (the GUI) thread, which re-emits the
    # public signals there: whatever is connected to them (a lambda, a plain object's method) runs on the GUI
    _thread_progress = Signal()
    _thread_finished = Signal()

    def __init__(self, fn: Callable[[TaskState], Any], name: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self.name = name
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._pending: list = []
        self._thread: _Thread | None = None
        self.result: Any = None
        self.error = ""
        self.done = False
        queued = Qt.ConnectionType.QueuedConnection
        self._thread_progress.connect(self._deliver_progress, queued)
        self._thread_finished.connect(self._deliver_finished, queued)

    # ----- GUI thread ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Run the function on a new thread; `finished` follows on this object's thread."""
        thread = _Thread(self)
        thread.setObjectName(f"backprop-tutor-{self.name or 'task'}")
        self._thread = thread
        thread.start()

    def run_here(self) -> None:
        """Run the function now, on the calling thread (small jobs); `finished` is emitted before returning."""
        self._execute(direct=True)

    def cancel(self) -> None:
        """Thread-safe: ask the function to stop at its next check."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self._thread is not None and not self.done

    def take(self) -> list:
        """Thread-safe: the items reported and not yet taken, oldest first."""
        with self._lock:
            out, self._pending = self._pending, []
        return out

    def wait(self) -> None:
        """Join the thread (after `finished`, or after cancel() when closing)."""
        if self._thread is not None:
            self._thread.wait()

    # ----- worker thread ------------------------------------------------------------------------------
    def _report(self, item: Any) -> None:
        with self._lock:
            was_empty = not self._pending
            self._pending.append(item)
        if was_empty:
            self._thread_progress.emit()

    @Slot()
    def _deliver_progress(self) -> None:
        self.progress.emit()

    @Slot()
    def _deliver_finished(self) -> None:
        self.finished.emit(self)

    def _execute(self, direct: bool = False) -> None:
        try:
            self.result = self._fn(TaskState(self))
        except Exception as e:  # a bug, not bad input: report it rather than lose it in a thread
            self.error = f"{type(e).__name__}: {e}"
            traceback.print_exc()
        finally:
            self._fn = None  # let go of the closure's copies
            self.done = True
            if direct:
                self.finished.emit(self)
            else:
                self._thread_finished.emit()


__all__ = ["Task", "TaskState"]
