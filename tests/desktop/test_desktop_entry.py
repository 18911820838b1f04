"""`backprop-tutor --install-desktop-entry` puts the tutor in the application menu; the window shows its icon."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "backprop-tutor.svg"


def cli(*args, data_home) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_DATA_HOME=str(data_home), PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True,
                          timeout=60, cwd=data_home.parent)


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def test_install_writes_the_launcher_and_icon_and_uninstall_removes_them(tmp_path):
    r = cli("--install-desktop-entry", data_home=tmp_path)  # no display needed
    entry = tmp_path / "applications" / "backprop-tutor.desktop"
    icon = tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "backprop-tutor.svg"
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[1:] == [f"  {entry}", f"  {icon}"]
    assert icon.read_bytes() == SVG.read_bytes()
    fields = read_entry(entry)
    assert fields["Type"] == "Application" and fields["Name"] == "Backprop Tutor"
    assert fields["Name[ko]"] == "역전파 튜터" and fields["Icon"] == "backprop-tutor"
    assert fields["StartupWMClass"] == "backprop-tutor" and fields["Terminal"] == "false"
    exec_args = shlex.split(fields["Exec"].replace("\\\\", "\\"))
    assert exec_args[-1] == "%f"
    program = exec_args[0] if exec_args[0] != "env" else exec_args[2]
    assert os.path.isabs(program) and os.access(program, os.X_OK)  # menus do not search the user's PATH
    if shutil.which("desktop-file-validate"):
        v = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert v.returncode == 0, v.stdout + v.stderr

    again = cli("--install-desktop-entry", data_home=tmp_path)  # installing twice replaces, never fails
    assert again.returncode == 0 and sorted(p.name for p in (tmp_path / "applications").iterdir()) == [
        "backprop-tutor.desktop"]

    r = cli("--uninstall-desktop-entry", data_home=tmp_path)
    assert r.returncode == 0 and r.stdout.splitlines() == ["removed:", f"  {entry}", f"  {icon}"]
    assert not entry.exists() and not icon.exists()
    r = cli("--uninstall-desktop-entry", data_home=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == "no desktop entry was installed"


def test_the_launchers_command_starts_this_installation(tmp_path):
    """The Exec line, run with --screenshot, opens the tutor (from the venv's script or the source tree)."""
    from app import desktop_entry

    cmd = desktop_entry.command()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))  # not the user's settings
    r = subprocess.run([*cmd, "--preset", "nope", "--screenshot", str(tmp_path / "x.png")], env=env,
                       capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 2 and r.stderr.startswith("backprop-tutor: cannot load preset 'nope'")


def test_a_data_folder_that_cannot_be_written_exits_2_with_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    r = cli("--install-desktop-entry", data_home=blocker)
    assert r.returncode == 2 and r.stderr.count("\n") == 1
    assert r.stderr.startswith("backprop-tutor: cannot install the desktop entry: ") and str(blocker) in r.stderr


def test_the_window_and_taskbar_show_the_apps_icon(qapp, tmp_path):
    from PySide6.QtGui import QColor, QGuiApplication

    from app.__main__ import main

    assert main(["--screenshot", str(tmp_path / "shot.png")]) == 0
    assert QGuiApplication.desktopFileName() == "backprop-tutor"
    icon = QGuiApplication.windowIcon()
    assert 48 in [s.width() for s in icon.availableSizes()]
    image = icon.pixmap(48, 48).toImage()
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded corner is transparent
    assert image.pixelColor(4, 24) == QColor("#1f6fb2")  # the blue tile


@pytest.mark.parametrize("value", ["", "relative/path"])
def test_an_unset_or_relative_xdg_data_home_means_local_share(value, monkeypatch, tmp_path):
    from app import desktop_entry

    monkeypatch.setenv("HOME", str(tmp_path))
    entry, icon = desktop_entry.paths({"XDG_DATA_HOME": value})
    assert entry == tmp_path / ".local" / "share" / "applications" / "backprop-tutor.desktop"
    assert icon.parent == tmp_path / ".local" / "share" / "icons" / "hicolor" / "scalable" / "apps"
