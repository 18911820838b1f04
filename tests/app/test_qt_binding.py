"""The pinned Qt binding must not leak references to None: PySide6 6.12.0 on Python 3.11 drops one per
call of a method returning nothing, and the app aborts with 'deallocating None' after a few thousand."""

import sys

from PySide6.QtCore import QObject


def test_calls_returning_none_keep_nones_refcount():
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(10_000):
        obj.setObjectName("x")
    assert sys.getrefcount(None) >= before - 100
