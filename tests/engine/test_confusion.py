"""The confusion matrix and the misclassified samples, as the digits view shows them."""

import torch

from engine.io.presets import load_preset
from engine.training.confusion import confusion
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
