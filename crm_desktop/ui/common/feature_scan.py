"""PySide6 reads the whole source of every Python module imported after it.

Its import hook decides, per module, whether `from __feature__ import snake_case, true_property`
could apply, by running inspect.getsource() on the module and looking for the word "PySide6"
(shibokensupport/feature.py, `_mod_uses_pyside`). The app never uses those features, yet the scan
costs about a tenth of a second of every start from source: SQLAlchemy, the models and the
services are all imported after Qt, several hundred modules read from disk and joined as text.

`cheapen_source_scan()` replaces that one decision with a look at what the module has bound
(a module that uses PySide6 holds its classes or modules), and leaves the hook otherwise as it
is. A PySide6 without the function (another version) is left alone: the scan is only slow, never
wrong, so there is nothing to fix there.
"""

import sys
from types import ModuleType


def binds_pyside(module: ModuleType) -> bool:
    """Whether the module holds anything of PySide6 (a class, a function or a submodule)."""
    for value in list(vars(module).values()):
        owner = getattr(value, "__module__", None) if not isinstance(value, ModuleType) else value.__name__
        if isinstance(owner, str) and owner.startswith(("PySide6", "shiboken6")):
            return True
    return False


def cheapen_source_scan() -> bool:
    """Install binds_pyside() as PySide6's per-module check; True when the check was there to replace."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = binds_pyside
    return True
