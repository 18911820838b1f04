"""Adam in the exported scripts: its settings and the session's state (m, v per parameter and the step count t),
the manual script's update by hand (torch.optim.Adam's own operations, so it prints what the engine prints),
and the autograd script's torch.optim.Adam loaded with the same state."""

from __future__ import annotations

from .codegen_parts import _assign, _Net, _num, _shape, literal


def adam_settings(n: _Net, style: str) -> list[str]:
    """beta1, beta2, eps (both styles); the buffers m_p, v_p and t (manual)."""
    spec, state = n.spec, n.trainer.adam
    lines = [f"beta1, beta2, eps = {_num(spec.beta1)}, {_num(spec.beta2)}, {_num(spec.eps)}  "
             "# Adam: the decay of m and of v, and the ε under the square root"]
    if style == "manual":
        lines.append("# Adam's state: m (running mean of the gradient) and v (of its square) per parameter, "
                     "and the step count t")
        for name in spec.param_names:
            for buf, values in (("m", state.m[name]), ("v", state.v[name])):
                if bool((values == 0).all()):
                    lines.append(f"{buf}_{name} = torch.zeros_like({name})  # {_shape(values)}")
                else:
                    lines.append(_assign(f"{buf}_{name}", values, n.dtype))
        lines.append(f"t = {state.t}  # Adam steps taken so far")
    return lines


def adam_update(n: _Net, ind: str) -> list[str]:
    """The manual loop's update: Adam step t for every parameter, as the engine (and torch.optim.Adam) does."""
    out = [ind + "# update: Adam, as torch.optim.Adam: t ← t + 1; m ← β1·m + (1−β1)·d_p; v ← β2·v + (1−β2)·d_p²;",
           ind + "# m_hat = m/(1 − β1ᵗ), v_hat = v/(1 − β2ᵗ); p ← p − lr·m_hat/(√v_hat + ε)",
           ind + "t += 1"]
    for k in range(1, n.L + 1):
        for p in (f"w{k}", f"b{k}"):
            shape = f"({n.sizes[k - 1]}, {n.sizes[k]})" if p[0] == "w" else f"({n.sizes[k]},)"
            out.append(ind + f"m_{p}.lerp_(d_{p}, 1 - beta1)  # {shape}  m_{p} ← beta1·m_{p} + (1 − beta1)·d_{p}")
            out.append(ind + f"v_{p}.mul_(beta2).addcmul_(d_{p}, d_{p}, value=1 - beta2)  # {shape}  "
                       f"v_{p} ← beta2·v_{p} + (1 − beta2)·d_{p}²")
            out.append(ind + f"{p}.addcdiv_(m_{p}, (v_{p}.sqrt() / (1 - beta2 ** t) ** 0.5).add_(eps), "
                       f"value=-(lr / (1 - beta1 ** t)))  # {shape}  {p} -= lr·m_hat/(√v_hat + ε)")
    return out


def adam_optimizer(n: _Net, ws: str, bs: str) -> list[str]:
    """torch.optim.Adam over the model's parameters (weight decay = l2 on the weights only, which is the engine's
    L2: Adam's weight_decay adds l2·w to the gradient), then the session's state loaded into it."""
    spec, state = n.spec, n.trainer.adam
    if spec.l2:
        lines = ["", "# L2 applies to the weights only, as in the engine: two parameter groups; Adam's weight "
                 "decay adds l2_lambda·w to each weight's gradient, as the engine's L2 does",
                 "optimizer = torch.optim.Adam([", f'    {{"params": [{ws}], "weight_decay": l2_lambda}},',
                 f'    {{"params": [{bs}], "weight_decay": 0.0}},', "], lr=lr, betas=(beta1, beta2), eps=eps)"]
    else:
        lines = ["", "optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(beta1, beta2), eps=eps)"]
    if state.t == 0:
        return lines + ["# (no Adam step taken yet: torch.optim.Adam starts from m = v = 0, t = 0 itself)"]
    lines.append(f"# the session's Adam state after {state.t} steps: exp_avg is m, exp_avg_sq is v "
                 "(transposed for the weights, like the weights)")
    for k in range(1, n.L + 1):
        for p, attr, tr in ((f"w{k}", "weight", ".T"), (f"b{k}", "bias", "")):
            lines.append(f"optimizer.state[model.layer{k}.{attr}] = {{")
            lines.append(f'    "step": torch.tensor({float(state.t)!r}),')
            lines.append(f'    "exp_avg": {literal(state.m[p], n.dtype)}{tr}.clone(),')
            lines.append(f'    "exp_avg_sq": {literal(state.v[p], n.dtype)}{tr}.clone(),')
            lines.append("}")
    return lines
