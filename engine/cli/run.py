"""`run`: train on the fast path and print the notebook's log line every K epochs."""

from __future__ import annotations

import argparse
import json
import math

from .common import (
    SPLIT_EPILOG, add_batch_size_arg, add_optimizer_arg, add_source_args, add_split_args, diagnosis_dict,
    json_number, json_values, load_source, MAX_EPOCHS, int_in, with_batch_size, with_spec, with_split,
)

EPILOG = """\
Each log line shows the loss computed in that epoch's forward pass, before its update (the notebook's
`loss`), as `EPOCH : e / TOTAL (p%) \\t Loss : x.xxxxxx`, p = e·100 // TOTAL (with a test set followed by
` \\t Test loss : y.yyyyyy`, the same epoch's loss on the test points, whose log entries gain "test_loss"). Epochs count from the
network's start: a session saved at epoch 300 and run with --epochs 100 logs epochs 305 … 400 of 400.
--epochs, --lr, --batch-size and --optimizer also replace the network's values in a session saved with
--save (--optimizer adam on a network with momentum is refused: Adam has its own running average, beta1).
With a batch size K an epoch is ⌈N/K⌉ mini-batch steps, and an epoch's loss is the mean over its samples of
each sample's step loss: Σ n_j·loss_j / N (engine/core/batches.py).

--json prints one object: {"epochs": N, "start_epoch": s, "end_epoch": e, "log": [{"epoch": e, "loss": x},
…], "final_loss": x, "final_accuracy": a, "params": {"w1": [[…]], …}, "diverged": null | {…},
"health": [{"kind", "level", "layer", "code", "args", "text"}, …], "saved": null | {"path": …, "epoch": …},
"train_samples": n, "test_samples": m, "test_loss": x, "test_accuracy": a}. final_loss is the loss of the last epoch run (losses[-1], before
its update); params are the values after the last update; final_accuracy is measured with those params
(null for regression). Non-finite numbers are written as null, so the output is strict JSON.

""" + SPLIT_EPILOG + """
test_loss and test_accuracy are the loss (the training loss's formula, L2 term included) and accuracy on the
test points with the final params, like final_accuracy; both are null without a test set (test_accuracy also
for regression).

If training diverges (the loss, a parameter or any value computed in an epoch becomes NaN or infinite), it stops
at the epoch where that first happened, prints the diagnosis
and still exits 0; --save then writes the last finite state.
"""


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "run", help="train and print the loss every K epochs",
        description="Train a session or preset on the fast path and print the notebook's log line.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_source_args(p)
    p.add_argument("--epochs", type=int_in(1, MAX_EPOCHS), metavar="N",
                   help="epochs to run (default: the network's epochs)")
    p.add_argument("--lr", type=float, metavar="X", help="learning rate (default: the network's)")
    add_batch_size_arg(p)
    add_optimizer_arg(p)
    p.add_argument("--log-every", type=int_in(1, MAX_EPOCHS), metavar="K",
                   help="log every K epochs (default: epochs // 20, i.e. 500 for 10000)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the log")
    p.add_argument("--save", metavar="OUT.json", help="write the trained state to a session file")
    add_split_args(p)
    return p


def log_line(epoch: int, total: int, loss: float) -> str:
    """The notebook's log line with its percentage fixed: integer percent of epoch/total."""
    return f"EPOCH : {epoch} / {total} ({epoch * 100 // total}%) \t Loss : {loss:.6f}"


def run(args) -> int:
    trainer = load_source(args)
    changes = {k: v for k, v in (("lr", args.lr), ("epochs", args.epochs), ("optimizer", args.optimizer))
               if v is not None}
    if changes:
        trainer = with_spec(trainer, trainer.spec.with_changes(**changes))  # SpecError: exit 2
    trainer = with_split(trainer, args)
    trainer = with_batch_size(trainer, args.batch_size)  # after the split: K counts the training rows
    n = trainer.spec.epochs
    every = args.log_every or max(1, n // 20)
    start = trainer.epoch
    total = start + n
    for _ in trainer.train(n, every=n + 1):
        pass
    end = trainer.epoch
    losses = trainer.losses
    log = [(e, losses[e - 1]) for e in range(start + 1, end + 1) if (e - start) % every == 0]
    final_loss = losses[-1]  # n >= 1, so at least one epoch ran
    finite = trainer.is_finite()
    accuracy = trainer.accuracy() if finite else None
    params = {k: json_values(v.tolist()) for k, v in trainer.params.items()}
    diagnosis = trainer.diagnosis
    health = _health(trainer) if args.json else []
    held = trainer.held_out
    test_loss, test_acc = held.measure(trainer.params) if held is not None and finite else (None, None)

    saved = None
    if args.save:
        from engine.io.session_file import from_trainer, save

        if diagnosis is not None:
            trainer.rewind(diagnosis.last_finite_epoch)
        save(from_trainer(trainer), args.save)
        saved = {"path": args.save, "epoch": trainer.epoch}

    if args.json:
        out = {
            "epochs": n,
            "start_epoch": start,
            "end_epoch": end,
            "log": [{"epoch": e, "loss": json_number(x), **_test_at(held, e)} for e, x in log],
            "final_loss": json_number(final_loss),
            "final_accuracy": accuracy,
            "params": params,
            "diverged": diagnosis_dict(diagnosis),
            "health": health,
            "saved": saved,
            "train_samples": int(trainer.X.shape[0]),
            "test_samples": held.n if held is not None else 0,
            "test_loss": json_number(test_loss) if test_loss is not None else None,
            "test_accuracy": json_number(test_acc) if test_acc is not None else None,
        }
        print(json.dumps(out, allow_nan=False))
        return 0
    for e, x in log:
        print(log_line(e, total, x) + (f" \t Test loss : {held.losses[e - 1]:.6f}" if held is not None else ""))
    if diagnosis is not None:
        print(diagnosis.summary())
    tail = (f"done: epoch {end}" if diagnosis is None else f"stopped: epoch {end} of {total}") \
        + f", final loss {final_loss:.6f}"
    n_train = int(trainer.X.shape[0])
    if accuracy is not None:
        hits = round(accuracy * n_train)
        tail += f", accuracy {hits}/{n_train} ({accuracy:.0%})"
    print(tail)
    if test_loss is not None:
        line = f"test ({held.n} points held out): loss {test_loss:.6f}"
        if math.isfinite(test_acc):
            line += f", accuracy {round(test_acc * held.n)}/{held.n} ({test_acc:.0%})"
        print(line)
    if saved:
        note = " (the last finite epoch)" if diagnosis is not None else ""
        print(f"saved {saved['path']} at epoch {saved['epoch']}{note}")
    return 0


def _test_at(held, epoch: int) -> dict:
    """{"test_loss": …} of one logged epoch, when there is a test set."""
    return {} if held is None else {"test_loss": json_number(held.losses[epoch - 1])}


def _health(trainer) -> list[dict]:
    """The training-health readings at the last epoch: {kind, level, layer, code, args, text} each."""
    from engine.training.health import readings

    return [r.to_dict() for r in readings(trainer)]
