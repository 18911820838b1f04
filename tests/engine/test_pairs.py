"""Each forward/backward pair of engine/core on its own: its backward equals torch.autograd's gradient of the
forward (float64) and centred finite differences, for random shapes and values. The composition of the pairs
(Network.epoch) is tested in test_gradients.py; here a wrong pair is named by itself."""

from __future__ import annotations

import pytest
import torch

from engine.core import activations as acts, linear, losses, update
from engine.core.spec import NetworkSpec

F64 = torch.float64


def rand(g, *shape, away_from_zero=False):
    t = torch.randn(*shape, generator=g, dtype=F64)
    if away_from_zero:  # keep ReLU-like kinks out of the finite differences' reach
        t = t + torch.sign(t) * 0.1
    return t


def autograd_of(fn, inputs, G):
    """∂ Σ(fn(inputs) ⊙ G) / ∂ each input, by torch.autograd."""
    xs = [x.clone().requires_grad_(True) for x in inputs]
    out = fn(*xs)
    return torch.autograd.grad((out * G).sum(), xs, allow_unused=True)


def finite_differences(fn, inputs, G, h=1e-6):
    """The same gradient by centred differences, entry by entry."""
    grads = []
    for i, x in enumerate(inputs):
        d = torch.zeros_like(x)
        for idx in range(x.numel()):
            def at(delta):
                xs = [y.clone() for y in inputs]
                xs[i].view(-1)[idx] += delta
                return float((fn(*xs) * G).sum())
            d.view(-1)[idx] = (at(h) - at(-h)) / (2 * h)
        grads.append(d)
    return grads


def close(a, b, tol):
    torch.testing.assert_close(a, b, rtol=tol, atol=tol)


@pytest.mark.parametrize("seed", range(5))
def test_linear_backward_is_the_gradient_of_its_forward(seed):
    g = torch.Generator().manual_seed(seed)
    N, n_in, n_out = (int(torch.randint(1, 6, (1,), generator=g)) for _ in range(3))
    a_prev, w, b = rand(g, N, n_in), rand(g, n_in, n_out), rand(g, n_out)
    G = rand(g, N, n_out)  # d_l: the gradient arriving from above

    l, cache = linear.forward(a_prev, w, b)
    assert l.shape == (N, n_out)
    d_a_prev, d_w, d_b = linear.backward(G, cache)
    assert d_a_prev.shape == a_prev.shape and d_w.shape == w.shape and d_b.shape == b.shape

    def fwd(a, w_, b_):
        return linear.forward(a, w_, b_)[0]

    for mine, ref in zip((d_a_prev, d_w, d_b), autograd_of(fwd, (a_prev, w, b), G)):
        close(mine, ref, 1e-12)
    for mine, fd in zip((d_a_prev, d_w, d_b), finite_differences(fwd, (a_prev, w, b), G)):
        close(mine, fd, 1e-6)
    # what is not asked for is not computed; a given a_prevᵀ gives the same d_w
    none_a, none_w, same_b = linear.backward(G, cache, need_d_w=False, need_d_a_prev=False)
    assert none_a is None and none_w is None and torch.equal(same_b, d_b)
    assert torch.equal(linear.backward(G, cache, a_prev_t=a_prev.t())[1], d_w)


@pytest.mark.parametrize("name", list(acts.ACTIVATIONS) + ["softmax-forward"])
@pytest.mark.parametrize("seed", range(3))
def test_activation_backward_is_the_gradient_of_its_forward(name, seed):
    g = torch.Generator().manual_seed(seed)
    l = rand(g, 4, 3, away_from_zero=True)
    G = rand(g, 4, 3)
    if name == "softmax-forward":  # softmax's backward is taken with cross-entropy (below); its forward here
        a, cache = acts.softmax_forward(l)
        torch.testing.assert_close(a.sum(1), torch.ones(4, dtype=F64))
        assert cache[1] is a and torch.equal(a, torch.softmax(l, dim=1))
        return
    act = acts.get(name)
    a, cache = act.forward(l)
    d_l = act.backward(G, cache)
    assert a.shape == d_l.shape == l.shape

    def fwd(x):
        return act.forward(x)[0]

    close(d_l, autograd_of(fwd, (l,), G)[0], 1e-12)
    close(d_l, finite_differences(fwd, (l,), G)[0], 1e-6)
    close(act.derivative(l, a) * G, d_l, 1e-12)  # the displayed f'(l) is the one the backward uses


PAIRS = [("bce", "sigmoid", 1), ("softmax_ce", "softmax", 3), ("mse", "linear", 2), ("mse", "sigmoid", 2),
         ("mse", "tanh", 1)]


@pytest.mark.parametrize("loss,out,K", PAIRS)
@pytest.mark.parametrize("seed", range(3))
def test_loss_backward_is_the_output_delta(loss, out, K, seed):
    """backward(cache) = ∂loss/∂l{L}, through the output activation (the stable simplified forms included)."""
    g = torch.Generator().manual_seed(seed)
    N = 5
    spec = NetworkSpec(inputs=2, outputs=K, output_activation=out, loss=loss, dtype="float64")
    if loss == "bce":
        y = torch.randint(0, 2, (N,), generator=g)
    elif loss == "softmax_ce":
        y = torch.randint(0, K, (N,), generator=g)
    else:
        y = rand(g, N, K)
    T = losses.Targets(spec, y)
    fn = losses.LOSSES[loss]
    out_act = None if out == "softmax" else acts.get(out)
    forward = acts.softmax_forward if out_act is None else out_act.forward

    def loss_of(l_out):
        y_pred = forward(l_out)[0]
        return fn.forward(l_out, y_pred, T)[0]

    l_out = rand(g, N, K)
    y_pred = forward(l_out)[0]
    value, cache = fn.forward(l_out, y_pred, T)
    d_l = fn.backward(cache, out_act)
    assert d_l.shape == l_out.shape and value.dim() == 0
    one = torch.ones((), dtype=F64)
    close(d_l, autograd_of(loss_of, (l_out,), one)[0], 1e-12)
    close(d_l, finite_differences(loss_of, (l_out,), one)[0], 1e-6)
    # the unsimplified d_loss (display) is ∂loss/∂y_pred, and per-sample terms average to the loss
    yp = y_pred.clone().requires_grad_(True)
    if loss == "mse":
        ref = torch.autograd.grad(torch.nn.functional.mse_loss(yp, T.y), yp)[0]
    elif loss == "bce":
        ref = torch.autograd.grad(torch.nn.functional.binary_cross_entropy(yp, T.y), yp)[0]
    else:
        ref = torch.autograd.grad(-(T.y * yp.log()).sum(1).mean(), yp)[0]
    close(fn.d_loss(y_pred, T), ref, 1e-12)
    close(fn.per_sample(l_out, y_pred, T).mean(), value, 1e-12)


def test_updates_are_sgd_fused_sgd_and_torch_momentum():
    g = torch.Generator().manual_seed(0)
    a_prev, d_l = rand(g, 4, 3), rand(g, 4, 2)
    w, b = rand(g, 3, 2), rand(g, 2)
    lr = 0.1
    d_w, d_b = a_prev.t() @ d_l, d_l.sum(0)
    w1, b1 = w.clone(), b.clone()
    update.sgd(w1, d_w, lr)
    update.sgd(b1, d_b, lr)
    close(w1, w - lr * d_w, 1e-14)
    close(b1, b - lr * d_b, 1e-14)
    w2, b2 = w.clone(), b.clone()
    update.fused(w2, b2, a_prev.t(), d_l, d_b, lr)
    close(w2, w1, 1e-14)
    assert torch.equal(b2, b1)
    # momentum as torch.optim.SGD, over three steps
    p, v = w.clone(), torch.zeros_like(w)
    ref = w.clone().requires_grad_(True)
    opt = torch.optim.SGD([ref], lr=lr, momentum=0.9)
    for _ in range(3):
        update.momentum(p, v, d_w, lr, 0.9)
        ref.grad = d_w.clone()
        opt.step()
    close(p, ref.detach(), 1e-14)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_dividing_by_count_of_is_dividing_by_n(dtype):
    """The output deltas divide by losses.count_of(d), a cached 0-dim N: bit for bit the exported `.div_(N)`."""
    from engine.core.losses import count_of

    g = torch.Generator().manual_seed(0)
    for n in (1, 3, 4, 7, 32, 900, 1797):
        d = torch.randn(n, 3, generator=g, dtype=dtype)
        assert torch.equal(d.clone().div_(count_of(d)), d.clone().div_(n))
        assert count_of(d) is count_of(d.clone())  # made once per (N, dtype)
