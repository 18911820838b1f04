"""The manual script's training loop: forward, the backward pass by hand with a shape comment on every tensor
line, the update (SGD, fused SGD, momentum or Adam), in the engine's own torch operations and order."""

from __future__ import annotations

from engine.core import activations as acts

from .codegen_adam import adam_update
from .codegen_parts import RESULT_COMMENT, _done, _log_lines, _loss_lines, _Net


def _manual_loop(n: _Net) -> str:
    spec, L, ind = n.spec, n.L, "    "
    out = ["for epoch in range(START + 1, TOTAL + 1):",
           ind + "# forward: torch.addmm(b1, X, w1) is X @ w1 + b1 in one fused operation (the engine's)"]
    for k in range(1, L + 1):
        out.append(ind + f"l{k} = torch.addmm(b{k}, {n.a(k - 1)}, w{k})  # {n.shape(k)}")
        if k < L:
            f = n.hidden[k - 1].forward_code.format(l=f"l{k}")
        elif spec.output_activation == "softmax":
            f = f"torch.softmax(l{k}, dim=1)"
        else:
            f = acts.get(spec.output_activation).forward_code.format(l=f"l{k}")
        out.append(ind + f"{n.a(k)} = {f}  # {n.shape(k)}")
    out += _loss_lines(n, f"l{L}" if spec.loss != "mse" else "y_pred", ind)
    out.append("")
    out.append(ind + "# backward: d_<name> = ∂loss/∂<name>, with the shape of <name>")
    if spec.loss == "bce":
        out.append(ind + f"# d_loss = −(y/y_pred − (1−y)/(1−y_pred))/N; σ'(l{L}) ⊙ d_loss simplifies to "
                   "(y_pred − y)/N, which never divides by zero")
        out.append(ind + f"d_l{L} = (y_pred - y).div_(N)  # {n.shape(L)}")
    elif spec.loss == "softmax_ce":
        out.append(ind + "# the softmax Jacobian times d_loss = −(Y / y_pred)/N simplifies to (y_pred − Y)/N")
        out.append(ind + f"d_l{L} = (y_pred - Y).div_(N)  # {n.shape(L)}")
    else:
        out.append(ind + f"d_loss = (y_pred - y).mul_(2.0 / y_pred.numel())  "
                   f"# {n.shape(L)}  2(y_pred − y)/(N·T)")
        g = acts.get(spec.output_activation).grad_code.format(d="d_loss", l=f"l{L}", a="y_pred")
        out.append(ind + f"d_l{L} = {g}  # {n.shape(L)}  f'(l{L}) ⊙ d_loss")
    for k in range(L, 0, -1):
        ap = n.a(k - 1)
        w_shape = f"({n.sizes[k - 1]}, {n.sizes[k]})"
        out.append(ind + f"d_b{k} = d_l{k}.sum(0)  # ({n.sizes[k]},)  sum over the batch axis")
        l2 = f".add(w{k}, alpha=l2_lambda)" if spec.l2 else ""
        out.append(ind + f"d_w{k} = torch.mm({ap}.t(), d_l{k}){l2}  # {w_shape}  {ap}ᵀ @ d_l{k}"
                   + (f" + l2_lambda·w{k}" if spec.l2 else ""))
        if k > 1:
            out.append(ind + f"d_a{k - 1} = torch.mm(d_l{k}, w{k}.t())  # {n.shape(k - 1)}  d_l{k} @ w{k}ᵀ")
            act = n.hidden[k - 2]
            g = act.grad_code.format(d=f"d_a{k - 1}", l=f"l{k - 1}", a=f"a{k - 1}")
            out.append(ind + f"d_l{k - 1} = {g}  # {n.shape(k - 1)}  {act.symbol}'(l{k - 1}) ⊙ d_a{k - 1}")
    out.append("")
    if spec.optimizer == "adam":
        out += adam_update(n, ind) + _log_lines(ind, "loss.item()", n.test)
        return "\n".join(out)
    out.append(ind + ("# update: v ← momentum·v + d_p, then p ← p − lr·v" if spec.momentum
                      else "# update, in place: p ← p − lr·d_p"))
    for k in range(1, L + 1):
        for p in (f"w{k}", f"b{k}"):
            shape = f"({n.sizes[k - 1]}, {n.sizes[k]})" if p[0] == "w" else f"({n.sizes[k]},)"
            if spec.momentum:
                out.append(ind + f"v_{p}.mul_(momentum).add_(d_{p})  # {shape}")
                out.append(ind + f"{p}.add_(v_{p}, alpha=-lr)  # {shape}")
            elif p[0] == "w" and not spec.l2:
                ap = n.a(k - 1)
                out.append(ind + f"{p}.addmm_({ap}.t(), d_l{k}, alpha=-lr)  # {shape}  {p} -= lr * d_{p}, "
                           f"fused: d_{p} = {ap}ᵀ @ d_l{k}")
            else:
                out.append(ind + f"{p}.add_(d_{p}, alpha=-lr)  # {shape}  {p} -= lr * d_{p}")
    out += _log_lines(ind, "loss.item()", n.test)
    return "\n".join(out)


def _predict_manual(n: _Net) -> str:
    spec, L = n.spec, n.L
    lines = [RESULT_COMMENT, "a = X"]
    for k in range(1, L + 1):
        if k < L:
            f = n.hidden[k - 1].forward_code.format(l=f"torch.addmm(b{k}, a, w{k})")
        elif spec.output_activation == "softmax":
            f = f"torch.softmax(torch.addmm(b{k}, a, w{k}), dim=1)"
        else:
            f = acts.get(spec.output_activation).forward_code.format(l=f"torch.addmm(b{k}, a, w{k})")
        lines.append(f"a = {f}  # {n.shape(k)}")
    return "\n".join(lines) + "\n" + _done(n, "a", ", ".join(spec.param_names))
