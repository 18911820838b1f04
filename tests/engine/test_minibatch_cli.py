"""`python -m engine run|trace|export --batch-size K`: bounded, one line and exit 2 when out of range; the trace
of a mini-batch step shows the batch's rows in every shape."""

from __future__ import annotations

import json

import pytest

from engine.cli.main import main


@pytest.mark.parametrize("command", ["run", "trace", "export"])
@pytest.mark.parametrize("k,says", [("0", "out of range; use 1 to"), ("301", "the data has 300 rows, so use 1 to 300"),
                                     ("x", "not a whole number")])
def test_batch_size_out_of_range_is_one_line_and_exit_2(command, k, says, capsys):
    try:
        code = main([command, "--preset", "spiral", "--batch-size", k])
    except SystemExit as e:  # argparse's own range check
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_trace_of_a_mini_batch_step_shows_its_rows(capsys):
    assert main(["trace", "--preset", "spiral", "--batch-size", "32", "--step", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["epoch"], out["batch_step"], out["batch_steps"]) == (1, 2, 10)
    assert len(out["batch_rows"]) == 32 and len(set(out["batch_rows"])) == 32
    l1 = out["steps"][0]
    assert l1["name"] == "l1" and l1["shape"] == [32, 32] and l1["operands"][0]["shape"] == [32, 2]
    assert main(["trace", "--preset", "spiral", "--batch-size", "32", "--step", "11"]) == 2
    assert "use 1 to 10" in capsys.readouterr().err
    assert main(["trace", "--preset", "spiral", "--batch-size", "32", "--step", "10"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("epoch 1, mini-batch 10 of 10") and "X (12×2)" in text


def test_run_with_batch_size_reports_per_epoch_losses(capsys, tmp_path):
    path = tmp_path / "s.json"
    assert main(["run", "--preset", "notebook-xor", "--batch-size", "1", "--epochs", "20", "--json",
                 "--save", str(path)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["end_epoch"] == 20 and len(out["log"]) == 20
    doc = json.loads(path.read_text())
    assert doc["network"]["batch_size"] == 1 and len(doc["step_losses"]) == 80  # 4 steps an epoch
