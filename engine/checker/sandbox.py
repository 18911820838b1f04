"""The isolated runner: the learner's code runs in a contained child process, never in the caller's.

Parent side, `run_isolated(payload, time_limit, memory_mb, read_result)`:
  - writes the payload (tensors and plain data, torch.save) into a fresh temporary folder `bptutor-check-*`,
    the child's working directory, removed afterwards whatever happens;
  - starts engine.checker.supervisor (stdlib only) which starts the worker (`main` below) and ends every
    process the code starts; where bubblewrap works (`bwrap`, Linux) all of it runs in new PID, network, IPC
    and mount namespaces: the root file system read-only, the temporary folder the only writable place, a
    private /tmp and /dev/shm, no network, and nothing outside the namespace visible or signalable;
  - waits for the "ready" byte (importing torch takes ~1 s), then up to `time_limit` s; the supervisor kills
    the whole tree at that limit, and the parent kills the supervisor 0.5 s later should it not have ended;
  - calls `read_result(path)` on the child's result.pt (engine.checker.result_file: torch.load with
    weights_only=True, validated); the verdict is computed by the caller from those plain values.
  `Outcome.isolation` lists the means that were in effect, `Outcome.not_isolated` those this machine lacks.
  It uses no signal handlers and no global state, so a GUI may call it from a worker thread.

Worker side, `main()`: one torch thread, RLIMIT_AS (what it has mapped after importing torch plus
`memory_mb`), no core dumps, files capped at 64 MiB; runs engine.checker.learner.run_code under SIGALRM
time limits and writes result.pt (plain tensors and data only).
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
from dataclasses import dataclass, field

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUPERVISOR = os.path.join(ROOT, "engine", "checker", "supervisor.py")
MAX_OUTPUT = 64 * 1024
BOOT = ("import sys; sys.path.insert(0, sys.argv[1]); from engine.checker.sandbox import main; "
        "sys.exit(main(sys.argv[2:]))")
KILL_AFTER = 0.5  # seconds the parent gives the supervisor beyond the time limit


@dataclass
class Outcome:
    result: dict | None  # read_result's value, or None if there was none readable
    stdout: str
    stderr: str
    timed_out: bool  # killed at the time limit
    started: bool  # the child reached the learner's code
    returncode: int | None  # the worker's
    elapsed: float
    end: str = "exited"  # exited | time | memory | stopped | supervisor_killed
    unreadable: str | None = None  # why a result file was refused
    isolation: list = field(default_factory=list)
    not_isolated: list = field(default_factory=list)
    internal_error: str | None = None


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


_BWRAP: dict = {}


def bwrap_path() -> str | None:
    """bubblewrap, if installed and able to make namespaces here (probed once per process)."""
    if "path" not in _BWRAP:
        path = shutil.which("bwrap") if sys.platform.startswith("linux") else None
        if path:
            try:
                ok = subprocess.run([path, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/",
                                     "--proc", "/proc", "--dev", "/dev", "true"], stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
                path = path if ok.returncode == 0 else None
            except (OSError, subprocess.SubprocessError):
                path = None
        _BWRAP["path"] = path
    return _BWRAP["path"]


def platform_means() -> dict:
    """What this machine offers: {"bwrap": path | None, "linux": bool} (the tests replace it)."""
    linux = sys.platform.startswith("linux") and os.path.isdir("/proc/self")
    return {"bwrap": bwrap_path() if linux else None, "linux": linux}


def _hidden_needs() -> list[str]:
    """What the child must read that the private /tmp and /dev/shm would hide: Python's prefixes, the engine's
    source root and the import path, when they lie there (a checkout or a virtualenv under /tmp)."""
    wanted = {sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.path.realpath(sys.executable)),
              ROOT, *(p for p in sys.path if p and os.path.isdir(p))}
    out = []
    for p in sorted(os.path.realpath(w) for w in wanted):
        if any(p == top or p.startswith(top + "/") for top in ("/tmp", "/dev/shm")) \
                and not any(p.startswith(q + "/") for q in out):
            out.append(p)
    return out


def _bwrap_argv(path: str, tmp: str) -> list[str]:
    argv = [path, "--unshare-all", "--die-with-parent", "--new-session", "--ro-bind", "/", "/",
            "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--tmpfs", "/dev/shm"]
    for p in _hidden_needs():  # read-only again inside the private /tmp
        argv += ["--ro-bind", p, p]
    return argv + ["--bind", tmp, tmp, "--chdir", tmp, "--"]


def _isolation(means: dict, sup_means: list[str]) -> tuple[list[str], list[str]]:
    have = ["time_limit", "supervisor", "memory_per_process"]
    have += [m for m in ("process_tree", "memory_tree", "shm_cleanup") if m in sup_means]
    if means.get("bwrap"):
        have += ["pid_namespace", "no_network", "read_only_files", "private_tmp"]
    want = ["process_tree", "memory_tree", "pid_namespace", "no_network", "read_only_files"]
    return have, [m for m in want if m not in have]


def _stop(proc) -> None:
    """SIGTERM the supervisor (it kills the tree), then SIGKILL whatever is left of its group."""
    if proc.poll() is None:
        try:
            proc.send_signal(signal.SIGCONT)  # the code may have stopped it
            proc.send_signal(signal.SIGTERM)
            proc.wait(KILL_AFTER)
        except (OSError, subprocess.TimeoutExpired):
            pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        pass
    try:
        proc.wait(2.0)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def run_isolated(payload: dict, time_limit: float, memory_mb: int = 2048, read_result=None,
                 startup_limit: float = 60.0, max_output: int = MAX_OUTPUT) -> Outcome:
    import torch

    t0 = time.monotonic()
    tmp = tempfile.mkdtemp(prefix="bptutor-check-")
    fds: list[int] = []
    proc = None
    means = platform_means()
    sup = [m for m in ("subreaper", "memory_tree") if means["linux"]]
    if means["linux"] and not means.get("bwrap"):
        sup.append("shm_cleanup")
    try:
        torch.save(dict(payload, memory_mb=memory_mb), os.path.join(tmp, "payload.pt"))
        ready_r, ready_w = os.pipe()
        status_r, status_w = os.pipe()
        fds += [ready_r, ready_w, status_r, status_w]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONIOENCODING="utf-8", PYTHONHASHSEED="0")
        worker = [sys.executable, "-I", "-u", "-c", BOOT, ROOT, tmp, "FD"]
        argv = [sys.executable, "-I", "-u", SUPERVISOR, str(status_w), str(ready_w), repr(float(time_limit)),
                str(int(memory_mb)), ",".join(sup), "--", *worker]
        if means.get("bwrap"):
            argv = _bwrap_argv(means["bwrap"], tmp) + argv
        proc = subprocess.Popen(argv, cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, pass_fds=(ready_w, status_w), start_new_session=True,
                                close_fds=True)
        for fd in (ready_w, status_w):
            os.close(fd)
            fds.remove(fd)
        out, err = _Capture(proc.stdout.fileno(), max_output), _Capture(proc.stderr.fileno(), max_output)
        out.start()
        err.start()
        started = False
        ready, _, _ = select.select([ready_r], [], [], startup_limit)
        if ready:
            started = os.read(ready_r, 1) == b"R"
        hit = False
        try:
            proc.wait(timeout=time_limit + KILL_AFTER if started else (5.0 if ready else 0.01))
        except subprocess.TimeoutExpired:
            hit = started
        _stop(proc)
        out.join(2.0)
        err.join(2.0)
        status = _status(status_r)
        end = str(status.get("end")) if status else ("time" if hit else "supervisor_killed")
        if hit and end == "stopped":  # the parent stopped it at the limit (the code had stopped it)
            end = "time"
        have, lack = _isolation(means, status.get("means", []) if status else [])
        rc = status.get("returncode") if status else None
        o = Outcome(None, out.text(), err.text(), end == "time", started, rc if type(rc) is int else None,
                    0.0, end, None, have, lack)
        path = os.path.join(tmp, "result.pt")
        if end == "exited" and read_result is not None:
            try:
                o.result = read_result(path)
            except Exception as e:  # noqa: BLE001 - result_file.Unreadable, or anything it did not foresee
                o.unreadable = str(e) or type(e).__name__
        ie = os.path.join(tmp, "internal_error.txt")
        if os.path.exists(ie) and o.result is None:
            with open(ie, encoding="utf-8", errors="replace") as f:
                o.internal_error = f.read(4000)
        o.elapsed = time.monotonic() - t0
        return o
    finally:
        if proc is not None:
            if proc.poll() is None:
                _stop(proc)
            for pipe in (proc.stdout, proc.stderr):
                if pipe is not None:
                    pipe.close()
        for fd in fds:
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(tmp, ignore_errors=True)


def _status(fd: int) -> dict | None:
    """The supervisor's one JSON line, or None (it was killed before writing it)."""
    data = b""
    while len(data) < 4096:
        r, _, _ = select.select([fd], [], [], 0)
        if not r:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        data += chunk
    try:
        d = json.loads(data.decode("utf-8").splitlines()[0])
    except (ValueError, IndexError, UnicodeDecodeError):
        return None
    return d if isinstance(d, dict) else None


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
    tmp, status_fds = argv[0], [int(fd) for fd in argv[1].split(",")]
    import torch

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    from .learner import Limiter, run_code
    from .result_file import write

    payload = torch.load(os.path.join(tmp, "payload.pt"), weights_only=True)
    try:
        _limit_memory(int(payload.get("memory_mb", 2048)))
    except (OSError, ValueError, ImportError):
        pass  # no /proc or no resource module: the time limit still holds

    def ready() -> None:
        for fd in status_fds:
            try:
                os.write(fd, b"R")
                os.close(fd)
            except OSError:
                pass

    try:
        out = run_code(payload, Limiter(True), ready)
    except BaseException:  # noqa: BLE001 - a harness failure is reported, never raised
        with open(os.path.join(tmp, "internal_error.txt"), "w", encoding="utf-8") as f:
            f.write(traceback.format_exc()[-4000:])
        os._exit(3)
    sys.stdout.flush()
    sys.stderr.flush()
    write(os.path.join(tmp, "result.pt"), out)
    os._exit(0)
