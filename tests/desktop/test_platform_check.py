"""Missing Qt system libraries get one message and exit 2, never a core dump (app/platform_check.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from app import platform_check
from app.platform_check import choose_platform, install_message, packages_for, parse_ldd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HIDDEN = ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")

needs_ldd = pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("ldd")),
                               reason="needs Linux and ldd")


def fake_ldd(folder) -> str:
    """A PATH folder whose `ldd` is the real one with the three libraries a fresh Debian lacks "not found"."""
    real = shutil.which("ldd")
    script = folder / "ldd"
    pattern = "|".join(h.replace(".", r"\.") for h in HIDDEN)
    script.write_text(textwrap.dedent(f"""\
        #!/bin/sh
        {real} "$@" | sed -E 's#^(\\s*)({pattern}) => .*#\\1\\2 => not found#'
        """))
    script.chmod(0o755)
    return str(folder)


@needs_ldd
def test_the_app_names_missing_xcb_libraries_and_exits_2(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":97", XDG_SESSION_TYPE="x11", PYTHONPATH=ROOT,
               PATH=fake_ldd(tmp_path) + os.pathsep + env.get("PATH", ""))
    r = subprocess.run([sys.executable, "-m", "app"], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert lines[0] == ("backprop-tutor: cannot open a window: Qt's xcb platform plugin needs system libraries "
                        "that are not installed: libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1.")
    assert lines[1].split() == ["Debian/Ubuntu:", "sudo", "apt-get", "install",
                                "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]
    assert lines[2].split() == ["Fedora:", "sudo", "dnf", "install",
                                "xcb-util-cursor", "xcb-util-wm", "xcb-util-keysyms"]
    assert "Traceback" not in r.stderr and "Aborted" not in r.stderr


@needs_ldd
def test_make_runs_check_gives_the_same_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":97", PYTHONPATH=ROOT, PATH=fake_ldd(tmp_path) + os.pathsep + env.get("PATH", ""))
    r = subprocess.run([sys.executable, "-m", "app.platform_check"], env=env, capture_output=True, text=True,
                       timeout=60)
    assert r.returncode == 2
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in r.stderr


def test_offscreen_and_no_display_skip_the_check(monkeypatch):
    monkeypatch.setattr(platform_check, "missing_libraries", lambda plugin: pytest.fail("checked"))
    assert choose_platform({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}) == (None, "")
    assert choose_platform({}) == (None, "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")
def test_a_wayland_session_prefers_wayland_when_its_plugin_loads(monkeypatch):
    missing = {"wayland": [], "xcb": ["libxcb-cursor.so.0"]}
    monkeypatch.setattr(platform_check, "missing_libraries", lambda p: missing["wayland" if "wayland" in p
                                                                               else "xcb"])
    session = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"}
    assert choose_platform(session) == ("wayland", "")
    missing["wayland"] = ["libwayland-cursor.so.0"]  # falls back to XWayland, whose xcb plugin lacks a library
    platform, message = choose_platform(session)
    assert platform is None and "sudo apt-get install libxcb-cursor0" in message
    missing["xcb"] = []
    monkeypatch.setattr(platform_check, "x_server_reachable", lambda display: True)
    assert choose_platform(session) == ("xcb", "")


@needs_ldd
def test_a_display_without_an_x_server_gets_a_message_not_a_core_dump(tmp_path):
    free = next(n for n in range(140, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=f":{free}", XDG_SESSION_TYPE="x11", PYTHONPATH=ROOT)
    r = subprocess.run([sys.executable, "-m", "app"], cwd=tmp_path, env=env, capture_output=True, text=True,
                       timeout=60)
    if "needs system libraries" in r.stderr:
        pytest.skip("this machine lacks the xcb libraries (the other test covers that message)")
    assert r.returncode == 2
    assert r.stderr == (f"backprop-tutor: cannot connect to the X display :{free} (DISPLAY): is its X server "
                        "running? (--screenshot FILE.png renders offscreen without one.)\n")


def test_x_display_names():
    assert platform_check.x_server_reachable("not a display") is None
    assert platform_check.x_server_reachable("localhost:999") is False  # port 6999: nothing listens


def test_without_ldd_the_loader_names_the_first_missing_library(monkeypatch, tmp_path):
    monkeypatch.setattr(platform_check, "run_ldd", lambda path: None)

    def refuse(path):
        raise OSError("libxcb-cursor.so.0: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(platform_check.ctypes, "CDLL", refuse)
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    assert platform_check.missing_libraries(str(plugin)) == ["libxcb-cursor.so.0"]


def test_parse_ldd_and_package_names():
    text = ("\tlibxcb-cursor.so.0 => not found\n\tlibxcb.so.1 => /lib/libxcb.so.1 (0x1)\n"
            "\tlibxcb-xinput.so.0 => not found\n\tlibxcb-cursor.so.0 => not found\n")
    assert parse_ldd(text) == ["libxcb-cursor.so.0", "libxcb-xinput.so.0"]
    assert packages_for("libxcb-xinput.so.0") == ("libxcb-xinput0", "libxcb")
    assert packages_for("libfoo2.so.3") == ("libfoo2-3", "'libfoo2.so.3()(64bit)'")
    message = install_message(["libxcb-cursor.so.0", "libxcb-xinput.so.0"])
    assert "sudo apt-get install libxcb-cursor0 libxcb-xinput0" in message
    assert "sudo dnf install xcb-util-cursor libxcb" in message
