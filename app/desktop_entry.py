"""`backprop-tutor --install-desktop-entry`: put the tutor in the desktop's application menu (and take it out).

Writes, under the user's data folder ($XDG_DATA_HOME, or ~/.local/share when unset or relative, as the
freedesktop base-directory spec says):
    applications/backprop-tutor.desktop           the launcher (Desktop Entry Specification 1.5)
    icons/hicolor/scalable/apps/backprop-tutor.svg the icon it names (a copy of resources/icons/)
GNOME, KDE and XFCE watch these folders, so the entry appears without logging out. The launcher's file name
is also the application's desktop file name (QGuiApplication.setDesktopFileName), which Wayland compositors
use to match the window to its entry and icon; StartupWMClass does the same on X11.

Imports no Qt: installing the launcher needs no display.
"""

from __future__ import annotations

import os
import shutil
import sys
from importlib.resources import files
from pathlib import Path

APP_ID = "backprop-tutor"
DESKTOP_FILE = f"{APP_ID}.desktop"
ICON_FILE = f"{APP_ID}.svg"
_RESERVED = set(' \t\n"\'\\><~|&;$*?#()`')


def data_home(env=None) -> Path:
    env = os.environ if env is None else env
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def paths(env=None) -> tuple[Path, Path]:
    """(the .desktop file, the icon file) the entry consists of."""
    base = data_home(env)
    return (base / "applications" / DESKTOP_FILE,
            base / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE)


def _quote(arg: str) -> str:
    """One Exec argument, quoted as the Desktop Entry Specification says (then escaped as a string value)."""
    if arg and not (_RESERVED & set(arg)):
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return ('"' + inner + '"').replace("\\", "\\\\")


def command() -> list[str]:
    """How to start this installation of the tutor from a menu (absolute paths: menus have their own PATH)."""
    script = Path(sys.executable).with_name(APP_ID)
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    # No script (run from the source tree, or installed without scripts): the folder that holds `app`.
    root = str(Path(os.fspath(files("app"))).parent)
    return ["env", f"PYTHONPATH={root}", sys.executable, "-m", "app"]


def desktop_file(cmd: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.5",
        "Name=Backprop Tutor",
        "Name[ko]=역전파 튜터",
        "GenericName=Backpropagation tutor",
        "GenericName[ko]=역전파 학습 도구",
        "Comment=Learn backpropagation by stepping through the matrices of the chain rule",
        "Comment[ko]=연쇄 법칙의 행렬 연산을 한 단계씩 따라가며 역전파를 배웁니다",
        "Exec=" + " ".join(_quote(a) for a in cmd) + " %f",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Education;Science;ArtificialIntelligence;",
        "Keywords=neural;network;backpropagation;gradient;machine learning;",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def install(env=None) -> list[Path]:
    """Write the launcher and its icon; the files written."""
    entry, icon = paths(env)
    entry.parent.mkdir(parents=True, exist_ok=True)
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(files("resources") / "icons" / ICON_FILE, icon)
    tmp = entry.with_name(f".{DESKTOP_FILE}.tmp")  # a menu never reads half a file
    tmp.write_text(desktop_file(command()), encoding="utf-8")
    os.replace(tmp, entry)
    return [entry, icon]


def uninstall(env=None) -> list[Path]:
    """Remove the launcher and its icon; the files removed (none when there were none)."""
    removed = []
    for path in paths(env):
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def main(action: str) -> int:
    """The --install-desktop-entry / --uninstall-desktop-entry commands: what was done, on stdout; 0, or 2."""
    try:
        done = install() if action == "install" else uninstall()
    except OSError as e:
        print(f"{APP_ID}: cannot {action} the desktop entry: {e.filename or ''}: {e.strerror or e}",
              file=sys.stderr)
        return 2
    if action == "install":
        print("installed the launcher (Backprop Tutor in the application menu):")
    else:
        print("removed:" if done else "no desktop entry was installed")
    for path in done:
        print(f"  {path}")
    return 0
