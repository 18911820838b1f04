"""Shared fixtures for the app's tests: offscreen Qt, settings in a temporary folder, dialogs captured.

`asked` (autouse) replaces app.dialogs.ask: every call is recorded as (kind, kwargs) and answered from
`asked.answers` (defaults: "discard" for unsaved changes, "" for file dialogs), so no test ever blocks on
a modal dialog.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists

import pytest  # noqa: E402


class Asked(list):
    def __init__(self):
        super().__init__()
        self.answers = {"unsaved": "discard", "open": "", "save": ""}

    def __call__(self, kind, parent=None, **kw):
        self.append((kind, kw))
        return self.answers.get(kind)

    def open_file(self, parent=None, title: str = "", filter: str = "") -> str:  # app.dialogs.ask.open_file
        return self("open", parent, title=title, filter=filter) or ""

    def kinds(self) -> list[str]:
        return [k for k, _ in self]

    def texts(self, kind: str) -> list[str]:
        return [kw.get("text", "") for k, kw in self if k == kind]


@pytest.fixture(autouse=True)
def tmp_settings(tmp_path_factory):
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    yield folder


@pytest.fixture(autouse=True)
def english_after():
    """A test that switches the interface language (View ▸ Language, install_translator) leaves English."""
    yield
    from app.i18n import current_language, install_translator

    if current_language() != "en":
        install_translator(None, "en")


@pytest.fixture(autouse=True)
def asked(monkeypatch):
    from app import dialogs

    fake = Asked()
    monkeypatch.setattr(dialogs, "ask", fake)
    return fake


def _make_session(preset: str = "notebook-xor", **changes):
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    spec, data = load_preset(preset)
    if changes:
        spec = spec.with_changes(**changes)
    s = Session(Trainer(spec, data))
    s.source_name = preset
    return s


@pytest.fixture
def make_session(qtbot):
    """make_session(preset="notebook-xor", **spec_changes) -> a Session on that preset."""
    return _make_session


@pytest.fixture
def session(qtbot):
    s = _make_session()
    yield s
    s.stop_run()


@pytest.fixture
def make_window(qtbot):
    """make_window(session=None, restore=False) -> a shown MainWindow (notebook-xor by default), closed cleanly after."""
    made = []

    def make(session=None, restore=False):
        from app.shell.main_window import MainWindow

        w = MainWindow(session or _make_session(), restore=restore)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    for w in made:
        w.confirm_close = False
        w.session.stop_run()
        w.close()


@pytest.fixture
def window(make_window):
    return make_window()
