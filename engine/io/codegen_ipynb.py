"""The exported script as an nbformat-4 notebook (plain json): one markdown title and one code cell per section."""

from __future__ import annotations

import json


def to_ipynb(parts: list[tuple[str, str]]) -> str:
    cells = []
    for i, (title, code) in enumerate(parts):
        if i == 0 and code.startswith('"""'):
            doc, _, code = code[3:].partition('"""')
            title_line, _, rest = doc.strip().partition("\n")
            cells.append(_cell("markdown", f"# {title_line}\n{rest.strip()}", len(cells)))
            code = code.strip()
        elif title:
            cells.append(_cell("markdown", f"## {title}", len(cells)))
        cells.append(_cell("code", code.strip("\n"), len(cells)))
    nb = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                      "name": "python3"},
                                       "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def _cell(kind: str, text: str, i: int) -> dict:
    lines = text.splitlines(keepends=True)
    cell = {"cell_type": kind, "id": f"cell-{i}", "metadata": {}, "source": lines}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell
