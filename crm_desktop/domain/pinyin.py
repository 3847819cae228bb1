"""Pinyin keys of names, for search and sorting: 张三 -> ('zhangsan', 'zs').

An import of 100,000 names asked pypinyin for each whole name (segmentation, phrase look-ups and
style conversion every time: a third of the import's validation). Most names are a few Han
characters none of which, alone or together, is one of pypinyin's phrases; pypinyin then reads each
character on its own, so such a name's syllables are the cached syllables of its characters. Any
other name (a phrase inside, Latin letters, a character without pinyin) takes pypinyin whole.
tests/domain/test_pinyin.py checks both paths give the same keys.
"""

from functools import cache, lru_cache


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin without tones and the initials; Latin words are kept (lower-cased)."""
    if not name:
        return "", ""
    syllables = _by_characters(name)
    if syllables is None:
        syllables = [s.lower() for s in _lazy_pinyin(name)]
    words = [w for s in syllables for w in s.split() if w]
    full = "".join(words)
    initials = "".join(w[0] for w in words if w[0].isalnum())
    return full, initials


def pinyin_of(text: str) -> str:
    """The text as lists sort it: its full pinyin, Latin words lower-cased (阿里 "ali" before
    Beta, 星辰 "xingchen" after it)."""
    return pinyin_keys(text)[0]


def _lazy_pinyin(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # imported on first use: it costs a third of a second

    return lazy_pinyin(text, style=Style.NORMAL, errors="default")


def _by_characters(name: str) -> list[str] | None:
    """The syllables of a name pypinyin reads character by character, or None for any other name."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT, RE_HANS

    if len(name) > 8 or not RE_HANS.fullmatch(name):
        return None
    for start in range(len(name)):
        if ord(name[start]) not in PINYIN_DICT:
            return None
        for end in range(start + 1, len(name) + 1):
            if name[start:end] in PHRASES_DICT:
                return None
    return [_syllable(ch) for ch in name]


@cache
def _syllable(char: str) -> str:
    """One character's syllable as pypinyin reads a character outside any phrase."""
    return "".join(_lazy_pinyin(char)).lower()
