"""The autograd script: the network as nn.Linear layers loaded with the session's values, torch.optim.SGD or
torch.optim.Adam with the session's optimizer state, and loss.backward()."""

from __future__ import annotations

from engine.core import activations as acts

from .codegen_adam import adam_optimizer
from .codegen_parts import RESULT_COMMENT, _done, _log_lines, _Net, literal


def _module(n: _Net) -> str:
    spec, L = n.spec, n.L
    lines = ["class Net(nn.Module):",
             f'    """{" → ".join(map(str, n.sizes))}, the layers of the session."""', "",
             "    def __init__(self):", "        super().__init__()"]
    for k in range(1, L + 1):
        lines.append(f"        self.layer{k} = nn.Linear({n.sizes[k - 1]}, {n.sizes[k]}, dtype={n.dtype})")
    lines += ["", "    def forward(self, x):", "        a = x"]
    for k in range(1, L):
        f = n.hidden[k - 1].forward_code.format(l=f"self.layer{k}(a)")
        lines.append(f"        a = {f}  # a{k}: (N, {n.sizes[k]})")
    if spec.loss == "mse":
        f = acts.get(spec.output_activation).forward_code.format(l=f"self.layer{L}(a)")
        lines.append(f"        return {f}  # y_pred: (N, {n.sizes[L]})")
    else:
        what = "softmax" if spec.loss == "softmax_ce" else "sigmoid"
        lines.append(f"        return self.layer{L}(a)  "
                     f"# l{L}, the logits: (N, {n.sizes[L]}); y_pred = {what}(l{L})")
    lines += ["", "", "model = Net()", "with torch.no_grad():",
              "    # nn.Linear stores its weight as (out × in) and computes x @ weight.T + bias: the weight",
              "    # is the transpose of the notebook's w{k} (in × out). Hence .copy_(w1.T), not .copy_(w1)."]
    for k in range(1, L + 1):
        lines += [f"    model.layer{k}.weight.copy_(w{k}.T)  # ({n.sizes[k]}, {n.sizes[k - 1]})",
                  f"    model.layer{k}.bias.copy_(b{k})  # ({n.sizes[k]},)"]
    ws = ", ".join(f"model.layer{k}.weight" for k in range(1, L + 1))
    bs = ", ".join(f"model.layer{k}.bias" for k in range(1, L + 1))
    wd = "l2_lambda" if spec.l2 else "0.0"
    mom = "momentum" if spec.momentum else "0.0"
    if spec.optimizer == "adam":
        return "\n".join(lines + adam_optimizer(n, ws, bs))
    if spec.l2:
        lines += ["", "# L2 applies to the weights only, as in the engine: two parameter groups, weight "
                  "decay (which adds l2_lambda·w to each weight's gradient) on the first",
                  "optimizer = torch.optim.SGD([", f'    {{"params": [{ws}], "weight_decay": {wd}}},',
                  f'    {{"params": [{bs}], "weight_decay": 0.0}},', f"], lr=lr, momentum={mom})"]
    else:
        lines += ["", f"optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum={mom})"]
    if spec.momentum:
        lines.append("# the session's momentum buffers (transposed for the weights, like the weights)")
        for k in range(1, L + 1):
            for p, attr, tr in ((f"w{k}", "weight", ".T"), (f"b{k}", "bias", "")):
                v = n.trainer.velocity[p]
                src = f"torch.zeros_like(model.layer{k}.{attr})" if bool((v == 0).all()) else \
                    literal(v, n.dtype) + tr + ".clone()"
                lines.append(f'optimizer.state[model.layer{k}.{attr}]["momentum_buffer"] = {src}')
    return "\n".join(lines)


def _autograd_loop(n: _Net) -> str:
    spec, L, ind = n.spec, n.L, "    "
    out_name = "y_pred" if spec.loss == "mse" else f"l{L}"
    target = "y"
    F = "torch.nn.functional"
    loss = {"bce": f"{F}.binary_cross_entropy_with_logits({out_name}, {target})",
            "softmax_ce": f"{F}.cross_entropy({out_name}, {target})",
            "mse": f"{F}.mse_loss({out_name}, {target})"}[spec.loss]
    lines = ["for epoch in range(START + 1, TOTAL + 1):", ind + "optimizer.zero_grad()",
             ind + f"{out_name} = model(X)  # ({n.N}, {n.sizes[L]})", ind + f"loss = {loss}  # ()",
             ind + "loss.backward()  # autograd fills .grad of every parameter"]
    value = "loss.item()"
    if spec.l2:
        ws = ", ".join(f"model.layer{k}.weight" for k in range(1, L + 1))
        lines += [ind + "with torch.no_grad():  # the loss the engine reports includes the L2 penalty",
                  ind + f"    penalty = 0.5 * l2_lambda * sum((w * w).sum() for w in ({ws},))"]
        value = "(loss + penalty).item()"
    lines.append(ind + ("optimizer.step()  # Adam: p ← p − lr·m_hat/(√v_hat + ε), m and v from grad + weight decay"
                        if spec.optimizer == "adam" else
                        "optimizer.step()  # p ← p − lr·(grad + weight decay), with momentum if set"))
    lines += _log_lines(ind, value, n.test)
    return "\n".join(lines)


def _predict_autograd(n: _Net) -> str:
    spec, L = n.spec, n.L
    pred = {"bce": "torch.sigmoid(model(X))", "softmax_ce": "torch.softmax(model(X), dim=1)",
            "mse": "model(X)"}
    params = ", ".join(f"model.layer{k}.{a}" for k in range(1, L + 1) for a in ("weight", "bias"))
    return (RESULT_COMMENT + "\n"
            f"with torch.no_grad():\n    a = {pred[spec.loss]}  # ({n.N}, {n.sizes[L]})\n"
            + _done(n, "a", params) + '\nprint(f"final loss (all digits): {loss_value!r}")')
