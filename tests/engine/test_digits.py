"""The digits data set: the shipped file read back exactly, refused arguments named, stored by reference."""

import pytest
import torch

from engine.core.errors import DataError
from engine.io import digits
from engine.io.datasets import Dataset, make_dataset
from engine.io.presets import load_preset


def test_the_file_is_the_1797_uci_test_images():
    d = make_dataset("digits")
    assert (d.n_samples, d.n_features, d.n_classes, d.task) == (1797, 64, 10, "multiclass")
    # per-class counts of the UCI test set (optdigits.tes)
    assert torch.bincount(d.y).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert d.y[:10].tolist() == list(range(10))
    # the first image, a 0: its first two pixel rows, scaled from 0..16 to 0..1
    first = (d.X[0] * 16).round().to(torch.int64).reshape(8, 8)
    assert first[0].tolist() == [0, 0, 5, 13, 9, 1, 0, 0]
    assert first[1].tolist() == [0, 0, 13, 15, 10, 15, 5, 0]
    assert float(d.X.min()) == 0.0 and float(d.X.max()) == 1.0


def test_a_session_stores_the_name_not_the_pixels_and_reads_them_back():
    d = make_dataset("digits", n=100)
    stored = d.to_dict()
    assert stored["generator"] == "digits" and stored["n"] == 100 and "X" not in stored
    back = Dataset.from_dict(stored)
    assert torch.equal(back.X, d.X) and torch.equal(back.y, d.y) and back.n_classes == 10


@pytest.mark.parametrize("kwargs, field, words", [
    (dict(noise=0.1), "noise", "take no noise"),
    (dict(classes=3), "classes", "10 classes"),
    (dict(n=5), "n", "use 10 to 1797"),
    (dict(n=5000), "n", "use 10 to 1797"),
])
def test_arguments_a_real_data_set_cannot_take_are_refused_by_name(kwargs, field, words):
    with pytest.raises(DataError) as e:
        make_dataset("digits", **kwargs)
    assert e.value.field == field and words in e.value.message


def test_a_missing_file_is_one_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(digits, "_cache", None)
    monkeypatch.setattr(digits, "data_file", lambda name=digits.FILE_NAME: str(tmp_path / name))
    with pytest.raises(DataError) as e:
        make_dataset("digits")
    assert e.value.field == "digits" and "cannot read" in e.value.message and "digits.csv.gz" in e.value.message


def test_the_preset_is_64_32_10_softmax():
    spec, data = load_preset("digits")
    assert spec.sizes == [64, 32, 10] and spec.output_activation == "softmax" and spec.loss == "softmax_ce"
    assert spec.epochs == 200 and data.n_samples == 1797


def test_image_side():
    assert digits.is_image(64) == 8 and digits.is_image(2) is None and digits.is_image(63) is None


def test_a_digits_session_file_is_small_and_loads_back(tmp_path):
    from engine.io import session_file
    from engine.training.trainer import Trainer

    t = Trainer(*load_preset("digits"))
    list(t.train(3, every=4))
    path = tmp_path / "digits.json"
    session_file.save(session_file.from_trainer(t), path)
    assert path.stat().st_size < 200_000  # the weights (64×32 + 32×10 + biases), not the 1797 images
    back = session_file.load(path)
    assert torch.equal(back.data.X, t.data.X) and back.data.n_classes == 10
