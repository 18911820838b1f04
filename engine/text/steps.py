"""The explanation of every traced step (engine.core.step.Step), by code. A code's own template is the formula
in the notebook's names; `code.remark` a bracketed remark shown after it, `code.why` the dimension argument
(every gradient has one), `code.note` a note. Arguments are names ("a1"), shapes as text ("(4×2)") and
numbers (n: the rows of the batch, lr, …); `{derivative}` is a nested Text ("derivative.<activation>").
"""

from __future__ import annotations

from . import register

_WHY_D_LOSS = ("d_loss has the shape of y_pred {shape}: one derivative per prediction; the 1/{n} of the mean is "
               "in every entry")
_WHY_ACT = ("{d_l} has the shape of {l} {shape}; the activation acts on each entry alone, so its derivative "
            "multiplies {up} entry by entry (⊙), no matmul")
_UPDATE_NOTE = "a step of size lr against the gradient; d_{p} has the shape of {p} {shape}"

STEPS = {
    # ----- forward ------------------------------------------------------------------------------------------
    "step.linear": "{l} = {a} @ {w} + {b}",
    "step.linear.note": "{a} {a_shape} @ {w} {w_shape} → {l_shape}; {b} {b_shape} is added to every one of the "
                        "{n} rows",
    "step.activation": "{a} = {f}({l})",
    "step.activation.note": "applied to every entry on its own",
    "step.softmax": "{a} = softmax({l})",
    "step.softmax.note": "each row is exp(l) divided by its row sum",
    "step.loss.bce": "loss = −mean(y·log(y_pred) + (1−y)·log(1−y_pred)){penalty}",
    "step.loss.bce.note": "computed stably from {l}: mean(softplus({l}) − y·{l}), never log(0)",
    "step.loss.softmax_ce": "loss = −mean(log(y_pred[n, y[n]])){penalty}",
    "step.loss.softmax_ce.note": "computed stably from {l} with log-sum-exp, never log(0)",
    "step.loss.mse": "loss = mean((y_pred − y)²){penalty}",
    "step.loss.mse.note": "the mean runs over every entry",
    # ----- backward: the loss gradient and the output delta -------------------------------------------------
    "step.d_loss.bce": "d_loss = −(y/y_pred − (1−y)/(1−y_pred)) / {n}",
    "step.d_loss.bce.why": _WHY_D_LOSS,
    "step.d_loss.bce.note": "the minus sign and the 1/N come from loss = −mean(…)",
    "step.d_loss.softmax_ce": "d_loss = −(Y / y_pred) / {n}",
    "step.d_loss.softmax_ce.remark": "(Y: one-hot labels)",
    "step.d_loss.softmax_ce.why": _WHY_D_LOSS,
    "step.d_loss.softmax_ce.note": "only each sample's true class gets a non-zero entry",
    "step.d_loss.mse": "d_loss = 2·(y_pred − y) / {count}",
    "step.d_loss.mse.why": _WHY_D_LOSS,
    "step.output_delta.bce": "{d_l} = {f}'({l}) ⊙ d_loss",
    "step.output_delta.bce.why": _WHY_ACT,
    "step.output_delta.bce.note": "{f}'({l})·d_loss simplifies to (y_pred − y)/{n}; the engine uses that stable "
                                  "form, which never divides by y_pred",
    "step.output_delta.softmax_ce": "{d_l} = y_pred ⊙ (d_loss − Σⱼ y_pred⊙d_loss)",
    "step.output_delta.softmax_ce.why": "{d_l} has the shape of {l} {shape}; softmax mixes the entries of each "
                                        "row, so each row of {up} is multiplied by that row's softmax Jacobian",
    "step.output_delta.softmax_ce.note": "the softmax Jacobian times d_loss simplifies to (y_pred − Y)/{n}; the "
                                         "engine uses that stable form",
    # ----- backward: each layer ---------------------------------------------------------------------------------
    "step.act_grad": "{d_l} = {f}'({l}) ⊙ {up}",
    "step.act_grad.why": _WHY_ACT,
    "step.act_grad.note": "{derivative}",
    "step.d_b": "{d_b} = Σₙ {d_l}[n, :]",
    "step.d_b.remark": "(sum over axis 0)",
    "step.d_b.why": "{b} {b_shape} was broadcast to all {n} rows in the forward pass, so {d_b} adds up the {n} "
                    "rows of {d_l} {d_l_shape}: Σ over the {n} samples, axis 0 → {b_shape}",
    "step.d_w": "{d_w} = {a}ᵀ @ {d_l}{penalty}",
    "step.d_w.why": "{d_w} must be {w_shape} like {w}; {a} is {a_shape} and {d_l} is {d_l_shape}; {a}ᵀ @ {d_l}, "
                    "{a_t_shape} @ {d_l_shape}, is the product with that shape; it sums over the {n} samples",
    "step.d_a": "{d_a} = {d_l} @ {w}ᵀ",
    "step.d_a.why": "{d_a} must be {a_shape} like {a}; {d_l} is {d_l_shape} and {w} is {w_shape}; {d_l} @ {w}ᵀ, "
                    "{d_l_shape} @ {w_t_shape}, is the product with that shape: each sample's error flows back "
                    "along the weights it came through",
    # ----- the update ---------------------------------------------------------------------------------------------
    "step.update.sgd": "{p} ← {p} − lr·d_{p}",
    "step.update.sgd.remark": "(lr = {lr:g})",
    "step.update.sgd.note": _UPDATE_NOTE,
    "step.update.fused": "{p} ← {p} − lr·d_{p}",
    "step.update.fused.remark": "(lr = {lr:g})",
    "step.update.fused.note": _UPDATE_NOTE + "; done as one fused {p}.addmm_({a}ᵀ, {d_l}, alpha=−lr)",
    "step.update.momentum": "v_{p} ← {m:g}·v_{p} + d_{p};  {p} ← {p} − lr·v_{p}",
    "step.update.momentum.remark": "(lr = {lr:g})",
    "step.update.momentum.note": "momentum keeps a running sum of past gradients",
    "step.update.adam": "{p} ← {p} − lr·m_hat_{p} / (√v_hat_{p} + ε)",
    "step.update.adam.remark": "(Adam, lr = {lr:g})",
    "step.update.adam.note": "Adam keeps two running averages per entry, m of the gradient and v of its square, "
                             "and moves each entry of {p} {shape} by about lr in the direction of −m: a step "
                             "size of its own for every entry",
    # ----- each activation's derivative, in words ---------------------------------------------------------------
    "derivative.sigmoid": "σ'(l) = σ(l)·(1 − σ(l)) = a·(1 − a)",
    "derivative.tanh": "tanh'(l) = 1 − tanh(l)² = 1 − a²",
    "derivative.relu": "ReLU'(l) = 1 where l > 0, else 0 (that is sign(a), as a = max(l, 0))",
    "derivative.leaky_relu": "LReLU'(l) = 1 where l > 0, else {slope}",
    "derivative.linear": "id'(l) = 1",
}

register(STEPS)
