"""Python errors in the learner's code, and the checker's own reasons for stopping it (engine.checker.pyerrors,
engine.checker.learner, engine.checker.exercise), by code.

`checker.error.<kind>` words an error's message where it is the checker's own (Python's messages, such as
"name 'x' is not defined", are shown as Python gives them); `checker.hint.<kind>` the hint below it.
Arguments: names as the notebook writes them ("w2ᵀ"), shapes as text ("(4×1)"), numbers as text ("5").
"""

from __future__ import annotations

from . import register

_SHAPES = "{a} is {sa} and {b} is {sb}"
_EPOCH = " One epoch of backprop takes milliseconds."

MESSAGES = {
    "checker.error.timeout": "your code did not finish within {s} s",
    "checker.error.train_timeout": "training did not finish within {s} s",
    "checker.error.exit": "your code called exit()",
    "checker.error.memory": "out of memory",
    "checker.error.memory_line": "out of memory: line {line} asked for {gib} GiB",
    "checker.error.nothing_defined": "your code defines none of {names}",
    "checker.error.crash": "the process running your code ended without a result (signal {signal})",
    "checker.error.start": "the checker's process could not start",
    "checker.error.internal": "the checker failed",
    "checker.error.param_shape": "{p} became {got} in epoch {epoch}; it must stay {want}",
    "checker.error.param_not_tensor": "{p} became not a tensor in epoch {epoch}; it must stay {want}",
}

HINTS = {
    # syntax
    "checker.hint.write_instead": "write {good} instead of {bad}",
    "checker.hint.characters": "{fixes}",  # the write_instead hints, joined by "; "
    "checker.hint.characters_T": "{fixes} (Python reads w2ᵀ as a new name, w2T)",
    "checker.hint.indentation": "indent the lines consistently (the checker runs them as one block, like a "
                                "loop body)",
    "checker.hint.syntax": "Python cannot read line {line}: check the brackets and operators there",
    # time, exit, memory
    "checker.hint.timeout": "The time ran out." + _EPOCH,
    "checker.hint.timeout_line": "Line {line} was running when the time ran out." + _EPOCH,
    "checker.hint.timeout_loop": "Line {line} was running when the time ran out, inside the loop on line "
                                 "{loop}: does that loop ever end?" + _EPOCH,
    "checker.hint.timeout_outside": "it was stopped from outside; is there a loop that never ends?",
    "checker.hint.exit": "leave out exit() and sys.exit()",
    "checker.hint.memory": "the checker allows {limit_mb} MiB; the tensors of this network are tiny (N = {N} "
                           "samples), so a shape here is far larger than intended",
    "checker.hint.crash": "a crash or running out of memory; the last output is in stderr",
    # names
    "checker.hint.last_activation": "the last layer's activation is called y_pred here, not {name}",
    "checker.hint.not_bound": "{name} is not bound: {why}",
    "checker.hint.not_bound.EPOCH": "the checker runs your code once, as one epoch of the loop; paste the "
                                    "loop's body (backward pass and update), not the for loop",
    "checker.hint.not_bound.epoch": "the checker runs your code once, as one epoch of the loop; leave out the "
                                    "log line that uses epoch",
    "checker.hint.not_bound.CE": "the loss is already computed and bound as `loss` (and mind the sign: "
                                 "loss = −mean(…))",
    "checker.hint.not_bound.device": "tensors here are on the CPU; leave out .to(device)",
    "checker.hint.computed_later": "{name} is computed later, on line {later}: compute it before line {line} "
                                   "(backprop goes from the loss back towards the input)",
    "checker.hint.did_you_mean": "did you mean {close}? The names bound for you: {names}",
    "checker.hint.bound_names": "The names bound for you: {names}",
    # shapes
    "checker.hint.matmul": _SHAPES + ": a matmul needs the inner sizes to be equal, and {inner_a} ≠ {inner_b}",
    "checker.hint.matmul.back_through": _SHAPES + ": to go back through {b} use {bt} {sbt}: {a} @ {bt} is {res}",
    "checker.hint.matmul.transpose_right": _SHAPES + ": use {bt} {sbt}: {a} @ {bt} is {res}",
    "checker.hint.matmul.transpose_left": _SHAPES + ": use {at} {sat}: {at} @ {b} is {res}",
    "checker.hint.matmul.transpose_left_samples": _SHAPES + ": use {at} {sat}, so the product sums over the {N} "
                                                            "samples: {at} @ {b} is {res}",
    "checker.hint.matmul.swap": _SHAPES + ": the order is reversed: {b} @ {a} is {res}",
    "checker.hint.elementwise": _SHAPES + ": an entry-by-entry product or sum needs equal shapes",
    "checker.hint.must_be_like": "{hint} ({target} must be {shape} like {base})",
    "checker.hint.must_stay": "{hint} ({target} must stay {shape})",
    "checker.hint.update_shape": "{target} is {shape}",
    "checker.hint.update_shape_value": "{target} is {shape} but the value is {value}",
    "checker.hint.update_shape_kept": "{target} keeps its shape",
    "checker.hint.update_shape_kept_value": "{target} keeps its shape but the value is {value}",
    "checker.hint.update_per_sample": "{target} is {shape} but the value is {value}: per-sample values; make "
                                      "d_{target} the sum over the batch axis first (d_{target} = ….sum(0))",
    "checker.hint.param_shape": "an update must keep the parameter's shape",
    # the rest
    "checker.hint.autograd": "the engine's tensors carry no autograd graph: write each gradient by hand, as "
                             "d_<name> (that is the exercise)",
    "checker.hint.raised": "line {line} raised {type}",
    "checker.hint.nothing_defined": "name your gradients like the notebook: d_loss, d_l2, d_w2, …",
    # training with the learner's code: a gradient of theirs became inf or nan from finite inputs
    "checker.train.overflow": "{step} became inf or nan ({count} entries) although {up} was finite: a value "
                              "overflowed or divided by zero",
    "checker.train.overflow_inputs": "{step} became inf or nan ({count} entries) although its inputs were "
                                     "finite: a value overflowed or divided by zero",
}

register(MESSAGES)
register(HINTS)
