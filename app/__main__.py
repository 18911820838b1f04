"""`backprop-tutor [SESSION.json] [--preset NAME] [--lang en|ko] [--epochs N] [--screenshot FILE.png]`
`backprop-tutor --install-desktop-entry | --uninstall-desktop-entry` (app/desktop_entry.py)

With no arguments the app opens the notebook-xor preset. `--screenshot` loads, trains N epochs (default 0)
on this thread, renders the whole main window at 1366×768 (or `--size WxH`) (offscreen unless a platform is set) and saves
it, then exits 0. A session file or preset that cannot be opened is explained: a message box when
interactive (then the default preset opens), one line on stderr and exit 2 with --screenshot. A pane that
cannot be built (app/panes.py) is named in a message box, or on stderr with exit 1 after --screenshot.

Only argparse is imported at module level; Qt, torch and the views load inside main() (cold start). An
interactive start first shows app.startup's shell window (menus, toolbar, "Loading the network…") before
torch and the panes are imported; the main window takes its place when built. `--measure-startup` (for
`make bench`) prints "shown" at the shell's first paint and "ready" at the main window's, then exits.
"""

from __future__ import annotations

import argparse
import os
import sys

DEFAULT_PRESET = "notebook-xor"
SCREENSHOT_SIZE = (1366, 768)


def _size(text: str) -> tuple[int, int]:
    """"1366x768" -> (1366, 768)."""
    try:
        w, h = (int(v) for v in text.lower().replace("×", "x").split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1366x768, not {text!r}") from None
    if not (200 <= w <= 8192 and 200 <= h <= 8192):  # a larger grab fails as "cannot write the screenshot"
        raise argparse.ArgumentTypeError(f"{text}: from 200x200 to 8192x8192")
    return w, h


PROG = "backprop-tutor"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Backprop Tutor: step through backpropagation.")
    p.add_argument("session", nargs="?", metavar="SESSION.json", help="a session file to open")
    p.add_argument("--preset", metavar="NAME", help=f"start from a preset (default {DEFAULT_PRESET})")
    p.add_argument("--lang", choices=("en", "ko"), help="interface language (stored for next time)")
    p.add_argument("--epochs", type=int, default=0, metavar="N", help="train N epochs before showing")
    p.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the main window and exit")
    entry = p.add_mutually_exclusive_group()
    entry.add_argument("--install-desktop-entry", action="store_true",
                       help="add Backprop Tutor to the desktop's application menu (a .desktop file and the "
                            "icon in $XDG_DATA_HOME or ~/.local/share), then exit")
    entry.add_argument("--uninstall-desktop-entry", action="store_true",
                       help="remove what --install-desktop-entry wrote, then exit")
    p.add_argument("--size", metavar="WxH", type=_size, default=SCREENSHOT_SIZE,
                   help="the window's size for --screenshot (default 1366x768)")
    p.add_argument("--measure-startup", action="store_true",
                   help="for benchmarks: print 'shown' when the first window has painted, 'ready' when the "
                        "main window with its panes has, then exit")
    return p


class OpenError(Exception):
    """A session file or preset that cannot be opened: one line for the learner."""


def load_trainer(args):
    """(trainer, path, source_name, practice_code) for the arguments; OpenError says why not."""
    from engine.core.errors import EngineError
    from engine.training.trainer import Trainer

    from app.i18n import tr

    if args.session:
        from engine.io.session_file import load

        try:
            state = load(args.session)
            return state.to_trainer(), os.path.abspath(args.session), "", state.practice_code
        except (EngineError, OSError) as e:
            raise OpenError(tr("cannot open {path}: {reason}").format(path=args.session,
                                                                      reason=_one_line(e))) from None
    name = args.preset or DEFAULT_PRESET
    from engine.io.presets import load_preset

    try:
        return Trainer(*load_preset(name)), "", name, ""
    except EngineError as e:
        raise OpenError(tr("cannot load preset {name}: {reason}").format(name=repr(name),
                                                                         reason=_one_line(e))) from None


NOISE = ("This plugin does not support propagateSizeHints()",)  # the offscreen platform, harmless


def _quiet_qt(install) -> None:
    """Pass Qt's messages on to stderr, minus known harmless noise."""
    def handler(_mode, _context, message):
        if message not in NOISE:
            print(message, file=sys.stderr)
    install(handler)


def _no_display() -> bool:
    """On Linux without X11/Wayland and no platform chosen, Qt would abort with a core dump: say it first."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _one_line(e: Exception) -> str:
    text = getattr(e, "strerror", None) or str(e)
    return " ".join(str(text).split())


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from app import desktop_entry

        return desktop_entry.main("install" if args.install_desktop_entry else "uninstall")
    if args.epochs < 0:
        print(f"{PROG}: error: --epochs must be 0 or more", file=sys.stderr)
        return 2
    shot = args.screenshot
    if shot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if not shot and _no_display():
        print(f"{PROG}: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set); "
              "--screenshot FILE.png renders offscreen", file=sys.stderr)
        return 2
    if not shot:  # missing xcb libraries would make QApplication abort the process: name them instead
        from app.platform_check import choose_platform

        platform, message = choose_platform()
        if message:
            print(message, file=sys.stderr)
            return 2
        if platform:
            os.environ["QT_QPA_PLATFORM"] = platform

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    _quiet_qt(qInstallMessageHandler)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else PROG])
    from app import settings
    from app.i18n import install_translator

    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    from app.desktop_entry import APP_ID
    from app.icons import app_icon

    app.setWindowIcon(app_icon())  # every window's title bar and the X11 taskbar
    app.setDesktopFileName(APP_ID)  # Wayland: the compositor finds the launcher, and its icon, by this name
    if args.lang and not shot:  # remembered for next time (a screenshot changes nothing the user set)
        settings.set_language(args.lang)
    install_translator(app, args.lang or settings.language())
    from app.palette import apply_theme

    apply_theme(settings.theme())  # View ▸ Theme: System (the desktop's palette), Light or Dark

    # Cold start: a window within half a second, before torch (over a second to import), pyqtgraph and the
    # panes load; the real main window takes its place when built (app/startup.py).
    shell = None
    if not shot:
        from app.startup import StartupWindow, wait_for_paint

        shell = StartupWindow()
        shell.show()
        wait_for_paint(shell)
        if args.measure_startup:
            print("shown", flush=True)

    from engine.training.threads import use_one_thread

    use_one_thread()  # run mode's worker and this GUI thread share the cores (engine/training/threads.py)
    problem = ""
    try:
        trainer, path, source, code = load_trainer(args)
    except OpenError as e:
        if shot:
            print(f"{PROG}: {e}", file=sys.stderr)
            return 2
        problem = str(e)
        args.session, args.preset = None, None
        trainer, path, source, code = load_trainer(args)

    from app.shell.main_window import MainWindow
    from app.state.session import Session

    session = Session(trainer)
    session.open_trainer(trainer, path, source_name=source, practice_code=code)
    window = MainWindow(session, restore=not shot)
    if args.epochs:
        session.train_now(args.epochs)
    from app.panes import PANES, broken, title

    failed = broken(window.panes)  # a pane that could not be built is named, never silently missing
    if shot:
        status = save_screenshot(window, shot, args.size)
        english = {n: t for n, t, *_ in PANES}  # stderr speaks English, as the other command-line messages
        for name, error in failed.items():
            print(f"{PROG}: the {english[name]} pane could not be built: {error}", file=sys.stderr)
        return status or (1 if failed else 0)

    if args.measure_startup:
        window.confirm_close = False
        window.save_layout = False
    shell.hand_over(window)
    if args.measure_startup:
        wait_for_paint(window, timeout=30)
        print("ready", flush=True)
        window.close()
        return 0
    if problem:
        from app import dialogs
        from app.i18n import tr

        dialogs.ask("error", window, title=tr("Cannot open the session"),
                    text=tr("{problem}\nThe default preset is open instead.").format(problem=problem))
    if failed:
        from app import dialogs
        from app.i18n import tr

        lines = "\n".join(f"{title(name)}: {error}" for name, error in failed.items())
        dialogs.ask("error", window, title=tr("Some panes could not be built"),
                    text=tr("These panes are missing from the window:\n{panes}\nReinstalling Backprop Tutor "
                            "may fix this.").format(panes=lines))
    return app.exec()


def save_screenshot(window, path: str, size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Show `window` at `size` (exactly, when the window fits), let it lay out and draw, save it as an image,
    close it. 0, or 2 on failure."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window.confirm_close = False
    window.resize(*size)
    window.show()
    for _ in range(5):  # layout, tab groups and dock sizes (deferred), the plots' redraws
        app.processEvents()
    if (window.width(), window.height()) != size:
        window.resize(*size)  # arranging the docks may have asked for more: the size asked for, if it fits
        for _ in range(3):
            app.processEvents()
    ok = window.grab().save(path)
    window.close()
    window.deleteLater()
    app.processEvents()
    if not ok:
        print(f"{PROG}: cannot write the screenshot {path}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
