"""What a classifier gets right and wrong, for views where the inputs are not a plane (the digits):
the confusion matrix and the list of misclassified samples, from the network's outputs and the labels."""

from __future__ import annotations

from typing import NamedTuple

import torch


class Confusion(NamedTuple):
    """counts[t, p]: samples of true class t the network answers p. wrong: their indices, in data order."""

    counts: torch.Tensor  # (K × K) int64
    predicted: torch.Tensor  # (N,) int64: the network's answer per sample
    wrong: torch.Tensor  # (M,) int64: indices of the misclassified samples

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


def confusion(y_pred: torch.Tensor, labels: torch.Tensor, n_classes: int) -> Confusion:
    """The confusion matrix of predictions y_pred (N × K, or N × 1 for binary) against labels (N,)."""
    labels = labels.reshape(-1).to(torch.int64)
    pred = answers(y_pred)
    counts = torch.bincount(labels * n_classes + pred, minlength=n_classes * n_classes)
    counts = counts[: n_classes * n_classes].reshape(n_classes, n_classes)
    wrong = torch.nonzero(pred != labels).reshape(-1)
    return Confusion(counts, pred, wrong)
