"""Issue 11: a workspace that fits a 1366×768 laptop in both languages. What the learner sees there: the
64-unit spiral network's matrices inside the inspector's width (no sideways scroll), the diagram's labels
and edge values whole and apart, a one-line welcome."""

from __future__ import annotations

import pytest

from app.i18n import install_translator


def _laid_out(qtbot, w, size=(1366, 768)):
    w.resize(*size)
    qtbot.waitUntil(lambda: w.laid_out)
    qtbot.waitUntil(lambda: w.width() == size[0])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_spiral_networks_matrices_fit_the_inspector_at_1366(qtbot, make_window, lang):
    from app.state.session import Session
    from app.views.inspector.fixtures import go_to, spiral64_trainer

    install_translator(None, lang)
    w = make_window(Session(spiral64_trainer()))
    _laid_out(qtbot, w)
    pane = w.panes["inspector"]
    bar = pane.scroll.horizontalScrollBar()
    for name in ("l1", "d_w2"):
        go_to(w.session, name)
        assert pane.formula.text().startswith(name)
        qtbot.waitUntil(lambda: not bar.isVisible() and bar.maximum() == 0, timeout=3000)
        view = pane.scroll.viewport()
        for blk in pane.blocks():  # every matrix's frame whole inside the visible width
            left = blk.scroll.mapTo(view, blk.scroll.rect().topLeft()).x()
            assert 0 <= left and left + blk.scroll.width() <= view.width(), (name, blk.term.label)
        wide = pane.blocks()[1] if name == "d_w2" else pane.blocks()[0]
        assert wide.canvas.is_heat_map() and wide.scroll.width() >= 100  # drawn smaller, still a picture
