"""Gradient-check findings are engine Texts (code + args, English in engine/text/verify.py), and a parameter so
large that p ± h rounds back to p is reported as not measurable by finite differences instead of crashing."""

from __future__ import annotations

import torch

from engine.cli.main import main
from engine.core.spec import Init, Layer
from engine.io.presets import load_preset
from engine.io.session_file import from_trainer, save
from engine.text import TEMPLATES, render
from engine.training.trainer import Trainer
from engine.verify.gradcheck import gradcheck


def huge_b2() -> Trainer:
    spec, data = load_preset("notebook-xor")
    t = Trainer(spec, data)
    t.set_param("b2", torch.tensor([1e30]))
    return t


def test_a_parameter_too_large_for_a_finite_difference_is_named_not_divided_by_zero():
    c = gradcheck(huge_b2())["b2"]  # was ZeroDivisionError: b2 + h == b2 - h
    assert c.unmeasurable == 1 and c.checked == 0 and c.verdict == "ok"  # autograd still agrees exactly
    assert [f.code for f in c.findings] == ["gradcheck.unmeasurable"]
    assert c.why == ("1 of 1 element(s) of b2 are so large (up to |b2| = 1e+30) that b2 ± h (h = 1e-05) rounds "
                     "back to b2 itself in float64: the finite difference is not measurable at that magnitude, "
                     "so they were compared with autograd only")


def test_the_cli_reports_it_too(tmp_path, capsys):
    path = tmp_path / "s.json"
    save(from_trainer(huge_b2()), path)
    assert main(["gradcheck", str(path)]) == 0
    out = capsys.readouterr().out
    assert "b2: ok: 1 of 1 element(s) of b2 are so large" in out and "not measurable at that magnitude" in out


def test_every_finding_is_a_registered_template_rendered_as_why():
    spec, data = load_preset("notebook-xor")
    spec = spec.with_changes(hidden=(Layer(4, "relu"),), init=Init("xavier"), dtype="float64")
    checks = gradcheck(Trainer(spec, data))  # zero biases: XOR's (0, 0) sits on the ReLU kink
    codes = [f.code for c in checks.values() for f in c.findings]
    assert "gradcheck.kink" in codes
    for c in checks.values():
        assert all(f.code in TEMPLATES for f in c.findings)
        assert c.why == "; ".join(render(f) for f in c.findings)
    kinked = next(c for c in checks.values() if any(f.code == "gradcheck.kink" for f in c.findings))
    n = kinked.manual.numel()
    assert f"of {n} element(s) of {kinked.name} sit at a kink: {kinked.name} ± h (h = 1e-05) moves " in kinked.why
