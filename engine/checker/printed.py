"""The learner's printed output, made safe to show: control characters escaped.

`print("\\x1b[2J…")` would otherwise clear the terminal and draw a fake verdict, and a bidi override could
reorder what the app shows. Newlines and tabs stay; every other C0/C1 control character, DEL and the bidi
controls become visible escapes (\\x1b, \\u202e).
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def escape_controls(text: str) -> str:
    return _CONTROLS.sub(_escape, text or "")
