"""The workspace on a laptop: modes that give the centre to the task, a window that fits 1280 px in both
languages, Practice readable after a check at 1366×768, a centre that is never blank, the first-run welcome,
the boundary's legend and the regression's fit title."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.i18n import install_translator
from app.shell.modes import MODES

ROOT = Path(__file__).resolve().parents[2]
CELL = (ROOT / "resources" / "lessons" / "notebook_cell.py").read_text(encoding="utf-8")


def _settle(qtbot, window):
    qtbot.waitUntil(lambda: window.laid_out)
    qtbot.waitUntil(lambda: window.layout().totalMinimumSize().width() > 0)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_mode_fits_1280_px_in_both_languages(qtbot, make_window, lang):
    install_translator(None, lang)
    w = make_window()
    _settle(qtbot, w)
    for key in MODES:
        w.mode_actions[key].trigger()
        qtbot.waitUntil(lambda: w.workspace.mode == key)
        assert w.minimumSizeHint().width() <= 1280, (key, w.minimumSizeHint())
    w.resize(1280, 800)
    qtbot.waitUntil(lambda: w.width() == 1280)  # the window takes exactly the size asked for


def test_the_2_2_4_1_equation_fits_the_width_at_1366(qtbot, make_window, make_session):
    from engine.core.spec import Init, Layer

    s = make_session(hidden=[Layer(2, "sigmoid"), Layer(4, "sigmoid")], init=Init("xavier"))
    w = make_window(s)
    w.resize(1366, 768)
    _settle(qtbot, w)
    s.next_op()
    s.set_position([st.name for st in s.trace.steps].index("d_a2"))
    inspector = w.panes["inspector"]
    assert inspector.formula.text() == "d_a2 = d_l3 @ w3ᵀ"
    qtbot.waitUntil(lambda: not inspector.scroll.horizontalScrollBar().isVisible())
    assert inspector.why.isVisible() and inspector.why.text()


def test_practice_after_checking_the_notebooks_cell_shows_every_verdict_and_the_hint(qtbot, make_window):
    w = make_window()
    w.resize(1366, 768)
    _settle(qtbot, w)
    w.mode_actions["practice"].trigger()
    pane = w.panes["practice"]
    assert w.center is pane
    pane.set_code(CELL)
    pane.check()
    qtbot.waitUntil(lambda: pane.report is not None and not pane.busy_now, timeout=60_000)
    table, model = pane.table, pane.model
    rows = model.rowCount()
    assert rows == 12 and pane.report.root == "d_loss"
    viewport = table.viewport().rect()
    for r in range(rows):  # every verdict row inside the visible table, none scrolled away
        assert viewport.contains(table.visualRect(model.index(r, 0))), r
    assert pane.hint.isVisible() and pane.hint.text().startswith("d_loss: d_loss is −4 × the right value")
    assert pane.hint.height() >= pane.hint.heightForWidth(pane.hint.width())  # the whole hint, not cut
    assert pane.editor.isVisible() and pane.editor.viewport().height() > 200

    w.language.set_language("ko")  # the verdicts stay, now in Korean
    qtbot.waitUntil(lambda: w.panes["practice"].report is not None)
    ko = w.panes["practice"]
    assert ko.model.rowCount() == rows
    assert ko.summary.text().startswith("근본 실수: d_loss")
    assert "(sum over axis 0)" not in ko.hint.text()


def test_the_centre_shows_the_first_operation_before_any_step_and_the_run_live(qtbot, window):
    _settle(qtbot, window)
    s, inspector = window.session, window.panes["inspector"]
    assert window.center is inspector and s.trace is None
    assert inspector.is_previewing() and inspector.formula.text() == "l1 = X @ w1 + b1"
    assert inspector.blocks()[0].canvas.isVisible()  # the numbers of l1, before any step
    run = window.panes["run"]
    before = run.frames
    s.start_run()
    qtbot.waitUntil(lambda: window.center is run)  # Run from Step mode: the centre goes live
    qtbot.waitUntil(lambda: run.frames >= before + 2 and s.epoch > 0, timeout=10_000)
    assert run.headline.text().startswith("Epoch ")
    assert run.images["w1"].image is not None and run.images["w1"].image.shape == (2, 2)
    s.pause()
    qtbot.waitUntil(lambda: not s.running)


def test_the_welcome_shows_on_the_first_start_only(qtbot, make_window):
    first = make_window()
    assert first.welcome.isVisible()
    assert "Start with the lesson" in first.welcome.text.text()
    first.welcome.close_button.click()
    assert not first.welcome.isVisible()
    second = make_window()
    assert not second.welcome.isVisible()


def test_the_welcome_starts_the_lesson(qtbot, window):
    window.welcome.lesson_button.click()
    assert window.workspace.mode == "lesson" and window.docks["lesson"].isVisible()
    assert not window.welcome.isVisible()


def test_the_settings_of_these_tests_are_temporary(tmp_settings):
    assert QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "x", "y").fileName() \
        .startswith(str(tmp_settings))


def test_misclassified_rings_have_a_legend(window):
    plot = window.panes["boundary"]
    wrong = plot.misclassified()
    assert len(wrong) == 2
    assert plot.legend.isVisible()
    assert "misclassified now (2 of 4 points)" in plot.legend.text()


def test_a_1d_regression_is_titled_as_a_fit(qtbot, make_window, make_session):
    w = make_window(make_session("sine"))
    plot = w.panes["boundary"]
    assert plot.title() == "Fit"
    assert w.docks["boundary"].windowTitle() == "Fit"
    assert plot.plot_widget.getPlotItem().titleLabel.text == "y: the network's fit over x, with the data"
    assert not plot.legend.isVisible()
    w.files.new_from_preset("notebook-xor")  # 2-D again: a decision boundary
    assert w.docks["boundary"].windowTitle() == "Decision boundary"


def test_screenshot_size_is_exactly_the_size_asked_for(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from app.__main__ import main

    path = tmp_path / "shot.png"
    assert main(["--screenshot", str(path), "--size", "1280x800"]) == 0
    img = QImage(str(path))
    assert (img.width(), img.height()) == (1280, 800)


@pytest.mark.parametrize("size, words", [("abc", "expected WIDTHxHEIGHT"), ("100x100", "from 200x200"),
                                         ("99999x99999", "to 8192x8192")])
def test_a_bad_screenshot_size_is_refused_in_one_line(capsys, size, words):
    from app.__main__ import main

    with pytest.raises(SystemExit) as e:
        main(["--screenshot", "unused.png", "--size", size])
    assert e.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("backprop-tutor: error: argument --size") and words in err[-1]  # after the usage


def test_use_lr_1_keeps_the_practice_results_and_a_new_network_clears_plot_and_caption(qtbot, make_window):
    from app.state.commands import SetSpecCommand
    from engine.core.spec import Init, Layer

    w = make_window()
    w.mode_actions["practice"].trigger()
    pane, s = w.panes["practice"], w.session
    pane.set_code(CELL)
    pane.check()
    qtbot.waitUntil(lambda: pane.report is not None and not pane.busy_now, timeout=60_000)
    summary = pane.summary.text()
    assert s.try_push(SetSpecCommand(s, s.spec.with_changes(lr=1.0), params=s.trainer.params_copy())) is None
    assert pane.model.rowCount() == 12 and pane.summary.text() == summary  # the lesson's "Use lr 1"
    assert s.try_push(SetSpecCommand(s, s.spec.with_changes(hidden=[Layer(3, "sigmoid")], init=Init("xavier")))) is None
    assert pane.report is None and pane.model.rowCount() == 0
    assert pane.plot.learner_curve.getData()[0] is None or len(pane.plot.learner_curve.getData()[0]) == 0
    assert pane.plot.summary.text() == "Press “Train with my code” to plot your loss beside the engine's."


def test_views_never_import_the_shell():
    import ast

    for path in (ROOT / "app" / "views").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            assert not any(n.startswith("app.shell") for n in names), path


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_changing_mode_never_changes_the_windows_size(qtbot, make_window, size):
    """The new mode's centre never meets the old mode's docks: switching Step → Run (Space) on a moons
    session with mini-batches, Adam and a test split once grew a 1364 px window to 1533 px, past the screen."""
    from app.state.session import Session
    from engine.io.presets import load_preset
    from engine.training.trainer import Trainer

    spec, data = load_preset("moons")
    spec = spec.with_changes(batch_size=16, optimizer="adam", lr=0.05)
    trainer = Trainer(spec, data.with_split(0.25, 0))
    for _ in trainer.train(30):
        pass
    s = Session(trainer)
    w = make_window(s, restore=True)
    w.resize(*size)
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: w.size().width() == size[0])
    widths = []
    for key in ["run", "practice", "lesson", "step", "practice", "run", "step"]:
        w.mode_actions[key].trigger()
        qtbot.waitUntil(lambda: w.workspace.mode == key)
        widths.append((key, w.width()))
    s.start_run()  # Run (Space) from Step: the mode follows the run
    qtbot.waitUntil(lambda: w.workspace.mode == "run")
    widths.append(("space", w.width()))
    s.stop_run()
    qtbot.waitUntil(lambda: not s.running)
    assert widths == [(k, size[0]) for k, _ in widths]


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_changing_mode_during_a_run_never_widens_the_window(qtbot, make_window, size):
    """The labels a run updates ten times a second are held at their size while it lasts (held_label.py):
    Practice → Lesson during a run once held the loss readout at a transient 544 px and grew a 1366 px
    window to 1466, and the run view's headline kept a 956 px minimum in Run mode, past a 1280 px window."""
    w = make_window()
    w.resize(*size)
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: w.size().width() == size[0])
    s = w.session
    with qtbot.waitSignal(s.run_frame, timeout=10_000):
        s.start_run()
    try:
        for key in ["practice", "lesson", "run", "step", "lesson", "run", "practice"]:
            w.mode_actions[key].trigger()
            for _ in range(3):  # frames arrive and hold their labels in the new layout
                with qtbot.waitSignal(s.run_frame, timeout=10_000):
                    pass
            assert w.width() == size[0], (key, w.width())
            assert w.minimumSizeHint().width() <= 1280, (key, w.minimumSizeHint().width())
    finally:
        s.stop_run()
        qtbot.waitUntil(lambda: not s.running)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_first_operation_shows_its_numbers_at_1280(qtbot, make_window, lang):
    """The list of operations' title ("Epoch 0 · epoch 1 ready to step (17 operations)", one line) held the
    left column at 295 px instead of its 197: at 1280×800 in English the inspector had 2 px too little for
    l1 = X @ w1 + b1 in numbers and drew the notebook's first operation as colours only."""
    from app.shell.modes import LEFT_WIDTH

    install_translator(None, lang)
    w = make_window()
    w.resize(1280, 800)
    _settle(qtbot, w)
    qtbot.waitUntil(lambda: w.width() == 1280)
    qtbot.wait(1)  # (the columns are sized a turn of the event loop after the first show)
    assert w.docks["timeline"].width() <= LEFT_WIDTH * 1280 // 1366 + 10
    inspector = w.panes["inspector"]
    assert inspector.formula.text() == "l1 = X @ w1 + b1"
    assert not any(b.canvas.is_heat_map() for b in inspector.blocks())
    assert not inspector.scroll.horizontalScrollBar().isVisible()
    title = w.panes["timeline"].title
    assert title.height() >= title.heightForWidth(title.width())  # the title whole, on two lines if need be


def test_practice_after_checking_the_notebooks_cell_in_korean_shows_every_verdict_and_the_hint(qtbot, make_window):
    """The same at 1366×768 with the interface in Korean from the start (its hints are longer per line)."""
    install_translator(None, "ko")
    w = make_window()
    w.resize(1366, 768)
    _settle(qtbot, w)
    w.mode_actions["practice"].trigger()
    pane = w.panes["practice"]
    pane.set_code(CELL)
    pane.check()
    qtbot.waitUntil(lambda: pane.report is not None and not pane.busy_now, timeout=60_000)
    table, model = pane.table, pane.model
    assert model.rowCount() == 12
    viewport = table.viewport().rect()
    for r in range(model.rowCount()):
        assert viewport.contains(table.visualRect(model.index(r, 0))), r
    assert pane.hint.isVisible() and pane.hint.text().startswith("d_loss: d_loss는 올바른 값의 −4배")
    assert pane.hint.height() >= pane.hint.heightForWidth(pane.hint.width())
    assert pane.editor.isVisible() and pane.editor.viewport().height() > 200
    assert not pane.editor.horizontalScrollBar().isVisible() or \
        pane.editor.viewport().width() >= pane.editor.fontMetrics().horizontalAdvance(
            "    d_w2 = torch.matmul(torch.transpose(a1, 0, 1), d_l2)")
