"""`backprop-tutor` arguments: --screenshot writes a PNG; a bad session file exits 2 with one line."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from app.__main__ import main


def test_screenshot_writes_the_whole_window(qapp, tmp_path):
    path = tmp_path / "shot.png"
    assert main(["--screenshot", str(path), "--epochs", "20"]) == 0
    img = QImage(str(path))
    assert (img.width(), img.height()) == (1366, 768)  # a laptop's screen (--size WxH for another)


def test_a_bad_session_file_with_screenshot_exits_2_with_one_line(qapp, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("not json at all", encoding="utf-8")
    assert main([str(bad), "--screenshot", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("backprop-tutor: cannot open ") and "Traceback" not in err
    assert not (tmp_path / "x.png").exists()


def test_a_missing_file_and_an_unknown_preset_exit_2(qapp, tmp_path, capsys):
    assert main([str(tmp_path / "nope.json"), "--screenshot", str(tmp_path / "x.png")]) == 2
    assert main(["--preset", "nope", "--screenshot", str(tmp_path / "x.png")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2 and "nope.json" in lines[0] and "'nope'" in lines[1]


def test_bad_arguments_exit_2(qapp):
    with pytest.raises(SystemExit) as e:
        main(["--lang", "fr"])
    assert e.value.code == 2


def test_an_unreadable_file_when_interactive_explains_and_opens_the_default_preset(qapp, tmp_path, monkeypatch, asked):
    from PySide6.QtWidgets import QApplication

    from app.shell.main_window import MainWindow

    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)  # no event loop: just build and show
    assert main([str(bad)]) == 0
    assert asked.kinds() == ["error"]
    text = asked.texts("error")[0]
    assert str(bad) in text and "The default preset is open instead." in text
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert windows and windows[-1].session.source_name == "notebook-xor"
    for w in windows:
        w.confirm_close = False
        w.close()


def test_the_app_trains_on_one_torch_thread(qapp, tmp_path):
    """A second intra-op thread only waits on busy cores (engine/training/threads.py): the app, like the CLI,
    asks for one before it trains."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        assert main(["--screenshot", str(tmp_path / "x.png")]) == 0
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
