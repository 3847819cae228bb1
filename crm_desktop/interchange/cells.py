"""Spreadsheet cells that cannot turn into formulas.

A cell that begins with `= + - @`, a tab or a carriage return (or the full-width forms of the
first four) would be run as a formula by Excel or LibreOffice: written, it gets a leading
apostrophe; read back, that apostrophe is taken off again, so a round trip keeps the text.
"""

DANGEROUS_FIRST = frozenset("=+-@\t\r＝＋－＠")
GUARD = "'"


def _needs_guard(text: str) -> bool:
    bare = text.lstrip(GUARD)
    return bool(bare) and bare[0] in DANGEROUS_FIRST


def neutralise(text: str) -> str:
    """The text as it is safe to write into a CSV or spreadsheet cell."""
    return GUARD + text if _needs_guard(text) else text


def restore(text: str) -> str:
    """The text a cell written by `neutralise` stood for."""
    return text[1:] if text.startswith(GUARD) and _needs_guard(text) else text
