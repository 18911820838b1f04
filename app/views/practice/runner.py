"""Check (and train with) the learner's code out of process, without blocking the GUI.

`CheckRunner.start(code, trainer, timeout=…, train_epochs=…, lr=…)` writes the code and the trainer's current
state (engine.io.session_file.save of engine.io.session_file.from_trainer) into a fresh temporary folder and starts

    sys.executable -m engine check CODE.py SESSION.json --json --values --timeout S [--train E] [--lr X]

in a QProcess. The engine's CLI runs the code in its own sandbox process (time and memory limits); the GUI
thread only waits for QProcess's `finished` signal and parses the JSON into an engine.checker.exercise.CheckReport.

Cancel: SIGINT to the CLI, which stops waiting and ends the sandbox (its supervisor kills every process the
code started) on the way out (engine.checker.sandbox.run_isolated's `finally`); if it has not ended 3 s later it is killed. A watchdog kills
it, too, should it outlive its own limits by a minute.

Signals: `finished(CheckReport)`, `failed(str)` (the checker itself could not run: the text says why),
`cancelled()`, `running_changed(bool)`.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import tempfile

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from app.i18n import tr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CODE_NAME = "your_code.py"
KILL_AFTER_CANCEL_MS = 3000
WATCHDOG_EXTRA_S = 60


def report_from_json(d: dict, code: str = ""):
    """engine.checker.exercise.CheckReport from the CLI's --json object (null numbers stay None) for `code`,
    the code that was checked (the shapes are drawn under its lines; shapes not of the documented form are
    left out)."""
    from engine.checker.exercise import CheckError, CheckReport, TrainResult
    from engine.checker.shape_notes import Shapes
    from engine.checker.verdicts import TensorResult

    known = set(TensorResult.__dataclass_fields__)
    results = [TensorResult(**{k: v for k, v in r.items() if k in known}) for r in d.get("results", [])]
    return CheckReport(
        ok=bool(d.get("ok")), root=d.get("root"), root_line=d.get("root_line"),
        error=CheckError.from_dict(d.get("error")), results=results, stdout=d.get("stdout", ""),
        stderr=d.get("stderr", ""), train=TrainResult.from_dict(d.get("train")),
        elapsed=d.get("elapsed", 0.0), isolation=list(d.get("isolation") or []),
        not_isolated=list(d.get("not_isolated") or []), shapes=Shapes.from_dict(d.get("shapes")), code=code,
    )


def check_command(code_path: str, session_path: str, timeout: float, train_epochs: int = 0,
                  lr: float | None = None) -> list[str]:
    """The CLI's arguments (after `python`)."""
    args = ["-m", "engine", "check", code_path, session_path, "--json", "--values",
            "--timeout", f"{timeout:g}"]
    if train_epochs:
        args += ["--train", str(int(train_epochs))]
    if lr is not None:
        args += ["--lr", repr(float(lr))]
    return args


class CheckRunner(QObject):
    finished = Signal(object)  # engine.checker.exercise.CheckReport
    failed = Signal(str)
    cancelled = Signal()
    running_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.process: QProcess | None = None
        self._tmp: str | None = None
        self._cancelling = False
        self.timeout = 5.0
        self.train_epochs = 0
        self.code = ""  # the code of the running (or last) check
        self.last_command: list[str] = []
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._kill)
        self._kill_timer = QTimer(self)
        self._kill_timer.setSingleShot(True)
        self._kill_timer.timeout.connect(self._kill)

    @property
    def running(self) -> bool:
        return self.process is not None

    def start(self, code: str, trainer, *, timeout: float = 5.0, train_epochs: int = 0,
              lr: float | None = None) -> str | None:
        """Start a check; None when started, else why not (in words)."""
        if self.running:
            return tr("A check is already running.")
        from engine.core.errors import EngineError
        from engine.checker.exercise import time_limit
        from engine.io.session_file import from_trainer, save

        tmp = tempfile.mkdtemp(prefix="bptutor-practice-")
        code_path, session_path = os.path.join(tmp, CODE_NAME), os.path.join(tmp, "session.json")
        try:
            with open(code_path, "w", encoding="utf-8") as f:
                f.write(code)
            # the state only: the check needs no history (a session at epoch 0 with this state); but Adam's
            # step count t may not exceed the steps done, so a session Adam has stepped keeps its epochs
            state = from_trainer(trainer)
            if state.adam is None or state.adam.t == 0:
                state = state.with_changes(epoch=0, losses=[], accuracies=[])
            save(state, session_path)
        except (EngineError, OSError) as e:
            shutil.rmtree(tmp, ignore_errors=True)
            return tr("The network's current state cannot be checked: {reason}").format(
                reason=getattr(e, "message", None) or str(e))
        self._tmp = tmp
        self.code = code
        self.timeout, self.train_epochs = float(timeout), int(train_epochs)
        p = QProcess(self)
        p.setProgram(sys.executable)
        self.last_command = check_command(code_path, session_path, timeout, train_epochs, lr)
        p.setArguments(self.last_command)
        p.setWorkingDirectory(ROOT)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("OMP_NUM_THREADS", "1")
        env.insert("PYTHONIOENCODING", "utf-8")
        p.setProcessEnvironment(env)
        p.finished.connect(self._on_finished)
        p.errorOccurred.connect(self._on_error)
        self.process = p
        self._cancelling = False
        p.start()
        limit = time_limit(timeout, train_epochs) + WATCHDOG_EXTRA_S
        self._watchdog.start(int(limit * 1000))
        self.running_changed.emit(True)
        return None

    def cancel(self) -> None:
        """Stop the running check; `cancelled` follows once the process has ended."""
        p = self.process
        if p is None or self._cancelling:
            return
        self._cancelling = True
        pid = p.processId()
        if pid and hasattr(signal, "SIGINT") and os.name == "posix":
            try:
                os.kill(pid, signal.SIGINT)  # the CLI kills the sandbox's process group on the way out
            except OSError:
                p.kill()
            self._kill_timer.start(KILL_AFTER_CANCEL_MS)
        else:
            p.kill()

    def shutdown(self, wait_ms: int = 3000) -> None:
        """Cancel and wait (for closing the app): nothing is left running."""
        p = self.process
        if p is None:
            return
        self.cancel()
        if not p.waitForFinished(wait_ms):
            p.kill()
            p.waitForFinished(1000)

    # ----- private ------------------------------------------------------------------------------------
    def _kill(self) -> None:
        if self.process is not None:
            self.process.kill()

    def _on_error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            msg = self.process.errorString()
            self._done()
            self.failed.emit(tr("The checker could not start: {reason}").format(reason=msg))

    def _on_finished(self, exit_code: int, exit_status) -> None:
        p = self.process
        if p is None:
            return
        out = bytes(p.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(p.readAllStandardError()).decode("utf-8", "replace")
        cancelled = self._cancelling
        self._done()
        if cancelled:
            self.cancelled.emit()
            return
        if exit_status == QProcess.ExitStatus.NormalExit and exit_code in (0, 1):
            try:
                report = report_from_json(json.loads(out), self.code)
            except (ValueError, TypeError, KeyError):
                report = None
            if report is not None:
                self.finished.emit(report)
                return
        tail = err.strip().splitlines()[-1] if err.strip() else tr("exit code {code}").format(code=exit_code)
        self.failed.emit(tr("The checker failed: {reason}").format(reason=tail))

    def _done(self) -> None:
        self._watchdog.stop()
        self._kill_timer.stop()
        p, self.process = self.process, None
        if p is not None:
            p.finished.disconnect(self._on_finished)
            p.errorOccurred.disconnect(self._on_error)
            p.deleteLater()
        if self._tmp:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None
        self._cancelling = False
        self.running_changed.emit(False)
