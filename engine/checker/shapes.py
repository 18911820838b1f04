"""The shape of every sub-expression the learner's code evaluated, TensorSensor style (runs in the CHILD).

    probe = ShapeProbe.instrument(text, original_code, filename)   # never raises; probe.code is None if the
    probe.install(ns)                                              # code could not be instrumented
    exc = run(probe.code or plain_code, ns)                        # the ONE checked run
    out["shapes"] = probe.result(exc)                              # plain data (engine.checker.shape_notes)

The learner's tree (parsed again: the original stays untouched for the error explanations) is rewritten so
that each Name, Call, BinOp, UnaryOp, Attribute and Subscript that is read becomes `HELPER(i, <itself>)`:
`record` notes the value's shape when it is a plain tensor and returns the value itself, so the code computes
exactly what it computes without the probe, once. Each wrapper takes its node's location (ast.copy_location),
so line numbers, line tracing (engine.checker.aliasing) and the error's line stay those of the learner's code.
A call's function is never wrapped (`super()`, `locals()` and method calls behave as written); assignment
targets, annotations and match patterns are left alone.

When the run ends with an exception, the failing operation is found from the traceback (the instruction's
source position, Python ≥ 3.11) and named with all its operands' shapes, recorded just before it ran:
`a1 @ d_l2` → "@", (4×2) and (4×1). Nothing here judges: the parent validates this data
(engine.checker.shape_notes.validate) and only shows it.

Bounds: one note per sub-expression of the code (a loop overwrites its note and counts, it never adds), at
most MAX_PER_LINE per line and MAX_NOTES in all; texts are cut to MAX_TEXT characters. After MAX_CALLS
values the probe stops: HELPER becomes `{}.get` (a C function that returns its second argument, so a long
loop runs at nearly its own speed and is never traced); the notes then hold the shapes seen until then, and
a later failure is not marked (its operands' shapes would be out of date).
"""

from __future__ import annotations

import ast
import re

import torch

HELPER = "__bptutor_shape__"
MAX_NOTES = 2000
MAX_PER_LINE = 40
MAX_TEXT = 120
MAX_DIMS = 8
MAX_OPERANDS = 8
MAX_CALLS = 20_000
KINDS = ("name", "call", "binop", "unary", "attribute", "subscript")
OPERATIONS = ("call", "binop", "unary", "attribute", "subscript")  # kinds that can fail as an operation
BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.MatMult: "@", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|", ast.BitXor: "^",
          ast.BitAnd: "&"}
UNARY = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~", ast.Not: "not"}


def split_lines(text: str) -> list[str]:
    """The lines as Python numbers them (form feeds and U+2028 are not line breaks to Python)."""
    return re.split(r"\r\n|\r|\n", text)


class _Node:
    __slots__ = ("kind", "op", "pos", "anchor", "parent", "operands", "receiver")

    def __init__(self, kind, op, pos, anchor):
        self.kind, self.op, self.pos, self.anchor = kind, op, pos, anchor
        self.parent = -1
        self.operands: list = []  # (node id or None, ast node) of the operation's inputs
        self.receiver = False  # a method call: operands[0] is the object the method belongs to


class _Wrap(ast.NodeTransformer):
    def __init__(self, lines: list[bytes]):
        self.lines = lines
        self.nodes: list[_Node] = []

    # ----- what is left alone -------------------------------------------------------------------------
    def visit_arg(self, node):
        return node  # annotations

    def visit_AnnAssign(self, node):
        node.target = self.visit(node.target)
        if node.value is not None:
            node.value = self.visit(node.value)
        return node

    def visit_FunctionDef(self, node):  # the annotations (returns, args) stay as written
        for field in ("decorator_list", "body"):
            setattr(node, field, [self.visit(n) for n in getattr(node, field)])
        node.args = self._arguments(node.args)
        return node

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        node.args = self._arguments(node.args)
        node.body = self.visit(node.body)
        return node

    def _arguments(self, a):
        a.defaults = [self.visit(d) for d in a.defaults]
        a.kw_defaults = [None if d is None else self.visit(d) for d in a.kw_defaults]
        return a

    def visit_match_case(self, node):
        if node.guard is not None:
            node.guard = self.visit(node.guard)
        node.body = [self.visit(n) for n in node.body]
        return node

    # ----- what is wrapped ----------------------------------------------------------------------------
    def visit_Name(self, node):
        if not isinstance(node.ctx, ast.Load) or node.id == HELPER:
            return node
        return self._wrap(node, "name", None, (node.col_offset, node.end_col_offset), [])

    def visit_BinOp(self, node):
        self.generic_visit(node)
        op = BINOPS.get(type(node.op), "?")
        return self._wrap(node, "binop", op, self._operator(node, op), [node.left, node.right])

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        op = UNARY.get(type(node.op), "?")
        return self._wrap(node, "unary", op, (node.col_offset, node.col_offset + len(op)), [node.operand])

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Attribute):  # a method: the receiver is an operand, the method is not wrapped
            f.value = self.visit(f.value)
            receiver = [f.value]
            name, anchor = f.attr, (f.end_col_offset - len(f.attr.encode()), f.end_col_offset)
        elif isinstance(f, ast.Name):
            receiver, name, anchor = [], f.id, (f.col_offset, f.end_col_offset)
        else:
            node.func = self.visit(f)
            receiver, name, anchor = [], None, (f.col_offset, f.end_col_offset)
        node.args = [self.visit(a) for a in node.args]
        for k in node.keywords:
            k.value = self.visit(k.value)
        if f.lineno != f.end_lineno:
            anchor = (node.col_offset, node.col_offset)
        inputs = receiver + [a.value if isinstance(a, ast.Starred) else a for a in node.args] + \
            [k.value for k in node.keywords]
        return self._wrap(node, "call", name, anchor, inputs)

    def visit_Attribute(self, node):
        if not isinstance(node.ctx, ast.Load):
            self.generic_visit(node)
            return node
        node.value = self.visit(node.value)
        start = node.end_col_offset - len(node.attr.encode())
        return self._wrap(node, "attribute", node.attr, (start, node.end_col_offset), [node.value])

    def visit_Subscript(self, node):
        node.value = self.visit(node.value)
        node.slice = self.visit(node.slice)
        if not isinstance(node.ctx, ast.Load):
            return node
        v = node.value
        start = v.end_col_offset if v.end_lineno == node.lineno else node.col_offset
        return self._wrap(node, "subscript", "[]", (start, node.end_col_offset), [node.value, node.slice])

    # ----- the wrapper ------------------------------------------------------------------------------------
    def _operator(self, node, op):
        """Where the operator symbol is: after the left operand (and its closing brackets), on its line."""
        left = node.left
        if left.end_lineno != node.lineno or node.end_lineno != node.lineno:
            return node.col_offset, node.col_offset
        line = self.lines[node.lineno - 1]
        at = line.find(op.encode(), left.end_col_offset, node.end_col_offset)
        return (at, at + len(op)) if at >= 0 else (node.col_offset, node.col_offset)

    @staticmethod
    def _id(node):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == HELPER
                and node.args and isinstance(node.args[0], ast.Constant)):
            return node.args[0].value
        return None

    def _adopt(self, node, pid: int) -> None:
        """Every wrapped node directly below `node` (no other wrapper between) has `pid` as its parent."""
        for child in ast.iter_child_nodes(node):
            i = self._id(child)
            if i is not None:
                self.nodes[i].parent = pid
            else:
                self._adopt(child, pid)

    def _wrap(self, node, kind, op, anchor, inputs):
        i = len(self.nodes)
        pos = (node.lineno, node.end_lineno, node.col_offset, node.end_col_offset)
        n = _Node(kind, op, pos, anchor)
        n.operands = [(self._id(x), x) for x in inputs]
        n.receiver = kind == "call" and isinstance(node.func, ast.Attribute)
        self.nodes.append(n)
        self._adopt(node, i)
        call = ast.Call(func=ast.Name(HELPER, ast.Load()), args=[ast.Constant(i), node], keywords=[])
        return ast.fix_missing_locations(ast.copy_location(call, node))


class ShapeProbe:
    """The instrumented code of one checked run and what it recorded."""

    def __init__(self):
        self.code = None
        self.nodes: list[_Node] = []
        self.shape: dict[int, tuple] = {}
        self.count: dict[int, int] = {}
        self.varied: set[int] = set()
        self.now: dict[int, tuple | None] = {}  # the shape of the latest value (None: not a tensor)
        self.lines: list[bytes] = []
        self.indent: list[int] = []  # characters dedent took from each line (the editor shows them)
        self.filename = ""
        self.calls = 0
        self.ns: dict | None = None

    @classmethod
    def instrument(cls, text: str, original: str, filename: str) -> "ShapeProbe":
        p = cls()
        p.filename = filename
        try:
            p.lines = [s.encode("utf-8", "surrogatepass") for s in split_lines(text)]
            orig = split_lines(original)
            if len(orig) == len(p.lines):
                p.indent = [len(o) - len(d) if o.endswith(d) else 0 for o, d in zip(orig, split_lines(text))]
            w = _Wrap(p.lines)
            tree = w.visit(ast.parse(text, filename))
            p.code = compile(tree, filename, "exec")
            p.nodes = w.nodes
        except (SyntaxError, ValueError, RecursionError, MemoryError, TypeError, UnicodeError):
            p.code, p.nodes = None, []  # the plain code runs; there are no shapes to show
        return p

    def install(self, ns: dict) -> None:
        """Bind HELPER in the namespace the instrumented code runs in."""
        if self.code is not None:
            self.ns = ns
            ns[HELPER] = self.record

    def record(self, i, v):
        """Note v's shape under node i; return v itself (called by the instrumented code)."""
        self.calls += 1
        if self.calls > MAX_CALLS and self.ns is not None:
            self.ns[HELPER] = {}.get  # enough: from now on HELPER(i, v) is v, in C
            return v
        try:
            self.now[i] = None
            t = type(v)
            if t is torch.Tensor or t is torch.nn.Parameter:  # identity: no __eq__ of theirs runs
                s = tuple(v.shape)
                self.now[i] = s
                old = self.shape.get(i)
                if old is not None and old != s:
                    self.varied.add(i)
                self.shape[i] = s
                self.count[i] = self.count.get(i, 0) + 1
        except Exception:  # noqa: BLE001 - a probe never changes what their code does
            pass
        return v

    # ----- plain data ----------------------------------------------------------------------------------
    def _cols(self, line: int, b: int) -> int:
        """A byte offset in the dedented line → a character offset in the learner's own line."""
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else b""
        chars = len(raw[:b].decode("utf-8", "ignore"))
        return chars + (self.indent[line - 1] if 0 < line <= len(self.indent) else 0)

    def _text(self, line: int, b0: int, b1: int) -> str:
        raw = self.lines[line - 1] if 0 < line <= len(self.lines) else b""
        s = raw[b0:b1].decode("utf-8", "replace")
        return s if len(s) <= MAX_TEXT else s[: MAX_TEXT - 1] + "…"

    def _place(self, n: _Node) -> dict:
        line, _end, c0, c1 = n.pos
        a0, a1 = n.anchor
        return {"line": line, "col_start": self._cols(line, c0), "col_end": self._cols(line, c1),
                "anchor_start": self._cols(line, a0), "anchor_end": self._cols(line, a1),
                "text": self._text(line, c0, c1), "op": None if n.op is None else str(n.op)[:40]}

    def result(self, exc: BaseException | None) -> dict | None:
        """The notes as plain data, or None (no instrumented code, or a probe failure: the check goes on)."""
        if self.code is None:
            return None
        try:
            return self._result(exc)
        except Exception:  # noqa: BLE001 - the shapes are an extra: never the reason a check fails
            return None

    def _result(self, exc) -> dict:
        keep, per_line = [], {}
        for i in sorted(self.shape, key=lambda i: (self.nodes[i].pos[0], self.nodes[i].anchor[0], i)):
            n = self.nodes[i]
            if n.pos[0] != n.pos[1] or len(self.shape[i]) > MAX_DIMS:
                continue  # one line each; a tensor of more than 8 dimensions is not drawn
            if len(keep) >= MAX_NOTES or per_line.get(n.pos[0], 0) >= MAX_PER_LINE:
                continue
            per_line[n.pos[0]] = per_line.get(n.pos[0], 0) + 1
            keep.append(i)
        index = {i: k for k, i in enumerate(keep)}
        notes = []
        for i in keep:
            n, parent = self.nodes[i], self.nodes[i].parent
            while parent >= 0 and parent not in index:  # the nearest ancestor that has a note
                parent = self.nodes[parent].parent
            notes.append({**self._place(n), "shape": list(self.shape[i]), "kind": n.kind,
                          "parent": index.get(parent, -1), "count": min(self.count[i], 10**9),
                          "varied": i in self.varied})
        return {"version": 1, "notes": notes, "error": self._failed(exc),
                "dropped": len(self.shape) - len(notes)}

    def _failed(self, exc) -> dict | None:
        """The operation the exception came from, with its operands' shapes (an Exception only: the time
        limit and exit() are not an operation's failure)."""
        if not isinstance(exc, Exception) or self.calls > MAX_CALLS:
            return None
        tb, found, last = exc.__traceback__, None, None
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.filename:
                found = tb
            last = tb
            tb = tb.tb_next
        if found is None or (last is not None and last.tb_frame.f_code is ShapeProbe.record.__code__):
            return None
        try:
            pos = list(found.tb_frame.f_code.co_positions())[found.tb_lasti // 2]
        except (AttributeError, IndexError, ValueError):
            return None
        n = next((n for n in self.nodes if n.pos == tuple(pos) and n.kind in OPERATIONS), None)
        if n is None or n.pos[0] != n.pos[1]:
            return None
        operands = []
        for k, (i, node) in enumerate(n.operands[:MAX_OPERANDS]):
            line = getattr(node, "lineno", None)
            if line != n.pos[0] or node.end_lineno != line:
                continue
            s = self.now.get(i) if i is not None else None
            if k == 0 and n.receiver and s is None:
                continue  # torch in torch.matmul(…): a module, not an operand
            operands.append({"text": self._text(line, node.col_offset, node.end_col_offset),
                             "col_start": self._cols(line, node.col_offset),
                             "col_end": self._cols(line, node.end_col_offset),
                             "shape": None if s is None or len(s) > MAX_DIMS else list(s)})
        return {**self._place(n), "kind": n.kind, "operands": operands}
