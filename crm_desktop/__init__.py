"""Zhanggui CRM (掌柜 CRM): a desktop CRM for small businesses."""

__version__ = "0.1.0"
APP_NAME = "crm-desktop"
APP_AUTHOR = "Zhanggui"
