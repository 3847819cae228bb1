"""Dialogs of trust: the passphrase of an encrypted database, signing in, managing users."""
