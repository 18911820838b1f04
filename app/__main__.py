"""`backprop-tutor [SESSION.json] [--preset NAME] [--lang en|ko] [--epochs N] [--screenshot FILE.png]`

With no arguments the app opens the notebook-xor preset. `--screenshot` loads, trains N epochs (default 0)
on this thread, renders the whole main window at 1366×768 (or `--size WxH`) (offscreen unless a platform is set) and saves
it, then exits 0. A session file or preset that cannot be opened is explained: a message box when
interactive (then the default preset opens), one line on stderr and exit 2 with --screenshot.

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
    if w < 200 or h < 200:
        raise argparse.ArgumentTypeError(f"{text}: at least 200x200")
    return w, h
PROG = "backprop-tutor"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Backprop Tutor: step through backpropagation.")
    p.add_argument("session", nargs="?", metavar="SESSION.json", help="a session file to open")
    p.add_argument("--preset", metavar="NAME", help=f"start from a preset (default {DEFAULT_PRESET})")
    p.add_argument("--lang", choices=("en", "ko"), help="interface language (stored for next time)")
    p.add_argument("--epochs", type=int, default=0, metavar="N", help="train N epochs before showing")
    p.add_argument("--screenshot", metavar="FILE.png", help="save a picture of the main window and exit")
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

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    _quiet_qt(qInstallMessageHandler)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else PROG])
    from app import settings
    from app.i18n import install_translator

    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    if args.lang and not shot:  # remembered for next time (a screenshot changes nothing the user set)
        settings.set_language(args.lang)
    install_translator(app, args.lang or settings.language())

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
    from app.session import Session

    session = Session(trainer)
    session.open_trainer(trainer, path, source_name=source, practice_code=code)
    window = MainWindow(session, restore=not shot)
    if args.epochs:
        session.train_now(args.epochs)
    if shot:
        return save_screenshot(window, shot, args.size)

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
