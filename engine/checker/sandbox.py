"""The isolated runner: the learner's code runs in a child process, never in the caller's.

Parent side, `run_isolated(payload, time_limit, memory_mb)`:
  - writes the payload (tensors and plain data, torch.save) into a fresh temporary directory, the child's
    working directory, removed afterwards;
  - starts `python -I -u -c <boot> TMPDIR FD` in its own session (process group), stdin closed, stdout and
    stderr piped; reader threads keep the first 64 KiB of each and drop the rest (so a print loop cannot
    fill memory);
  - waits up to `startup_limit` s for the child's "ready" byte on a pipe (importing torch takes ~1 s), then
    up to `time_limit` s more; on time-out the whole process group is killed (SIGKILL), and it is killed
    after a normal exit too, so nothing the code started survives;
  - reads the child's result (JSON, never pickle: nothing the child writes is executed).
  It uses no signals and no global state, so a GUI may call it from a worker thread.

Child side, `main()`: sets torch to one thread, limits its address space (RLIMIT_AS) to what it has mapped
after importing torch plus `memory_mb` (2 GiB by default; a huge tensor then fails to allocate and is
reported as a MemoryError at its line), disables core dumps, caps files it may write at 64 MiB, runs
engine.checker.learner.run_payload under SIGALRM time limits, and writes result.json.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_OUTPUT = 64 * 1024
BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); from engine.checker.sandbox import main; "
        "sys.exit(main(sys.argv[2:]))")


@dataclass
class Outcome:
    result: dict | None  # the child's report, or None if it produced none
    stdout: str
    stderr: str
    timed_out: bool  # killed by the parent's hard limit
    started: bool  # the child reached the learner's code
    returncode: int | None
    elapsed: float


class _Capture(threading.Thread):
    def __init__(self, fd: int, cap: int):
        super().__init__(daemon=True)
        self.fd, self.cap, self.buf, self.total = fd, cap, bytearray(), 0

    def run(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            self.total += len(chunk)
            if len(self.buf) < self.cap:
                self.buf += chunk[: self.cap - len(self.buf)]

    def text(self) -> str:
        s = self.buf.decode("utf-8", errors="replace")
        if self.total > len(self.buf):
            s += f"\n… ({self.total - len(self.buf)} more bytes not shown)\n"
        return s


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass


def run_isolated(payload: dict, time_limit: float, memory_mb: int = 2048, startup_limit: float = 60.0,
                 max_output: int = MAX_OUTPUT) -> Outcome:
    import torch

    t0 = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="bptutor-check-")
    r_fd = w_fd = None
    proc = None
    try:
        torch.save(dict(payload, memory_mb=memory_mb), os.path.join(tmp, "payload.pt"))
        r_fd, w_fd = os.pipe()
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
        proc = subprocess.Popen(
            [sys.executable, "-I", "-u", "-c", BOOT, ROOT, tmp, str(w_fd)],
            cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            pass_fds=(w_fd,), start_new_session=True, close_fds=True,
        )
        os.close(w_fd)
        w_fd = None
        out, err = _Capture(proc.stdout.fileno(), max_output), _Capture(proc.stderr.fileno(), max_output)
        out.start()
        err.start()
        started = False
        ready, _, _ = select.select([r_fd], [], [], startup_limit)
        if ready:
            started = os.read(r_fd, 1) == b"R"
        timed_out = False
        try:  # not started: it ended before reaching the code (or its start hung: then it is killed)
            proc.wait(timeout=time_limit if started else (5.0 if ready else 0.01))
        except subprocess.TimeoutExpired:
            timed_out = True
        _kill_group(proc.pid)
        proc.wait()
        out.join(2.0)
        err.join(2.0)
        result = None
        path = os.path.join(tmp, "result.json")
        if os.path.exists(path) and not timed_out:
            try:
                with open(path, encoding="utf-8") as f:
                    result = json.load(f)
            except (OSError, ValueError):
                result = None
        elapsed = time.monotonic() - t0
        return Outcome(result, out.text(), err.text(), timed_out, started, proc.returncode, elapsed)
    finally:
        if proc is not None:
            if proc.poll() is None:
                _kill_group(proc.pid)
                proc.wait()
            for pipe in (proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
        for fd in (r_fd, w_fd):
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
        shutil.rmtree(tmp, ignore_errors=True)


# ----- the child ------------------------------------------------------------------------------------------
def _limit_memory(memory_mb: int) -> None:
    import resource

    with open("/proc/self/statm") as f:
        mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = mapped + memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 2**20, 64 * 2**20))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main(argv: list[str]) -> int:
    tmp, status_fd = argv[0], int(argv[1])
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from .learner import Limiter, run_payload

    payload = torch.load(os.path.join(tmp, "payload.pt"), weights_only=True)
    try:
        _limit_memory(int(payload.get("memory_mb", 2048)))
    except (OSError, ValueError, ImportError):
        pass  # no /proc or no resource module: the time limit still holds

    def ready() -> None:
        try:
            os.write(status_fd, b"R")
            os.close(status_fd)
        except OSError:
            pass

    try:
        out = run_payload(payload, Limiter(True), ready)
    except BaseException:  # noqa: BLE001 - a harness failure is reported, never raised
        out = {"internal_error": traceback.format_exc()[-4000:]}
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        text = json.dumps(out, default=str)
    except (TypeError, ValueError):
        text = json.dumps({"internal_error": traceback.format_exc()[-4000:]})
    path = os.path.join(tmp, "result.json")
    with open(path + ".part", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".part", path)
    os._exit(0)
