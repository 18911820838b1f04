"""The confusion matrix and the misclassified samples, as the digits view shows them."""

import torch

from engine.io.presets import load_preset
from engine.core.network import Network
from engine.training.confusion import confusion, split_confusion
from engine.training.trainer import Trainer


def test_counts_by_hand():
    y_pred = torch.tensor([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.0, 0.3, 0.7]])
    labels = torch.tensor([0, 1, 1, 2, 1])
    c = confusion(y_pred, labels, 3)
    assert c.counts.tolist() == [[1, 0, 0], [1, 1, 1], [0, 0, 1]]  # rows: true class, columns: the answer
    assert c.wrong.tolist() == [2, 4] and c.predicted.tolist() == [0, 1, 0, 2, 2]
    assert (c.correct, c.total) == (3, 5) and c.accuracy == 0.6


def test_binary_outputs_one_column():
    c = confusion(torch.tensor([[0.2], [0.8], [0.6]]), torch.tensor([0, 1, 0]), 2)
    assert c.counts.tolist() == [[1, 1], [0, 1]] and c.wrong.tolist() == [2]


def test_digits_after_training_agrees_with_the_trainer():
    spec, data = load_preset("digits")
    t = Trainer(spec, data)
    list(t.train(50, every=51))
    c = confusion(t.predict(), data.y, 10)
    assert c.total == 1797 and c.accuracy == t.accuracy()
    assert c.counts.sum(1).tolist() == torch.bincount(data.y).tolist()  # each row holds one true digit
    assert len(c.wrong) == 1797 - c.correct


def test_split_counts_training_and_test_rows_apart():
    y_pred = torch.tensor([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3], [0.4, 0.6], [0.8, 0.2]])
    labels = torch.tensor([0, 1, 1, 1, 1])
    train, test = split_confusion(y_pred, labels, 2, torch.tensor([0, 2, 4]), torch.tensor([1, 3]))
    assert train.counts.tolist() == [[1, 0], [2, 0]] and train.total == 3
    assert train.wrong.tolist() == [2, 4]  # data row numbers, not positions among the training rows
    assert test.counts.tolist() == [[0, 0], [0, 2]] and test.accuracy == 1.0 and test.wrong.tolist() == []
    alone, none = split_confusion(y_pred, labels, 2, torch.arange(5), torch.empty(0, dtype=torch.int64))
    assert none is None and alone.total == 5 and alone.wrong.tolist() == [2, 4]


def test_digits_with_a_split_count_each_part_once():
    spec, data = load_preset("digits")
    data = data.with_split(0.25, 3)
    t = Trainer(spec, data)
    list(t.train(20, every=21))
    y_pred = Network(spec).predict(t.params, data.X.to(spec.torch_dtype))
    train, test = split_confusion(y_pred, data.y, 10, data.train_index, data.test_index)
    assert (train.total, test.total) == (1797 - 449, 449) and data.n_test == 449
    assert train.accuracy == t.accuracy()  # the trainer's accuracy is the training rows'
    assert test.accuracy == t.held_out.measure(t.params)[1]
    assert set(test.wrong.tolist()) <= set(data.test_index.tolist())
