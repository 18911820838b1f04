"""Helpers shared by the subcommands: where the network comes from, and small output conventions."""

from __future__ import annotations

import argparse
import math

from engine.core.errors import EngineError, SessionError
from engine.io.presets import DEFAULT_PRESET, PRESETS, load_preset


MAX_EPOCHS = 10**8  # as NetworkSpec.epochs


class UsageError(Exception):
    """Bad arguments or an unreadable file: exit 2 with this one-line message."""


def add_source_args(parser: argparse.ArgumentParser) -> None:
    """SESSION.json (optional, positional) or --preset NAME; with neither, the notebook's XOR."""
    parser.add_argument(
        "session", nargs="?", metavar="SESSION.json",
        help="a session file saved by the app or by `run --save`",
    )
    parser.add_argument(
        "--preset", metavar="NAME",
        help=f"start from a preset instead ({', '.join(PRESETS)}); default {DEFAULT_PRESET}",
    )


def load_source(args: argparse.Namespace):
    """The Trainer that args name: a session file (in its saved state) or a preset (at epoch 0).

    Raises UsageError (exit 2, one line) for both at once, a missing or bad file, or an unknown preset."""
    from engine.training.trainer import Trainer

    session, preset = getattr(args, "session", None), getattr(args, "preset", None)
    if session is not None and preset is not None:
        raise UsageError("give a session file or --preset, not both")
    if session is not None:
        from engine.io.session_file import load

        try:
            return load(session).to_trainer()
        except SessionError as e:
            raise UsageError(e.message if e.field == "file" else f"{session}: {e}") from None
    try:
        spec, data = load_preset(preset if preset is not None else DEFAULT_PRESET)
    except EngineError as e:
        raise UsageError(str(e)) from None
    return Trainer(spec, data)


def with_spec(trainer, spec):
    """A Trainer in the same state as `trainer` but with another (validated) spec, e.g. a new lr."""
    return with_data(trainer, trainer.data, spec)


def with_data(trainer, data, spec=None):
    """A Trainer in the same state as `trainer` on `data` (the same points, e.g. with another test split; the
    test history is kept only when the split is the same)."""
    from engine.training.trainer import Trainer

    held, old = trainer.held_out, trainer.data
    same = (data.test_fraction, data.split_seed) == (old.test_fraction, old.split_seed)
    test = (held.losses, held.accuracies) if held is not None and same else ((), ())
    test = dict(test_losses=test[0], test_accuracies=test[1])
    spec = spec or trainer.spec
    same_batches = same and spec.batch_size == trainer.spec.batch_size
    return Trainer(spec, data, trainer.params, trainer.velocity, trainer.epoch, trainer.losses,
                   trainer.accuracies, **test, batch=trainer.batch if same_batches else 0,
                   step_losses=trainer.step_losses if same_batches else None, adam=trainer.adam)


def add_batch_size_arg(parser: argparse.ArgumentParser) -> None:
    from engine.core.spec import MAX_BATCH_SIZE

    parser.add_argument("--batch-size", type=int_in(1, MAX_BATCH_SIZE), metavar="K",
                        help="rows per mini-batch step: an epoch is ⌈N/K⌉ steps over the rows reshuffled every "
                        "epoch from the seed; 1 is plain SGD (default: the network's, or the whole data set)")


def with_batch_size(trainer, k: int | None):
    """`trainer` with batch size k (1 … N, the data's training rows), or as it is for None. UsageError (exit 2)
    when k is out of range, or when a session saved inside an epoch would change its batches."""
    if k is None or k == trainer.spec.batch_size:
        return trainer
    n = trainer.X.shape[0]
    if not 1 <= k <= n:
        rows = "training rows" if trainer.held_out is not None else "rows"
        raise UsageError(f"--batch-size {k} is out of range: the data has {n} {rows}, so use 1 to {n}")
    if trainer.batch:
        raise UsageError(f"--batch-size: this session is inside epoch {trainer.epoch + 1} (step {trainer.batch} "
                         f"of {trainer.steps_per_epoch}); a new batch size starts at an epoch's beginning")
    return with_spec(trainer, trainer.spec.with_changes(batch_size=k))


SPLIT_EPILOG = """\
--test-split F holds out a fraction F (0 <= F < 1) of the points as a test set, chosen by --split-seed S
(default 0; the same F and S always hold out the same points, in every command); training uses only the other
points (a session's own split is replaced; 0 removes it)."""


def add_split_args(parser: argparse.ArgumentParser) -> None:
    """--test-split F and --split-seed S, the same for every command that trains or reads the training rows."""
    parser.add_argument("--test-split", type=fraction, metavar="F",
                        help="hold out this fraction of the points as a test set (0 <= F < 1; default: the "
                             "session's, none for a preset)")
    parser.add_argument("--split-seed", type=int_in(0, 2**63 - 1), metavar="S",
                        help="which points the test set holds (default: the session's, 0 for a preset)")


def with_split(trainer, args):
    """`trainer` on its data split as --test-split and --split-seed say (as it is when neither is given).
    UsageError (exit 2) when the split would leave a part empty."""
    f, seed = getattr(args, "test_split", None), getattr(args, "split_seed", None)
    if f is None and seed is None:
        return trainer
    data = trainer.data
    try:
        data = data.with_split(data.test_fraction if f is None else f, data.split_seed if seed is None else seed)
    except EngineError as e:
        raise UsageError(f"--test-split: {e.message}") from None
    return with_data(trainer, data)


def rows_note(trainer) -> str:
    """", on the N training rows (M test rows held out)" with a test set, else ""."""
    held = trainer.held_out
    if held is None:
        return ""
    return f", on the {int(trainer.X.shape[0])} training rows ({held.n} test rows held out)"


def add_optimizer_arg(parser: argparse.ArgumentParser) -> None:
    """--optimizer sgd|adam: replaces the network's optimizer (Adam with β1 0.9, β2 0.999, ε 1e-8 unless the
    network has its own; its state starts at m = v = 0, t = 0 when the network had none)."""
    parser.add_argument("--optimizer", choices=("sgd", "adam"),
                        help="sgd (with the network's momentum) or adam, as torch.optim.Adam "
                             "(default: the network's)")


def json_number(x):
    """A float for JSON output; null for NaN or ±inf (the output is strict JSON)."""
    x = float(x)
    return x if math.isfinite(x) else None


def json_values(value):
    """Nested lists of floats (e.g. tensor.tolist()) with non-finite numbers as null."""
    if isinstance(value, list):
        return [json_values(v) for v in value]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return value


def diagnosis_dict(d) -> dict | None:
    if d is None:
        return None
    return {
        "epoch": d.epoch,
        "last_finite_epoch": d.last_finite_epoch,
        "step": d.step,
        "phase": d.phase,
        "code": d.code,
        "reason": d.reason,
        "summary": d.summary(),
        "explanation": d.text.to_dict(),
    }


def _shown(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{_shown(text)} must be 1 or more")
    return n


def int_in(lo: int, hi: int):
    """An argparse type: a whole number from lo to hi, else one line saying the range."""
    def parse(text: str) -> int:
        try:
            n = int(text) if len(text.strip()) <= 4000 else None  # (Python refuses longer ones)
        except ValueError:
            n = None
        if n is None:
            raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a whole number from {lo} to {hi}")
        if not lo <= n <= hi:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is out of range; use {lo} to {hi}")
        return n
    return parse


def float_in(lo: float, hi: float):
    """An argparse type: a number above lo and at most hi, else one line saying the range."""
    def parse(text: str) -> float:
        try:
            x = float(text)
        except (ValueError, OverflowError):
            raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a number") from None
        if not (math.isfinite(x) and lo < x <= hi):
            raise argparse.ArgumentTypeError(f"{_shown(text)} is out of range; use a number above {lo:g} "
                                             f"and at most {hi:g}")
        return x
    return parse


def fraction(text: str) -> float:
    """An argparse type: a number from 0 up to but not including 1 (a test fraction)."""
    try:
        x = float(text)
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(f"{_shown(text)!r} is not a number") from None
    if not (math.isfinite(x) and 0 <= x < 1):
        raise argparse.ArgumentTypeError(f"{_shown(text)} is out of range; use a number from 0 up to but not "
                                         "including 1")
    return x
