"""Cleaning of free text typed or imported by users."""

import re
import unicodedata
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SPACES = re.compile(r"\s+")


def strip_controls(text: str) -> str:
    """Remove control and invisible formatting characters, keep tabs/newlines."""
    return _CONTROL.sub("", text)


def clean_line(text: str | None) -> str:
    """One-line field: controls removed, runs of white space folded, trimmed."""
    if not text:
        return ""
    if is_clean_line(text):
        return text
    return _SPACES.sub(" ", strip_controls(text)).strip()


def is_clean_line(text: str) -> bool:
    """Whether clean_line() leaves `text` as it is. The common case, tested without a regex (1.4M
    calls in a 100,000-row import): a printable text holds no control or invisible formatting
    character and no white space but the ASCII space (every other one is a control or a separator,
    which isprintable refuses), so it is clean unless that space comes twice in a row or at either
    end. tests/domain/test_import_fast_paths.py."""
    return text.isprintable() and text[:1] != " " and text[-1:] != " " and "  " not in text


def clean_multiline(text: str | None) -> str:
    """Notes and summaries: controls removed, line ends normalised, trimmed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_controls(text).strip()


def fold(text: str) -> str:
    """Comparison key: full-width to half-width (NFKC), case folded, spaces removed."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    if " " in text or not text.isprintable():  # a printable text without ASCII space has no white space
        text = _SPACES.sub("", text)
    return text.casefold()


COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "(中国)", "（中国）", "co.,ltd.", "co.ltd",
                    "ltd.", "inc.", "llc")


_FOLDED_SUFFIXES = tuple(fold(s) for s in COMPANY_SUFFIXES)


@lru_cache(maxsize=16384)
def company_key(name: str) -> str:
    """Comparison key of a company name: folded, without legal-form suffixes."""
    key = fold(name)
    for suffix in _FOLDED_SUFFIXES:
        key = key.removesuffix(suffix)
    return key
