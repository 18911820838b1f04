"""How many threads torch gives one operation here: one.

The networks this program trains are small (notebook-xor's matrices are 4×2; the largest preset, digits, has
1797×64), far below the size a second thread speeds up. Yet torch's default pool (one thread per core) still
takes part in some operations, and its threads wait for each other: on a machine whose cores are busy with
anything else (a browser, the app's own GUI thread) an operation waits for a thread that is not running.
Measured on 2 cores at load 3 (2026-11-28): notebook-xor's fast path ran 140–500 epochs a second with the
default 2 threads and ~4,500 with one; on an idle machine one thread is as fast.
The CLI, the app and the benchmarks call this before they train.
"""

from __future__ import annotations


def use_one_thread() -> None:
    import torch

    torch.set_num_threads(1)


__all__ = ["use_one_thread"]
