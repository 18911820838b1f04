"""Containment of the learner's code, on this machine: no process it starts outlives the check, memory is
limited for the whole tree, /dev/shm and its folder are cleaned, it cannot signal the checker, and (with
bubblewrap) it has no network and cannot write outside its folder. Each test runs with bubblewrap where it
works here and with the supervisor alone (as on a Linux without bubblewrap); a platform without either is
simulated too. The report's `isolation` says what was in effect."""

from __future__ import annotations

import os
import socket
import tempfile
import uuid

import pytest

from engine.checker import sandbox
from engine.checker.exercise import check_code as _check_code, report_text
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, load, save
from engine.training.trainer import Trainer
from tests.engine.cells import CORRECT
from tests.engine.hints import assert_every_hint_is_a_text

HAS_BWRAP = sandbox.bwrap_path() is not None
MODES = [pytest.param("bwrap", marks=pytest.mark.skipif(not HAS_BWRAP, reason="bubblewrap cannot run here")),
         "supervisor"]


def check_code(*args, **kw):
    """The checker, in its sandbox, and every hint of its report an engine Text (tests/engine/hints.py)."""
    return assert_every_hint_is_a_text(_check_code(*args, **kw))


@pytest.fixture(scope="module")
def xor():
    return Trainer(*load_preset("notebook-xor"))


@pytest.fixture
def mode(request, monkeypatch, tmp_path):
    """The isolation mode, and a private temporary root (to see that bptutor-check-* folders go)."""
    linux = request.param != "plain"
    bwrap = sandbox.bwrap_path() if request.param == "bwrap" else None
    monkeypatch.setattr(sandbox, "platform_means", lambda: {"bwrap": bwrap, "linux": linux})
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    os.makedirs(tempfile.tempdir)
    return request.param


def alive(marker: str) -> list[int]:
    pids = []
    for e in os.listdir("/proc"):
        if e.isdigit():
            try:
                with open(f"/proc/{e}/cmdline", "rb") as f:
                    if marker.encode() in f.read():
                        pids.append(int(e))
            except OSError:
                pass
    return pids


def no_check_folders_left():
    return [n for n in os.listdir(tempfile.tempdir) if n.startswith("bptutor-check-")] == []


ESCAPES = """
import os, subprocess, time
SLEEP = ["sleep", "{marker}"]
for i in range(20):                       # fork, setsid, exec
    if os.fork() == 0:
        os.setsid()
        os.execvp("sleep", SLEEP)
subprocess.Popen(SLEEP, start_new_session=True)
subprocess.Popen(SLEEP, preexec_fn=lambda: os.setpgid(0, 0))
if os.fork() == 0:                        # double fork: the grandchild is orphaned at once
    if os.fork() == 0:
        os.setsid()
        os.execvp("sleep", SLEEP)
    os._exit(0)
time.sleep(0.3)
"""


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_no_process_the_code_started_survives_the_check(xor, mode):
    marker = f"{300 + uuid.uuid4().int % 1000}.{uuid.uuid4().int % 10**6}"
    rep = check_code(ESCAPES.format(marker=marker) + CORRECT, xor)
    assert rep.ok, report_text(rep)
    assert alive(marker) == []
    assert "process_tree" in rep.isolation and no_check_folders_left()
    assert ("pid_namespace" in rep.isolation) == (mode == "bwrap")


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_code_that_ignores_sigterm_and_sleeps_in_children_is_stopped_at_the_time_limit(xor, mode):
    marker = f"{300 + uuid.uuid4().int % 1000}.{uuid.uuid4().int % 10**6}"
    code = ESCAPES.format(marker=marker) + """
import signal
signal.signal(signal.SIGTERM, signal.SIG_IGN)
while True:
    try:
        time.sleep(10)
    except BaseException:
        pass
"""
    rep = check_code(code, xor, timeout=1.0)
    assert (rep.error.type, rep.error.code) == ("TimeoutError", "timeout") and not rep.ok
    assert alive(marker) == [] and no_check_folders_left()


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_memory_is_limited_for_the_whole_tree(xor, mode):
    """Three forked children of 200 MiB each: each is under the 300 MiB limit, together they are not."""
    code = """
import os, time
for i in range(3):
    if os.fork() == 0:
        block = b"x" * (200 * 2**20)
        time.sleep(30)
        os._exit(0)
time.sleep(30)
"""
    rep = check_code(code, xor, timeout=20.0, memory_mb=300)
    assert (rep.error.type, rep.error.code) == ("MemoryError", "memory_tree"), report_text(rep)
    assert rep.error.message == ("your code and the processes it started used more than 300 MiB together")
    assert "memory_tree" in rep.isolation and no_check_folders_left()


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_files_in_dev_shm_and_its_folder_are_removed(xor, mode):
    name = f"bptutor-test-{uuid.uuid4().hex}"
    code = f"open('/dev/shm/{name}', 'w').write('x')\nopen('left_behind.txt', 'w').write('x')\n" + CORRECT
    rep = check_code(code, xor)
    assert rep.ok, report_text(rep)
    assert not os.path.exists(f"/dev/shm/{name}") and no_check_folders_left()


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_killing_its_parent_only_ends_the_check(xor, mode):
    code = CORRECT + "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    rep = check_code(code, xor)
    assert (rep.error.code, rep.error.message) == (
        "parent_killed", "your code ended the process that supervises it; the check was stopped")
    assert not rep.ok and no_check_folders_left()  # and this process, the checker, is still here


@pytest.mark.parametrize("mode", MODES, indirect=True)
def test_stopping_its_parent_does_not_hang_the_check(xor, mode):
    code = CORRECT + "import os, signal\nos.kill(os.getppid(), signal.SIGSTOP)\nimport time\ntime.sleep(60)\n"
    rep = check_code(code, xor, timeout=1.0)
    assert rep.error.code == "timeout" and not rep.ok and no_check_folders_left()


@pytest.mark.skipif(not HAS_BWRAP, reason="bubblewrap cannot run here")
@pytest.mark.parametrize("mode", ["bwrap"], indirect=True)
def test_in_the_namespace_the_checker_cannot_be_reached(xor, mode, tmp_path):
    """The grandparent read from /proc is bwrap's init, not this process; no network; no writes outside."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    private = tmp_path / "outside.txt"  # under /tmp: bubblewrap gives the code a private /tmp
    outside = os.path.join(sandbox.ROOT, f"outside-{uuid.uuid4().hex}.txt")  # the project: read-only
    code = CORRECT + f"""
import os, signal, socket
with open(f"/proc/{{os.getppid()}}/status") as f:
    gp = int([l for l in f if l.startswith("PPid:")][0].split()[1])
for pid in (gp, 1, {os.getpid()}):
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=1).close()
    print("connected")
except OSError as e:
    print("no network")
open({str(private)!r}, "w").write("x")
try:
    open({outside!r}, "w").write("x")
except OSError:
    print("read-only")
"""
    rep = check_code(code, xor)
    assert rep.ok, report_text(rep)
    assert rep.stdout == "no network\nread-only\n"
    assert not private.exists() and not os.path.exists(outside)
    try:
        with pytest.raises(socket.timeout):
            server.accept()
    finally:
        server.close()
    assert {"pid_namespace", "no_network", "read_only_files"} <= set(rep.isolation)
    assert rep.not_isolated == []


@pytest.mark.parametrize("mode", ["supervisor"], indirect=True)
def test_without_bubblewrap_the_report_says_what_is_not_enforced(xor, mode):
    rep = check_code(CORRECT, xor)
    assert rep.ok
    assert rep.not_isolated == ["pid_namespace", "no_network", "read_only_files"]
    assert "not enforced here: pid_namespace, no_network, read_only_files" in report_text(rep)


@pytest.mark.parametrize("mode", ["plain"], indirect=True)
def test_a_platform_without_these_means_still_checks_within_its_time_limit(xor, mode):
    """As on macOS: no /proc and no namespaces; the check works, the time limit holds, the report says so."""
    rep = check_code(CORRECT, xor)
    assert rep.ok and rep.isolation == ["time_limit", "supervisor", "memory_per_process"]
    assert rep.not_isolated == ["process_tree", "memory_tree", "pid_namespace", "no_network", "read_only_files"]
    rep = check_code("while True:\n    pass\n", xor, timeout=1.0)
    assert rep.error.code == "timeout" and no_check_folders_left()
    d = rep.to_dict()
    assert d["isolation"] == ["time_limit", "supervisor", "memory_per_process"] and "not_isolated" in d


def test_a_session_file_never_runs_its_practice_code_on_open(xor, tmp_path):
    marker = tmp_path / "ran.txt"
    session = tmp_path / "s.json"
    save(from_trainer(xor).with_changes(practice_code=f"open({str(marker)!r}, 'w').write('x')\n"), str(session))
    s = load(str(session))
    assert "ran.txt" in s.practice_code and not marker.exists()


def test_python_and_the_source_under_tmp_stay_visible_inside_the_private_tmp(monkeypatch):
    """A checkout or virtualenv under /tmp (as a CI clone may be) is bound again, read-only, inside the
    sandbox's private /tmp; without that the child cannot even start Python."""
    monkeypatch.setattr(sandbox.sys, "prefix", "/tmp/ci/.venv")
    monkeypatch.setattr(sandbox, "ROOT", "/tmp/ci")
    monkeypatch.setattr(sandbox.sys, "path", ["/tmp/ci", "/tmp/ci/.venv/lib/python3.11/site-packages", "/usr/lib"])
    argv = sandbox._bwrap_argv("bwrap", "/tmp/bptutor-check-x")
    binds = [argv[i + 1] for i, a in enumerate(argv) if a == "--ro-bind" and argv[i + 1] != "/"]
    assert binds == ["/tmp/ci"]  # once: everything else needed lies inside it
    assert argv.index("--tmpfs") < argv.index("/tmp/ci")  # after the private /tmp is made, not hidden by it
