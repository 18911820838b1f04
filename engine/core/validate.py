"""The checks every reader of outside input shares (network specs, datasets, session files), written once.

Values are quoted in messages as they are spelled in a JSON file (`null`, `true`, `"0.1"`, `1e+400`), because
that is where the learner typed them (docs/session-format.md). Each check raises the caller's error class
(SpecError, DataError, SessionError) with the field it was given.
"""

from __future__ import annotations

import json
import math

from .errors import EngineError


def is_int(v) -> bool:
    """A whole number as JSON has it (true/false are not numbers)."""
    return isinstance(v, int) and not isinstance(v, bool)


def is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def as_float(v) -> float | None:
    """v as a float (a huge whole number becomes ±inf), or None if it is not a number."""
    if not is_number(v):
        return None
    try:
        return float(v)
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def json_text(v, limit: int = 40) -> str:
    """v as it looks in a JSON file (null, true, "x", 0.1), shortened to `limit` characters."""
    if isinstance(v, float) and not math.isfinite(v):
        text = "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    else:
        try:
            text = json.dumps(v, ensure_ascii=False, allow_nan=True)
            text.encode("utf-8")  # a lone surrogate cannot be shown as it is: escape it below
        except UnicodeEncodeError:
            text = json.dumps(v, ensure_ascii=True, allow_nan=True)
        except (TypeError, ValueError, RecursionError):
            text = repr(v)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def kind(v) -> str:
    """What a JSON value is, in words: null, true/false, text, a list, an object, a number."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, str):
        return "text"
    if isinstance(v, list):
        return "a list"
    if isinstance(v, dict):
        return "an object"
    return "a number" if is_number(v) else type(v).__name__


def whole(error: type[EngineError], field: str, v) -> int:
    """v if it is a whole number, else `error`."""
    if not is_int(v):
        raise error(field, f"must be a whole number, not {json_text(v)}")
    return v


def int_in(error: type[EngineError], field: str, v, lo: int, hi: int) -> int:
    """v if it is a whole number from lo to hi, else `error` saying the range."""
    whole(error, field, v)
    if not lo <= v <= hi:
        raise error(field, f"{v} is out of range; use {lo} to {hi}")
    return v


def number(error: type[EngineError], field: str, v) -> float:
    """v if it is a number (any size), as given, else `error`."""
    if not is_number(v):
        raise error(field, f"must be a number, not {json_text(v)}")
    return v


def finite(error: type[EngineError], field: str, v) -> float:
    """v as a finite float, else `error`."""
    f = as_float(v)
    if f is None or not math.isfinite(f):
        raise error(field, f"must be a finite number, not {json_text(v)}")
    return f
