"""Backups: the restore wizard and the offer to restore a damaged database."""
