"""Modules imported after the app has started are not read back from disk by PySide6's import
hook, and the hook still tells a module that uses PySide6 from one that does not."""

import subprocess
import sys
import textwrap

from crm_desktop.ui.common.feature_scan import binds_pyside

PROBE = textwrap.dedent("""
    import inspect, sys
    import PySide6.QtCore
    import crm_desktop.app  # installs the cheap check
    feature = sys.modules["shibokensupport.feature"]
    read = []
    real = inspect.getsource
    inspect.getsource = lambda obj: read.append(obj) or real(obj)
    sys.path.insert(0, sys.argv[1])
    import uses_qt, plain
    print(feature.pyside_feature_dict["uses_qt"], feature.pyside_feature_dict["plain"], len(read))
""")


def test_modules_imported_after_the_app_are_not_read_back_and_still_told_apart(tmp_path):
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("import json\nVALUE = 1\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split()
    assert out == ["0", "-1", "0"]  # uses PySide6: 0, ignored by the feature machinery: -1; no source read


def test_a_module_binding_a_qt_class_a_qt_module_or_nothing_of_qt():
    import json
    import types

    from PySide6 import QtCore

    with_class, with_module, without = (types.ModuleType(n) for n in ("a", "b", "c"))
    with_class.QObject, with_module.QtCore, without.json = QtCore.QObject, QtCore, json
    assert binds_pyside(with_class) and binds_pyside(with_module)
    assert not binds_pyside(without)
