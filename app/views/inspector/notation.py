"""Notebook names ↔ textbook symbols. Pure Python, no Qt.

The learner's notebook writes l1, a1, y_pred, d_w2; textbooks (cs231n, Goodfellow) write z⁽¹⁾, a⁽¹⁾, ŷ,
∂L/∂W⁽²⁾ and δ⁽²⁾ for ∂L/∂z⁽²⁾. The inspector shows one and offers the other on hover, never replacing the
notebook's names silently (see ARCHITECTURE.md: aliases beside, never instead).

    symbol("d_w2", TEXTBOOK)      -> "∂L/∂W⁽²⁾"
    symbol("a1ᵀ", TEXTBOOK)       -> "a⁽¹⁾ᵀ"
    translate("d_w2 = a1ᵀ @ d_l2", TEXTBOOK) -> "∂L/∂W⁽²⁾ = a⁽¹⁾ᵀ @ δ⁽²⁾"
"""

from __future__ import annotations

import re

NOTEBOOK = "notebook"
TEXTBOOK = "textbook"
MODES = (NOTEBOOK, TEXTBOOK)

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def sup(k: int | str) -> str:
    """⁽ᵏ⁾ for a layer number."""
    return "⁽" + str(k).translate(_SUP) + "⁾"


_BASE = {"l": "z", "a": "a", "w": "W", "b": "b"}
_FIXED = {
    "X": "X",
    "y": "y",
    "Y": "Y",
    "y_pred": "ŷ",
    "loss": "L",
    "d_loss": "∂L/∂ŷ",
    "d_y_pred": "∂L/∂ŷ",
}

# one token of the notebook's names; "l2" followed by · or / is the L2 strength, not layer 2's l
_TOKEN = re.compile(
    r"(?<![A-Za-z0-9_⁰¹²³⁴⁵⁶⁷⁸⁹])"
    r"(d_loss|y_pred|loss|d_[lawb]\d+|v_[wb]\d+|[awb]\d+|l\d+(?![·/]))"
    r"(?![A-Za-z0-9_])"
)


def _textbook_plain(name: str) -> str:
    if name in _FIXED:
        return _FIXED[name]
    m = re.fullmatch(r"(d_|v_)?([lawb])(\d+)", name)
    if not m:
        return name
    prefix, base, k = m.groups()
    sym = _BASE[base] + sup(k)
    if prefix == "v_":
        return "v_" + sym
    if prefix == "d_":
        return "δ" + sup(k) if base == "l" else "∂L/∂" + sym
    return sym


def textbook(name: str) -> str:
    """The textbook symbol for a notebook name (a trailing ᵀ and names like σ'(l1) are kept in shape)."""
    if name.endswith("ᵀ"):
        return textbook(name[:-1]) + "ᵀ"
    if name in _FIXED or re.fullmatch(r"(d_|v_)?[lawb]\d+", name):
        return _textbook_plain(name)
    return translate(name, TEXTBOOK)


def symbol(name: str, mode: str) -> str:
    """`name` as shown in `mode` (NOTEBOOK returns it unchanged)."""
    return textbook(name) if mode == TEXTBOOK else name


def other(mode: str) -> str:
    return NOTEBOOK if mode == TEXTBOOK else TEXTBOOK


def translate(text: str, mode: str) -> str:
    """Every notebook name in a formula or sentence replaced by its symbol in `mode`."""
    if mode != TEXTBOOK or not text:
        return text
    return _TOKEN.sub(lambda m: _textbook_plain(m.group(1)), text)
