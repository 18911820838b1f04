"""Session files refused from their declared sizes (engine/io/session_precheck.py): the CPU time and the
peak memory of `load` on two generated oversized files, against json.loads of the same text (what loading
cost before the pre-check refused them)."""

from __future__ import annotations

import json
import os
import tempfile
import time
import tracemalloc

from engine.core.errors import SessionError
from engine.io import session_file as S
from engine.io.presets import load_preset
from engine.training.trainer import Trainer


def _files() -> dict[str, str]:
    spec, data = load_preset("notebook-xor")
    good = json.loads(S.dumps(S.from_trainer(Trainer(spec, data))))
    n = 1_700_000
    points = {**good, "data": {"task": "binary", "n_classes": 2, "X": [[0.123456789, 0.987654321]] * n,
                               "y": [0, 1] * (n // 2)}}
    layers = {**good, "network": {**good["network"], "hidden": [{"units": 2, "activation": "sigmoid"}] * 1_000_000}}
    return {"inline data": json.dumps(points), "10⁶ hidden layers": json.dumps(layers)}


def _cpu(fn) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def _refuse(path: str) -> None:
    try:
        S.load(path)
    except SessionError:
        return
    raise AssertionError(f"{path} was not refused")


def run() -> list[tuple[str, float, float | None, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name, text in _files().items():
            path = os.path.join(folder, "big.json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            size = os.path.getsize(path)
            refuse = min(_cpu(lambda: _refuse(path)) for _ in range(3))
            parse = _cpu(lambda: json.loads(text))
            tracemalloc.start()
            _refuse(path)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            mb = f"{size / 2**20:.0f} MB"
            rows += [
                (f"{mb} {name}: load refuses it (CPU s)", refuse, 1.0, "<="),
                (f"{mb} {name}: json.loads alone (CPU s)", parse, None, ""),
                (f"{mb} {name}: peak memory / file size", peak / size, 4.0, "<="),
            ]
    return rows
