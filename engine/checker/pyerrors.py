"""Python errors in the learner's code, explained in the notebook's terms.

`explain(exc, ctx)` returns the error as a dict: type, line (in *their* code), message, hint, code (stable),
numbers, text (the line itself), col, target (the variable that line assigns: the root mistake), and
hint_text / message_text: the hint (and the message where it is the checker's own, not Python's) as an
engine Text's dict, {code, args, text}, whose templates live in engine/text/pyerrors.py. Codes:
syntax · name · matmul_shape · elementwise_shape · update_shape · memory · timeout · exit · exception.

For a matmul whose shapes do not fit, the operands on that line are evaluated again in the namespace where
the code stopped (under the same time limit) to name them with their shapes, and the fix is the transpose
(or the order) that makes the product fit, preferring the one that gives the shape the assigned gradient
needs: "d_l2 is (4×1) and w2 is (2×1): to go back through w2 use w2ᵀ (1×2)".
"""

from __future__ import annotations

import ast
import difflib
import re
from dataclasses import dataclass, field

import torch

from engine.core.spec import shape_text as S
from engine.text import Text


class CodeTimeout(BaseException):
    """Raised inside the learner's code when its time is up (a BaseException, so `except Exception` in
    their code does not swallow it)."""


@dataclass
class Context:
    code: str
    filename: str
    bound: list[str]  # names bound for the code
    expected: dict[str, tuple]  # gradient / parameter name → the shape it must have
    N: int
    timeout: float
    memory_mb: int
    tree: ast.AST | None = None
    extra: dict = field(default_factory=dict)


# names from the notebook that are not bound here (why not: checker.hint.not_bound.<name>)
NOTEBOOK_NAMES = ("EPOCH", "epoch", "CE", "device")
UNICODE_FIXES = {"−": "-", "ᵀ": ".T", "⊙": "*", "×": "*", "·": "*", "÷": "/", "’": "'", "‘": "'", "“": '"',
                 "”": '"', "\u3000": " ", "\u00a0": " "}


def T(code: str, **args) -> Text:
    return Text(code, args)


def say(err: dict, key: str, text: Text) -> None:
    """Set err[key] ("hint" or "message") to `text` in English and err[key + "_text"] to its code and args."""
    err[key + "_text"] = text.to_dict()
    err[key] = err[key + "_text"]["text"]


def _characters(bad: list[str], name_error: bool = False) -> Text:
    fixes = [T("checker.hint.write_instead", good=UNICODE_FIXES[c], bad=c) for c in bad]
    return T("checker.hint.characters_T" if name_error and "ᵀ" in bad else "checker.hint.characters",
             fixes=fixes)


def line_of(exc: BaseException, filename: str):
    """(line, frame) of the innermost traceback entry in the learner's code, or (None, None)."""
    tb, found = exc.__traceback__, None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            found = tb
        tb = tb.tb_next
    return (found.tb_lineno, found.tb_frame) if found is not None else (None, None)


def statement_at(tree, line: int):
    """The innermost statement spanning `line`."""
    best = None
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno <= line <= (node.end_lineno or node.lineno):
            if best is None or (node.end_lineno - node.lineno) <= (best.end_lineno - best.lineno):
                best = node
    return best


def target_name(stmt) -> str | None:
    t = None
    if isinstance(stmt, ast.Assign):
        t = stmt.targets[0]
    elif isinstance(stmt, (ast.AugAssign, ast.AnnAssign)):
        t = stmt.target
    while isinstance(t, (ast.Subscript, ast.Attribute)):
        t = t.value
    if isinstance(t, (ast.Tuple, ast.List)) and t.elts:
        t = t.elts[0]
    return t.id if isinstance(t, ast.Name) else None


def assigned_lines(tree) -> dict[str, int]:
    """name → the last line that assigns it (=, op=, or an in-place method like w1.sub_())."""
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                names = t.elts if isinstance(t, (ast.Tuple, ast.List)) else [t]
                for n in names:
                    while isinstance(n, (ast.Subscript, ast.Attribute)):
                        n = n.value
                    if isinstance(n, ast.Name):
                        out[n.id] = max(out.get(n.id, 0), node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr.endswith("_") and not node.func.attr.startswith("_")
              and isinstance(node.func.value, ast.Name)):
            out[node.func.value.id] = max(out.get(node.func.value.id, 0), node.lineno)
    return out


def show(node) -> str:
    """An operand as the notebook would say it: torch.transpose(w2, 0, 1), w2.T, w2.t() → w2ᵀ."""
    if isinstance(node, ast.Attribute) and node.attr in ("T", "mT"):
        return show(node.value) + "ᵀ"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        f = node.func
        if f.attr == "t" and not node.args:
            return show(f.value) + "ᵀ"
        if f.attr == "transpose":
            if isinstance(f.value, ast.Name) and f.value.id == "torch" and node.args:
                return show(node.args[0]) + "ᵀ"
            return show(f.value) + "ᵀ"
    try:
        return ast.unparse(node)
    except Exception:  # pragma: no cover - unparse handles every parsed node
        return "?"


def _untranspose(text: str) -> str:
    return text[:-1] if text.endswith("ᵀ") else text + "ᵀ"


def _shape(node, g, l, filename):
    try:
        v = eval(compile(ast.Expression(body=node), filename, "eval"), g, l)  # noqa: S307 - the sandbox
    except BaseException:  # noqa: BLE001 - anything their code raises (or the time limit) means: unknown
        return None
    return tuple(v.shape) if isinstance(v, torch.Tensor) else None


def _matmuls(stmt):
    for node in ast.walk(stmt):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.MatMult):
            yield node.left, node.right
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            f, args = node.func, node.args
            is_torch = isinstance(f.value, ast.Name) and f.value.id == "torch"
            if f.attr in ("matmul", "mm") and is_torch and len(args) >= 2:
                yield args[0], args[1]
            elif f.attr in ("matmul", "mm") and not is_torch and args:
                yield f.value, args[0]
            elif f.attr == "addmm" and is_torch and len(args) >= 3:
                yield args[1], args[2]


def _with_target(hint: Text, ctx, target) -> Text:
    """The hint, with the shape the assigned tensor must have: "(d_w2 must be (2×1) like w2)"."""
    shape = ctx.expected.get(target) if target else None
    if shape is None:
        return hint
    base = "y_pred" if target == "d_loss" else (target[2:] if target.startswith("d_") else target)
    if base == target:
        return T("checker.hint.must_stay", hint=hint, target=target, shape=S(shape))
    return T("checker.hint.must_be_like", hint=hint, target=target, shape=S(shape), base=base)


def matmul_hint(A, a, B, b, target, ctx) -> tuple[Text, dict]:
    want = ctx.expected.get(target) if target else None
    fixes = []
    if len(a) == 2 and len(b) == 2:
        if a[1] == b[1]:
            fixes.append(("transpose_right", (a[0], b[0])))
        if a[0] == b[0]:
            fixes.append(("transpose_left", (a[1], b[1])))
        if b[1] == a[0]:
            fixes.append(("swap", (b[0], a[1])))
    fixes.sort(key=lambda f: f[1] != tuple(want or ()))
    args = {"a": A, "sa": S(a), "b": B, "sb": S(b)}
    numbers = {"left": A, "right": B, "left_shape": list(a), "right_shape": list(b)}
    if not fixes:
        hint = Text("checker.hint.matmul", dict(args, inner_a=a[-1], inner_b=b[0]))
        return _with_target(hint, ctx, target), {**numbers, "fix": None}
    fix, res = fixes[0]
    numbers.update(fix=fix, result_shape=list(res))
    args["res"] = S(res)
    if fix == "transpose_right":
        code = "back_through" if re.fullmatch(r"w\d+", B) else "transpose_right"
        args.update(bt=_untranspose(B), sbt=S(b[::-1]))
    elif fix == "transpose_left":
        code = "transpose_left_samples" if a[0] == ctx.N else "transpose_left"
        args.update(at=_untranspose(A), sat=S(a[::-1]), N=ctx.N)
    else:
        code = "swap"
    return _with_target(Text(f"checker.hint.matmul.{code}", args), ctx, target), numbers


def _elementwise(stmt, g, l, ctx):
    for node in ast.walk(stmt):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add, ast.Sub, ast.Div)):
            a, b = _shape(node.left, g, l, ctx.filename), _shape(node.right, g, l, ctx.filename)
            if a is None or b is None:
                continue
            try:
                torch.broadcast_shapes(a, b)
            except RuntimeError:
                return show(node.left), a, show(node.right), b
    return None


def explain(exc: BaseException, ctx: Context, frame=None) -> dict:
    lines = ctx.code.splitlines()
    err = {"type": type(exc).__name__, "line": None, "message": "", "hint": "", "code": "exception",
           "numbers": {}, "text": None, "col": None, "target": None, "hint_text": None, "message_text": None}
    if isinstance(exc, SyntaxError) and exc.filename == ctx.filename:
        line = exc.lineno
        err.update(line=line, col=exc.offset, message=exc.msg, code="syntax")
        text = lines[line - 1] if line and 0 < line <= len(lines) else (exc.text or "")
        m = re.match(r"\s*([A-Za-z_]\w*)\s*(?:\[.*\])?\s*(?:[-+*/@]|//|\*\*)?=(?!=)", text)
        err["target"] = m.group(1) if m else None
        bad = [c for c in UNICODE_FIXES if c in text]
        if bad:
            say(err, "hint", _characters(bad))
            err["numbers"] = {"characters": bad}
        elif isinstance(exc, IndentationError):
            say(err, "hint", T("checker.hint.indentation"))
        else:
            say(err, "hint", T("checker.hint.syntax", line=line))
        err["text"] = text
        return err
    line, found_frame = line_of(exc, ctx.filename)
    frame = frame or found_frame
    err["line"] = line
    err["text"] = lines[line - 1] if line and 0 < line <= len(lines) else None
    stmt = statement_at(ctx.tree, line) if (ctx.tree is not None and line) else None
    target = target_name(stmt) if stmt is not None else None
    err["target"] = target
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    err["message"] = msg
    g = frame.f_globals if frame is not None else {}
    loc = frame.f_locals if frame is not None else {}

    if isinstance(exc, CodeTimeout):
        err.update(type="TimeoutError", code="timeout")
        say(err, "message", T("checker.error.timeout", s=f"{ctx.timeout:g}"))
        err["numbers"] = {"timeout": ctx.timeout}
        loop = _enclosing_loop(ctx.tree, line) if (ctx.tree is not None and line) else None
        say(err, "hint", T("checker.hint.timeout_loop", line=line, loop=loop) if loop else
            T("checker.hint.timeout_line", line=line) if line else T("checker.hint.timeout"))
        return err
    if isinstance(exc, SystemExit):
        err["code"] = "exit"
        say(err, "message", T("checker.error.exit"))
        say(err, "hint", T("checker.hint.exit"))
        return err
    if isinstance(exc, MemoryError) or "can't allocate memory" in msg:
        m = re.search(r"allocate (\d+) bytes", msg)
        nbytes = int(m.group(1)) if m else None
        err.update(type="MemoryError", code="memory", numbers={"bytes": nbytes, "limit_mb": ctx.memory_mb})
        say(err, "message", T("checker.error.memory_line", line=line, gib=f"{nbytes / 2**30:.3g}")
            if nbytes and line else T("checker.error.memory"))
        say(err, "hint", T("checker.hint.memory", limit_mb=ctx.memory_mb, N=ctx.N))
        return err
    if isinstance(exc, NameError):
        name = getattr(exc, "name", None) or (re.findall(r"'(\w+)'", msg) or [""])[0]
        err.update(code="name", numbers={"name": name})
        later = assigned_lines(ctx.tree).get(name) if ctx.tree is not None else None
        bad = [c for c in UNICODE_FIXES if c in (err["text"] or "")]
        if bad:
            hint = _characters(bad, name_error=True)
        elif re.fullmatch(r"a\d+", name) and f"l{name[1:]}" in ctx.bound:
            hint = T("checker.hint.last_activation", name=name)
        elif name in NOTEBOOK_NAMES:
            hint = T("checker.hint.not_bound", name=name, why=T(f"checker.hint.not_bound.{name}"))
        elif later and line and later > line:
            hint = T("checker.hint.computed_later", name=name, later=later, line=line)
        else:
            known = list(dict.fromkeys([*ctx.bound, *(k for k in {**g, **loc} if not k.startswith("__"))]))
            close = difflib.get_close_matches(name, known, n=1)
            names = ", ".join(ctx.bound)
            hint = (T("checker.hint.did_you_mean", close=close[0], names=names) if close
                    else T("checker.hint.bound_names", names=names))
        say(err, "hint", hint)
        return err
    if isinstance(exc, RuntimeError) and stmt is not None:
        dims = re.search(r"\((\d+)x(\d+) and (\d+)x(\d+)\)", msg)
        if dims or "size mismatch" in msg or "cannot be multiplied" in msg:
            want = (tuple(map(int, dims.groups()[:2])), tuple(map(int, dims.groups()[2:]))) if dims else None
            pairs = [(show(x), _shape(x, g, loc, ctx.filename), show(y), _shape(y, g, loc, ctx.filename))
                     for x, y in _matmuls(stmt)]
            pairs = [p for p in pairs if p[1] is not None and p[3] is not None]
            pick = next((p for p in pairs if want and (p[1], p[3]) == want), None)
            misfit = (p for p in pairs if len(p[1]) == 2 and len(p[3]) == 2 and p[1][1] != p[3][0])
            pick = pick or next(misfit, None)
            if pick is None and want:
                pick = ("the left matrix", want[0], "the right matrix", want[1])
            if pick is not None:
                err["code"] = "matmul_shape"
                hint, err["numbers"] = matmul_hint(*pick, target, ctx)
                say(err, "hint", hint)
                return err
        if "must match the size of tensor" in msg:
            found = _elementwise(stmt, g, loc, ctx)
            if found:
                A, a, B, b = found
                err["code"] = "elementwise_shape"
                err["numbers"] = {"left": A, "right": B, "left_shape": list(a), "right_shape": list(b)}
                hint = T("checker.hint.elementwise", a=A, sa=S(a), b=B, sb=S(b))
                say(err, "hint", _with_target(hint, ctx, target))
                return err
        if "doesn't match the broadcast shape" in msg and target:
            err["code"] = "update_shape"
            shape = ctx.expected.get(target)
            value = getattr(stmt, "value", None)
            vs = _shape(value, g, loc, ctx.filename) if value is not None else None
            err["numbers"] = {"target": target, "target_shape": list(shape or ()),
                              "value_shape": list(vs or ())}
            args = {"target": target, "shape": S(shape) if shape else "", "value": S(vs) if vs else ""}
            if vs and shape and len(vs) == 2 and vs[0] == ctx.N and len(shape) == 1:
                code = "update_per_sample"
            else:
                code = ("update_shape" if shape else "update_shape_kept") + ("_value" if vs else "")
            say(err, "hint", Text(f"checker.hint.{code}", args))
            return err
    if "does not require grad" in msg or ("backward" in msg and "grad" in msg):
        err["code"] = "autograd"
        say(err, "hint", T("checker.hint.autograd"))
        return err
    if line:
        say(err, "hint", T("checker.hint.raised", line=line, type=type(exc).__name__))
    return err


def _enclosing_loop(tree, line: int) -> int | None:
    best = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.While, ast.For)) and node.lineno <= line <= node.end_lineno:
            if best is None or node.lineno > best.lineno:
                best = node
    return best.lineno if best is not None else None
