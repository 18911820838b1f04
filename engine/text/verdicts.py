"""The hints of the checker's verdicts (engine.checker.verdicts, engine.checker.update_verdicts), by code.

`checker.grad.<hint_code>` explains a gradient the learner's code got wrong, `checker.update.<hint_code>` an
update. Arguments: names ("d_w2", "w2"), shapes as text ("(2×1)"), numbers (N, the factor k as text "−4"),
and `{formula}`: the right formula, as code ("d_b1 = d_l1.sum(0)") or the traced step's own formula Text.
"""

from __future__ import annotations

from . import register

_RIGHT = " The right formula: {formula}."
_MOMENTUM = "v_{p} = {m} * v_{p} + {dp}, then {p} -= lr * v_{p}"
_ADAM = ("t = t + 1 (once per epoch); m_{p} = beta1 * m_{p} + (1 - beta1) * {dp}; "
         "v_{p} = beta2 * v_{p} + (1 - beta2) * {dp} ** 2; "
         "{p} -= lr * (m_{p} / (1 - beta1 ** t)) / ((v_{p} / (1 - beta2 ** t)).sqrt() + eps)")

GRADIENTS = {
    "checker.formula": "{formula}   {remark}",  # a step's formula with its remark, "w1 ← … (lr = 0.01)"
    "checker.grad.not_a_tensor": "{name} is a {type}, not a tensor.",
    "checker.grad.follows": "This line is right for your {src}; {name} is wrong only because {src} is: fix "
                            "that first.",
    "checker.grad.sign": "{name} has the wrong sign (factor −1): loss = −mean(…), and the minus carries into "
                         "every gradient." + _RIGHT,
    "checker.grad.mean_missing": "{name} is {N} × the right value: the 1/N of the mean is missing (the loss is "
                                 "a mean over the N = {N} samples, so every gradient carries 1/{N})." + _RIGHT,
    "checker.grad.sign_mean_missing": "{name} is {k} × the right value: the sign and the 1/N of the mean are "
                                      "missing (loss = −mean(…) = −(1/{N})·Σ…)." + _RIGHT,
    "checker.grad.mean_extra": "{name} is 1/{N} of the right value: it is divided by N = {N} once too often "
                               "(the 1/N of the mean belongs in d_loss only)." + _RIGHT,
    "checker.grad.sign_mean_extra": "{name} is {k} × the right value: the wrong sign, and divided by N = {N} "
                                    "once too often." + _RIGHT,
    "checker.grad.mean_instead_of_sum": "{name} is the mean over the batch axis, 1/{N} of the right value; a "
                                        "bias gradient is the sum over the batch axis." + _RIGHT,
    "checker.grad.factor": "{name} is {k} × the right value." + _RIGHT,
    "checker.grad.propagated": "{name} has {count} entries that are inf or nan because {up} has.",
    "checker.grad.use_simplified": "{name} has {count} entries that are inf or nan because {up} has. y_pred is "
                                   "saturated, so d_loss divides by zero; {name} = σ'({l}) ⊙ d_loss simplifies "
                                   "to (y_pred − y)/N, which never divides: {name} = (y_pred - y) / N.",
    "checker.grad.div_zero": "d_loss divides by y_pred and by 1 − y_pred; {saturated} prediction(s) are exactly "
                             "0 or 1, so it divides by zero. σ'(l)·d_loss simplifies to (y_pred − y)/N, which "
                             "never divides.",
    "checker.grad.not_finite": "{name} has {count} entries that are inf or nan." + _RIGHT,
    "checker.grad.wrong": "{name} does not match." + _RIGHT,
    "checker.grad.zero": "{name} is all zeros." + _RIGHT,
    "checker.grad.act_derivative_missing": "{name} equals {up}: the activation's derivative is missing: "
                                           "{name} = {helper}_p({l}) * {up}.",
    "checker.grad.activation_not_derivative": "{name} multiplies by the activation {helper}({l}) itself; use "
                                              "its derivative: {name} = {helper}_p({l}) * {up}.",
    "checker.grad.transpose": "{name} is the transpose of the right gradient." + _RIGHT,
    "checker.grad.transpose_shape": "{name} is {got} but {base} is {want}: this is the transpose of the right "
                                    "gradient." + _RIGHT,
    "checker.grad.l2_missing": "{name} lacks the L2 term: the loss adds (l2/2)·Σ‖w‖², so add l2·{base} "
                               "(l2 = {l2})." + _RIGHT,
    "checker.grad.reshape": "{name} has the right values but the shape {got}; {base} is {want}, and so must "
                            "{name} be.",
    "checker.grad.reshape_sum": "{name} has the right values but the shape {got}; {base} is {want}, and so must "
                                "{name} be. Sum over the batch axis only, without keepdim: {name} = {up}.sum(0).",
    "checker.grad.sum_batch_axis": "{name} is {got}: per-sample values, one row for each of the {N} samples; "
                                   "{base} is {want}, so sum over the batch axis: {name} = {up}.sum(0).",
    "checker.grad.shape": "{name} must have the shape of {base}, {want}; yours is {got}.",
    "checker.grad.shape_why": "{name} must have the shape of {base}, {want}; yours is {got}. {why}",
}

UPDATES = {
    "checker.update.not_a_tensor": "{p} is now a {type}, not a tensor.",
    "checker.update.shape": "{p} changed shape from {want} to {got}; an update must keep the shape.",
    "checker.update.sum_batch_axis": "{p} changed shape from {want} to {got}; an update must keep the shape. "
                                     "{dp} is {per_sample}, per-sample values: sum over the batch axis: "
                                     "{dp} = ….sum(0).",
    "checker.update.follows": "This update is right for your {dp}; {p} is wrong only because {dp} is.",
    "checker.update.mean": "This update subtracts lr × the mean of {dp} over the batch axis: a mean where the "
                           "sum belongs. Once {dp} is the batch sum {shape}, subtract it itself: "
                           "{p} -= lr * {dp}",
    "checker.update.sum": "This update sums {dp} over the batch axis; better make {dp} itself the sum {shape} "
                          "and write {p} -= lr * {dp}",
    "checker.update.mean_of_gradient": "This update subtracts lr × the mean of all {entries} entries of {dp} "
                                       "(torch.mean({dp}, 0) of a {shape} {dp} is one number): subtract {dp} "
                                       "itself: {p} -= lr * {dp}",
    "checker.update.momentum_missing": "This is plain gradient descent; with momentum {m}: " + _MOMENTUM,
    "checker.update.sign": "{p} moved along the gradient instead of against it: {p} -= lr * {dp}",
    "checker.update.lr_missing": "The step is {k} × the right one: multiply {dp} by lr: {p} -= lr * {dp}",
    "checker.update.factor": "The step is {k} × the right one: {p} -= lr * {dp}",
    # a factor found against the step the learner's own d_p gives, or against the step without momentum
    "checker.update.relative": "{hint} (relative to the step your {dp} gives; {dp} itself is wrong too)",
    "checker.update.and_momentum": "{hint}; and momentum {m} is missing: " + _MOMENTUM,
    "checker.update.wrong": "{p} does not match {formula}",
    # under Adam: the expected step is Adam's from the session's m_p, v_p and t (this epoch's is t + 1)
    "checker.update.adam_missing": "This is plain gradient descent; with Adam: " + _ADAM,
    "checker.update.adam_state_missing": "This is Adam's first step, from m = v = 0; the session has taken {t} "
                                         "steps already: start from its m_{p}, v_{p} and t: " + _ADAM,
    "checker.update.adam_sign": "{p} moved the wrong way: its step is −1 × Adam's: " + _ADAM,
    "checker.update.adam_factor": "The step is {k} × Adam's: " + _ADAM,
}

register(GRADIENTS)
register(UPDATES)
