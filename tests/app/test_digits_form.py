"""The Network form on the digits: it names the real data set (no generator fields to edit) and survives it."""

from __future__ import annotations

from app.state.session import Session
from app.views.topology_form import TopologyForm
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def test_the_data_form_names_the_digits(qtbot):
    session = Session(Trainer(*load_preset("digits")))
    form = TopologyForm(session)
    qtbot.addWidget(form)
    assert form.generator.currentText() == "digits: 1797 real images"
    assert form.generator.currentData() is None
    assert form.n.value() == 1797 and not form.n.isEnabled() and not form.noise.isEnabled()
    assert form.data_note.text() == "a real data set (resources/data); pick a generator to leave it"
    assert form.inputs.text() == "64 (from the data: 1797 points, 10 classes)"
