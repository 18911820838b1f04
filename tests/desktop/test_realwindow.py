"""The app on a real X server (Xvfb), driven with real key presses (xdotool's XTEST), as a learner would.

The offscreen suite cannot see what only a real display shows: the xcb plugin's system libraries, a window
being mapped, modal dialogs, the close-with-unsaved-changes question, the process exiting 0. These tests
start their own Xvfb (1366×768, the laptop the layout is designed for) and launch the app as `make run`
does, in a subprocess; every wait polls with a deadline. They skip, saying why, when Xvfb or xdotool is
missing; .ci/run installs both and sets BACKPROP_TUTOR_REQUIRE_REAL_WINDOW, which turns a skip into a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.realwindow

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 90.0  # seconds: a cold start imports torch and builds every pane, on a loaded CI machine
MAIN = "notebook-xor — Backprop Tutor"


def wait_for(probe, what: str, timeout: float = DEADLINE, proc=None):
    """Poll `probe()` until it returns a true value (returned) or `timeout` seconds pass (fail, naming `what`)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = probe()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the app exited ({proc.returncode}) while waiting for {what}")
        time.sleep(0.05)  # the polling interval, not a synchronisation
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def skip(reason: str):
    """Skip, saying why; fail instead under .ci/run, which installs what these tests need."""
    if os.environ.get("BACKPROP_TUTOR_REQUIRE_REAL_WINDOW"):
        pytest.fail(f"the real-window tests cannot run: {reason}")
    pytest.skip(reason)


def _x_socket_ready(number: int) -> bool:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(f"/tmp/.X11-unix/X{number}")
        return True
    except OSError:
        return False
    finally:
        sock.close()


def _start_xvfb(xvfb: str, log) -> tuple[subprocess.Popen, int] | None:
    """Xvfb on the first free display from :90 on (another one may take a number first: then the next)."""
    for number in range(90, 140):
        if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=log)
        end = time.monotonic() + 30
        while time.monotonic() < end and server.poll() is None and not _x_socket_ready(number):
            time.sleep(0.05)  # polling for the server's socket
        if server.poll() is None and _x_socket_ready(number):
            return server, number
        if server.poll() is None:
            server.kill()
        server.wait()
    return None


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """":N" of a fresh Xvfb server (stopped afterwards); skips, saying why, when none can be started."""
    if not sys.platform.startswith("linux"):
        skip("real-window tests run on Linux with Xvfb")
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        skip("Xvfb is not installed (apt-get install xvfb; .ci/run installs it)")
    if not shutil.which("xdotool"):
        skip("xdotool is not installed (apt-get install xdotool; .ci/run installs it)")
    log_path = tmp_path_factory.mktemp("xvfb") / "xvfb.log"
    with log_path.open("w") as log:
        started = _start_xvfb(xvfb, log)
    if started is None:
        skip(f"Xvfb did not start: {log_path.read_text(errors='replace')[-300:]}")
    server, number = started
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


class Desktop:
    """xdotool on one display: find windows by title, focus them, press keys."""

    def __init__(self, display: str):
        self.env = {**os.environ, "DISPLAY": display}

    def xdotool(self, *args) -> str:
        r = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=30)
        return r.stdout.strip()

    def visible(self, title: str) -> list[str]:
        """Ids of the mapped windows whose title is exactly `title`."""
        ids = self.xdotool("search", "--onlyvisible", "--name", "").split()
        return [w for w in ids if self.xdotool("getwindowname", w) == title]

    def press(self, window: str, keys: str) -> None:
        self.xdotool("windowfocus", window)  # no window manager: give the window the keyboard ourselves
        self.xdotool("key", "--clearmodifiers", keys)


@pytest.fixture
def app(display, tmp_path):
    """The app as `make run` starts it, on the Xvfb display, with its settings in a temporary home."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    env.update(DISPLAY=display, HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_RUNTIME_DIR=str(runtime), XDG_SESSION_TYPE="x11", PYTHONPATH=str(ROOT), LANG="C.UTF-8")
    log = (tmp_path / "app.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "app", "--preset", "notebook-xor", "--lang", "en"],
                            cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT)
    yield proc, Desktop(display)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    log.close()
    proc.output = (tmp_path / "app.log").read_text(errors="replace")


def test_step_an_epoch_cancel_a_dialog_and_quit_discarding(app, tmp_path):
    proc, desk = app
    main = wait_for(lambda: desk.visible(MAIN), "the main window to be shown", proc=proc)[0]

    desk.press(main, "ctrl+o")  # File ▸ Open: a real file dialog, then Escape cancels it
    dialog = wait_for(lambda: desk.visible("Open session"), "the Open session dialog", proc=proc)[0]
    desk.press(dialog, "Escape")
    wait_for(lambda: not desk.visible("Open session"), "the dialog to close", proc=proc)
    assert desk.visible(MAIN) == [main]  # nothing changed: no unsaved mark

    desk.press(main, "F10")  # Step epoch: the session has unsaved changes now
    wait_for(lambda: desk.visible("notebook-xor* — Backprop Tutor"), "the title's unsaved mark after F10",
             proc=proc)

    desk.press(main, "ctrl+q")  # Quit asks about the unsaved epoch; Alt+D discards it
    question = wait_for(lambda: desk.visible("Unsaved changes"), "the unsaved-changes question", proc=proc)[0]
    desk.press(question, "alt+d")
    wait_for(lambda: proc.poll() is not None, "the app to exit")
    output = (tmp_path / "app.log").read_text(errors="replace")
    assert proc.returncode == 0, output
    assert "Traceback" not in output and "could not be built" not in output, output
