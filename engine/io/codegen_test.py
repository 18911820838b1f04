"""The test rows of a train/test split in the exported scripts, so they print what `run` prints with the same
--test-split: the test rows inline (X_test, y_test), `test_loss()` (the loss on them with the parameters as they
are: a forward pass only, the engine's own operations in the manual script), measured at the start of each
logged epoch (before its update, as engine.training.held_out does), and `run`'s closing test line.

Used by engine/io/codegen.py only when the trainer has a test set; a script without one is unchanged."""

from __future__ import annotations

from engine.core import activations as acts

from .codegen_parts import _assign, _loss_lines, _Net

TEST_AT_EPOCH = "if (epoch - START) % LOG_EVERY == 0:  # the test loss, with the parameters this epoch starts from"


def test_data(n: _Net) -> str:
    held = n.trainer.held_out
    target = held.T.labels if n.spec.loss == "softmax_ce" else held.T.y
    note = "class labels" if n.spec.loss == "softmax_ce" else "targets"
    return "\n".join([
        f"# the {held.n} test rows of the split: never trained on, only measured",
        _assign("X_test", held.X, n.dtype, "inputs"),
        _assign("y_test", target, n.dtype, note),
        "M = X_test.shape[0]"])


def test_loss_code(n: _Net, style: str) -> str:
    """`forward_test()` (manual) and `test_loss()`, the loss `run` reports as the test loss."""
    spec, L = n.spec, n.L
    out_name = "y_pred" if spec.loss == "mse" else f"l{L}"
    if style == "manual":
        lines = ["def forward_test():",
                 f'    """l{L} and y_pred on the test rows, with the parameters as they are (the forward pass)."""',
                 "    a = X_test"]
        for k in range(1, L + 1):
            lines.append(f"    l{k} = torch.addmm(b{k}, a, w{k})  # (M, {n.sizes[k]})")
            if k < L:
                f = n.hidden[k - 1].forward_code.format(l=f"l{k}")
            elif spec.output_activation == "softmax":
                f = f"torch.softmax(l{k}, dim=1)"
            else:
                f = acts.get(spec.output_activation).forward_code.format(l=f"l{k}")
            lines.append(f"    a = {f}  # (M, {n.sizes[k]})")
        lines += [f"    return l{L}, a", "", "", "def test_loss():",
                  '    """The loss on the test rows (the training loss\'s formula, L2 term included)."""',
                  f"    l{L}, y_pred = forward_test()"]
        lines += [s.replace(f"({out_name}, y)", f"({out_name}, y_test)") for s in _loss_lines(n, out_name, "    ")]
        return "\n".join(lines + ["    return loss.item()"])
    lines = ["def test_loss():",
             '    """The loss on the test rows (the training loss\'s formula, L2 term included)."""',
             "    with torch.no_grad():",
             f"        {out_name} = model(X_test)  # (M, {n.sizes[L]})"]
    loss = [s.replace(f"({out_name}, y)", f"({out_name}, y_test)") for s in _loss_lines(n, out_name, "        ")]
    if spec.l2:  # the penalty on the model's weights (the manual script's w1, … are not the model's)
        ws = ", ".join(f"model.layer{k}.weight" for k in range(1, L + 1))
        loss[-1] = f"        loss = loss + 0.5 * l2_lambda * sum((w * w).sum() for w in ({ws},))  # () + L2 penalty"
    return "\n".join(lines + loss + ["    return loss.item()"])


def with_test_per_epoch(loop: str, batched: bool) -> str:
    """The training loop with the test loss measured at the start of each logged epoch (as the engine: a
    session saved inside an epoch has no measurement for that epoch, NaN)."""
    head, rest = loop.split("\n", 1)
    value = ('float("nan") if (epoch == START + 1 and FIRST) else test_loss()' if batched else "test_loss()")
    return "\n".join([head, "    " + TEST_AT_EPOCH, f"        test_value = {value}", rest])


def test_result(n: _Net, style: str) -> str:
    """`run`'s closing test line: the loss and accuracy on the test rows with the final parameters."""
    spec, L = n.spec, n.L
    if style == "manual":
        params = ", ".join(spec.param_names)
        lines = [f"if all(bool(torch.isfinite(p).all()) for p in ({params},)):", "    _, pred_test = forward_test()"]
    else:
        params = ", ".join(f"model.layer{k}.{a}" for k in range(1, L + 1) for a in ("weight", "bias"))
        pred = {"bce": "torch.sigmoid(model(X_test))", "softmax_ce": "torch.softmax(model(X_test), dim=1)",
                "mse": "model(X_test)"}[spec.loss]
        lines = [f"if all(bool(torch.isfinite(p).all()) for p in ({params},)):",
                 "    with torch.no_grad():", f"        pred_test = {pred}  # (M, {n.sizes[L]})"]
    lines.append('    line = f"test ({M} points held out): loss {test_loss():.6f}"')
    if spec.loss != "mse":
        hit = ("(pred_test.argmax(1) == y_test)" if spec.loss == "softmax_ce" else
               "((pred_test > 0.5).reshape(-1) == (y_test.reshape(-1) > 0.5))")
        lines += [f"    test_accuracy = float({hit}.to(torch.float64).mean())",
                  '    line += f", accuracy {round(test_accuracy * M)}/{M} ({test_accuracy:.0%})"']
    return "\n".join(lines + ["    print(line)"])
