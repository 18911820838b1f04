"""The part every docs/screenshots_*.py shares: take each of its pictures in English and in Korean, into
docs/images/ (or the folder given as the one argument), with settings in a temporary folder so a picture never
depends on (or changes) the learner's own, and one failing picture never hiding the others.

    sys.exit(run(sys.argv[1:], [("adam", take)]))        # take(path) -> bool | None (False: failed)
    return save_and_close(window, path)                  # the end of a take: settle, save, close
"""

from __future__ import annotations

import os
import tempfile
from typing import Callable, Iterable


def run(argv: list[str], shots: Iterable[tuple[str, Callable[[str], bool | None]]]) -> int:
    """Take every (stem, take) as images/{stem}-{lang}.png for lang en and ko; 1 if any failed, else 0."""
    out = argv[0] if argv else os.path.join(os.path.dirname(os.path.abspath(__file__)), "images")
    os.makedirs(out, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app import settings
    from app.i18n import install_translator

    app = QApplication.instance() or QApplication(["backprop-tutor-screenshots"])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    shots = list(shots)
    bad = 0
    for lang in ("en", "ko"):
        install_translator(app, lang)
        for stem, take in shots:
            path = os.path.join(out, f"{stem}-{lang}.png")
            try:
                ok = take(path) is not False
                print(f"{path}: {'ok' if ok else 'FAILED'}")
            except Exception as e:  # one picture failing must not hide the others
                ok = False
                print(f"{path}: FAILED ({type(e).__name__}: {e})")
            bad |= not ok
    install_translator(app, "en")
    return int(bad)


def save_and_close(window, path: str) -> bool:
    """Let `window` settle (layout, tab groups and dock sizes are deferred; plots redraw), save a picture of
    it at `path`, close it and let it go; True if saved."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(path)
    window.close()
    window.deleteLater()
    app.processEvents()
    return ok
