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
_new_step = tuple.__new__  # Step(…) without NamedTuple's Python-level __new__: the traced path's hot spot


class Recorder(NoRecord):
    """Collects the Steps of one traced epoch."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.texts: dict[int, StepText] = {}
        self.params_before: dict = {}
        self.params_after: dict = {}

    def add(self, name, phase, op, layer, operands, result, text) -> None:
        """`text`: a zero-argument callable returning the StepText, called once per network, N and index."""
        i = len(self.steps)
        t = self.texts.get(i)
        if t is None:
            t = self.texts[i] = text()
        self.steps.append(_new_step(Step, (i, name, phase, op, layer, operands, result, t)))

    # ----- forward ---------------------------------------------------------------------------------------------
    def begin(self, net, P, N) -> None:
        self.net, self.N = net, N
        self.P0 = self.params_before = {k: v.clone() for k, v in P.items()}
        self.texts = net.texts_for(N)

    def linear(self, k, a_prev, w, b, l) -> None:
        net, N = self.net, self.N
        ap = net.a_name(k - 1)
        w, b = self.P0[f"w{k}"], self.P0[f"b{k}"]
        self.add(f"l{k}", "forward", LINEAR, k,
                 (Operand(ap, a_prev), Operand(f"w{k}", w), Operand(f"b{k}", b, broadcast=True)), l,
                 lambda: StepText("step.linear", dict(
                     l=f"l{k}", a=ap, w=f"w{k}", b=f"b{k}", a_shape=S(a_prev.shape), w_shape=S(w.shape),
                     l_shape=S(l.shape), b_shape=S(b.shape), n=N)))

    def activation(self, k, l, a) -> None:
        net = self.net
        name = net.a_name(k)
        act = net.act(k)
        if act is None:
            self.add(name, "forward", SOFTMAX, k, (Operand(f"l{k}", l),), a,
                     lambda: StepText("step.softmax", dict(a=name, l=f"l{k}")))
        else:
            self.add(name, "forward", ACTIVATION, k, (Operand(f"l{k}", l),), a,
                     lambda: StepText("step.activation", dict(a=name, f=act.symbol, l=f"l{k}")))

    def loss(self, l_out, y_pred, T, loss) -> None:
        net = self.net
        kind = net.spec.loss
        per = Lazy(lambda: net.loss_fn.per_sample(l_out, y_pred, T))
        ylab = T.labels if kind == "softmax_ce" else T.y
        ops = (Operand("y_pred", y_pred), Operand("y", ylab), Operand("loss per sample", per))
        penalty = " + (l2/2)·Σ‖w‖²" if net.spec.l2 else ""
        self.add("loss", "forward", LOSS, 0, ops, loss,
                 lambda: StepText(f"step.loss.{kind}", dict(l=f"l{net.L}", penalty=penalty)))

    # ----- backward --------------------------------------------------------------------------------------------
    def output_delta(self, l_out, y_pred, T, d_l) -> None:
        net, N, L = self.net, self.N, self.net.L
        kind = net.spec.loss
        yp = S(y_pred.shape)
        d_loss = Lazy(lambda: net.loss_fn.d_loss(y_pred, T))
        y_op = Operand("Y" if kind == "softmax_ce" else "y", T.y)
        self.add("d_loss", "backward", LOSS_GRAD, L, (Operand("y_pred", y_pred), y_op), d_loss,
                 lambda: StepText(f"step.d_loss.{kind}", dict(shape=yp, n=N, count=y_pred.numel())))
        args = dict(d_l=f"d_l{L}", l=f"l{L}", shape=yp, up="d_loss", n=N)
        if kind == "softmax_ce":
            self.add(f"d_l{L}", "backward", ACT_GRAD, L, (Operand("y_pred", y_pred), Operand("d_loss", d_loss)),
                     d_l, lambda: StepText("step.output_delta.softmax_ce", args))
            return
        act = net.out_act
        fp = Operand(f"{act.symbol}'(l{L})", Lazy(lambda: act.derivative(l_out, y_pred)))
        code = "step.output_delta.bce" if kind == "bce" else "step.act_grad"
        self.add(f"d_l{L}", "backward", ACT_GRAD, L, (fp, Operand("d_loss", d_loss)), d_l,
                 lambda: StepText(code, dict(args, f=act.symbol, derivative=act.derivative_note)))

    def linear_backward(self, k, a_prev, d_l, d_w, d_b, d_a_prev) -> None:
        net, N = self.net, self.N
        ap = net.a_name(k - 1)
        w, b = self.P0[f"w{k}"], self.P0[f"b{k}"]
        self.add(f"d_b{k}", "backward", BATCH_SUM, k, (Operand(f"d_l{k}", d_l),), d_b,
                 lambda: StepText("step.d_b", dict(d_b=f"d_b{k}", d_l=f"d_l{k}", b=f"b{k}", b_shape=S(b.shape),
                                                   d_l_shape=S(d_l.shape), n=N)))
        l2 = net.spec.l2
        ops = (Operand(ap, a_prev, transposed=True), Operand(f"d_l{k}", d_l)) + ((Operand(f"w{k}", w),) if l2 else ())
        self.add(f"d_w{k}", "backward", MATMUL, k, ops, d_w,
                 lambda: StepText("step.d_w", dict(
                     d_w=f"d_w{k}", a=ap, d_l=f"d_l{k}", w=f"w{k}", penalty=f" + l2·w{k}" if l2 else "",
                     w_shape=S(w.shape), a_shape=S(a_prev.shape), a_t_shape=S(a_prev.T.shape),
                     d_l_shape=S(d_l.shape), n=N)))
        if d_a_prev is None:
            return
        j = k - 1
        self.add(f"d_a{j}", "backward", MATMUL, j, (Operand(f"d_l{k}", d_l), Operand(f"w{k}", w, transposed=True)),
                 d_a_prev, lambda: StepText("step.d_a", dict(
                     d_a=f"d_a{j}", a=f"a{j}", d_l=f"d_l{k}", w=f"w{k}", a_shape=S(a_prev.shape),
                     d_l_shape=S(d_l.shape), w_shape=S(w.shape), w_t_shape=S(w.T.shape))))

    def activation_backward(self, j, d_a, l, a, d_l) -> None:
        act = self.net.act(j)
        fp = Operand(f"{act.symbol}'(l{j})", Lazy(lambda: act.derivative(l, a)))
        self.add(f"d_l{j}", "backward", ACT_GRAD, j, (fp, Operand(f"d_a{j}", d_a)), d_l,
                 lambda: StepText("step.act_grad", dict(
                     d_l=f"d_l{j}", f=act.symbol, l=f"l{j}", up=f"d_a{j}", shape=S(l.shape),
                     derivative=act.derivative_note)))

    # ----- update ------------------------------------------------------------------------------------------------
    def updates(self, P, V, grads, fused) -> None:
        net = self.net
        m = net.spec.momentum
        adam = net.spec.optimizer == "adam"
        for k in range(1, net.L + 1):
            for p in (f"w{k}", f"b{k}"):
                old, g, new = self.P0[p], grads["d_" + p], P[p].clone()
                ops = (Operand(p, old), Operand("d_" + p, g))
                if m:
                    ops += (Operand("v_" + p, V[p].clone()),)
                elif adam:
                    ops += adam_operands(net.spec, p, V.m[p].clone(), V.v[p].clone(), V.t)
                self.add(p, "update", UPDATE, k, ops, new, lambda k=k, p=p, old=old: self._update_text(k, p, old, fused))
                self.params_after[p] = new

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
