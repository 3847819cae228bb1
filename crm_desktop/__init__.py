"""Zhanggui CRM (掌柜 CRM): a desktop CRM for small businesses."""

import time

STARTED = time.perf_counter()  # when the program's own code began: start-up is measured from here

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
APP_AUTHOR = "Zhanggui"
