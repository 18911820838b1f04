"""Datasets: notebook points, seeded generators, CSV reading, (de)serialisation, editing."""

from __future__ import annotations

import json
import math

import pytest
import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.io import csvdata, files
from engine.io.csvdata import load_csv, parse_csv
from engine.io.datasets import GENERATORS, Dataset, make_dataset
from engine.core.errors import DataError

NOTEBOOK_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
GATES = {"xor": [0, 1, 1, 0], "and": [0, 0, 0, 1], "or": [0, 1, 1, 1]}


def bits(t: torch.Tensor) -> torch.Tensor:
    """The raw bits, so -0.0 != 0.0 and equality means bit-identical."""
    return t.view(torch.int64) if t.dtype == torch.float64 else t


def same(a: Dataset, b: Dataset) -> bool:
    return (
        a.X.shape == b.X.shape
        and a.y.shape == b.y.shape
        and torch.equal(bits(a.X), bits(b.X))
        and torch.equal(bits(a.y), bits(b.y))
        and (a.task, a.n_classes, a.name, a.class_names) == (b.task, b.n_classes, b.name, b.class_names)
    )


def csv_error(text, **kw) -> DataError:
    with pytest.raises(DataError) as info:
        parse_csv(text, **kw)
    return info.value


# ----- generators ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(GATES))
@pytest.mark.parametrize("n", [None, 4])
def test_gates_are_the_notebook_points(name, n):
    d = make_dataset(name, n)
    assert d.X.dtype == torch.float64 and d.y.dtype == torch.int64
    assert d.X.tolist() == NOTEBOOK_X
    assert d.y.tolist() == GATES[name]
    assert (d.task, d.n_classes, d.n_targets, d.name) == ("binary", 2, 1, name)


def test_gates_repeat_corners_cyclically_with_noise():
    d = make_dataset("xor", 10, noise=0.0)
    assert d.X.tolist() == (NOTEBOOK_X * 3)[:10]
    assert d.y.tolist() == (GATES["xor"] * 3)[:10]
    noisy = make_dataset("xor", 400, noise=0.1, seed=3)
    offsets = noisy.X - torch.tensor(NOTEBOOK_X * 100, dtype=torch.float64)
    assert 0.07 < offsets.std().item() < 0.13
    assert noisy.y.tolist() == GATES["xor"] * 100


# a call per generator whose output depends on the seed
SEEDED = [("xor", {"n": 8, "noise": 0.1}), ("and", {"noise": 0.2}), ("or", {"n": 5, "noise": 0.3}),
          ("circle", {}), ("moons", {}), ("spiral", {}), ("spiral", {"classes": 5}), ("blobs", {}),
          ("blobs", {"classes": 2, "noise": 0.5}), ("sine", {})]


@pytest.mark.parametrize("name,kw", SEEDED)
def test_generators_are_deterministic(name, kw):
    rng = torch.get_rng_state()
    a, b = make_dataset(name, seed=7, **kw), make_dataset(name, seed=7, **kw)
    assert same(a, b)
    assert not torch.equal(a.X, make_dataset(name, seed=8, **kw).X)
    assert torch.equal(torch.get_rng_state(), rng), "the global RNG must not be used"


@pytest.mark.parametrize("name", list(GENERATORS))
def test_generator_shapes_and_tasks(name):
    info = GENERATORS[name]
    assert set(info) >= {"task", "default_n", "default_noise", "classes", "description"}
    d = make_dataset(name)
    n = info["default_n"]
    assert d.n_samples == n and d.X.is_contiguous() and d.X.dtype == torch.float64
    assert d.task == info["task"]
    assert d.source == {"generator": name, "n": n, "noise": info["default_noise"], "seed": 0,
                        "classes": info["classes"]}
    if d.task == "regression":
        assert d.X.shape == (n, 1) and d.y.shape == (n, 1) and d.y.dtype == torch.float64
        assert (d.n_classes, d.n_targets) == (0, 1)
    else:
        k = info["classes"] or 2
        assert d.X.shape == (n, 2) and d.y.shape == (n,) and d.y.dtype == torch.int64
        assert d.n_classes == k and sorted(set(d.y.tolist())) == list(range(k))
        assert d.n_targets == (1 if k == 2 else k)


def test_generator_geometry():
    c = make_dataset("circle", 400, noise=0.0)
    r = c.X.norm(dim=1)
    assert bool((r[c.y == 1] < 0.5).all()) and bool((r[c.y == 0] >= 0.5).all()) and bool((r <= 1).all())
    s = make_dataset("sine", 50, noise=0.0)
    x = s.X[:, 0]
    assert bool((x[1:] >= x[:-1]).all()) and bool((x.abs() <= 3).all())
    assert torch.equal(s.y[:, 0], torch.sin(x))
    sp = make_dataset("spiral", 12, noise=0.0, classes=4)
    assert sp.y.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3]
    assert sp.X[0].tolist() == [0.0, 0.0]  # every arm starts at the centre (r = 0)
    b = make_dataset("blobs", 3000, classes=4)
    centres = torch.stack([b.X[b.y == k].mean(0) for k in range(4)])
    assert torch.allclose(centres.norm(dim=1), torch.full((4,), 2.0, dtype=torch.float64), atol=0.1)
    m = make_dataset("moons", 7, noise=0.0)
    assert m.y.tolist() == [0, 0, 0, 1, 1, 1, 1]


def test_two_class_spiral_and_blobs_are_binary():
    for name in ("spiral", "blobs"):
        d = make_dataset(name, classes=2)
        assert (d.task, d.n_classes, d.n_targets) == ("binary", 2, 1)


@pytest.mark.parametrize("args,kw,field,text", [
    (("nope",), {}, "name", "xor, and, or, circle, moons, spiral, blobs, sine"),
    ((3,), {}, "name", "unknown dataset"),
    (("xor",), {"n": 3}, "n", "use 4 to 100000"),
    (("circle",), {"n": 0}, "n", "out of range"),
    (("sine",), {"n": 100_001}, "n", "out of range"),
    (("spiral",), {"n": 2, "classes": 3}, "n", "use 3 to"),
    (("moons",), {"n": 2.5}, "n", "whole number"),
    (("moons",), {"n": True}, "n", "whole number"),
    (("moons",), {"noise": -0.1}, "noise", "from 0"),
    (("moons",), {"noise": math.nan}, "noise", "not NaN"),
    (("moons",), {"noise": math.inf}, "noise", "not Infinity"),
    (("moons",), {"noise": "0.1"}, "noise", 'not "0.1"'),
    (("xor",), {"classes": 3}, "classes", "only spiral and blobs"),
    (("spiral",), {"classes": 1}, "classes", "use 2 to 8"),
    (("blobs",), {"classes": 9}, "classes", "use 2 to 8"),
    (("blobs",), {"seed": -1}, "seed", "whole number"),
    (("blobs",), {"seed": 1.0}, "seed", "whole number"),
])
def test_generator_arguments_are_checked(args, kw, field, text):
    with pytest.raises(DataError) as info:
        make_dataset(*args, **kw)
    assert info.value.field == field
    assert text in info.value.message


# ----- CSV: reading --------------------------------------------------------------------------------
def test_csv_with_header_and_integer_labels():
    d = parse_csv("x1,x2,label\n0,0,0\n0,1,1\n\n1,0,1\n1,1,0\n")
    assert d.X.tolist() == NOTEBOOK_X and d.y.tolist() == [0, 1, 1, 0]
    assert (d.task, d.n_classes, d.name, d.source) == ("binary", 2, "pasted", {"inline": True})
    assert d.X.dtype == torch.float64 and d.y.dtype == torch.int64


def test_csv_without_header_semicolon_tab_crlf_bom_quotes():
    for text in ("0;0;0\r\n0;1;1\r\n", "0\t0\t0\n0\t1\t1", "\ufeff0,0,0\n0,1,1\n", '"0","0","0"\n0,1,1\n'):
        d = parse_csv(text)
        assert d.X.tolist() == [[0.0, 0.0], [0.0, 1.0]] and d.y.tolist() == [0, 1], repr(text)
    assert parse_csv(b"\xef\xbb\xbfa,b,c\n1,2,0\n3,4,1\n").X.tolist() == [[1.0, 2.0], [3.0, 4.0]]
    assert parse_csv("a;b;y\n1,5;2;0\n-0,25;3;1\n").X.tolist() == [[1.5, 2.0], [-0.25, 3.0]]  # decimal comma


def test_csv_labels_classes_and_regression():
    d = parse_csv("1,2,2\n0,1,1.0\n0,0,3\n")  # whole numbers -> classes in sorted order
    assert (d.task, d.n_classes, d.y.tolist(), d.class_names) == ("multiclass", 3, [1, 0, 2], ("1", "2", "3"))
    d = parse_csv("x,y,animal\n1,2,dog\n3,4,cat\n5,6,dog\n")
    assert (d.task, d.y.tolist(), d.class_names) == ("binary", [1, 0, 1], ("cat", "dog"))
    d = parse_csv("x,y\n1,0.5\n2,1.5\n3,2\n")
    assert (d.task, d.n_classes, d.n_targets, d.y.tolist()) == ("regression", 0, 1, [[0.5], [1.5], [2.0]])
    d = parse_csv("".join(f"{i},{i}\n" for i in range(9)))  # 9 distinct whole numbers -> regression
    assert d.task == "regression" and d.y.dtype == torch.float64 and d.y.shape == (9, 1)
    d = parse_csv("".join(f"{i},{i % 8}\n" for i in range(16)))  # 8 -> classes
    assert (d.task, d.n_classes) == ("multiclass", 8)
    assert parse_csv("1,0\n2,1\n", task="regression").task == "regression"
    d = parse_csv("1,0.5\n2,1.5\n3,0.5\n", task="binary")
    assert (d.task, d.y.tolist(), d.class_names) == ("binary", [0, 1, 0], ("0.5", "1.5"))
    assert parse_csv("1,0\n2,1\n", task="multiclass").n_classes == 2
    d = parse_csv("1,2,y\n0,0,0\n1,1,1\n")  # only the label cell is text: still a header
    assert d.n_samples == 2


@pytest.mark.parametrize("text,kw,field,message", [
    ("a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n0,0,0\n1,abc,1\n", {}, "line 7, column 2", "'abc' is not a number"),
    ("a,b,y\n0,0,0\n0,1,1\n\n1,0\n", {}, "line 5", "this row has 2 columns; the header (line 1) has 3"),
    ("0,0,0\n0,1,1,1\n", {}, "line 2", "this row has 4 columns; the first row (line 1) has 3"),
    ("0,0,0\n\n\n1\n", {}, "line 4", "this row has 1 column; the first row (line 1) has 3"),
    ("a,b,y\n0,0,0\nnan,1,1\n", {}, "line 3, column 1", "'nan' is not a finite number"),
    ("a,b,y\n0,0,0\n1,-inf,1\n", {}, "line 3, column 2", "'-inf' is not a finite number"),
    ("a,b,y\n0,0,0\n1,1e999,1\n", {}, "line 3, column 2", "not a finite number"),
    ("a,b,y\n0,0,0.5\n1,1,inf\n", {}, "line 3, column 3", "'inf' is not a finite number"),
    ("a,b,y\n0,0,1\n1,1,1\n", {}, "labels", "only one class (1); a classifier needs at least 2"),
    ("a,b,y\n0,0,cat\n1,1,cat\n", {}, "labels", "only one class (cat)"),
    ("", {}, "file", "the file is empty"),
    ("  \n\n\t\n", {}, "file", "the file is empty"),
    ("a,b,y\n", {}, "file", "no data rows, only the header (line 1)"),
    ("\n\na,b,y\n\n", {}, "file", "only the header (line 3)"),
    (",,\n,,\n", {}, "file", "no data rows"),
    ("1\n2\n3\n", {}, "line 1", "only 1 column"),
    ("a,b,y\n0,,1\n1,1,0\n", {}, "line 2, column 2", "the cell is empty"),
    ("a,b,y\n0,0,1\n1,1,\n", {}, "line 3, column 3", "the label is empty"),
    ("a,b,y\n0,0,1\n1,1,x\n2,2,0\n", {}, "line 3, column 3", "'x' is not a number"),
    ("a,y\n0,cat\n1,dog\n", {"task": "regression"}, "line 2, column 2", "'cat' is not a number"),
    ("a,y\n0,0\n1,1\n2,2\n", {"task": "binary"}, "labels",
     "binary needs exactly 2 classes, found 3 (0, 1, 2)"),
    ("a,y\n0,0\n1,1\n", {"task": "linear"}, "task", '"linear" is not a task'),
    ("1,2;0\n3;4,1\n", {}, "line 2", "mixes ',' and ';' as column separators (line 1 has its comma in column 1, "
                                    "this line in column 2)"),
    ('a,b,y\n0,"1,1\n1,1,0\n', {}, "line 2", "this row has 2 columns"),  # a stray quote
    ('a,b,y\n"0\n",0,0\n1,x,1\n', {}, "line 4, column 2", "'x' is not a number"),  # quoted newline
])
def test_csv_errors_name_the_line(text, kw, field, message):
    err = csv_error(text, **kw)
    assert err.field == field
    assert message in err.message
    assert str(err) == f"{field}: {err.message}"


def test_csv_too_many_text_classes():
    text = "x,y\n" + "".join(f"{i},c{i}\n" for i in range(70))
    assert "70 different labels" in csv_error(text).message


def test_csv_not_utf8(tmp_path):
    data = "a,b,y\n0,0,caf\u00e9\n1,1,x\n".encode("latin-1")
    pos = data.index(b"\xe9")
    err = csv_error(data)
    assert err.field == "file"
    assert err.message == f"not UTF-8 text (byte 0xe9 at position {pos}); save it as UTF-8 CSV"
    f = tmp_path / "latin.csv"
    f.write_bytes(b"\xef\xbb\xbf" + data)
    with pytest.raises(DataError, match=rf"^file: not UTF-8 text \(byte 0xe9 at position {pos + 3}\)"):
        load_csv(f)


def test_load_csv_files(tmp_path, monkeypatch):
    f = tmp_path / "gates.csv"
    f.write_text("x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,1\n", encoding="utf-8")
    d = load_csv(f)
    assert (d.name, d.source, d.y.tolist()) == ("gates", {"csv": str(f)}, [0, 1, 1, 1])
    assert load_csv(str(f), task="multiclass").task == "multiclass"
    cases = [(tmp_path / "missing.csv", "not found"), (tmp_path, "folder"), (42, "give the path"),
             ("", "give the path")]
    for path, text in cases:
        with pytest.raises(DataError) as info:
            load_csv(path)
        assert info.value.field == "file" and text in info.value.message, path

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "_open", denied)
    with pytest.raises(DataError, match="^file: .*permission denied"):
        load_csv(f)


CELLS = st.one_of(
    st.sampled_from(["0", "1", "2", "-1.5", "1e3", "nan", "inf", "", " ", "abc", "cat", "1,5", '"', "x"]),
    st.text(max_size=4),
)
CSVISH = st.builds(
    lambda rows, sep, nl: nl.join(sep.join(r) for r in rows),
    st.lists(st.lists(CELLS, min_size=0, max_size=4), max_size=6),
    st.sampled_from([",", ";", "\t", " "]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), CSVISH, st.binary(max_size=40)))
def test_parse_csv_returns_a_dataset_or_raises_data_error(text):
    try:
        d = parse_csv(text)
    except DataError as e:
        assert e.field and e.message
        return
    assert isinstance(d, Dataset)
    assert d.X.dtype == torch.float64 and d.X.dim() == 2 and bool(torch.isfinite(d.X).all())
    assert d.n_samples >= 1 and d.n_features >= 1
    if d.task == "regression":
        assert d.y.shape == (d.n_samples, 1)
    else:
        assert d.y.shape == (d.n_samples,) and len(set(d.y.tolist())) >= 2
        assert len(d.class_names) == d.n_classes


# ----- to_dict / from_dict -------------------------------------------------------------------------
def roundtrip(d: Dataset) -> Dataset:
    return Dataset.from_dict(json.loads(json.dumps(d.to_dict())))


@pytest.mark.parametrize("name,kw", SEEDED + [("xor", {})])
def test_generator_round_trip_is_bit_exact(name, kw):
    d = make_dataset(name, seed=11, **kw)
    out = d.to_dict()
    assert "X" not in out and out["generator"] == name
    back = roundtrip(d)
    assert same(d, back) and back.source == d.source


def test_inline_round_trip_is_bit_exact():
    base = make_dataset("moons", 20, seed=2)
    edited = base.with_point([-0.0, 5e-324], 1).with_point([1 / 3, -1e300], 0)
    assert edited.source == {"inline": True, "from": base.source}
    back = roundtrip(edited)
    assert same(edited, back) and back.source == edited.source
    assert edited.to_dict()["X"][-2] == [-0.0, 5e-324]
    for d in (parse_csv("x,y,a\n1,2,dog\n3,4,cat\n5,6,bird\n"),
              make_dataset("sine", 10).with_point([0.5], 0.25),
              make_dataset("spiral", 9, classes=3).without_point(0),
              Dataset(torch.ones(3, 2, dtype=torch.float64), torch.zeros(3, 2, dtype=torch.float64),
                      "regression", 0, {"inline": True}, "two targets")):
        back = roundtrip(d)
        assert same(d, back), d.name


@pytest.mark.parametrize("change,field", [
    ({"generator": "nope"}, "generator"),
    ({"generator": 5}, "generator"),
    ({"n": "many"}, "n"),
    ({"n": 2}, "n"),
    ({"noise": None, "seed": "x"}, "seed"),
    ({"noise": [1]}, "noise"),
    ({"classes": 4}, "classes"),
    ({"task": "multiclass"}, "task"),
    ({"n_classes": 3}, "n_classes"),
    ({"name": 7}, "name"),
    ({"colour": "red"}, "colour"),
])
def test_from_dict_generator_fields_are_checked(change, field):
    d = {**make_dataset("xor").to_dict(), **change}
    with pytest.raises(DataError) as info:
        Dataset.from_dict(d)
    assert info.value.field == field


@pytest.mark.parametrize("change,field", [
    ({"X": []}, "X"),
    ({"X": "points"}, "X"),
    ({"X": [[0, 0], [0, 1], [1]]}, "X[2]"),
    ({"X": [[0, 0], [0, "1"], [1, 0]]}, "X[1][1]"),
    ({"X": [[0, 0], [0, math.nan], [1, 0]]}, "X[1][1]"),
    ({"X": [[0, 0], [0, True], [1, 0]]}, "X[1][1]"),
    ({"X": [[0, 0], [0, 10**400], [1, 0]]}, "X[1][1]"),
    ({"y": [0, 1]}, "y"),
    ({"y": [0, 1, 2]}, "y[2]"),
    ({"y": [0, -1, 1]}, "y[1]"),
    ({"y": [0, 0.5, 1]}, "y[1]"),
    ({"y": [1, 1, 1]}, "y"),
    ({"task": "clustering"}, "task"),
    ({"task": None}, "task"),
    ({"n_classes": 3}, "n_classes"),
    ({"task": "multiclass", "n_classes": 99}, "n_classes"),
    ({"task": "multiclass", "n_classes": "3"}, "n_classes"),
    ({"task": "regression", "n_classes": 0, "y": [[0.5], [1], "x"]}, "y[2]"),
    ({"task": "regression", "n_classes": 0, "y": [[0.5], [1], ["x"]]}, "y[2][0]"),
    ({"task": "regression", "n_classes": 0, "y": [[0.5], [1, 2], [3]]}, "y"),
    ({"class_names": [1, 2]}, "class_names"),
    ({"class_names": ["a"]}, "class_names"),
    ({"from": "nowhere"}, "from"),
    ({"extra": 1}, "extra"),
])
def test_from_dict_inline_fields_are_checked(change, field):
    d = {"X": [[0, 0], [0, 1], [1, 0]], "y": [0, 1, 1], "task": "binary", "n_classes": 2, **change}
    with pytest.raises(DataError) as info:
        Dataset.from_dict(d)
    assert info.value.field == field, info.value


def test_from_dict_not_an_object():
    for bad in (None, [], "xor"):
        with pytest.raises(DataError):
            Dataset.from_dict(bad)


def test_from_dict_inline_accepts_plain_lists():
    d = Dataset.from_dict({"X": [[0, 1], [2, 3]], "y": [1.5, 2], "task": "regression"})
    assert d.y.tolist() == [[1.5], [2.0]] and d.source == {"inline": True}
    d = Dataset.from_dict({"X": [[0], [1], [2]], "y": [2, 0, 1.0], "task": "multiclass", "n_classes": 3})
    assert d.y.tolist() == [2, 0, 1] and d.n_targets == 3


# ----- editing -------------------------------------------------------------------------------------
def test_with_point():
    d = make_dataset("xor")
    e = d.with_point([0.5, 0.25], 1)
    assert e.n_samples == 5 and e.X[-1].tolist() == [0.5, 0.25] and e.y.tolist() == [0, 1, 1, 0, 1]
    assert d.n_samples == 4, "the original is unchanged"
    assert e.source == {"inline": True, "from": d.source} and e.name == "xor"
    assert e.with_point((1, 1), 0).source == e.source, "provenance does not nest"
    named = parse_csv("a,b,y\n0,0,cat\n1,1,dog\n").with_point([2, 2], "dog")
    assert named.y.tolist() == [0, 1, 1]
    reg = make_dataset("sine", 5).with_point([0.1], [0.2])
    assert reg.y[-1].tolist() == [0.2] and reg.y.dtype == torch.float64
    for x, label, field in [([1], 0, "x"), ([1, 2, 3], 0, "x"), ([1, math.inf], 0, "x[1]"),
                            ("ab", 0, "x"), ([1, 2], 2, "label"), ([1, 2], "dog", "label"),
                            ([1, 2], None, "label")]:
        with pytest.raises(DataError) as info:
            d.with_point(x, label)
        assert info.value.field == field, (x, label)
    with pytest.raises(DataError) as info:
        make_dataset("sine", 5).with_point([0.1], [0.2, 0.3])
    assert info.value.field == "label"


def test_without_point():
    d = make_dataset("xor")
    e = d.without_point(1)
    assert e.X.tolist() == [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]] and e.y.tolist() == [0, 1, 0]
    assert e.source == {"inline": True, "from": d.source} and d.n_samples == 4
    with pytest.raises(DataError, match="point 1 is the last of class 1; a classifier needs at least 2"):
        e.without_point(1)
    assert e.without_point(0).y.tolist() == [1, 0]
    for bad in (-1, 4, 1.0, None):
        with pytest.raises(DataError) as info:
            d.without_point(bad)
        assert info.value.field == "index"
    one = make_dataset("sine", 1)
    with pytest.raises(DataError, match="only point"):
        one.without_point(0)
    assert make_dataset("sine", 2).without_point(0).n_samples == 1
    three = make_dataset("blobs", 6, classes=3).without_point(5).without_point(4)  # class 2 may go
    assert (three.n_classes, sorted(set(three.y.tolist()))) == (3, [0, 1])


def test_dataset_constructor_validates():
    X = torch.zeros(2, 2, dtype=torch.float64)
    good = torch.tensor([0, 1])
    for args, field in [
        ((X.float(), good, "binary", 2), "X"),
        ((torch.full((2, 2), math.nan, dtype=torch.float64), good, "binary", 2), "X"),
        ((X, good, "binary", 3), "n_classes"),
        ((X, good.float(), "binary", 2), "y"),
        ((X, torch.tensor([0, 2]), "binary", 2), "y"),
        ((X, good, "ranking", 2), "task"),
        ((X, torch.zeros(2, 1, dtype=torch.float64), "regression", 2), "n_classes"),
        ((X, torch.zeros(2, dtype=torch.float64), "regression", 0), "y"),
    ]:
        with pytest.raises(DataError) as info:
            Dataset(*args, source={"inline": True})
        assert info.value.field == field, args
    d = Dataset(X.t(), good, "binary", 2, {"inline": True})
    assert d.X.is_contiguous()
