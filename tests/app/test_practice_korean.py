"""The Practice pane in Korean: the checker's hints arrive as codes and arguments (`check --json`) and are shown
from the engine's templates translated through Qt, for a Python error in the learner's cell and for the
notebook's own bias mistake (d_b2 = d_l2, then b2 -= lr * torch.mean(d_b2, 0)). Two checks, one process each."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n import install_translator
from app.views.practice.pane import PracticePane

CELL = (Path(__file__).resolve().parents[2] / "resources" / "lessons" / "notebook_cell.py").read_text(
    encoding="utf-8")
CHECK_TIMEOUT_MS = 60_000
HANGUL = re.compile(r"[가-힣]")
# English prose of the engine's templates; none of it may be left in a Korean hint
ENGLISH = re.compile(r"\b(the|is|are|did you mean|names bound|batch axis|per-sample|update|sum over|right)\b")


@pytest.fixture
def korean_pane(qtbot, session):
    assert install_translator(QApplication.instance(), "ko")
    p = PracticePane(session)
    qtbot.addWidget(p)
    p.resize(1400, 820)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.shutdown()
    install_translator(QApplication.instance(), "en")


def check(qtbot, pane, code: str):
    pane.set_code(code)
    with qtbot.waitSignal(pane.finished, timeout=CHECK_TIMEOUT_MS):
        pane.check()
    return pane.report


def korean(text: str) -> bool:
    return bool(HANGUL.search(text)) and not ENGLISH.search(text)


def test_a_name_error_in_the_learners_cell_is_hinted_in_korean(qtbot, korean_pane):
    rep = check(qtbot, korean_pane, "d_loss = -(y/y_pred - (1-y)/(1-y_pred)) / N\nd_l2 = sigmoid_p(l2) * d_los\n")
    e = rep.error
    assert (e.type, e.line, e.code) == ("NameError", 2, "name")
    assert e.hint_text["code"] == "checker.hint.did_you_mean" and e.hint_text["args"]["close"] == "d_loss"
    assert e.hint.startswith("did you mean d_loss? The names bound for you:")  # the engine's English, kept
    box = korean_pane.error_box.text()
    assert "d_loss를 뜻했나요? 주어진 이름: " in box  # the particle follows the name: d_loss를
    hint = box.split("<br>")[-1]
    assert korean(hint), hint


def test_the_notebooks_bias_mistake_is_hinted_in_korean(qtbot, korean_pane):
    rep = check(qtbot, korean_pane, CELL)
    pane, model = korean_pane, korean_pane.model
    d_b2, b2 = rep.result("d_b2"), rep.result("b2")
    assert (d_b2.status, d_b2.hint_code, d_b2.hint_text["code"]) == ("shape", "sum_batch_axis",
                                                                     "checker.grad.sum_batch_axis")
    assert (b2.status, b2.hint_code, b2.hint_text["code"]) == ("follows", "update_mean", "checker.update.mean")
    pane.table.selectRow(model.row_of("d_b2"))
    text = pane.hint.text()
    assert text.startswith("d_b2: d_b2는 (4×1)입니다: 샘플 4개마다 행이 하나씩인 샘플별 값입니다.")
    assert "배치 축으로 더하세요: d_b2 = d_l2.sum(0)." in text and korean(text), text
    pane.table.selectRow(model.row_of("b2"))
    text = pane.hint.text()
    assert text.startswith("b2: 이 업데이트는 lr × (d_b2의 배치 축 평균)을 뺍니다")
    assert korean(text), text


def test_the_training_plots_loss_title_is_horizontal_korean_and_its_log_ticks_do_not_crowd(qtbot):
    """Rotated beside the axis, "손실 (로그 눈금)" lay on its side; it is the plot's first row now, level."""
    from app.views.practice.train_plot import TrainPlot

    assert install_translator(QApplication.instance(), "ko")
    try:
        plot = TrainPlot()
        qtbot.addWidget(plot)
        plot.resize(700, 260)
        plot.show()
        qtbot.waitExposed(plot)
        pi = plot.plot_widget.getPlotItem()
        axis, title = pi.getAxis("left"), pi.titleLabel
        assert not axis.label.isVisible()  # no rotated title beside the axis
        assert title.isVisible() and title.text == "손실 (로그 눈금)" and title.item.rotation() == 0
        box = title.mapRectToScene(title.item.mapRectToParent(title.item.boundingRect()))
        assert box.width() > box.height() and plot.plot_widget.sceneRect().contains(box)  # level, all of it
        # a decade's ticks are labelled at 1, 2 and 5 only
        strings = axis.logTickStrings([0.0, 0.30103, 0.47712, 0.69897, 0.9031, 1.0], 1, 1)
        assert [s != "" for s in strings] == [True, True, False, True, False, True]
    finally:
        install_translator(QApplication.instance(), "en")
