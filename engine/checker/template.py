"""The learner's starting point: the names bound for their code with their shapes, then the gradients to write
in backprop order, each with the shape it must have, and the update (SGD's, or Adam's from the session's state)."""

from __future__ import annotations

from engine.core.spec import shape_text

from .helpers import HELPERS

Y_KIND = {"softmax_ce": " one-hot", "bce": " (0 or 1)"}


def template(trainer) -> str:
    """A starting point for the learner's code: the names bound for them with their shapes, then the
    gradients to write, in backprop order, each with the shape it must have (as comments)."""
    spec, N = trainer.spec, int(trainer.X.shape[0])
    L, sz = spec.depth, spec.sizes
    sh = shape_text
    y_shape = (N, spec.outputs)
    fwd = []
    for k in range(1, L + 1):
        fwd += [f"l{k} {sh((N, sz[k]))}", f"{'y_pred' if k == L else f'a{k}'} {sh((N, sz[k]))}"]
    lines = [
        "# Bound for you, for the network's current state:",
        f"#   X {sh((N, sz[0]))}, y {sh(y_shape)}" + Y_KIND.get(spec.loss, "")
        + (f", labels {sh((N,))} (class indices)" if spec.loss == "softmax_ce" else "")
        + f", N = {N}, lr = {spec.lr:g}"
        + (f", momentum = {spec.momentum:g}, v_w1, …" if spec.momentum else "")
        + (f", beta1 = {spec.beta1:g}, beta2 = {spec.beta2:g}, eps = {spec.eps:g}, t = {trainer.adam.t}"
           ", m_w1, v_w1, … (Adam's state)" if trainer.adam is not None else "")
        + (f", l2_lambda = {spec.l2:g}" if spec.l2 else ""),
        "#   " + ", ".join(f"{p} {sh(spec.param_shape(p))}" for p in spec.param_names),
        "#   " + ", ".join(fwd) + ", loss ()",
        "#   " + ", ".join(h.call for h in HELPERS),
        "# Write d_<name> = ∂loss/∂<name>, with the shape of <name>, from the loss back to the input:",
        f"# d_loss = …  {sh((N, sz[L]))}   (∂loss/∂y_pred)",
    ]
    for k in range(L, 0, -1):
        lines.append(f"# d_l{k} = …  {sh((N, sz[k]))}")
        lines.append(f"# d_b{k} = …  {sh((sz[k],))}")
        lines.append(f"# d_w{k} = …  {sh((sz[k - 1], sz[k]))}")
        if k > 1:
            lines.append(f"# d_a{k - 1} = …  {sh((N, sz[k - 1]))}")
    if trainer.adam is not None:
        lines += ["# and, if you like, Adam's update: t = t + 1 (once), then for each parameter p (w1, b1, …):",
                  "#   m_p = beta1 * m_p + (1 - beta1) * d_p;  v_p = beta2 * v_p + (1 - beta2) * d_p ** 2",
                  "#   p -= lr * (m_p / (1 - beta1 ** t)) / ((v_p / (1 - beta2 ** t)).sqrt() + eps)"]
    else:
        lines.append("# and, if you like, the update: w1 -= lr * d_w1, …")
    return "\n".join(lines) + "\n"
