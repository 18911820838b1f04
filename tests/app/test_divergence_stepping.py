"""Stepping in the app diagnoses a non-finite value in any operation (here l1 overflowing while the loss stays
finite) with the same diagnosis as `run`, emitted once, and the banner shows it in the interface language."""

from __future__ import annotations

import torch

from app.shell.banner import DivergenceBanner

HUGE = torch.tensor([[3e38, 3e38], [3e38, 3e38]])


def test_step_epoch_reports_an_overflowing_forward_pass_once(qtbot, session):
    session.trainer.set_param("w1", HUGE)
    got = []
    session.diverged.connect(got.append)
    with qtbot.waitSignal(session.diverged, timeout=5000):
        session.step_epoch()
    session.step_epoch()  # the same divergence is not reported again
    assert len(got) == 1
    d = got[0]
    assert (d.epoch, d.step, d.phase, d.text.code) == (1, "l1", "forward", "diverge.linear_overflow")
    assert d.text.args["cause"].code == "cause.start"  # huge starting weights, not the learning rate
    banner = DivergenceBanner()
    qtbot.addWidget(banner)
    banner.show_diagnosis(d)
    assert banner.text.text() == d.reason and "start from smaller weights" in d.reason
