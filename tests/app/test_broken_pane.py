"""A pane that cannot be built is an error the learner sees, never a silently missing pane (app/panes.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app import panes
from app.__main__ import main


@pytest.fixture
def missing_health_pane(monkeypatch):
    """The health pane's module is absent, as from an install that lost a subpackage."""
    table = [(n, t, "app.views.no_such_module:HealthPane" if n == "health" else w, a)
             for n, t, w, a in panes.PANES]
    monkeypatch.setattr(panes, "PANES", table)


def main_windows():
    from app.shell.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_screenshot_with_a_missing_pane_exits_1_and_names_it(qapp, tmp_path, capsys, missing_health_pane):
    shot = tmp_path / "shot.png"
    assert main(["--screenshot", str(shot)]) == 1
    assert shot.exists()  # the picture shows the pane's message in its place
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("backprop-tutor:")]
    assert err == ["backprop-tutor: the Training health pane could not be built: "
                   "ModuleNotFoundError: No module named 'app.views.no_such_module'"]


def test_interactive_start_with_a_missing_pane_says_so(qapp, monkeypatch, asked, missing_health_pane):
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)  # no event loop: just build and show
    assert main([]) == 0
    assert asked.kinds() == ["error"]
    assert asked.texts("error")[0] == ("These panes are missing from the window:\nTraining health: "
                                       "ModuleNotFoundError: No module named 'app.views.no_such_module'\n"
                                       "Reinstalling Backprop Tutor may fix this.")
    window = main_windows()[-1]
    pane = window.panes["health"]  # in its dock, saying why
    assert isinstance(pane, panes.BrokenPane) and window.docks["health"].widget() is pane
    assert pane.text() == ("This pane could not be built:\n"
                           "ModuleNotFoundError: No module named 'app.views.no_such_module'")
    for w in main_windows():
        w.confirm_close = False
        w.close()


def test_a_pane_whose_constructor_fails_is_named_too(qapp, monkeypatch, tmp_path, capsys):
    from app.views.loss_plot import LossPlot

    def refuse(self, session):
        raise RuntimeError("no plot today")

    monkeypatch.setattr(LossPlot, "__init__", refuse)
    assert main(["--screenshot", str(tmp_path / "x.png")]) == 1
    assert "backprop-tutor: the Loss pane could not be built: RuntimeError: no plot today" in \
        capsys.readouterr().err.splitlines()


def test_every_pane_builds_in_a_complete_install(qapp, tmp_path, capsys):
    assert main(["--screenshot", str(tmp_path / "x.png")]) == 0
    assert "could not be built" not in capsys.readouterr().err
