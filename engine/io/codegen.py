"""Export a session as a standalone plain-torch script (or notebook) that reproduces the engine's numbers.

    text = export(trainer, style="manual" | "autograd", fmt="py" | "ipynb", epochs=…, lr=…, log_every=…)

manual: notebook style, only `import torch`: the data inline, the session's current parameters written
exactly (repr of each float32/float64 value, so they are bit-identical), the forward pass, the backward pass
by hand with a shape comment on every tensor line, the update, and the notebook's log line corrected. It
uses the engine's own torch operations in the engine's order (torch.addmm, the activations' `forward_code` and
`grad_code`, `(y_pred - y).div_(N)`, `.sum(0)`, `torch.mm(a.t(), d)`, `add_(g, alpha=-lr)`, …), so it prints
exactly what `python -m engine run … --log-every K` prints (the log lines and the final `done:` line; a run
that diverges ends differently: the engine prints its diagnosis there).

autograd: the same network as an nn.Module of nn.Linear layers loaded with the same values, torch.optim.SGD
(momentum as the engine's; L2 as weight decay on the weights only, through two parameter groups) and
loss.backward(). Its losses agree with the manual script's to about 1e-6 relative (rounding differs); it
prints the same lines plus the final loss with all its digits.

fmt="ipynb": the same code as an nbformat-4 notebook (built with json; one cell per section).
"""

from __future__ import annotations

import json

from engine.core import activations as acts
from engine.core.spec import LOSS_NAMES

STYLES = ("manual", "autograd")
RESULT_COMMENT = "# the result: accuracy with the final parameters, as `python -m engine run` reports it"
FORMATS = ("py", "ipynb")


def _num(x) -> str:
    return repr(float(x))


def _shape(t) -> str:
    s = tuple(t.shape)
    return f"({s[0]},)" if len(s) == 1 else "(" + ", ".join(map(str, s)) + ")"


def literal(t, dtype: str, per_line: int = 8) -> str:
    """torch.tensor(...) source for `t`, each value written with repr (exact)."""
    values = t.tolist()
    if t.dim() == 1:
        items = [_num(v) if t.is_floating_point() else str(int(v)) for v in values]
        rows = [", ".join(items[i:i + per_line * 2]) for i in range(0, len(items), per_line * 2)] or [""]
        body = rows[0] if len(rows) == 1 else "\n    " + ",\n    ".join(rows) + ",\n"
    else:
        rows = ["[" + ", ".join(_num(v) for v in row) + "]" for row in values]
        body = ", ".join(rows) if len(rows) <= 4 and sum(map(len, rows)) < 80 else \
            "\n    " + ",\n    ".join(rows) + ",\n"
    dt = f", dtype={dtype}" if t.is_floating_point() else ""
    return f"torch.tensor([{body}]{dt})"


def _assign(name: str, t, dtype: str, note: str = "") -> str:
    lit = literal(t, dtype)
    comment = f"  # {_shape(t)}" + (f" {note}" if note else "")
    if "\n" in lit:
        head, rest = lit.split("\n", 1)
        return f"{name} = {head}{comment}\n{rest}"
    return f"{name} = {lit}{comment}"


class _Net:
    """The names and facts codegen needs, from a trainer."""

    def __init__(self, trainer, epochs, lr, log_every):
        spec = trainer.spec if lr is None else trainer.spec.with_changes(lr=lr)
        self.spec, self.trainer = spec, trainer
        self.L = spec.depth
        self.dtype = "torch.float64" if spec.dtype == "float64" else "torch.float32"
        self.epochs = epochs or spec.epochs
        self.log_every = log_every or max(1, self.epochs // 20)
        self.start = trainer.epoch
        self.N = int(trainer.X.shape[0])  # the rows trained on (a test split's test rows are not exported)
        self.sizes = spec.sizes
        self.hidden = [acts.get(h.activation) for h in spec.hidden]

    def a(self, k):
        return "X" if k == 0 else ("y_pred" if k == self.L else f"a{k}")

    def shape(self, k):  # (N, units of layer k)
        return f"({self.N}, {self.sizes[k]})"

    def weights(self):
        return ", ".join(f"w{k}" for k in range(1, self.L + 1))


def _header(n: _Net, style: str, source: str, command: str) -> str:
    spec = n.spec
    arch = " → ".join([str(spec.inputs)] + [f"{h.units} {h.activation}" for h in spec.hidden]
                      + [f"{spec.outputs} {spec.output_activation}"])
    extra = "".join([f", momentum {spec.momentum:g}" if spec.momentum else "",
                     f", L2 {spec.l2:g} (weights only)" if spec.l2 else ""])
    how = ("the backward pass written by hand, with the engine's own torch operations" if style == "manual"
           else "nn.Linear layers, loss.backward() and torch.optim.SGD")
    return (f'"""Backprop Tutor export ({style}): {source}, from epoch {n.start}.\n\n'
            f"Network: {arch}; {LOSS_NAMES[spec.loss]}; lr {spec.lr:g}{extra}; {spec.dtype}.\n"
            f"Training: {how}.\n"
            f"It prints the same lines as `{command}`.\n"
            'Conventions (the notebook\'s): X is (N, in), w{k} is (in, out), b{k} is (out,), '
            "l{k} = a{k-1} @ w{k} + b{k}.\n"
            '"""\n\nimport torch' + ("\nfrom torch import nn" if style == "autograd" else ""))


def _data(n: _Net) -> str:
    t, spec = n.trainer, n.spec
    lines = [_assign("X", t.X, n.dtype, "inputs, one row per sample")]
    if spec.loss == "softmax_ce":
        lines.append(_assign("y", t.T.labels, n.dtype, "class labels"))
        lines.append(f"Y = torch.nn.functional.one_hot(y, {spec.outputs}).to({n.dtype})  "
                     f"# ({n.N}, {spec.outputs}) one-hot targets")
    else:
        lines.append(_assign("y", t.T.y, n.dtype, "targets"))
    lines.append(f"N = X.shape[0]  # {n.N} samples")
    return "\n".join(lines)


def _params(n: _Net, style: str) -> str:
    t, spec = n.trainer, n.spec
    lines = [f"# the session's parameters at epoch {n.start}, every value exact ({spec.dtype})"]
    for name in spec.param_names:
        lines.append(_assign(name, t.params[name], n.dtype))
    lines.append(f"lr = {_num(spec.lr)}")
    if spec.momentum:
        lines.append(f"momentum = {_num(spec.momentum)}")
    if spec.l2:
        lines.append(f"l2_lambda = {_num(spec.l2)}  # L2 strength: the loss adds (l2_lambda / 2)·Σ‖w‖²")
    if spec.momentum and style == "manual":
        lines.append("# momentum buffers (v ← momentum·v + d; p ← p − lr·v, as torch.optim.SGD)")
        for name in spec.param_names:
            v = t.velocity[name]
            if bool((v == 0).all()):
                lines.append(f"v_{name} = torch.zeros_like({name})  # {_shape(v)}")
            else:
                lines.append(_assign(f"v_{name}", v, n.dtype))
    lines += ["", f"START = {n.start}  # epochs the session had already run", f"EPOCHS = {n.epochs}",
              f"LOG_EVERY = {n.log_every}", "TOTAL = START + EPOCHS"]
    return "\n".join(lines)


def _loss_lines(n: _Net, out: str, ind: str) -> list[str]:
    spec = n.spec
    F = "torch.nn.functional"
    if spec.loss == "bce":
        line = (f"loss = {F}.binary_cross_entropy_with_logits({out}, y)  "
                f"# () mean BCE, computed stably from {out}")
    elif spec.loss == "softmax_ce":
        line = f"loss = {F}.cross_entropy({out}, y)  # () mean cross-entropy, stable log-sum-exp"
    else:
        line = f"loss = {F}.mse_loss({out}, y)  # () mean squared error over every entry"
    lines = [ind + line]
    if spec.l2:
        lines.append(ind + f"loss = loss + 0.5 * l2_lambda * sum((w * w).sum() for w in ({n.weights()},))  "
                     "# () + L2 penalty")
    return lines


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
    out += _log_lines(ind, "loss.item()")
    return "\n".join(out)


def _log_lines(ind: str, value: str) -> list[str]:
    return ["", ind + f"loss_value = {value}",
            ind + "if (epoch - START) % LOG_EVERY == 0:",
            ind + '    print(f"EPOCH : {epoch} / {TOTAL} ({epoch * 100 // TOTAL}%) '
                  '\\t Loss : {loss_value:.6f}")',
            ind + "if loss_value != loss_value or abs(loss_value) == float(\"inf\"):",
            ind + '    print(f"stopped: the loss is {loss_value} in epoch {epoch}")',
            ind + "    break"]


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


def _done(n: _Net, pred: str, params: str) -> str:
    spec = n.spec
    head = 'print(f"done: epoch {epoch}, final loss {loss_value:.6f}'
    if spec.loss == "mse":
        return head + '")'
    if spec.loss == "softmax_ce":
        hit = f"({pred}.argmax(1) == y)"
    else:
        hit = f"(({pred} > 0.5).reshape(-1) == (y.reshape(-1) > 0.5))"
    return "\n".join([
        f"if all(bool(torch.isfinite(p).all()) for p in ({params},)):",
        f"    accuracy = float({hit}.to(torch.float64).mean())",
        "    hits = round(accuracy * N)",
        "    " + head + ', accuracy {hits}/{N} ({accuracy:.0%})")',
        "else:",
        "    " + head + '")',
    ])


# ----- autograd -----------------------------------------------------------------------------------------
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
    lines.append(ind + "optimizer.step()  # p ← p − lr·(grad + weight decay), with momentum if set")
    lines += _log_lines(ind, value)
    return "\n".join(lines)


def _predict_autograd(n: _Net) -> str:
    spec, L = n.spec, n.L
    pred = {"bce": "torch.sigmoid(model(X))", "softmax_ce": "torch.softmax(model(X), dim=1)",
            "mse": "model(X)"}
    params = ", ".join(f"model.layer{k}.{a}" for k in range(1, L + 1) for a in ("weight", "bias"))
    return (RESULT_COMMENT + "\n"
            f"with torch.no_grad():\n    a = {pred[spec.loss]}  # ({n.N}, {n.sizes[L]})\n"
            + _done(n, "a", params) + '\nprint(f"final loss (all digits): {loss_value!r}")')


# ----- assembling --------------------------------------------------------------------------------------
def sections(trainer, style: str = "manual", *, epochs=None, lr=None, log_every=None, source: str = "",
             command: str = "") -> list[tuple[str, str]]:
    """[(markdown title, code), …]: the script in cells."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    n = _Net(trainer, epochs, lr, log_every)
    command = command or f"python -m engine run --epochs {n.epochs} --log-every {n.log_every}"
    parts = [("", _header(n, style, source or "a session", command)),
             ("data", _data(n)),
             ("parameters", _params(n, style))]
    if style == "manual":
        parts += [("training: forward, backward by hand, update", _loop(n, _manual_loop)),
                  ("result", _predict_manual(n))]
    else:
        parts += [("the model: nn.Linear layers", _module(n)),
                  ("training with autograd", _loop(n, _autograd_loop)),
                  ("result", _predict_autograd(n))]
    return parts


def _loop(n: _Net, make) -> str:
    """The training loop; with mini-batches, its body on each batch (engine/io/codegen_batches.py)."""
    if n.trainer.steps_per_epoch == 1:
        return make(n)
    import copy

    from . import codegen_batches

    nb = copy.copy(n)
    nb.N = "n_b"  # the shape comments inside a step: the batch's rows
    return (codegen_batches.settings(n.trainer, n.spec) + "\n\n"
            + codegen_batches.batched_loop(make(nb), n.trainer.steps_per_epoch, n.spec.loss == "softmax_ce"))


def to_py(parts: list[tuple[str, str]]) -> str:
    out = []
    for title, code in parts:
        if title:
            out.append(f"# ----- {title} " + "-" * max(3, 100 - len(title)))
        out.append(code.rstrip("\n"))
        out.append("")
    return "\n".join(out)


def to_ipynb(parts: list[tuple[str, str]]) -> str:
    cells = []
    for i, (title, code) in enumerate(parts):
        if i == 0 and code.startswith('"""'):
            doc, _, code = code[3:].partition('"""')
            title_line, _, rest = doc.strip().partition("\n")
            cells.append(_cell("markdown", f"# {title_line}\n{rest.strip()}", len(cells)))
            code = code.strip()
        elif title:
            cells.append(_cell("markdown", f"## {title}", len(cells)))
        cells.append(_cell("code", code.strip("\n"), len(cells)))
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                      "name": "python3"},
                                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def _cell(kind: str, text: str, i: int) -> dict:
    lines = text.splitlines(keepends=True)
    cell = {"cell_type": kind, "id": f"cell-{i}", "metadata": {}, "source": lines}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def export(trainer, style: str = "manual", fmt: str = "py", **kw) -> str:
    parts = sections(trainer, style, **kw)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    return to_py(parts) if fmt == "py" else to_ipynb(parts)
