"""Entry point of the frozen executable: the same `crm-desktop` command line."""

import multiprocessing
import sys

from crm_desktop.cli import COMMANDS, main


def _hide_own_console() -> None:
    """Windows: a double-clicked console executable gets a console of its own; hide it when the
    window opens. A command typed in a terminal shares that terminal's console and keeps it."""
    import ctypes

    kernel32 = ctypes.windll.kernel32
    processes = (ctypes.c_uint * 4)()
    if kernel32.GetConsoleProcessList(processes, 4) == 1:
        ctypes.windll.user32.ShowWindow(kernel32.GetConsoleWindow(), 0)  # SW_HIDE


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if sys.platform == "win32" and not any(arg in COMMANDS for arg in sys.argv[1:]):
        _hide_own_console()
    sys.exit(main())
