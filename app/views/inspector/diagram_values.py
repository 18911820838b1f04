"""Which numbers the network diagram shows, read from the Session: the parameters (inside an epoch in progress,
the values before its update; during a run, the last snapshot's), a gradient once the walk has computed it,
and the followed sample's activations as far as the walk has got."""

from __future__ import annotations


def shown_params(session, running_weights: dict) -> dict:
    tr_ = session.trace
    if tr_ is not None and not session.committed:
        return tr_.params_before
    if session.running:
        return running_weights
    return session.params


def grad_values(session, k: int, available_only: bool = True, bias: bool = False):
    """d_w{k} (or d_b{k}) of the trace as float64 numpy; None when there is none or, with `available_only`,
    when the walk has not reached its step yet."""
    tr_ = session.trace
    if tr_ is None:
        return None
    name = f"d_{'b' if bias else 'w'}{k}"
    if available_only:
        step = next((s for s in tr_.steps if s.name == name), None)
        if step is None or session.position < step.index:
            return None
    g = tr_.grads.get(name)
    return None if g is None else g.detach().double().numpy()


def sample_activations(session, n: int, names: list[str]) -> list | None:
    """Sample n's row of X, a1, …, y_pred (float64 numpy) where the walk has computed them, else None each;
    None when no sample is followed or there is no trace. Inside a mini-batch, sample n is the batch's row n."""
    tr_ = session.trace
    if n < 0 or tr_ is None:
        return None
    rows = tr_.rows  # a mini-batch: sample n is its row n, not row n of the trained X
    acts = []
    for k, name in enumerate(names):
        if k == 0:
            v = None if session.running else session.inputs if rows is None else session.inputs[rows]
        else:
            st = next((s for s in tr_.steps if s.name == name), None)
            v = st.result if st is not None and st.index <= session.position else None
        acts.append(None if v is None or n >= v.shape[0] else v[n].detach().double().numpy())
    return acts


def sample_row(session, n: int) -> int | None:
    """The data row (of data.X) sample n is, named as the inspector names it, where that is not row n (inside
    a mini-batch, on a split's training rows); None there (full batch), with no trace or during a run."""
    tr_ = session.trace
    rows = None if n < 0 or tr_ is None or session.running else session.sample_rows(tr_)
    return rows[n] if rows is not None and n < len(rows) else None
