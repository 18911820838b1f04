"""The shapes under the learner's code, as the parent holds them: validated plain data, never a verdict.

The child (engine.checker.shapes) hands back

    {"version": 1,
     "notes": [{line, col_start, col_end, anchor_start, anchor_end, text, op, shape: [int], kind,
                parent: index | -1, count, varied}],       # one per sub-expression that held a tensor
     "error": None | {line, col_start, col_end, anchor_start, anchor_end, text, op, kind,
                      operands: [{text, col_start, col_end, shape: [int] | None}]},   # the failing operation
     "dropped": int}

Lines are 1-based in the learner's code as written; columns are character offsets in that line (the
indentation the checker's dedent removed is added back), `anchor_*` the part a label goes under (the
operator of a BinOp, the function's name of a call, the name itself). `validate` refuses anything else
(engine.checker.result_file then reports the result as unreadable): wrong types, more than MAX_NOTES notes or
MAX_PER_LINE on one line, texts longer than MAX_TEXT, shapes of more than MAX_DIMS dimensions.

    shapes = Shapes.from_dict(validated)     # or None
    shapes.shown()                           # the notes worth a label (see `Shapes.key`), by line
    label(shape)                             # "4×2", "(2,)", "()"
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from .shapes import KINDS, MAX_DIMS, MAX_NOTES, MAX_OPERANDS, MAX_PER_LINE, MAX_TEXT

MAX_LINE = 10**6
MAX_COL = 10**6
MAX_SIZE = 2**48
MAX_OP = 40


def label(shape) -> str:
    """A matrix as 4×2 (no brackets: it sits under the code), a vector as (2,), a scalar as ()."""
    shape = tuple(shape)
    if len(shape) == 0:
        return "()"
    if len(shape) == 1:
        return f"({shape[0]},)"
    return "×".join(str(d) for d in shape)


@dataclass(frozen=True)
class Note:
    line: int
    col_start: int
    col_end: int
    anchor_start: int
    anchor_end: int
    text: str
    op: str | None
    shape: tuple
    kind: str
    parent: int = -1
    count: int = 1
    varied: bool = False

    @property
    def label(self) -> str:
        return label(self.shape)


@dataclass(frozen=True)
class Operand:
    text: str
    col_start: int
    col_end: int
    shape: tuple | None

    @property
    def label(self) -> str:
        return "—" if self.shape is None else label(self.shape)


@dataclass(frozen=True)
class Failure:
    """The operation a Python error came from, with the shapes of its operands just before it ran."""

    line: int
    col_start: int
    col_end: int
    anchor_start: int
    anchor_end: int
    text: str
    op: str | None
    kind: str
    operands: tuple[Operand, ...] = ()

    def summary(self) -> str:
        """`(4×1) @ (2×1)` for an operator, `matmul((4×2), (4×1))` for a call."""
        shapes = [o.label if o.shape is None or len(o.shape) < 2 else f"({o.label})" for o in self.operands]
        if self.kind == "binop" and len(shapes) == 2:
            return f"{shapes[0]} {self.op} {shapes[1]}"
        if self.kind == "unary" and shapes:
            return f"{self.op} {shapes[0]}"
        return f"{self.op or self.text}({', '.join(shapes)})"


@dataclass
class Shapes:
    notes: list[Note] = field(default_factory=list)
    error: Failure | None = None
    dropped: int = 0

    @classmethod
    def from_dict(cls, d) -> "Shapes | None":
        """From validated data (or the CLI's JSON, validated again here): None for anything else."""
        if d is None:
            return None
        try:
            d = validate(d)
        except (TypeError, ValueError, KeyError, AttributeError, RecursionError):
            return None
        notes = [Note(**{**n, "shape": tuple(n["shape"])}) for n in d["notes"]]
        e = d["error"]
        err = None if e is None else Failure(**{**e, "operands": tuple(
            Operand(**{**o, "shape": None if o["shape"] is None else tuple(o["shape"])}) for o in e["operands"])})
        return cls(notes, err, d["dropped"])

    def to_dict(self) -> dict:
        return {"version": 1, "notes": [dict(asdict(n), shape=list(n.shape)) for n in self.notes],
                "error": None if self.error is None else _failure_dict(self.error), "dropped": self.dropped}

    def keys(self) -> list[bool]:
        """Whether each note is worth a label: a leaf (a name, a tensor made from no other), the whole
        expression (no parent), or an operation that changes a shape. `sigmoid_p(l2)` under `* d_loss`,
        (4×1) from (4×1), is left out; `torch.transpose(a1, 0, 1)` (2×4) from (4×2) is not."""
        children: dict[int, list[Note]] = {}
        for c in self.notes:
            children.setdefault(c.parent, []).append(c)
        return [n.parent < 0 or i not in children or any(c.shape != n.shape for c in children[i])
                for i, n in enumerate(self.notes)]

    def shown(self) -> dict[int, list[Note]]:
        """line → the notes worth a label on it, left to right."""
        out: dict[int, list[Note]] = {}
        for n, key in zip(self.notes, self.keys()):
            if key:
                out.setdefault(n.line, []).append(n)
        for notes in out.values():
            notes.sort(key=lambda n: (n.anchor_start, n.anchor_end))
        return out


def _failure_dict(e: Failure) -> dict:
    d = asdict(e)
    d["operands"] = [dict(asdict(o), shape=None if o.shape is None else list(o.shape)) for o in e.operands]
    return d


# ----- validation (the parent never trusts the child's data) ---------------------------------------------
def _int(v, lo: int, hi: int) -> int:
    if type(v) is not int or not lo <= v <= hi:
        raise ValueError("not an int in range")
    return v


def _str(v, n: int) -> str:
    if type(v) is not str or len(v) > n:
        raise ValueError("not a short text")
    return v


def _shape(v) -> list[int]:
    if not isinstance(v, (list, tuple)) or len(v) > MAX_DIMS:
        raise ValueError("not a shape")
    return [_int(d, 0, MAX_SIZE) for d in v]


def _place(d) -> dict:
    if not isinstance(d, dict):
        raise TypeError("not a dict")
    out = {"line": _int(d["line"], 1, MAX_LINE)}
    for k in ("col_start", "col_end", "anchor_start", "anchor_end"):
        out[k] = _int(d[k], 0, MAX_COL)
    if out["col_start"] > out["col_end"] or out["anchor_start"] > out["anchor_end"]:
        raise ValueError("columns out of order")
    out["text"] = _str(d["text"], MAX_TEXT)
    out["op"] = None if d["op"] is None else _str(d["op"], MAX_OP)
    if type(d["kind"]) is not str or d["kind"] not in KINDS:
        raise ValueError("not a kind of expression")
    out["kind"] = d["kind"]
    return out


def validate(raw) -> dict | None:
    """The child's shapes as plain data of exactly the documented form, or TypeError / ValueError."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or raw.get("version") != 1:
        raise ValueError("not shapes")
    notes = raw["notes"]
    if not isinstance(notes, list) or len(notes) > MAX_NOTES:
        raise ValueError("too many shapes")
    out, per_line = [], {}
    for n in notes:
        d = _place(n)
        per_line[d["line"]] = per_line.get(d["line"], 0) + 1
        if per_line[d["line"]] > MAX_PER_LINE:
            raise ValueError("too many shapes on one line")
        if type(n["varied"]) is not bool:
            raise TypeError("not a bool")
        d.update(shape=_shape(n["shape"]), parent=_int(n["parent"], -1, len(notes) - 1),
                 count=_int(n["count"], 1, 10**9), varied=n["varied"])
        if d["parent"] == len(out):
            raise ValueError("a note is its own parent")
        out.append(d)
    err = raw["error"]
    if err is not None:
        e = _place(err)
        ops = err["operands"]
        if not isinstance(ops, list) or len(ops) > MAX_OPERANDS:
            raise ValueError("too many operands")
        e["operands"] = []
        for o in ops:
            if not isinstance(o, dict):
                raise TypeError("not a dict")
            c0, c1 = _int(o["col_start"], 0, MAX_COL), _int(o["col_end"], 0, MAX_COL)
            e["operands"].append({"text": _str(o["text"], MAX_TEXT), "col_start": c0, "col_end": c1,
                                  "shape": None if o["shape"] is None else _shape(o["shape"])})
        err = e
    return {"version": 1, "notes": out, "error": err, "dropped": _int(raw.get("dropped", 0), 0, 10**9)}
