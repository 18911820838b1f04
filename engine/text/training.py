"""The words of engine.training: why training diverged (diagnose) and the training-health readings (health).

Arguments are names ("w1", "l1"), numbers already formatted as text ("3e+38", "1.2e-05", "100%") and nested
Texts: `{cause}` says what made the weights so large (`cause.lr` or `cause.start`).
"""

from __future__ import annotations

from . import register

DIAGNOSES = {
    "diverge.summary": "diverged in epoch {epoch} at {step} ({phase}): {reason}",
    "diverge.weights_exploding": "{step} overflowed in its update: lr·d_{step} is {ratio} times the size of "
                                 "{step} (healthy ≈ {healthy}), so the weights grew each epoch until they "
                                 "overflowed; the learning rate {lr} is too large",
    "diverge.l2_overflow": "the L2 term (l2/2)·Σ‖w‖² overflowed: the weights are so large (max |w| = {max_w}) "
                           "that their squares exceed the largest {dtype} number; {cause}",
    "diverge.mse_overflow": "the squared errors overflowed: the predictions reach |y_pred| = {max_y}, and "
                            "(y_pred − y)² exceeds the largest {dtype} number; {cause}",
    "diverge.linear_overflow": "{step} overflowed: the weights are so large (max |w| = {max_w}) that the product "
                               "exceeds the largest {dtype} number; {cause}",
    "diverge.propagated": "{step} is non-finite because {operand} already was",
    "diverge.div_zero": "d_loss divides by y_pred and by 1 − y_pred; {saturated} prediction(s) are saturated at "
                        "exactly 0 or 1, so a division by zero gives inf or nan. σ'(l)·d_loss simplifies to "
                        "(y_pred − y)/N, which never divides",
    "diverge.log_zero": "the loss takes log(y_pred) and log(1 − y_pred); {saturated} saturated prediction(s) make "
                        "that log(0) = −inf. Compute the loss from l with a stable formula (softplus), as the "
                        "engine does",
    "diverge.exp_overflow": "{step} overflowed: exp of a large pre-activation exceeds the largest {dtype} number",
    "diverge.unknown": "a value became non-finite",
    "cause.lr": "the learning rate {lr} is too large",
    "cause.start": "these are the weights training started from (epoch {epoch} is the first with them), not "
                   "grown by it: start from smaller weights (re-initialise, or edit them)",
}

HEALTH = {
    "health.start_loss.nan": "start loss {loss}: not a number",
    "health.start_loss.high": "start loss {loss} vs chance {chance}: the initial weights make confident wrong "
                              "guesses; smaller initial weights would start near chance",
    "health.start_loss.ok": "start loss {loss} vs chance {chance}: a sensible start",
    "health.ratio.nan": "{w}: ratio {ratio}: the weights or gradients are not finite",
    "health.ratio.small": "{w}: ratio {ratio}: learning rate likely too small",
    "health.ratio.saturated": "{w}: ratio {ratio}: not a small learning rate: {a} is {fraction} saturated, so "
                              "the gradients through it vanish; too large steps (lr {lr}) or too large starting "
                              "weights push units there. Re-initialise, with a smaller learning rate if it was "
                              "large",
    "health.ratio.dead": "{w}: ratio {ratio}: not a small learning rate: {dead} of {units} ReLU units of {a} are "
                         "dead, so no gradient flows through them; too large steps (lr {lr}) or too large "
                         "starting weights kill units. Re-initialise, with a smaller learning rate if it was "
                         "large",
    "health.ratio.large": "{w}: ratio {ratio}: learning rate likely too large",
    "health.ratio.ok": "{w}: ratio {ratio}: healthy (≈ {healthy})",
    "health.saturated": "{a}: {fraction} of {activation} outputs saturated",
    "health.saturated.vanish": "{a}: {fraction} of {activation} outputs saturated: their gradients vanish",
    "health.dead": "{a}: {dead} of {units} ReLU units dead (0 for every sample)",
    "health.dead.stuck": "{a}: {dead} of {units} ReLU units dead (0 for every sample): they no longer learn",
    "health.test.ok": "test loss {test} on the {n} held-out points, training loss {train}: no sign of "
                      "overfitting",
    "health.test.overfit": "the test loss rose from {best} (epoch {epoch}) to {test} while the training loss "
                           "fell from {train_then} to {train}: the network is learning its {n_train} training "
                           "points rather than the pattern (overfitting). Stop near epoch {epoch}, or use more "
                           "points or fewer units",
}

register(DIAGNOSES)
register(HEALTH)
