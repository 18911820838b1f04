"""Points from outside the engine: CSV files, pasted CSV text, and the inline lists of session files.

CSV: feature columns first, the label in the last column, an optional header row; comma, semicolon or
tab separated (with ';' or tab, a decimal comma "1,5" is read as 1.5). Every problem is a DataError whose
field names the 1-based file line ("line 7, column 2"), or "file", "labels" or "task".
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
from pathlib import Path

import torch

from .datasets import F64, MAX_CLASSES, MAX_N, TASKS, Dataset
from .files import read_regular
from engine.core.errors import DataError
from engine.core.validate import json_text

DELIMITERS = ("\t", ";", ",")  # preference order when several fit
MAX_BYTES = 32 * 2**20
MAX_COLUMNS = 1000
AUTO_MAX_CLASSES = 8  # whole-number labels with more distinct values than this are read as regression


def load_csv(path, *, task: str | None = None) -> Dataset:
    """Read a CSV file (str or Path). The dataset is named after the file; source is {"csv": path}."""
    if not isinstance(path, (str, os.PathLike)) or path == "":
        raise DataError("file", f"give the path of a CSV file, not {json_text(path) if isinstance(path, str) else type(path).__name__}")
    p = Path(path)
    data = read_regular(os.fspath(p), MAX_BYTES, DataError, "a CSV file")
    return _parse(data, p.stem, task, {"csv": str(path)})


def parse_csv(text: str | bytes, name: str = "pasted", *, task: str | None = None) -> Dataset:
    """Read CSV text (bytes are decoded as UTF-8). task None guesses it from the labels:
    whole numbers with at most 8 distinct values, or any text, are classes (sorted, then numbered
    0..K-1; binary if 2); other numbers are a regression target."""
    return _parse(text, name, task, {"inline": True})


def _parse(text: str | bytes, name: str, task: str | None, source: dict) -> Dataset:
    if task is not None and task not in TASKS:
        raise DataError("task", f"{json_text(task)} is not a task; use one of {', '.join(TASKS)}, or none to guess")
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text))
    if not isinstance(text, str):
        raise DataError("file", f"give CSV text, not {type(text).__name__}")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise DataError("file", "the file is empty")
    comma_decimal, rows = _rows(text)
    if not rows:
        raise DataError("file", "there are no data rows (only blank lines or empty cells)")
    first_line, first = rows[0]
    width = len(first)
    if width < 2:
        raise DataError(
            f"line {first_line}", "only 1 column; put the features in columns and the label in the last one"
        )
    if width > MAX_COLUMNS:
        raise DataError(f"line {first_line}", f"{width} columns; at most {MAX_COLUMNS}")
    header = _is_header(rows, comma_decimal)
    what = f"the header (line {first_line})" if header else f"the first row (line {first_line})"
    for line, cells in rows:
        if len(cells) != width:
            s = "" if len(cells) == 1 else "s"
            raise DataError(f"line {line}", f"this row has {len(cells)} column{s}; {what} has {width}")
    data = rows[1:] if header else rows
    if not data:
        raise DataError("file", f"there are no data rows, only the header (line {first_line})")
    if len(data) > MAX_N:
        raise DataError("file", f"{len(data)} data rows; at most {MAX_N}")
    X = [[_feature(line, j, c, comma_decimal) for j, c in enumerate(cells[:-1], 1)] for line, cells in data]
    y, task, k, names = _labels([(line, cells[-1]) for line, cells in data], width, task, comma_decimal)
    return Dataset(torch.tensor(X, dtype=F64), y, task, k, source, name, names)


def _decode(data: bytes) -> str:
    body = data.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        pos = e.start + len(data) - len(body)
        raise DataError(
            "file", f"not UTF-8 text (byte 0x{data[pos]:02x} at position {pos}); save it as UTF-8 CSV"
        ) from None


def _delimiter(text: str) -> str:
    lines = [ln for ln in text.splitlines() if ln.strip()][:20]
    sniffer = csv.Sniffer()
    sniffer.preferred = list(DELIMITERS)
    try:
        found = sniffer.sniff("\n".join(lines)[:8192], delimiters="".join(DELIMITERS)).delimiter
        if found in DELIMITERS:
            return found
    except Exception:  # sniffing is only a guess: any failure falls back to counting
        pass
    counts = {d: lines[0].count(d) for d in DELIMITERS} if lines else {}
    return max(DELIMITERS, key=lambda d: counts.get(d, 0)) if any(counts.values()) else ","


def _rows(text: str) -> tuple[bool, list[tuple[int, list[str]]]]:
    """(decimal comma allowed, non-blank rows as (first file line, stripped cells))."""
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, end = [], 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            cells = [c.strip() for c in cells]
            if any(cells):
                rows.append((start, cells))
            if len(rows) > MAX_N + 1:
                raise DataError("file", f"more than {MAX_N} data rows")
    except csv.Error as e:
        raise DataError(f"line {end + 1}", f"cannot be read as CSV ({e})") from None
    if delimiter != ",":
        _check_mixed(rows, delimiter)
    return delimiter != ",", rows


def _check_mixed(rows: list[tuple[int, list[str]]], delimiter: str) -> None:
    """Refuse a file that separates columns with both ',' and `delimiter` ("1,2;0" then "3;4,1"): read with
    decimal commas it would silently become other numbers. The sign: the rows with commas split into the same
    number of cells when ',' separates too, but their commas sit in different columns (decimal commas stay in
    the columns of the numbers that have them)."""
    with_commas = [(line, cells) for line, cells in rows if any("," in c for c in cells)]
    if len(with_commas) < 2:
        return
    widths = {sum(c.count(",") + 1 for c in cells) for _, cells in with_commas}
    first_line, first = with_commas[0]
    where = tuple(j for j, c in enumerate(first) if "," in c)
    for line, cells in with_commas[1:]:
        here = tuple(j for j, c in enumerate(cells) if "," in c)
        if len(widths) == 1 and here != where:
            name = "tab" if delimiter == "\t" else f"'{delimiter}'"
            raise DataError(f"line {line}", f"mixes ',' and {name} as column separators (line {first_line} has its "
                            f"comma in column {where[0] + 1}, this line in column {here[0] + 1}); use one separator, "
                            "and a decimal point in numbers")


def _num(cell: str, comma_decimal: bool) -> float | None:
    if comma_decimal and cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    try:
        return float(cell)
    except (ValueError, OverflowError):
        return None


def _show(cell: str) -> str:
    return repr(cell if len(cell) <= 40 else cell[:37] + "...")


def _is_header(rows: list[tuple[int, list[str]]], comma_decimal: bool) -> bool:
    """The first row is a header if a feature cell is text, or only its label cell is text."""
    first = rows[0][1]
    if any(c and _num(c, comma_decimal) is None for c in first[:-1]):
        return True
    if not first[-1] or _num(first[-1], comma_decimal) is not None:
        return False
    others = [cells[-1] for _, cells in rows[1:]]
    return bool(others) and all(_num(c, comma_decimal) is not None for c in others)


def _feature(line: int, col: int, cell: str, comma_decimal: bool) -> float:
    where = f"line {line}, column {col}"
    if not cell:
        raise DataError(where, "the cell is empty; every feature needs a number")
    v = _num(cell, comma_decimal)
    if v is None:
        raise DataError(where, f"{_show(cell)} is not a number")
    if not math.isfinite(v):
        raise DataError(where, f"{_show(cell)} is not a finite number")
    return v


def _labels(labels: list[tuple[int, str]], col: int, task: str | None, comma_decimal: bool):
    """(y, task, n_classes, class_names) from the label column's cells."""
    for line, cell in labels:
        if not cell:
            raise DataError(f"line {line}, column {col}", "the label is empty")
    values = [_num(cell, comma_decimal) for _, cell in labels]
    text = [(line, cell) for (line, cell), v in zip(labels, values) if v is None]
    if text and (task == "regression" or 2 * len(text) < len(labels)):
        line, cell = text[0]
        why = "regression labels must be numbers" if task == "regression" else "the other labels are numbers"
        raise DataError(f"line {line}, column {col}", f"{_show(cell)} is not a number; {why}")
    if text:
        keys: list = [cell for _, cell in labels]
        names = sorted(set(keys))
        shown = names
    else:
        for (line, cell), v in zip(labels, values):
            if not math.isfinite(v):
                raise DataError(f"line {line}, column {col}", f"{_show(cell)} is not a finite number")
        distinct = sorted(set(values))
        if task is None:
            whole = all(v.is_integer() for v in distinct)
            task = None if whole and len(distinct) <= AUTO_MAX_CLASSES else "regression"
        if task == "regression":
            return torch.tensor([[v] for v in values], dtype=F64), "regression", 0, ()
        keys, names = values, distinct
        shown = [str(int(v)) if v.is_integer() and abs(v) < 1e15 else repr(v) for v in distinct]
    k = len(names)
    listed = ", ".join(shown[:10]) + (", …" if k > 10 else "")
    if k < 2:
        raise DataError("labels", f"only one class ({listed}); a classifier needs at least 2")
    if k > MAX_CLASSES:
        raise DataError("labels", f"{k} different labels; a classifier takes at most {MAX_CLASSES} classes")
    if task == "binary" and k != 2:
        raise DataError("labels", f"binary needs exactly 2 classes, found {k} ({listed})")
    index = {key: i for i, key in enumerate(names)}
    y = torch.tensor([index[key] for key in keys], dtype=torch.int64)
    return y, task or ("binary" if k == 2 else "multiclass"), k, tuple(shown)
