"""English templates for the wrong alternatives of a gradient product (engine/core/alternatives.py)."""

from . import register

TEMPLATES = {
    "alt.right": "{expr}: {left} @ {right} → {shape}, the shape of {target} ✓",
    "alt.no_product": "{expr}: {left} @ {right}, inner {inner_left} ≠ {inner_right}: no product",
    "alt.wrong_shape": "{expr}: {left} @ {right} → {shape}, not {want}: not the shape of {target}",
    "alt.transpose": "{expr}: {left} @ {right} → {shape}, the transpose of {name} {want}",
    "alt.square_transposed": "{expr}: {left} @ {right} → {shape}, the right shape only because it is square: "
                             "its numbers are {name}ᵀ, mirrored across the diagonal",
    "alt.wrong_values": "{expr}: {left} @ {right} → {shape}, the right shape by accident, but other numbers "
                        "(off by up to {diff})",
    "alt.same_values": "{expr}: {left} @ {right} → {shape}, the right shape and here even the same numbers, "
                       "by accident: other data would tell them apart",
}

register(TEMPLATES)
