"""The words of engine.verify.gradcheck: why a gradient check is not plainly ok, one finding per template.

Arguments are names ("w1", "d_w1"), counts, and numbers already formatted as text ("1.2e-09", "1e-05").
A ParamCheck's `why` is its findings rendered and joined with "; ".
"""

from __future__ import annotations

from . import register

GRADCHECK = {
    "gradcheck.kink": "{count} of {total} element(s) of {name} sit at a kink: {name} ± h (h = {h}) moves {where} "
                      "across 0, where the slope jumps, so a centred difference averages two slopes",
    "gradcheck.kink.where": "{count} pre-activation(s) of l{k} ({activation})",
    "gradcheck.kink.one_sided": "{count} were compared with one-sided differences from the side whose slope the "
                                "engine takes at 0 (ReLU'(0) = 0, LReLU'(0) = 0.01)",
    "gradcheck.kink.autograd_only": "{count} had a kink on both sides and were compared with autograd only",
    "gradcheck.not_finite": "the parameters or the loss are not finite, so the gradient cannot be checked; "
                            "rewind to an epoch whose values are finite",
    "gradcheck.unmeasurable": "{count} of {total} element(s) of {name} are so large (up to |{name}| = {value}) that "
                              "{name} ± h (h = {h}) rounds back to {name} itself in float64: the finite "
                              "difference is not measurable at that magnitude, so they were compared with "
                              "autograd only",
    "gradcheck.backward_wrong": "the engine's {g} differs from autograd's (relative error {error}; float64 "
                                "rounding allows {allows}), so the hand-written backward for {g} is wrong",
    "gradcheck.backward_off": "the engine's {g} differs from autograd's by a relative {error}, more than float64 "
                              "rounding allows ({allows})",
    "gradcheck.numeric_too": "finite differences disagree with it too ({error})",
    "gradcheck.cancel": "{g} is a sum of terms that nearly cancel (confident right answers, or samples pulling "
                        "both ways), so float64 keeps only about {digits} of its digits; manual and autograd add "
                        "them in different orders and agree to {error}, as rounding allows",
    "gradcheck.agree": "manual and autograd agree ({error})",
    "gradcheck.too_small": "‖{g}‖ = {size} is so small that finite differences cannot resolve it at h = {h}: "
                           "rounding the loss (computed from terms of size about {scale}) gives about {noise} per "
                           "element",
    "gradcheck.too_small.recheck": "‖{g}‖ = {size} is so small that finite differences cannot resolve it at "
                                   "h = {h}: the rounding of the loss dominates the difference (with step 10·h "
                                   "they agree with the manual gradient to {error})",
    "gradcheck.curvature": "finite differences of {g} change with the step (h and 10·h differ by {spread}, about "
                           "as much as they differ from the manual gradient, {error}): the loss curves too "
                           "sharply here for them to settle it",
    "gradcheck.saturated": "saturated units: {where} lie within {limit} of their limits, where the derivative "
                           "a·(1 − a) or 1 − a² keeps only a few correct digits (autograd computes it from a the "
                           "same way), so finite differences of the exact function differ by {error}",
    "gradcheck.saturated.where": "{count} {activation} output(s) of {a}",
    "gradcheck.numeric_wrong": "finite differences of the engine's loss disagree with {g} (relative error "
                               "{error}, the same with step 10·h) although manual and autograd agree ({agree})",
    "gradcheck.loss_differs": "the engine's loss {loss} differs from the reference loss {reference}: check the "
                              "forward pass",
    "gradcheck.and": "{first} and {second}",
}

register(GRADCHECK)
