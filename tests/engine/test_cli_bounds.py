"""Unbounded CLI input exits 2 with one line saying the allowed range, or that a path is not a regular file,
instead of overflowing, running for ages or blocking forever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
HUGE = "1" + "0" * 40  # 10**40


def one_error_line(capsys, *argv) -> str:
    with pytest.raises(SystemExit) as e:  # argparse refuses the argument itself
        main(list(map(str, argv)))
    assert e.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("argv, words", [
    (("check", "x.py", "--timeout", "1e10"), "argument --timeout: 1e10 is out of range; use a number above 0 "
                                             "and at most 3600"),
    (("check", "x.py", "--timeout", "inf"), "argument --timeout: inf is out of range"),
    (("check", "x.py", "--train", HUGE), "argument --train: 10000000000000000000000… is out of range; use 1 to "
                                         "100000"),
    (("check", "x.py", "--memory", HUGE), "argument --memory: 10000000000000000000000… is out of range"),
    (("trace", "--epoch", HUGE), "argument --epoch: 10000000000000000000000… is out of range; use 1 to "
                                 "1000000000"),
    (("run", "--epochs", HUGE), "argument --epochs: 10000000000000000000000… is out of range; use 1 to 100000000"),
    (("run", "--epochs", "9" * 5000), "argument --epochs: '99999999999999999999999…' is not a whole number from 1 to 100000000"),
])
def test_out_of_range_arguments_say_the_range(capsys, argv, words):
    line = one_error_line(capsys, *argv)
    assert line.startswith("python -m engine") and words in line


def test_trace_refuses_to_run_too_far_ahead(capsys):
    assert main(["trace", "--epoch", "1000000"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: epoch: 1000000 is out of range; this session is at epoch 0, so use 1 to 100001"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("kind", ["session", "csv"])
def test_a_named_pipe_is_refused_not_read(tmp_path, kind):
    fifo = tmp_path / ("pipe.json" if kind == "session" else "pipe.csv")
    os.mkfifo(fifo)
    if kind == "session":
        code = f"import sys; from engine.cli.main import main; sys.exit(main(['run', {str(fifo)!r}]))"
    else:
        code = (f"from engine.io.csvdata import load_csv\n"
                f"try:\n    load_csv({str(fifo)!r})\nexcept Exception as e:\n    print(e)\n")
    # the timeout only keeps a regression from hanging the suite: opening the pipe used to block forever
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    what = "a session file" if kind == "session" else "a CSV file"
    if kind == "session":
        assert r.returncode == 2
        assert r.stderr.strip() == f"error: {fifo} is not a regular file (a pipe, socket or device); give {what}"
    else:
        assert r.stdout.strip() == f"file: {fifo} is not a regular file (a pipe, socket or device); give {what}"
