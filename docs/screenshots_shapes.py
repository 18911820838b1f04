"""Screenshots of the shapes drawn under the learner's own code, main window at 1366×768, English and Korean.

    python -m docs.screenshots_shapes [OUTPUT_DIR]      (default docs/images)

shapes-{en,ko}.png   Practice mode after checking the notebook's cell with its d_a1 line written without the
                     transpose, `d_a1 = torch.matmul(d_l2, w2)`: the shape of every sub-expression under
                     lines 3–6, and line 9's matmul marked in red with both operand shapes, (4×1) and (2×1)
"""

from __future__ import annotations

import os
import sys

from docs.shot_runner import run

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WRONG = "d_a1 = torch.matmul(d_l2, w2)"


def shot(path: str) -> None:
    from app.views.practice.lesson import read_resource
    from docs.screenshots import _save, _wait, _window

    cell = read_resource("notebook_cell.py")
    right = "d_a1 = torch.matmul(d_l2, torch.transpose(w2, 0, 1))"
    assert right in cell
    w = _window()
    w.workspace.set_mode("practice")
    pane = w.panes["practice"]
    pane.set_code(cell.replace(right, WRONG))
    pane.check()
    _wait(lambda: not pane.busy_now)
    _save(w, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    return run(argv, [("shapes", shot)])


if __name__ == "__main__":
    sys.exit(main())
