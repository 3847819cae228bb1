"""Entry point of the frozen executable: the same `crm-desktop` command line."""

import multiprocessing
import sys

from crm_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
