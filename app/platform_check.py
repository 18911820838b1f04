"""Before the QApplication exists: can Qt open a window here? If not, say which system libraries are missing.

Qt's xcb platform plugin (PySide6 ≥ 6.5) needs libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, … that many
Debian and Ubuntu desktops lack. Without them QApplication aborts the process (a core dump, make's "Error 134")
after one cryptic line. So on Linux with a display, and no platform chosen by the user, we resolve the plugin's
shared-library dependencies first with `ldd` (part of libc on every distribution; about 30 ms) — or, if there
is no ldd, by loading the plugin with ctypes, which names only the first missing library — and print one
message naming what is missing and the commands that install it. A DISPLAY whose X server does not answer
would abort the same way, so it is tried too (a socket connect). A Wayland session uses the Wayland plugin
when its libraries resolve (XWayland and the xcb plugin otherwise).

Public API:
    choose_platform(env) -> (platform or None, message or "")   what main() should do before QApplication
    missing_libraries(plugin) -> [soname]                       unresolved dependencies of a Qt plugin
    install_message(missing, plugin) -> str                      the message for the learner
    python -m app.platform_check                                 `make run`'s check: exit 0, or 2 with the message
    python -m app.platform_check --debian-packages              .ci/run: the packages to apt-get install
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import socket
import subprocess
import sys

# soname -> (Debian/Ubuntu package, Fedora package): what PySide6's xcb and wayland plugins link against.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}
# The rest of libxcb's extensions follow one pattern: libxcb-NAME.so.N is Debian's libxcb-NAMEN, Fedora's libxcb.
_XCB_EXT = re.compile(r"^libxcb-([a-z0-9]+)\.so\.(\d+)$")


def packages_for(soname: str) -> tuple[str, str]:
    """(Debian package, Fedora package) that ship `soname`."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    m = _XCB_EXT.match(soname)
    if m:
        return f"libxcb-{m.group(1)}{m.group(2)}", "libxcb"
    stem, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    debian = stem.lower() + (f"-{version}" if stem[-1:].isdigit() else version)
    return debian, f"'{soname}()(64bit)'"  # dnf resolves a library name to its package


def plugin_path(name: str) -> str:
    """The file of Qt platform plugin `name` ("xcb", "wayland") in the installed PySide6."""
    import PySide6  # the package only, not QtCore: cheap, and loads no plugin

    base = os.path.dirname(PySide6.__file__)
    return os.path.join(base, "Qt", "plugins", "platforms", f"libq{name}.so")


def parse_ldd(text: str) -> list[str]:
    """The sonames `ldd` printed as "not found", in order, each once."""
    out: list[str] = []
    for line in text.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+not found", line)
        if m and m.group(1) not in out:
            out.append(m.group(1))
    return out


def run_ldd(path: str) -> str | None:
    """`ldd path`'s output, or None when ldd is not available or fails."""
    ldd = shutil.which("ldd")
    if not ldd:
        return None
    try:
        r = subprocess.run([ldd, path], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return r.stdout if r.returncode == 0 or "not found" in r.stdout else None


def _dlopen_missing(path: str) -> list[str]:
    """Without ldd: load the plugin; the loader names the first library it cannot find."""
    try:
        ctypes.CDLL(path)
        return []
    except OSError as e:
        m = re.match(r"(\S+\.so[.\d]*): cannot open shared object file", str(e))
        return [m.group(1)] if m else [str(e)]


def missing_libraries(plugin: str) -> list[str]:
    """The shared libraries `plugin` needs that the system's dynamic loader cannot find ([] when it loads)."""
    if not os.path.exists(plugin):
        return [os.path.basename(plugin)]
    text = run_ldd(plugin)
    return parse_ldd(text) if text is not None else _dlopen_missing(plugin)


def install_message(missing: list[str], plugin: str = "xcb") -> str:
    """One message: what is missing, and the command that installs it on Debian/Ubuntu and on Fedora."""
    debian, fedora = [], []
    for so in missing:
        d, f = packages_for(so)
        debian += [d] if d not in debian else []
        fedora += [f] if f not in fedora else []
    return (f"backprop-tutor: cannot open a window: Qt's {plugin} platform plugin needs system libraries that "
            f"are not installed: {', '.join(missing)}.\n"
            f"  Debian/Ubuntu:  sudo apt-get install {' '.join(debian)}\n"
            f"  Fedora:         sudo dnf install {' '.join(fedora)}\n"
            "(--screenshot FILE.png renders offscreen without them.)")


def _wayland_session(env) -> bool:
    return bool(env.get("WAYLAND_DISPLAY")) or env.get("XDG_SESSION_TYPE") == "wayland"


def choose_platform(env=None) -> tuple[str | None, str]:
    """(QT_QPA_PLATFORM to set or None, "" or the message to print before exiting 2).

    Checks only on Linux, with a display, when the user has not chosen a platform (QT_QPA_PLATFORM set, e.g.
    offscreen, skips it: their choice, their libraries)."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None, ""
    if env.get("WAYLAND_DISPLAY") and not missing_libraries(plugin_path("wayland")):
        return "wayland", ""  # a Wayland compositor and a plugin that loads: native, not XWayland
    if not env.get("DISPLAY"):
        if _wayland_session(env):  # Wayland without XWayland, and the wayland plugin cannot load
            missing = missing_libraries(plugin_path("wayland"))
            return None, install_message(missing, "wayland") if missing else ""
        return None, ""  # no display at all: main() says so
    missing = missing_libraries(plugin_path("xcb"))
    if missing:
        return None, install_message(missing, "xcb")
    if x_server_reachable(env["DISPLAY"]) is False:  # Qt would abort here too ("could not connect to display")
        return None, (f"backprop-tutor: cannot connect to the X display {env['DISPLAY']} (DISPLAY): is its X "
                      "server running? (--screenshot FILE.png renders offscreen without one.)")
    return "xcb", ""


def x_server_reachable(display: str) -> bool | None:
    """Whether an X server accepts connections at `display` (":0", "unix:1.0", "host:10.0"); None when the
    name is not one we can check (then Qt tries)."""
    m = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?|([\w.-]+):(\d+)(?:\.\d+)?", display)
    if not m:
        return None
    if m.group(2) is not None:  # over TCP, as ssh -X forwards it (localhost:10.0)
        try:
            socket.create_connection((m.group(2), 6000 + int(m.group(3))), timeout=2).close()
            return True
        except OSError:
            return False
    number = int(m.group(1))  # local: the abstract socket (Linux), then the socket file
    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(2)
        try:
            sock.connect(address)
            return True
        except OSError:
            continue
        finally:
            sock.close()
    return False


def main(argv: list[str] | None = None) -> int:
    """`make run`'s check before launching: exit 0 when a window can open, 2 with the message otherwise.
    `--debian-packages` (for .ci/run) prints the Debian packages the xcb plugin lacks, one line, and exits 0."""
    argv = sys.argv[1:] if argv is None else argv
    if argv == ["--debian-packages"]:
        missing = missing_libraries(plugin_path("xcb"))
        print(" ".join(dict.fromkeys(packages_for(so)[0] for so in missing)))
        return 0
    platform, message = choose_platform()
    if message:
        print(message, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
