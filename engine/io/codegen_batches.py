"""The exported training loop with mini-batches (engine/core/batches.py): the full-batch loop's body, run on
each mini-batch of the epoch's shuffled rows, and the epoch's loss as the engine reports it.

codegen writes one epoch's body for the whole data set (X, y, Y, N); here that body becomes one step on the
batch (X_b, y_b, Y_b, n_b), inside a loop over the epoch's ⌈N/BATCH⌉ steps, with the rows drawn exactly as
the engine draws them:

    order = torch.randperm(N, generator=torch.Generator().manual_seed((SEED * 1000003 + epoch) % 2**63))

and the epoch's loss Σ n_b·loss_b / N summed in step order, so the script prints what `run` prints, line for
line. A session saved inside an epoch continues from its next step, with the losses of the steps done.
"""

from __future__ import annotations

import re

from engine.core.batches import SEED_STRIDE

_RENAME = {"X": "X_b", "y": "y_b", "Y": "Y_b", "N": "n_b"}
_NAMES = re.compile(r"(?<![\w.])(X|y|Y|N)(?=ᵀ|\W|$)")


def settings(trainer, spec) -> str:
    """The lines that set the batches up (after the parameters)."""
    S = trainer.steps_per_epoch
    done = list(trainer.step_losses[len(trainer.step_losses) - trainer.batch:]) if trainer.batch else []
    lines = [f"BATCH = {spec.batch_size}  # rows per mini-batch step: an epoch is ⌈N/BATCH⌉ = {S} steps, "
             f"the last takes {trainer.batch_sizes[-1]}",
             f"SEED = {spec.seed}  # each epoch's order of the rows comes from (SEED, epoch), as in the engine",
             "STEPS = -(-N // BATCH)"]
    if done:
        lines += [f"FIRST = {trainer.batch}  # the session is inside epoch {trainer.epoch + 1}: its first "
                  f"{trainer.batch} steps are done",
                  f"DONE = [{', '.join(repr(float(x)) for x in done)}]  # their losses"]
    else:
        lines.append("FIRST, DONE = 0, []  # the session is at the start of an epoch")
    return "\n".join(lines)


def batched_loop(loop: str, n_steps: int, softmax: bool) -> str:
    """`loop` (codegen's full-batch training loop) made a loop over each epoch's mini-batches."""
    lines = loop.split("\n")
    head, body = lines[0], lines[1:]
    cut = next(i for i, line in enumerate(body) if line.strip().startswith("loss_value = "))
    value = body[cut].strip()[len("loss_value = "):]
    log = body[cut + 1:]
    while body[cut - 1].strip() == "":
        cut -= 1
    step = [_rename(line) for line in body[:cut]]
    ind = "    "
    targets = ["y", "Y"] if softmax else ["y"]
    out = [head,
           ind + "# this epoch's order of the rows (the engine's), then ⌈N/BATCH⌉ steps on BATCH rows each",
           ind + f"g = torch.Generator().manual_seed((SEED * {SEED_STRIDE} + epoch) % 2**63)",
           ind + "order = torch.randperm(N, generator=g)  # (N,) every row once",
           ind + "X_epoch = X.index_select(0, order)  # (N, in) the rows in this epoch's order"]
    out += [ind + f"{t}_epoch = {t}.index_select(0, order)" for t in targets]
    out += [ind + "first = FIRST if epoch == START + 1 else 0",
            ind + "epoch_total = 0.0  # Σ n_b·loss_b over the steps, in step order",
            ind + "for done_loss in (DONE if first else []):",
            ind + "    epoch_total += done_loss * BATCH",
            ind + "for j in range(first, STEPS):",
            ind + "    s = j * BATCH",
            ind + "    n_b = min(BATCH, N - s)  # rows in this batch (the last may have fewer)",
            ind + "    X_b = X_epoch[s:s + n_b]  # (n_b, in): every N below is n_b"]
    out += [ind + f"    {t}_b = {t}_epoch[s:s + n_b]" for t in targets]
    out += [ind + line if line.strip() else line for line in step]
    out += ["", ind + f"    epoch_total += {_rename(value)} * n_b",
            ind + "# the epoch's loss: the mean over its samples of each one's step loss, Σ n_b·loss_b / N"]
    out.append(ind + "loss_value = epoch_total / N")
    out += log
    return "\n".join(out)


def _rename(line: str) -> str:
    """X, y, Y, N → the batch's X_b, y_b, Y_b, n_b (code and comments alike; y_pred, d_l2, … untouched)."""
    return _NAMES.sub(lambda m: _RENAME[m.group(1)], line)
