"""`make screenshots` (second part): the dark palette and high-DPI pictures.

    python -m docs.screenshots_theme [OUTPUT_DIR]      (default docs/images)

Dark palette (View ▸ Theme ▸ Dark) at 1366×768, English and Korean:
dark-start.png, dark-start-ko.png      the notebook's network as it opens
dark-d_w2.png, dark-d_w2-ko.png        after 500 epochs, inside the next epoch's backward pass at d_w2

High DPI: the same window on a 2732×1536 screen at QT_SCALE_FACTOR=2 (and 2049×1152 at 1.5), i.e. a
1366×768 layout drawn with 2 (1.5) device pixels per pixel; each is rendered in a child process, because the
scale factor is read when the QApplication starts:
scale2-d_w2.png, scale1.5-d_w2.png
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DARK_SHOTS = [
    ("dark-start.png", "notebook-xor", 0, None),
    ("dark-d_w2.png", "notebook-xor", 500, "d_w2"),
    ("dark-start-ko.png", "notebook-xor", 0, None, "ko"),
    ("dark-d_w2-ko.png", "notebook-xor", 500, "d_w2", "ko"),
]
LAPTOP = (1366, 768)
SCALED_SHOTS = [("scale2-d_w2.png", 2.0), ("scale1.5-d_w2.png", 1.5)]


def take(path: str, preset: str, epochs: int, operation: str | None, lang: str = "en",
         size: tuple[int, int] | None = None) -> int:
    from PySide6.QtWidgets import QApplication

    from app.i18n import install_translator

    install_translator(QApplication.instance(), lang)
    try:
        return _take(path, preset, epochs, operation, size)
    finally:
        install_translator(QApplication.instance(), "en")


def grab(window, path: str, size: tuple[int, int]) -> int:
    """Show `window` at `size` (logical pixels), let it lay out and draw, save it (device pixels), close it."""
    from docs.shot_runner import save_and_close

    window.confirm_close = False
    window.resize(*size)
    window.show()
    return 0 if save_and_close(window, path) else 2


def offscreen_screen(width: int, height: int, folder: str) -> str:
    """QT_QPA_PLATFORM for an offscreen screen of width × height device pixels (the plugin's JSON config)."""
    import json

    path = os.path.join(folder, f"screen-{width}x{height}.json")
    with open(path, "w") as f:
        json.dump({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": height,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1.0}]}, f)
    return f"offscreen:configfile={path}"


def take_scaled(path: str, factor: float) -> int:
    """The notebook's window at d_w2 on a 1366×768-logical screen drawn at `factor`, in a child process."""
    import subprocess
    import tempfile

    w, h = round(LAPTOP[0] * factor), round(LAPTOP[1] * factor)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_SCALE_FACTOR=str(factor), QT_QPA_PLATFORM=offscreen_screen(w, h, tmp))
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
        return subprocess.run([sys.executable, "-m", "docs.screenshots_theme", "--one", path], env=env,
                              cwd=root).returncode


def _one(path: str) -> int:
    """In the child: the whole screen's worth of window (its logical size), trained 500 epochs, at d_w2."""
    app = _app()
    screen = app.primaryScreen().geometry()
    return take(path, "notebook-xor", 500, "d_w2", size=(screen.width(), screen.height()))


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app import settings
    from app.__main__ import _quiet_qt

    _quiet_qt(qInstallMessageHandler)
    app = QApplication.instance() or QApplication(["backprop-tutor-screenshots"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    return app


def _take(path: str, preset: str, epochs: int, operation: str | None,
          size: tuple[int, int] | None = None) -> int:
    from app.__main__ import save_screenshot
    from app.shell.main_window import MainWindow
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    trainer = Trainer(*load_preset(preset))
    session = Session(trainer)
    session.open_trainer(trainer, source_name=preset)
    window = MainWindow(session, restore=False)
    session.train_now(epochs)
    if operation:
        names = [s.name for s in session.trainer.peek().steps]
        session.set_position(names.index(operation))
    if size is not None:
        return grab(window, path, size)
    return save_screenshot(window, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--one"]:
        return _one(argv[1])
    out = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")
    os.makedirs(out, exist_ok=True)
    from app.palette import apply_theme

    _app()
    worst = 0

    def done(path: str, rc: int) -> None:
        nonlocal worst
        print(f"{path}: {'ok' if rc == 0 else 'FAILED'}")
        worst = max(worst, rc)

    apply_theme("dark")
    for name, preset, epochs, operation, *lang in DARK_SHOTS:
        path = os.path.join(out, name)
        done(path, take(path, preset, epochs, operation, *(lang or ["en"]), size=LAPTOP))
    apply_theme("light")
    for name, factor in SCALED_SHOTS:
        path = os.path.join(out, name)
        done(path, take_scaled(path, factor))
    return worst


if __name__ == "__main__":
    sys.exit(main())
