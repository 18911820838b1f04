"""Oversized session files are refused from the sizes they declare, before json.loads builds them
(engine/io/session_precheck.py); files the pre-check cannot follow go to the full parse unchanged."""

from __future__ import annotations

import json
import tracemalloc
import types

import pytest

from engine.core.errors import SessionError
from engine.io import session_file as S
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, load, loads
from engine.io.session_precheck import precheck
from engine.training.trainer import Trainer


@pytest.fixture(scope="module")
def good() -> dict:
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec, data)
    for _ in range(3):
        t.step()
    return json.loads(S.dumps(from_trainer(t)))


def with_(doc: dict, **changes) -> dict:
    """A copy of `doc` with top-level keys, or network__key / data__key, replaced."""
    d = {**doc, "network": dict(doc["network"]), "data": dict(doc["data"])}
    for path, value in changes.items():
        *head, last = path.split("__")
        (d[head[0]] if head else d)[last] = value
    return d


@pytest.fixture
def no_parse(monkeypatch):
    """json.loads of the session file fails the test: the file must be refused before it."""
    def fail(*a, **k):
        raise AssertionError("json.loads ran on a file that its declared sizes refuse")
    monkeypatch.setattr(S, "json", types.SimpleNamespace(loads=fail, JSONDecodeError=json.JSONDecodeError))


def refusal(text: str) -> tuple[str, str]:
    with pytest.raises(SessionError) as e:
        loads(text)
    return e.value.field, e.value.message


def inline_data(n: int, features: int = 2) -> dict:
    return {"task": "binary", "n_classes": 2, "X": [[0.123456789] * features] * n, "y": [0, 1] * (n // 2) + [0] * (n % 2)}


# ----- huge generated files, refused from their sizes --------------------------------------------------------
def test_a_million_hidden_layers_file_is_refused_without_parsing(good, tmp_path, no_parse):
    path = tmp_path / "layers.json"
    path.write_text(json.dumps(with_(good, network__hidden=[{"units": 2, "activation": "sigmoid"}] * 1_000_000)))
    assert path.stat().st_size > 30e6
    with pytest.raises(SessionError) as e:
        load(path)
    assert (e.value.field, e.value.message) == ("network.hidden", "1000000 hidden layers; use 0 to 8")


def test_a_large_inline_data_file_is_refused_without_parsing_and_in_little_memory(good, tmp_path, no_parse):
    path = tmp_path / "points.json"
    path.write_text(json.dumps(with_(good, data=inline_data(1_500_000))))
    size = path.stat().st_size
    assert size > 40e6
    tracemalloc.start()
    try:
        with pytest.raises(SessionError) as e:
            load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (e.value.field, e.value.message) == ("data.X", "1500000 points; at most 100000")
    assert peak < 4 * size  # the bytes, their text and the list's skeleton: never a Python float per number


@pytest.mark.parametrize("indent", [None, 2])
def test_each_limit_gives_the_message_of_the_full_check(good, no_parse, indent):
    wide = inline_data(6)
    wide["X"] = [[0.5, 0.5]] * 3 + [[0.25] * 70] + [[1.0] * 65]
    cases = [
        (with_(good, network__hidden=[{"units": 2, "activation": "sigmoid"}] * 9),
         ("network.hidden", "9 hidden layers; use 0 to 8")),
        (with_(good, data=inline_data(100_001)), ("data.X", "100001 points; at most 100000")),
        (with_(good, data={**inline_data(4), "y": [0] * 100_001}), ("data.y", "100001 points; at most 100000")),
        (with_(good, data=wide), ("data.X[3]", "70 features; a network takes at most 64 inputs")),
        (with_(good, losses=[0.5] * 1000), ("losses", "has 1000 entries; a session at epoch 3 needs 3, "
                                                      "one per epoch done")),
        (with_(good, accuracies=["NaN", 0.5]), ("accuracies", "has 2 entries; a session at epoch 3 needs 3, "
                                                              "one per epoch done")),
    ]
    for doc, expected in cases:
        assert refusal(json.dumps(doc, indent=indent)) == expected


def test_the_order_of_the_keys_does_not_matter(good, no_parse):
    doc = with_(good, network__hidden=[{"units": 2, "activation": "tanh"}] * 20, data=inline_data(200_000))
    backwards = dict(reversed(list(doc.items())))  # data before network: still the hidden layers first
    assert refusal(json.dumps(backwards)) == ("network.hidden", "20 hidden layers; use 0 to 8")


def test_bare_nan_words_in_the_history_are_counted_as_entries(good, no_parse):
    text = json.dumps(with_(good, losses=[0.5, 0.5, 0.5, 0.5])).replace('"losses": [', '"losses": [NaN, ', 1)
    assert refusal(text) == ("losses", "has 5 entries; a session at epoch 3 needs 3, one per epoch done")


# ----- what the pre-check cannot follow goes to the full parse, which says what is wrong --------------------------
@pytest.mark.parametrize("change, field", [
    ({"network__hidden": [{"units": 2, "activation": "sig]moid,"}] * 9}, "network.hidden"),  # brackets in a string
    ({"network__hidden": [{"units": 2, "activation": "sigm\\u006fid"}] * 9}, "network.hidden"),  # an escape
    ({"data": {**inline_data(4), "X": [[[0.5]], [1.0, 2.0], [0.0, 1.0], [1.0, 1.0]]}}, "data"),  # nested deeper
])
def test_files_it_cannot_follow_get_the_full_checks_message(good, change, field):
    text = json.dumps(with_(good, **change))
    precheck(text)  # does not refuse: it cannot tell
    assert refusal(text)[0].startswith(field)


def test_good_files_and_broken_json_pass_through(good):
    text = json.dumps(good)
    precheck(text)
    precheck(json.dumps(good, indent=4))
    assert loads(text).epoch == 3
    for broken in ('{"network": {"hidden": [', '[1, 2]', '{"losses": [1, 2], "epoch": 2', '"text"', "{"):
        precheck(broken)  # nothing to say: the full parse names the syntax error
    assert refusal('{"network": {"hidden": [')[0].startswith("line 1")
