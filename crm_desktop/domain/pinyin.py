"""Pinyin keys of names, for search and sorting: 张三 -> ('zhangsan', 'zs')."""

from functools import lru_cache


@lru_cache(maxsize=65536)
def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin without tones and the initials; Latin words are kept (lower-cased)."""
    if not name:
        return "", ""
    from pypinyin import Style, lazy_pinyin  # imported on first use: it costs a third of a second

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]
    words = [w for s in syllables for w in s.split() if w]
    full = "".join(words)
    initials = "".join(w[0] for w in words if w[0].isalnum())
    return full, initials
