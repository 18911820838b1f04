"""The pieces both exported scripts share (engine/io/codegen.py assembles them): exact tensor literals, the
facts of the network (_Net), the loss lines, the notebook's log line and the closing accuracy line."""

from __future__ import annotations

from engine.core import activations as acts

RESULT_COMMENT = "# the result: accuracy with the final parameters, as `python -m engine run` reports it"


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
        self.N = int(trainer.X.shape[0])  # the rows trained on (a test split's test rows: codegen_test)
        self.test = trainer.held_out is not None
        self.sizes = spec.sizes
        self.hidden = [acts.get(h.activation) for h in spec.hidden]

    def a(self, k):
        return "X" if k == 0 else ("y_pred" if k == self.L else f"a{k}")

    def shape(self, k):  # (N, units of layer k)
        return f"({self.N}, {self.sizes[k]})"

    def weights(self):
        return ", ".join(f"w{k}" for k in range(1, self.L + 1))


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


def _log_lines(ind: str, value: str, test: bool = False) -> list[str]:
    """The notebook's log line; with a test set followed by the epoch's test loss (`test_value`, measured
    at the epoch's start: engine/io/codegen_test.py), as `run` prints it."""
    return ["", ind + f"loss_value = {value}",
            ind + "if (epoch - START) % LOG_EVERY == 0:",
            ind + '    print(f"EPOCH : {epoch} / {TOTAL} ({epoch * 100 // TOTAL}%) '
                  '\\t Loss : {loss_value:.6f}' + (' \\t Test loss : {test_value:.6f}' if test else '') + '")',
            ind + "if loss_value != loss_value or abs(loss_value) == float(\"inf\"):",
            ind + '    print(f"stopped: the loss is {loss_value} in epoch {epoch}")',
            ind + "    break"]


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
