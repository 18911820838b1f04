"""Session files: exact round trips, bit-identical continuation, a precise message for every bad file,
nothing but SessionError from any input, and atomic saves."""

import builtins
import copy
import json
import math
import os
import stat
import struct

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.io import session_file as S
from engine.core.errors import SessionError
from engine.io.presets import load_preset
from engine.io.session_file import FORMAT, VERSION, SessionState, from_trainer, load, loads, save
from engine.io import session_read
from engine.training.trainer import Trainer


@pytest.fixture(autouse=True, scope="module")
def _one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices; threads only spin on shared cores
    yield
    torch.set_num_threads(n)


def trained(name="notebook-xor", epochs=5, traced=1, **changes) -> Trainer:
    spec, data = load_preset(name)
    if changes:
        spec = spec.with_changes(**changes)
    t = Trainer(spec, data)
    for _ in t.train(epochs, every=epochs + 1):
        pass
    for _ in range(traced):
        t.step()  # a traced epoch also measures accuracy
    return t


def doc_of(t: Trainer, **kw) -> dict:
    return json.loads(S.dumps(from_trainer(t, **kw)))


def load_doc(doc) -> SessionState:
    return loads(json.dumps(doc))


def error_of(doc_or_text) -> SessionError:
    text = doc_or_text if isinstance(doc_or_text, (str, bytes)) else json.dumps(doc_or_text)
    with pytest.raises(SessionError) as e:
        loads(text)
    return e.value


def same_floats(a, b) -> bool:
    """Equal bit for bit, NaN included."""
    return len(a) == len(b) and all(struct.pack("<d", x) == struct.pack("<d", y) for x, y in zip(a, b))


# ----- round trips --------------------------------------------------------------------------------
def test_round_trip_is_exact(tmp_path):
    t = trained("xor-tanh", epochs=37, momentum=0.9)
    state = from_trainer(t, practice_code="# 역전파\nw1 -= lr * d_w1\n", extra={"app": {"pane": [1, 2]}})
    path = tmp_path / "s.json"
    save(state, path)
    back = load(path)
    assert back.spec == state.spec
    assert torch.equal(back.data.X, state.data.X) and torch.equal(back.data.y, state.data.y)
    assert back.epoch == 38
    for name in state.params:
        assert back.params[name].dtype == torch.float32
        assert torch.equal(back.params[name], state.params[name]), name
        assert torch.equal(back.velocity[name], state.velocity[name]), name
    assert same_floats(back.losses, state.losses)
    assert same_floats(back.accuracies, state.accuracies)
    assert math.isnan(back.accuracies[0]) and back.accuracies[-1] == 1.0
    assert back.practice_code == state.practice_code and back.extra == state.extra
    save(back, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == path.read_bytes()


@settings(max_examples=200, deadline=None)
@given(st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_float32_survives_repr_and_json_exactly(x):
    t = torch.tensor([x], dtype=torch.float32)
    back = torch.tensor(json.loads(json.dumps(t.tolist())), dtype=torch.float64).to(torch.float32)
    assert back.view(torch.int32).item() == t.view(torch.int32).item()


@pytest.mark.parametrize("name, changes", [("notebook-xor", {}), ("xor-tanh", {"momentum": 0.9}),
                                           ("sine", {"dtype": "float64", "l2": 0.001})])
def test_save_load_continue_is_bit_identical(tmp_path, name, changes):
    spec, data = load_preset(name)
    spec = spec.with_changes(**changes)
    straight = Trainer(spec, data)
    for _ in straight.train(150, every=1000):
        pass
    first = Trainer(spec, data)
    for _ in first.train(50, every=1000):
        pass
    save(from_trainer(first), tmp_path / "half.json")
    second = load(tmp_path / "half.json").to_trainer()
    for _ in second.train(100, every=1000):
        pass
    assert second.epoch == straight.epoch == 150
    for k in straight.params:
        assert torch.equal(second.params[k], straight.params[k]), k
    assert same_floats(second.losses, straight.losses)


def test_inline_data_round_trips(tmp_path):
    spec, data = load_preset("notebook-xor")
    data = data.with_point([0.5, 0.5], 1)  # edited points are stored inline
    t = Trainer(spec, data)
    t.step()
    save(from_trainer(t), tmp_path / "s.json")
    doc = json.loads((tmp_path / "s.json").read_text("utf-8"))
    assert "X" in doc["data"] and "generator" not in doc["data"]
    back = load(tmp_path / "s.json")
    assert torch.equal(back.data.X, data.X) and torch.equal(back.data.y, data.y)


def test_file_is_strict_json_with_the_documented_layout(tmp_path):
    t = trained(epochs=1, traced=1)
    state = from_trainer(t)
    state = state.with_changes(losses=[math.nan, math.inf])
    text = S.dumps(state)
    assert "NaN" not in text.replace('"NaN"', "")
    doc = json.loads(text, parse_constant=lambda c: pytest.fail(f"bare {c} token"))
    # (test_losses and test_accuracies are written only for data with a test split)
    assert list(doc) == [k for k in S.KEY_ORDER if not k.startswith("test_")]
    assert doc["format"] == FORMAT and doc["version"] == VERSION == 2
    # the trained epoch ended a train() run, so its snapshot recorded its accuracy too
    assert doc["losses"] == ["NaN", "Infinity"] and doc["accuracies"] == [0.5, 0.5]
    back = loads(text)
    assert math.isnan(back.losses[0]) and back.losses[1] == math.inf


def test_bare_nan_tokens_are_accepted_in_the_history_only():
    doc = doc_of(trained(epochs=1, traced=1))
    text = json.dumps(doc).replace('"losses": [', '"losses": [NaN, ', 1).replace('"epoch": 2', '"epoch": 3')
    text = text.replace('"accuracies": [', '"accuracies": [NaN, ', 1)
    back = loads(text)
    assert math.isnan(back.losses[0]) and math.isnan(back.accuracies[0]) and back.epoch == 3


# ----- every bad file gets its message ----------------------------------------------------------
@pytest.fixture(scope="module")
def good() -> dict:
    return doc_of(trained(epochs=2, traced=1))


def changed(doc, path, value=..., delete=False):
    d = copy.deepcopy(doc)
    *head, last = path
    target = d
    for key in head:
        target = target[key]
    if delete:
        del target[last]
    else:
        target[last] = value
    return d


BAD = [
    # (path, value or "DEL", field, message fragment)
    (("format",), "other", "format", '"other" is not a Backprop Tutor session'),
    (("format",), "DEL", "format", "missing: this JSON is not a Backprop Tutor session"),
    (("version",), 3, "version", "version 3 is newer than this Backprop Tutor reads (2)"),
    (("version",), 0, "version", "unknown version 0"),
    (("version",), "1", "version", 'must be a whole number, not "1"'),
    (("version",), "DEL", "version", "missing"),
    (("params",), "DEL", "params", "missing; a session file needs"),
    (("losses",), "DEL", "losses", "missing"),
    (("network",), "DEL", "network", "missing"),
    (("surprise",), 1, "surprise", "unknown key"),
    (("params", "w2"), [[1.0], [2.0], [3.0]], "params.w2", "shape (3×1) does not match the network's (2×1)"),
    (("params", "b1"), [1.0, 2.0, 3.0], "params.b1", "shape (3,) does not match the network's (2,)"),
    (("params", "b1"), 1.0, "params.b1", "a single number does not match the network's (2,)"),
    (("params", "w1"), [[1.0, 2.0], [3.0]], "params.w1[1]",
     "is a list of 1 number; params.w1[0] is a list of 2"),
    (("params", "w1"), [[[1.0]]], "params.w1[0][0]", "nested too deeply"),
    (("params", "w1"), [[1.0, "x"], [1.0, 1.0]], "params.w1[0][1]", '"x" is not a number'),
    (("params", "b1"), [True, 1.0], "params.b1[0]", "true is not a number"),
    (("params", "b1"), [1.0, None], "params.b1[1]", "null is not a number"),
    (("params", "b1"), [1.0, 1e39], "params.b1[1]", "1e+39 is too large for float32"),
    (("params", "b2"), "DEL", "params.b2", "missing; this network has w1, b1, w2, b2"),
    (("params", "w3"), [[1.0]], "params.w3", "no such parameter"),
    (("params",), [1, 2], "params", "must be an object"),
    (("velocity",), {"w1": [[0.0, 0.0], [0.0, 0.0]]}, "velocity", "no momentum"),
    (("network", "lr"), -1.0, "network.lr", "learning rate -1.0 must be greater than 0"),
    (("network", "lr"), "fast", "network.lr", "must be a number"),
    # values are quoted as the file spells them (JSON), never as Python would (None, '0.1', nan)
    (("network", "lr"), None, "network.lr", "must be a number, not null"),
    (("network", "lr"), "0.1", "network.lr", 'must be a number, not "0.1"'),
    (("network", "seed"), None, "network.seed", "must be a whole number, not null"),
    (("network", "loss"), "hinge", "network.loss", 'unknown loss "hinge"'),
    (("network", "hidden"), [{"units": 2, "activation": None}], "network.hidden[1].activation",
     "unknown activation null"),
    (("network", "init"), {"kind": "uniform", "low": False}, "network.init.low", "must be a number, not false"),
    (("data", "noise"), "0.1", "data.noise", 'must be a number, not "0.1"'),
    (("network", "hidden"), [{"units": 0, "activation": "sigmoid"}], "network.hidden[1].units",
     "out of range"),
    (("network", "colour"), "red", "network.colour", "unknown field"),
    (("network",), [], "network", "must be an object, not a list"),
    (("data", "noise"), -1, "data.noise", "must be a number from 0"),
    (("data", "generator"), "nope", "data.generator", 'unknown dataset "nope"'),
    (("data",), "xor", "data", "must be an object, not text"),
    (("data",), {"generator": "sine"}, "network.inputs", "does not fit the data: the data has 1 features"),
    (("epoch",), -1, "epoch", "must be a whole number 0 or more"),
    (("epoch",), 2.5, "epoch", "not 2.5"),
    (("epoch",), 4, "losses", "has 3 entries; a session at epoch 4 needs 4"),
    (("losses",), [0.5, 0.4], "losses", "has 2 entries; a session at epoch 3 needs 3"),
    (("losses",), [0.5, "lots", 0.3], "losses[1]", '"lots" is not a number'),
    (("losses",), {"1": 0.5}, "losses", "must be a list"),
    (("accuracies",), [None, 1.5, 0.5], "accuracies[1]", "1.5 is not a fraction from 0 to 1"),
    (("accuracies",), [None], "accuracies", "has 1 entries"),
    (("practice_code",), 12, "practice_code", "must be text, not a number"),
    (("extra",), [], "extra", "must be an object, not a list"),
]


@pytest.mark.parametrize("path, value, field, fragment", BAD,
                         ids=[f"{'.'.join(b[0])}={b[1]!r}"[:40] for b in BAD])
def test_bad_document_is_named(good, path, value, field, fragment):
    doc = changed(good, path, delete=value == "DEL") if value == "DEL" else changed(good, path, value)
    e = error_of(doc)
    assert e.field == field, str(e)
    assert fragment in e.message, str(e)


def test_shape_message_is_exactly_as_documented(good):
    e = error_of(changed(good, ("params", "w2"), [[1.0], [2.0], [3.0]]))
    assert str(e) == "params.w2: shape (3×1) does not match the network's (2×1)"


@pytest.mark.parametrize("token, shown", [("NaN", "NaN"), ("Infinity", "Infinity"),
                                          ("-Infinity", "-Infinity"),
                                          ("1e999", "Infinity"), ("1" * 5000, "Infinity")])
def test_non_finite_parameters_are_refused(good, token, shown):
    doc = changed(good, ("params", "w1"), [[1.0, 123456.0], [1.0, 1.0]])
    text = json.dumps(doc).replace("123456.0", token)
    e = error_of(text)
    assert (e.field, e.message) == ("params.w1[0][1]", f"{shown} is not a finite number")


@pytest.mark.parametrize("path, field", [(("extra", "zoom"), "extra.zoom"), (("data", "from"), "data.from"),
                                         (("network", "lr"), "network.lr"),
                                         (("data", "noise"), "data.noise")])
def test_nan_tokens_are_refused_outside_the_history(good, path, field):
    e = error_of(json.dumps(changed(good, path, 123456.5)).replace("123456.5", "NaN"))
    assert (e.field, e.message) == (field, "NaN is not a finite number")


def test_odd_keys_are_shown_escaped(good):
    e = error_of(json.dumps({**good, "x\u001b\ud800": 1}))
    assert e.field == "x\\u001b\\ud800" and e.message.startswith("unknown key")
    e = error_of(json.dumps(changed(good, ("extra",), {"\ud800": 1})))
    assert e.field == "extra" and "surrogate" in e.message


def test_velocity_is_required_with_momentum_after_epoch_0():
    doc = doc_of(trained("xor-tanh", epochs=3, momentum=0.5))
    assert error_of(changed(doc, ("velocity",), None)).field == "velocity"
    assert error_of(changed(doc, ("velocity", "b1"), [0.0])).field == "velocity.b1"
    fresh = doc_of(trained("xor-tanh", epochs=0, traced=0, momentum=0.5))
    assert load_doc(changed(fresh, ("velocity",), None)).velocity is None  # zeros at epoch 0


def test_not_json_gives_line_and_column(good):
    text = json.dumps(good, indent=1).replace('"version": 2,', '"version": 2,,', 1)
    e = error_of(text)
    assert e.field.startswith("line 3, column ") and e.message.startswith("not valid JSON (")


@pytest.mark.parametrize("text, field, fragment", [
    ("", "file", "empty"),
    ("  \n", "file", "empty"),
    ("[1, 2]", "file", "a session file is a JSON object {…}, not a list"),
    ('"text"', "file", "not text"),
    ("null", "file", "not null"),
    ('{"format": "backprop-tutor-session", "format": "x"}', "file", 'the key "format" appears twice'),
    ("[" * 100_000, "file", "nested too deeply"),
    ('{"a": 1', "line 1, column 8", "not valid JSON"),
])
def test_bad_text(text, field, fragment):
    e = error_of(text)
    assert e.field == field and fragment in e.message, str(e)


def test_not_utf8(good):
    raw = json.dumps(good, indent=1).encode().replace(b'"practice_code": ""', b'"practice_code": "\xff"')
    e = error_of(raw)
    assert e.field == "file"
    assert e.message.startswith("not UTF-8 text: byte 0xff at line ")
    assert e.message.endswith("; save the file as UTF-8")


def test_bom_is_accepted_and_lone_surrogates_are_not(good):
    assert loads(b"\xef\xbb\xbf" + json.dumps(good).encode()).epoch == 3
    e = error_of(json.dumps(changed(good, ("practice_code",), "x")).replace('"x"', '"\\ud800"'))
    assert e.field == "practice_code" and "surrogate" in e.message


def test_file_problems(tmp_path):
    with pytest.raises(SessionError) as e:
        load(tmp_path / "nope.json")
    assert (e.value.field, e.value.message) == ("file", f"{tmp_path / 'nope.json'} not found")
    with pytest.raises(SessionError) as e:
        load(tmp_path)
    assert e.value.message == f"{tmp_path} is a folder, not a session file"
    for bad in (None, 3, ""):
        with pytest.raises(SessionError) as e:
            load(bad)
        assert e.value.field == "file"
    with pytest.raises(SessionError):
        load("a\0b.json")


def test_loading_never_writes(tmp_path, good, monkeypatch):
    (tmp_path / "good.json").write_text(json.dumps(good), "utf-8")
    (tmp_path / "bad.json").write_text(json.dumps(changed(good, ("epoch",), -1)), "utf-8")
    before = sorted((p.name, p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir())
    real_open = builtins.open

    def read_only_open(file, mode="r", *a, **k):
        assert not set(mode) & set("wax+"), f"load opened {file} with mode {mode}"
        return real_open(file, mode, *a, **k)

    def refuse(*a, **k):
        raise AssertionError(f"load must not write: {a}")

    real_os_open = os.open
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND

    def read_only_os_open(path, flags, *a, **k):
        assert not flags & writing, f"load opened {path} with flags {flags:#o}"
        return real_os_open(path, flags, *a, **k)

    monkeypatch.setattr(builtins, "open", read_only_open)
    monkeypatch.setattr(os, "open", read_only_os_open)
    for name in ("replace", "rename", "unlink", "remove", "mkdir", "chmod"):
        monkeypatch.setattr(os, name, refuse)
    load(tmp_path / "good.json")
    with pytest.raises(SessionError):
        load(tmp_path / "bad.json")
    monkeypatch.undo()
    assert sorted((p.name, p.stat().st_mtime_ns, p.read_bytes()) for p in tmp_path.iterdir()) == before


# ----- nothing but SessionError, whatever the input --------------------------------------------------
def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            yield from _paths(v, (*prefix, i))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**30, 10**30) | st.floats() | st.text(max_size=8)
    | st.sampled_from(["NaN", "Infinity", FORMAT, "sigmoid", "xor", "bce", "explicit"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["w1", "b1", "units", "kind", "values", "X", "y", "task", "generator", "n", "x"])
        | st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)


def _assert_only_session_error(text):
    try:
        state = loads(text)
    except SessionError as e:
        assert "unexpected" not in e.message, str(e)  # the safety net must never be what answers
    else:
        assert loads(S.dumps(state)).epoch == state.epoch  # whatever loads can be saved and loaded again


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_documents(good, data):
    doc = copy.deepcopy(good)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(doc))))
        value = data.draw(json_values)
        if not path:
            doc = value
            break
        try:
            doc = changed(doc, path, value)
        except (KeyError, IndexError, TypeError):
            pass
    _assert_only_session_error(json.dumps(doc))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_bytes(good, data):
    raw = bytearray(json.dumps(good, indent=1).encode())
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        kind = data.draw(st.sampled_from(["set", "delete", "insert"]))
        b = data.draw(st.sampled_from(list(b'0123456789.-eE,:[]{}"nN \\tfu') + [0xFF, 0xC3, 0x00]))
        if kind == "set":
            raw[i] = b
        elif kind == "delete":
            del raw[i]
        else:
            raw.insert(i, b)
    _assert_only_session_error(bytes(raw))


@settings(max_examples=150, deadline=None)
@given(json_values)
def test_fuzz_any_json(value):
    _assert_only_session_error(json.dumps(value))


# ----- saving ------------------------------------------------------------------------------------
def test_failed_save_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    save(from_trainer(trained(epochs=1)), path)
    old = path.read_bytes()
    real_dump = json.dump
    calls = []

    def dump_then_fail(obj, f, **kw):
        calls.append(1)
        if len(calls) > 5:  # part of the new file is already written
            raise RuntimeError("disk on fire")
        real_dump(obj, f, **kw)

    monkeypatch.setattr(S.json, "dump", dump_then_fail)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save(from_trainer(trained(epochs=7)), path)
    assert len(calls) > 5
    assert path.read_bytes() == old
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temporary file left behind
    monkeypatch.undo()
    assert load(path).epoch == 2


def test_save_refuses_what_load_would_refuse(tmp_path):
    t = trained(epochs=1)
    bad = from_trainer(t)
    bad.params["w1"][0, 0] = math.nan
    with pytest.raises(SessionError) as e:
        save(bad, tmp_path / "x.json")
    assert e.value.field == "params.w1[0][0]"
    with pytest.raises(SessionError) as e:
        save(from_trainer(t, extra={"s": {1, 2}}), tmp_path / "x.json")
    assert e.value.field == "extra"
    with pytest.raises(SessionError) as e:
        save(from_trainer(t), tmp_path / "no" / "such" / "x.json")
    assert e.value.field == "file"
    with pytest.raises(SessionError) as e:
        save(from_trainer(t), tmp_path)
    assert "folder" in e.value.message
    assert list(tmp_path.iterdir()) == []


def test_save_keeps_permissions(tmp_path):
    path = tmp_path / "s.json"
    save(from_trainer(trained(epochs=1)), path)
    os.chmod(path, 0o640)
    save(from_trainer(trained(epochs=2)), path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert load(path).epoch == 3


def test_to_trainer_continues_from_the_saved_epoch():
    t = trained(epochs=4)
    back = load_doc(doc_of(t)).to_trainer()
    assert back.epoch == 5 and back.checkpoint_epochs() == [5]
    a, b = t.step(), back.step()
    assert a.epoch == b.epoch == 6 and a.loss == b.loss


def test_a_save_removes_temporaries_left_by_a_killed_save(tmp_path):
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()  # a pid that has exited
    target = tmp_path / "xor.json"
    left = tmp_path / f".xor.json.{dead}.0123abcd.tmp"  # what a save killed mid-write leaves
    alive = tmp_path / f".xor.json.{os.getpid()}.89abcdef.tmp"  # a save of a process still running
    other = tmp_path / f".other.json.{dead}.0123abcd.tmp"  # another file's: not ours to judge
    mine = tmp_path / f".xor.json.{dead}.notours.tmp"  # not our naming
    for p in (left, alive, other, mine):
        p.write_text("half a session", "utf-8")
    spec, data = load_preset("notebook-xor")
    save(from_trainer(Trainer(spec, data)), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["xor.json", alive.name, other.name, mine.name])


# ----- large files: refused from their declared sizes, read without a Python step per number ------------------
def _big(good, **changes) -> str:
    doc = copy.deepcopy(good)
    for path, value in changes.items():
        target = doc
        *head, last = path.split("__")
        for key in head:
            target = target[key]
        target[last] = value
    return json.dumps(doc)


def _never(name):
    def fail(*a, **k):
        raise AssertionError(f"{name} should not run for a file refused from its sizes")
    return fail


def test_a_million_hidden_layers_are_refused_before_the_network_is_built(good, monkeypatch):
    from engine.core.spec import NetworkSpec

    text = _big(good, network__hidden=[{"units": 2, "activation": "sigmoid"}] * 1_000_000)
    monkeypatch.setattr(NetworkSpec, "from_dict", _never("NetworkSpec.from_dict"))
    monkeypatch.setattr(session_read, "_check_json", _never("the element-by-element JSON check"))
    e = error_of(text)
    assert (e.field, e.message) == ("network.hidden", "1000000 hidden layers; use 0 to 8")


@pytest.mark.parametrize("key, value, field, message", [
    ("data", {"task": "binary", "X": [[0.0, 1.0]] * 100_001, "y": [0, 1] * 50_000 + [0]}, "data.X",
     "100001 points; at most 100000"),
    ("data", {"task": "binary", "X": [[0.0] * 65, [1.0] * 65], "y": [0, 1]}, "data.X[0]",
     "65 features; a network takes at most 64 inputs"),
    ("losses", [0.5] * 1_000_000, "losses", "has 1000000 entries; a session at epoch 3 needs 3, one per epoch done"),
])
def test_oversized_parts_are_refused_from_their_lengths(good, monkeypatch, key, value, field, message):
    from engine.io import datasets

    monkeypatch.setattr(datasets, "_number", _never("the check of each number"))
    monkeypatch.setattr(session_read, "_check_json", _never("the element-by-element JSON check"))
    e = error_of(_big(good, **{key: value}))
    assert (e.field, e.message) == (field, message)


def test_large_inline_data_is_read_without_a_python_step_per_number(good, monkeypatch):
    from engine.io import datasets

    X = [[float(i % 7), float(i % 3) / 4] for i in range(20_000)]
    y = [i % 2 for i in range(20_000)]
    text = _big(good, data={"task": "binary", "n_classes": 2, "X": X, "y": y})
    monkeypatch.setattr(datasets, "_number", _never("the check of each number"))
    state = loads(text)
    assert state.data.X.shape == (20_000, 2) and state.data.X[20_000 - 1].tolist() == X[-1]
    monkeypatch.undo()
    X[1234][1] = True  # a bad entry is still named exactly
    e = error_of(_big(good, data={"task": "binary", "n_classes": 2, "X": X, "y": y}))
    assert (e.field, e.message) == ("data.X[1234][1]", "must be a finite number, not true")
