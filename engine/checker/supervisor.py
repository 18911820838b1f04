"""The supervisor: a small stdlib-only process between the checker and the learner's code.

    python -I supervisor.py STATUS_FD READY_FD LIMIT_S MEMORY_MB MEANS -- WORKER_ARGV…

It starts the worker (the learner's code, engine.checker.sandbox.main), and ends every process the code
started before it exits itself:
  - `subreaper` (Linux, prctl PR_SET_CHILD_SUBREAPER): processes that leave the worker's process group or
    session (setsid, start_new_session, setpgid, a double fork) are re-parented to this process, so it finds
    and kills them all when the check ends;
  - `memory_tree` (Linux, /proc): every 50 ms it adds up the proportional set size (PSS) of all its
    descendants and ends the check when they hold more than MEMORY_MB beyond the worker's size when it
    started the code (forked children share pages: PSS counts a shared page once);
  - `shm_cleanup`: files the code created in /dev/shm are removed (only where no private /dev/shm exists);
  - the time limit: LIMIT_S seconds after the worker's "ready" byte (it reached the learner's code) on
    READY_FD, it kills the tree, whatever signals the code ignores. The parent sends SIGTERM for the same.
The learner's code sees this process as its parent: killing "its parent" ends the check, nothing more
(inside bubblewrap's PID namespace the checker and the app are not visible at all).

It writes one JSON line to STATUS_FD: {"ready": bool, "end": "exited" | "time" | "memory" | "stopped",
"returncode": int | null, "killed": n, "peak_mb": x, "means": […]}; the worker writes its "ready" byte both
here and to the parent's READY_FD. Should the code kill this process, the worker dies with it (Linux:
PR_SET_PDEATHSIG) and the checker's CLI, itself a subreaper, ends what is left (engine.cli.check).
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(option, value, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def set_subreaper() -> bool:
    """This process adopts every orphaned descendant (Linux ≥ 3.4)."""
    return _prctl(PR_SET_CHILD_SUBREAPER, 1)


def _die_with_parent() -> None:
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _children_map() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        kids.setdefault(int(fields[1]), []).append(int(entry))
    return kids


def _children(pid: int) -> list[int] | None:
    """pid's children from /proc/PID/task/*/children (cheap), or None where the kernel lacks that file."""
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as f:
                out += [int(x) for x in f.read().split()]
    except FileNotFoundError:  # the process is gone, or this kernel has no children files
        return None if os.path.exists(f"/proc/{pid}") else out
    except (OSError, ValueError):
        pass
    return out


def descendants(root: int) -> list[int]:
    if not os.path.isdir("/proc/self"):
        return []
    out, todo, kids = [], [root], None
    while todo:
        pid = todo.pop()
        if kids is None:
            direct = _children(pid)
            if direct is None:  # no children files: one scan of /proc for everything
                kids = _children_map()
        if kids is not None:
            direct = kids.get(pid, [])
        for c in direct:
            out.append(c)
            todo.append(c)
    return out


PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def pss_mb(pids: list[int]) -> float:
    """The processes' proportional set size in MiB (their resident size where smaps_rollup is missing)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
                for line in f:
                    if line.startswith(b"Pss:"):
                        total += int(line.split()[1])
                        break
        except FileNotFoundError:
            try:
                with open(f"/proc/{pid}/statm", "rb") as f:
                    total += int(f.read().split()[1]) * PAGE_KB
            except (OSError, ValueError, IndexError):
                continue
        except (OSError, ValueError):
            continue
    return total / 1024.0


def kill_tree(means: set, worker: subprocess.Popen) -> int:
    """SIGKILL every descendant until none is left; returns how many were killed."""
    killed: set[int] = set()
    for _ in range(200):
        pids = descendants(os.getpid()) if "subreaper" in means else []
        if worker.poll() is None:
            pids.append(worker.pid)
        try:
            os.killpg(worker.pid, signal.SIGKILL)  # the worker's own group, on every platform
        except OSError:
            pass
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except OSError:
                pass
        _reap(worker)
        time.sleep(0.005)
    _reap(worker)
    return len(killed)


def end_descendants() -> int:
    """Kill every descendant of this process (the CLI's last resort once a supervisor was killed)."""
    killed = 0
    for _ in range(100):
        pids = descendants(os.getpid())
        if not pids:
            break
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
                killed += 1
            except OSError:
                pass
        while True:
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
        time.sleep(0.005)
    return killed


def _reap(worker) -> None:
    worker.poll()
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _shm() -> set[str]:
    try:
        return set(os.listdir("/dev/shm"))
    except OSError:
        return set()


def main(argv: list[str]) -> int:
    status_fd, ready_out, limit_s, memory_mb = int(argv[0]), int(argv[1]), float(argv[2]), float(argv[3])
    means = set(filter(None, argv[4].split(",")))
    worker_argv = argv[argv.index("--") + 1:]
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    signal.signal(signal.SIGINT, lambda *_: stop.append(1))
    if "subreaper" in means and not set_subreaper():
        means.discard("subreaper")
    shm_before = _shm() if "shm_cleanup" in means else set()
    r_fd, w_fd = os.pipe()
    worker = subprocess.Popen(worker_argv[:-1] + [f"{w_fd},{ready_out}"], pass_fds=(w_fd, ready_out),
                              close_fds=True, start_new_session=True, stdin=subprocess.DEVNULL,
                              preexec_fn=_die_with_parent if "subreaper" in means else None)
    os.close(w_fd)
    ready, end, deadline, base, peak = False, "exited", None, None, 0.0
    last_mem = 0.0
    while True:
        if stop:
            end = "stopped"
            break
        if worker.poll() is not None:
            break
        rl = [r_fd] if not ready else []
        got, _, _ = select.select(rl, [], [], 0.02) if rl else ([], [], [])
        if not rl:
            time.sleep(0.02)
        if got:
            data = os.read(r_fd, 1)
            if data == b"R":  # the worker wrote "R" to the parent too
                ready = True
                deadline = time.monotonic() + limit_s
                if "memory_tree" in means:
                    base = pss_mb([worker.pid] + descendants(worker.pid))
        if deadline is not None and time.monotonic() > deadline:
            end = "time"
            break
        now = time.monotonic()
        if base is not None and now - last_mem >= 0.05:
            last_mem = now
            mb = pss_mb(descendants(os.getpid()) if "subreaper" in means else
                        [worker.pid] + descendants(worker.pid)) - base
            peak = max(peak, mb)
            if mb > memory_mb:
                end = "memory"
                break
    rc = worker.poll()
    killed = kill_tree(means, worker)
    if rc is None:
        rc = worker.returncode
    if "shm_cleanup" in means:
        for name in _shm() - shm_before:
            try:
                os.remove(os.path.join("/dev/shm", name))
            except OSError:
                pass
    names = {"subreaper": "process_tree", "memory_tree": "memory_tree", "shm_cleanup": "shm_cleanup"}
    status = {"ready": ready, "end": end, "returncode": rc, "killed": killed, "peak_mb": round(peak, 1),
              "means": [names[m] for m in sorted(means) if m in names]}
    try:
        os.write(status_fd, (json.dumps(status) + "\n").encode())
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
