"""PySide6 6.12.0 on Python 3.11 over-releases None on every Qt call that returns nothing and then
aborts (`Fatal Python error: none_dealloc`). This fails if the installed build does that."""

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_qt_calls_returning_nothing_keep_none_refcount(qapp):
    label = QLabel()
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(500):
        label.setText(str(i))  # returns None
        obj.setObjectName("x")  # returns None
    after = sys.getrefcount(None)
    assert after >= before - 10, f"None lost {before - after} references across 1,000 Qt calls"
