"""What a classifier gets right and wrong, for views where the inputs are not a plane (the digits):
the confusion matrix and the list of misclassified samples, from the network's outputs and the labels.

With a train/test split the training rows and the test rows are counted apart (`split_confusion`): a
learner reads the training matrix as what the network learned and the test one as how it does on rows it
never saw; counted together they would say neither."""

from __future__ import annotations

from typing import NamedTuple

import torch


class Confusion(NamedTuple):
    """counts[t, p]: samples of true class t the network answers p. wrong: their data row numbers, in order."""

    counts: torch.Tensor  # (K × K) int64
    predicted: torch.Tensor  # (N,) int64: the network's answer per counted sample
    wrong: torch.Tensor  # (M,) int64: data row numbers of the misclassified samples
    rows: torch.Tensor | None = None  # (N,) int64: the data row of each counted sample (None: 0 … N−1)

    @property
    def correct(self) -> int:
        return int(self.counts.diagonal().sum())

    @property
    def total(self) -> int:
        return int(self.counts.sum())

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else float("nan")


def answers(y_pred: torch.Tensor) -> torch.Tensor:
    """The class each row of y_pred answers: argmax of K columns, or P(class 1) > 0.5 for one column."""
    if y_pred.shape[1] == 1:
        return (y_pred[:, 0] > 0.5).to(torch.int64)
    return y_pred.argmax(1)


def confusion(y_pred: torch.Tensor, labels: torch.Tensor, n_classes: int,
              rows: torch.Tensor | None = None) -> Confusion:
    """The confusion matrix of predictions y_pred (N × K, or N × 1 for binary) against labels (N,).
    `rows`: the data row numbers the N samples are (then `wrong` holds data row numbers too)."""
    labels = labels.reshape(-1).to(torch.int64)
    pred = answers(y_pred)
    counts = torch.bincount(labels * n_classes + pred, minlength=n_classes * n_classes)
    counts = counts[: n_classes * n_classes].reshape(n_classes, n_classes)
    wrong = torch.nonzero(pred != labels).reshape(-1)
    if rows is not None:
        wrong = rows[wrong]
    return Confusion(counts, pred, wrong, rows)


def split_confusion(y_pred: torch.Tensor, labels: torch.Tensor, n_classes: int, train_index: torch.Tensor,
                    test_index: torch.Tensor) -> tuple[Confusion, Confusion | None]:
    """(the training rows' confusion, the test rows' or None without a test set), from predictions and labels
    of every data row; each one's `wrong` lists data row numbers."""
    labels = labels.reshape(-1)
    train = confusion(y_pred[train_index], labels[train_index], n_classes, train_index)
    if test_index.numel() == 0:
        return train, None
    return train, confusion(y_pred[test_index], labels[test_index], n_classes, test_index)
