"""Files: Save / Open round trip, a corrupt file, unsaved-changes prompts, recent files, plot export."""

from __future__ import annotations

import os

import pytest
import torch

from app import settings
from engine.io.session_file import load


def train(session, epochs):
    for _ in range(epochs):
        session.step_epoch()


def test_save_then_open_gives_identical_numbers(qtbot, make_window, tmp_path, asked, make_session):
    w = make_window()
    s = w.session
    train(s, 5)
    assert s.dirty and w.windowTitle() == "notebook-xor[*] — Backprop Tutor" and w.isWindowModified()
    path = str(tmp_path / "xor.json")
    asked.answers["save"] = path
    w.acts.save.trigger()  # no file yet: Save asks where (Save As)
    assert asked.kinds() == ["save"]
    assert os.path.exists(path) and not s.dirty and not w.isWindowModified()
    assert w.windowTitle() == "xor.json[*] — Backprop Tutor"
    assert settings.recent_files() == [path]

    w2 = make_window(make_session("moons"))
    assert w2.files.open_path(path)
    s2 = w2.session
    assert s2.epoch == 5 and list(s2.losses) == list(s.losses)
    for k, v in s.trainer.params.items():
        assert torch.equal(s2.trainer.params[k], v)
    assert w2.windowTitle() == "xor.json[*] — Backprop Tutor" and not s2.dirty
    # both continue identically
    s.step_epoch()
    s2.step_epoch()
    assert s2.losses[-1] == s.losses[-1]
    for k, v in s.trainer.params.items():
        assert torch.equal(s2.trainer.params[k], v)


def test_a_corrupt_session_file_is_explained_and_changes_nothing(qtbot, window, tmp_path, asked):
    s = window.session
    train(s, 2)
    trainer, params = s.trainer, s.trainer.params_copy()
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "backprop-tutor-session", "version": 1, "network": ', encoding="utf-8")
    asked.answers["open"] = str(bad)
    window.acts.open.trigger()
    assert asked.kinds() == ["unsaved", "open", "error"]
    text = asked.texts("error")[0]
    assert str(bad) in text
    assert s.trainer is trainer and s.epoch == 2
    for k, v in params.items():
        assert torch.equal(s.trainer.params[k], v)
    assert s.dirty and window.windowTitle().startswith("notebook-xor[*]")


def test_open_asks_about_unsaved_changes_and_cancel_keeps_everything(
    qtbot, window, tmp_path, asked, make_session
):
    s = window.session
    other = tmp_path / "other.json"
    from engine.io.session_file import from_trainer, save

    save(from_trainer(make_session("moons").trainer), other)
    train(s, 1)
    asked.answers["unsaved"] = "cancel"
    assert not window.files.open_path(str(other))
    assert asked.kinds() == ["unsaved"] and s.source_name == "notebook-xor" and s.epoch == 1
    asked.answers["unsaved"] = "discard"
    assert window.files.open_path(str(other))
    assert s.data.name == "moons" and s.epoch == 0 and not s.dirty


def test_save_on_close_writes_the_file(qtbot, make_window, tmp_path, asked):
    w = make_window()
    train(w.session, 3)
    path = tmp_path / "closing.json"
    asked.answers.update(unsaved="save", save=str(path))
    assert w.close()
    assert load(path).epoch == 3


def test_cancel_on_close_keeps_the_window_open(qtbot, window, asked):
    train(window.session, 1)
    asked.answers["unsaved"] = "cancel"
    assert not window.close()
    assert window.isVisible()


def test_new_from_preset_menu(qtbot, window):
    acts = {a.data(): a for a in window.files.preset_menu.actions()}
    assert {"notebook-xor", "spiral", "sine"} <= set(acts)
    acts["spiral"].trigger()
    s = window.session
    assert s.spec.outputs == 3 and s.source_name == "spiral"
    assert window.windowTitle() == "spiral[*] — Backprop Tutor"
    assert not s.dirty and s.undo_stack.count() == 0


def test_open_recent_lists_saved_files(qtbot, window, tmp_path, asked):
    path = str(tmp_path / "r.json")
    assert window.files.save_to(path)
    window.files.fill_recent_menu()
    texts = [a.text() for a in window.files.recent_menu.actions()]
    assert texts[0] == "&1  r.json"


def test_export_loss_plot_as_png(qtbot, window, tmp_path, asked):
    if "loss" not in window.panes:
        pytest.skip("the loss plot pane is not there yet")
    train(window.session, 3)
    path = tmp_path / "loss.png"
    asked.answers["save"] = str(path)
    export = window.files.export_menu.actions()[0]
    export.trigger()
    assert path.exists() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "error" not in asked.kinds()
