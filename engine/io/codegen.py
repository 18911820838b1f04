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
(momentum as the engine's; L2 as weight decay on the weights only, through two parameter groups) or
torch.optim.Adam (the same groups, loaded with the session's m, v and t: codegen_adam) and loss.backward(). Its losses agree with the manual script's to about 1e-6 relative (rounding differs); it
prints the same lines plus the final loss with all its digits.

fmt="ipynb": the same code as an nbformat-4 notebook (built with json; one cell per section).

This module assembles the sections and writes the header, data and parameters; the parts are
codegen_parts (literals, the network's facts, log and result lines), codegen_manual (the loop by hand),
codegen_autograd (nn.Linear, the optimizer, loss.backward()) and codegen_ipynb (the notebook).
"""

from __future__ import annotations

from engine.core.spec import LOSS_NAMES

from . import codegen_test
from .codegen_adam import adam_settings
from .codegen_autograd import _autograd_loop, _module, _predict_autograd
from .codegen_ipynb import to_ipynb
from .codegen_manual import _manual_loop, _predict_manual
from .codegen_parts import _assign, _Net, _num, _shape, literal  # noqa: F401 (literal: part of the API)

STYLES = ("manual", "autograd")
FORMATS = ("py", "ipynb")


def _header(n: _Net, style: str, source: str, command: str) -> str:
    spec = n.spec
    arch = " → ".join([str(spec.inputs)] + [f"{h.units} {h.activation}" for h in spec.hidden]
                      + [f"{spec.outputs} {spec.output_activation}"])
    extra = "".join([f", momentum {spec.momentum:g}" if spec.momentum else "",
                     f", Adam (β1 {spec.beta1:g}, β2 {spec.beta2:g}, ε {spec.eps:g})" if spec.optimizer == "adam" else "",
                     f", L2 {spec.l2:g} (weights only)" if spec.l2 else ""])
    how = ("the backward pass written by hand, with the engine's own torch operations" if style == "manual"
           else "nn.Linear layers, loss.backward() and torch.optim." + ("Adam" if spec.optimizer == "adam" else "SGD"))
    return (f'"""Backprop Tutor export ({style}): {source}, from epoch {n.start}.\n\n'
            f"Network: {arch}; {LOSS_NAMES[spec.loss]}; lr {spec.lr:g}{extra}; {spec.dtype}.\n"
            f"Training: {how}.\n"
            + _prints(n, command) +
            'Conventions (the notebook\'s): X is (N, in), w{k} is (in, out), b{k} is (out,), '
            "l{k} = a{k-1} @ w{k} + b{k}.\n"
            '"""\n\nimport torch' + ("\nfrom torch import nn" if style == "autograd" else ""))


def _prints(n: _Net, command: str) -> str:
    held = n.trainer.held_out
    split = "" if held is None else (f"Data: a train/test split: it trains on the {n.N} training rows and measures "
                                     f"the loss on the {held.n} test rows.\n")
    return split + f"It prints the same lines as `{command}`.\n"


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
    if spec.optimizer == "adam":
        lines += adam_settings(n, style)
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


# ----- assembling --------------------------------------------------------------------------------------
def sections(trainer, style: str = "manual", *, epochs=None, lr=None, log_every=None, source: str = "",
             command: str = "") -> list[tuple[str, str]]:
    """[(markdown title, code), …]: the script in cells."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}")
    n = _Net(trainer, epochs, lr, log_every)
    command = command or f"python -m engine run --epochs {n.epochs} --log-every {n.log_every}"
    parts = [("", _header(n, style, source or "a session", command)),
             ("data", _data(n) + ("\n\n" + codegen_test.test_data(n) if n.test else "")),
             ("parameters", _params(n, style))]
    test = [("the test rows' loss", codegen_test.test_loss_code(n, style))] if n.test else []
    if style == "manual":
        parts += test + [("training: forward, backward by hand, update", _loop(n, _manual_loop)),
                         ("result", _predict_manual(n))]
    else:
        parts += [("the model: nn.Linear layers", _module(n))] + test + [
            ("training with autograd", _loop(n, _autograd_loop)), ("result", _predict_autograd(n))]
    if n.test:
        title, code = parts[-1]
        parts[-1] = (title, code + "\n" + codegen_test.test_result(n, style))
    return parts


def _loop(n: _Net, make) -> str:
    """The training loop; with mini-batches, its body on each batch (engine/io/codegen_batches.py)."""
    if n.trainer.steps_per_epoch == 1:
        return codegen_test.with_test_per_epoch(make(n), False) if n.test else make(n)
    import copy

    from . import codegen_batches

    nb = copy.copy(n)
    nb.N = "n_b"  # the shape comments inside a step: the batch's rows
    loop = codegen_batches.batched_loop(make(nb), n.trainer.steps_per_epoch, n.spec.loss == "softmax_ce")
    if n.test:
        loop = codegen_test.with_test_per_epoch(loop, True)
    return codegen_batches.settings(n.trainer, n.spec) + "\n\n" + loop


def to_py(parts: list[tuple[str, str]]) -> str:
    out = []
    for title, code in parts:
        if title:
            out.append(f"# ----- {title} " + "-" * max(3, 100 - len(title)))
        out.append(code.rstrip("\n"))
        out.append("")
    return "\n".join(out)


def export(trainer, style: str = "manual", fmt: str = "py", **kw) -> str:
    parts = sections(trainer, style, **kw)
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}")
    return to_py(parts) if fmt == "py" else to_ipynb(parts)
