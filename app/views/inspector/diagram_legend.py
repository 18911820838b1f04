"""The network diagram in words: the legend over it (edges by sign and size, the bias badges, grey for not
computed yet, the per-unit pictures), an edge's tooltip, and the note beside an enlarged picture."""

from __future__ import annotations

from PySide6.QtGui import QColor

from app import palette
from app.i18n import tr

from . import colors as C
from . import notation as nt
from .fmt import num
from .unit_pictures import BINARY, CLASS, HIDDEN


def legend_html(window: QColor, grads: bool, pending: bool, edges: int, cut_to: int | None,
                pictures: bool) -> str:
    """`window`: the colour the legend is written on; `cut_to`: the strongest edges drawn of a large layer."""
    pos = palette.readable(QColor(*C.POSITIVE), window).name()
    neg = palette.readable(QColor(*C.NEGATIVE), window).name()
    what = tr("gradients d_w (how the loss changes with each weight)") if grads else tr("weights w")
    text = tr("Edges show {what}: <b style='color:{pos}'>blue +</b>, <b style='color:{neg}'>red −</b>, "
              "wider or darker = larger size. {n} edges (one per weight; biases are the small squares).")
    text = text.format(what=what, pos=pos, neg=neg, n=edges)
    if pending:
        text += " " + tr("Grey: not computed yet in this backward pass.")
    if cut_to is not None:
        text += " " + tr("Large layers show their {m} strongest edges; hover finds any edge.").format(m=cut_to)
    if pictures:
        text += " " + tr("Squares: each unit's activation over (x1, x2), hover to enlarge.")
    return text


def pictures_tooltip() -> str:
    return tr("Each hidden and output unit is drawn as its activation over the input plane, computed on a "
              "24×24 grid through the current parameters: x1 to the right, x2 up. Hidden units: red low, blue "
              "high, as the decision boundary's unit maps; y_pred coloured as the decision boundary. A followed "
              "sample is ringed where it lies. Hover a square to see it larger, with the data.")


def picture_note(kind: str, activation: str) -> str:
    """How the enlarged picture's colours read."""
    if kind == BINARY:
        return tr("P(class 1): class 0's colour at 0, class 1's at 1, as the decision boundary")
    if kind == CLASS:
        return tr("this class's probability: the background at 0, the class's colour at 1")
    if kind == HIDDEN and activation == "sigmoid":
        return tr("sigmoid: red 0, blue 1")
    if activation == "tanh":
        return tr("tanh: red −1, blue 1")
    return tr("{act}: blue positive, red negative, the strongest at this unit's largest |a|").format(act=activation)


def edge_tooltip(k: int, i: int, j: int, w, g) -> str:
    """w{k}[i,j] and d_w{k}[i,j] (w, g: the matrices as numpy, or None), and where the edge goes."""
    lines = [f"w{k}[{i},{j}] = {num(w[i, j])}" if w is not None else f"w{k}[{i},{j}]"]
    if g is not None:
        lines.append(f"d_w{k}[{i},{j}] = {num(g[i, j])}")
    else:
        lines.append(tr("d_w{k}[{i},{j}]: not computed yet (step into the backward pass)").format(k=k, i=i, j=j))
    tb = nt.textbook(f"w{k}")
    lines.append(tr("from unit {i} of layer {a} to unit {j} of layer {b} · textbook: {tb}[{i},{j}]").format(
        i=i, j=j, a=k - 1, b=k, tb=tb))
    return "\n".join(lines)
