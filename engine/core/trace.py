"""The trace of one epoch: a Recorder observes each forward/backward pair of Network.epoch and writes a Step.

The Network calls the same observer methods on every epoch; the fast path passes NO_RECORD, whose methods do
nothing, so the maths never branches on whether it is recorded. A Recorder keeps the tensors as given (the
engine never tracks gradients, and nothing mutates them afterwards: parameters are cloned before the
update) and computes display-only values (d_loss, f'(l)) lazily. A step's explanation is a StepText, a code
and its arguments (engine/core/step.py): `step.code` and `step.args`, each part as a Text (`step.formula_text`,
`remark_text`, `why_text`, `note_text`, for app.i18n.engine_text) and in English (`step.formula`, `title`,
`why`, `note`). They depend only on the network and the batch size N, so they are built once per (network,
N, step index) and shared by the Steps of later epochs: the traced path builds no strings.

    begin(net, P, N)                            the parameters before the update, kept for the record
    linear(k, a_prev, w, b, l)                  l{k} = a{k-1} @ w{k} + b{k}
    activation(k, l, a)                         a{k} = f(l{k}) (softmax for a softmax output)
    loss(l_out, y_pred, T, loss)                loss
    output_delta(l_out, y_pred, T, d_l)         d_loss (display) and d_l{L}
    linear_backward(k, a_prev, d_l, d_w, d_b, d_a_prev)   d_b{k}, d_w{k}, d_a{k-1}
    activation_backward(j, d_a, l, a, d_l)      d_l{j} = f'(l{j}) ⊙ d_a{j}
    updates(P, V, grads, fused)                 one update step per parameter (Adam's: engine/core/adam_trace.py)
"""

from __future__ import annotations

from collections.abc import Mapping

import torch

from .adam_trace import adam_operands
from .spec import shape_text as S
from .step import (  # noqa: F401  (re-exported: the names of a trace)
    ACT_GRAD, ACTIVATION, BATCH_SUM, LINEAR, LOSS, LOSS_GRAD, MATMUL, OP_TEXT, PHASES, SOFTMAX, UPDATE, Lazy,
    Operand, Step, StepText,
)


class NoRecord:
    """The fast path's observer: sees every pair, keeps nothing."""

    def begin(self, net, P, N): pass
    def linear(self, k, a_prev, w, b, l): pass
    def activation(self, k, l, a): pass
    def loss(self, l_out, y_pred, T, loss): pass
    def output_delta(self, l_out, y_pred, T, d_l): pass
    def linear_backward(self, k, a_prev, d_l, d_w, d_b, d_a_prev): pass
    def activation_backward(self, j, d_a, l, a, d_l): pass
    def updates(self, P, V, grads, fused): pass


NO_RECORD = NoRecord()
# Step(…) and Operand(…) as tuple.__new__(Step, (…)): NamedTuple's own __new__ is a Python-level call, and
# these two are made ~50 times an epoch, the traced path's hot spot. _new(Operand, (name, tensor,
# transposed, broadcast)) is Operand(name, tensor, transposed, broadcast).
_new = tuple.__new__


class Grads(Mapping):
    """The gradients of a traced epoch by name (d_w1, d_b1, …). Under the fused SGD update the epoch never
    builds d_w (w.addmm_ takes a_prevᵀ @ d_l in one go): the trace then holds it as a Lazy, the same
    torch.mm(a_prevᵀ, d_l) computed the first time anyone reads it."""

    __slots__ = ("_d",)

    def __init__(self, d: dict):
        self._d = d

    def __getitem__(self, name: str):
        v = self._d[name]
        return v.get() if type(v) is Lazy else v

    def __contains__(self, name) -> bool:
        return name in self._d

    def __iter__(self):
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


class Recorder(NoRecord):
    """Collects the Steps of one traced epoch. `before`: the parameters the epoch starts from, as copies
    nothing mutates (the previous trace's params_after, when the parameters have not changed since); without
    it, begin() copies them."""

    def __init__(self, before: dict | None = None) -> None:
        self.steps: list[Step] = []
        self.texts: dict[int, StepText] = {}
        self.params_before: dict = {} if before is None else before
        self._given = before is not None
        self.params_after: dict = {}
        self._grads: dict = {}  # every d_w{k} and d_b{k}, as recorded (a d_w may be a Lazy)
        self.grads = Grads(self._grads)

    def add(self, name, phase, op, layer, operands, result, text) -> None:
        """`text`: a zero-argument callable returning the StepText, called once per network, N and index."""
        steps = self.steps
        i = len(steps)
        t = self.texts.get(i)
        if t is None:
            t = self.texts[i] = text()
        steps.append(_new(Step, (i, name, phase, op, layer, operands, result, t)))

    # ----- forward ---------------------------------------------------------------------------------------------
    def begin(self, net, P, N) -> None:
        self.net, self.N = net, N
        if not self._given:
            self.params_before = {k: v.clone() for k, v in P.items()}
        self.P0 = self.params_before
        self.texts = net.texts_for(N)
        self.names = net.names  # per layer k: its LayerNames (w{k}, l{k}, a{k-1}, …), made once per network

    def linear(self, k, a_prev, w, b, l) -> None:
        n = self.names[k - 1]
        w, b = self.P0[n.w], self.P0[n.b]
        self.add(n.l, "forward", LINEAR, k,
                 (_new(Operand, (n.a_prev, a_prev, False, False)), _new(Operand, (n.w, w, False, False)),
                  _new(Operand, (n.b, b, False, True))), l,  # b is broadcast over the rows
                 lambda: StepText("step.linear", dict(
                     l=n.l, a=n.a_prev, w=n.w, b=n.b, a_shape=S(a_prev.shape), w_shape=S(w.shape),
                     l_shape=S(l.shape), b_shape=S(b.shape), n=self.N)))

    def activation(self, k, l, a) -> None:
        n = self.names[k - 1]
        ops = (_new(Operand, (n.l, l, False, False)),)
        if not n.f_prime:  # a softmax output
            self.add(n.a, "forward", SOFTMAX, k, ops, a, lambda: StepText("step.softmax", dict(a=n.a, l=n.l)))
        else:
            self.add(n.a, "forward", ACTIVATION, k, ops, a,
                     lambda: StepText("step.activation", dict(a=n.a, f=self.net.act(k).symbol, l=n.l)))

    def loss(self, l_out, y_pred, T, loss) -> None:
        net = self.net
        kind = net.spec.loss
        per = Lazy(lambda: net.loss_fn.per_sample(l_out, y_pred, T))
        ylab = T.labels if kind == "softmax_ce" else T.y
        ops = (_new(Operand, ("y_pred", y_pred, False, False)), _new(Operand, ("y", ylab, False, False)),
               _new(Operand, ("loss per sample", per, False, False)))
        self.add("loss", "forward", LOSS, 0, ops, loss,
                 lambda: StepText(f"step.loss.{kind}", dict(l=f"l{net.L}",
                                                            penalty=" + (l2/2)·Σ‖w‖²" if net.spec.l2 else "")))

    # ----- backward --------------------------------------------------------------------------------------------
    def output_delta(self, l_out, y_pred, T, d_l) -> None:
        net, N, L = self.net, self.N, self.net.L
        kind = net.spec.loss
        d_loss = Lazy(lambda: net.loss_fn.d_loss(y_pred, T))
        yp_op = _new(Operand, ("y_pred", y_pred, False, False))
        y_op = _new(Operand, ("Y" if kind == "softmax_ce" else "y", T.y, False, False))
        d_loss_op = _new(Operand, ("d_loss", d_loss, False, False))
        self.add("d_loss", "backward", LOSS_GRAD, L, (yp_op, y_op), d_loss,
                 lambda: StepText(f"step.d_loss.{kind}", dict(shape=S(y_pred.shape), n=N, count=y_pred.numel())))
        n = self.names[L - 1]
        if kind == "softmax_ce":
            self.add(n.d_l, "backward", ACT_GRAD, L, (yp_op, d_loss_op), d_l,
                     lambda: StepText("step.output_delta.softmax_ce", self._delta_args(L, y_pred)))
            return
        act = net.out_act
        fp = _new(Operand, (n.f_prime, Lazy(lambda: act.derivative(l_out, y_pred)), False, False))
        code = "step.output_delta.bce" if kind == "bce" else "step.act_grad"
        self.add(n.d_l, "backward", ACT_GRAD, L, (fp, d_loss_op), d_l,
                 lambda: StepText(code, dict(self._delta_args(L, y_pred), f=act.symbol,
                                             derivative=act.derivative_note)))

    def _delta_args(self, L, y_pred) -> dict:
        return dict(d_l=f"d_l{L}", l=f"l{L}", shape=S(y_pred.shape), up="d_loss", n=self.N)

    def linear_backward(self, k, a_prev, d_l, d_w, d_b, d_a_prev) -> None:
        n, N = self.names[k - 1], self.N
        w, b = self.P0[n.w], self.P0[n.b]
        d_l_op = _new(Operand, (n.d_l, d_l, False, False))
        self.add(n.d_b, "backward", BATCH_SUM, k, (d_l_op,), d_b,
                 lambda: StepText("step.d_b", dict(d_b=n.d_b, d_l=n.d_l, b=n.b, b_shape=S(b.shape),
                                                   d_l_shape=S(d_l.shape), n=N)))
        if d_w is None:  # the fused update never built it: the same product, when someone looks
            d_w = Lazy(lambda: torch.mm(a_prev.t(), d_l))  # (in, out) = (in, N) @ (N, out)
        self._grads[n.d_w], self._grads[n.d_b] = d_w, d_b
        l2 = self.net.spec.l2
        ops = (_new(Operand, (n.a_prev, a_prev, True, False)), d_l_op)  # a_prevᵀ @ d_l
        if l2:
            ops += (_new(Operand, (n.w, w, False, False)),)
        self.add(n.d_w, "backward", MATMUL, k, ops, d_w,
                 lambda: StepText("step.d_w", dict(
                     d_w=n.d_w, a=n.a_prev, d_l=n.d_l, w=n.w, penalty=f" + l2·{n.w}" if l2 else "",
                     w_shape=S(w.shape), a_shape=S(a_prev.shape), a_t_shape=S(a_prev.T.shape),
                     d_l_shape=S(d_l.shape), n=N)))
        if d_a_prev is None:
            return
        self.add(n.d_a_prev, "backward", MATMUL, k - 1, (d_l_op, _new(Operand, (n.w, w, True, False))),  # d_l @ wᵀ
                 d_a_prev, lambda: StepText("step.d_a", dict(
                     d_a=n.d_a_prev, a=n.a_prev, d_l=n.d_l, w=n.w, a_shape=S(a_prev.shape),
                     d_l_shape=S(d_l.shape), w_shape=S(w.shape), w_t_shape=S(w.T.shape))))

    def activation_backward(self, j, d_a, l, a, d_l) -> None:
        n, d_a_name = self.names[j - 1], self.names[j].d_a_prev  # d_a{j} comes from layer j + 1
        act = self.net.hidden_acts[j - 1]
        fp = _new(Operand, (n.f_prime, Lazy(lambda: act.derivative(l, a)), False, False))
        self.add(n.d_l, "backward", ACT_GRAD, j, (fp, _new(Operand, (d_a_name, d_a, False, False))), d_l,
                 lambda: StepText("step.act_grad", dict(
                     d_l=n.d_l, f=act.symbol, l=n.l, up=d_a_name, shape=S(l.shape),
                     derivative=act.derivative_note)))

    # ----- update ------------------------------------------------------------------------------------------------
    def updates(self, P, V, grads, fused) -> None:
        spec = self.net.spec
        m, adam = spec.momentum, spec.optimizer == "adam"
        P0, after, add, recorded = self.P0, self.params_after, self.add, self._grads
        for k, n in enumerate(self.names, start=1):
            for p, dp in ((n.w, n.d_w), (n.b, n.d_b)):
                old, new = P0[p], P[p].clone()
                ops = (_new(Operand, (p, old, False, False)), _new(Operand, (dp, recorded[dp], False, False)))
                if m:
                    ops += (_new(Operand, ("v_" + p, V[p].clone(), False, False)),)
                elif adam:
                    ops += adam_operands(spec, p, V.m[p].clone(), V.v[p].clone(), V.t)
                add(p, "update", UPDATE, k, ops, new, lambda k=k, p=p, old=old: self._update_text(k, p, old, fused))
                after[p] = new

    def _update_text(self, k, p, old, fused) -> StepText:
        net = self.net
        args = dict(p=p, lr=net.spec.lr, shape=S(old.shape))
        if net.spec.momentum:
            return StepText("step.update.momentum", dict(args, m=net.spec.momentum))
        if net.spec.optimizer == "adam":
            spec = net.spec
            return StepText("step.update.adam", dict(args, beta1=spec.beta1, beta2=spec.beta2, eps=spec.eps))
        if fused and p[0] == "w":
            return StepText("step.update.fused", dict(args, a=net.a_name(k - 1), d_l=f"d_l{k}"))
        return StepText("step.update.sgd", args)
