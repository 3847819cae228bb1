"""Bytes of a text file to text, in the encoding the user chose or the one the bytes show.

Chinese users hand us files from Excel and WPS in GB18030 (GBK), from Taiwan or Hong Kong in Big5,
from everything else in UTF-8 or UTF-16. Detection goes from the surest sign to the weakest: a
byte-order mark, then strict UTF-8 (which junk almost never passes), then GB18030 only when the
result reads as common Chinese (GB18030 maps nearly any byte pair to some character, so "it
decoded" proves nothing), then charset-normalizer's guess. When nothing fits, the user chooses.

Among the single-byte code pages, which charset-normalizer cannot tell apart well, it often picks
Central European or DOS ones, turning a Western European Excel's "Müller" or "Lefèvre" into
"M³ller" or "Lefčvre"; on a long file it stops before it has tried Windows-1252 at all. So when it
picks a single-byte page, Windows-1252 is taken instead if it reads the bytes as Western text and
the guess was in no other script (the few Turkish letters of Windows-1254 are the price).
"""

import codecs
import unicodedata
from collections import Counter

import charset_normalizer

from crm_desktop.interchange.source import SourceError

ENCODING_CHOICES: tuple[str, ...] = (
    "utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be",
    "shift_jis", "euc-kr", "cp1252", "latin-1",
)

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_HANZI_RANGES = ((0x0370, 0x04FF), (0x2500, 0x257F), (0x3040, 0x30FF))  # Greek, Cyrillic, boxes, kana
_HANZI_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))
_PLAUSIBLE_SHARE = 0.75


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, name of the encoding used) for the bytes of a text file.

    A leading byte-order mark never reaches the text. Line ends are left as they are."""
    if encoding:
        return _decode_as(data, encoding), encoding
    text, used = _detect(data)
    return text.removeprefix("\ufeff"), used


def _decode_as(data: bytes, encoding: str) -> str:
    """The text in the encoding the user chose, or a SourceError saying it does not fit."""
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except LookupError:
        raise SourceError("'{encoding}' is not a text encoding this program knows.",
                          encoding=encoding) from None
    except UnicodeDecodeError as exc:
        raise SourceError("The file is not valid {encoding} text (byte {position} does not fit); "
                          "choose another encoding.", encoding=encoding, position=exc.start) from None


def _detect(data: bytes) -> tuple[str, str]:
    for guess in (_by_bom, _as_utf8, _as_chinese, _by_charset_normalizer):
        found = guess(data)
        if found is not None:
            return found
    raise SourceError("Cannot tell the text encoding of the file; choose one.")


def _by_bom(data: bytes) -> tuple[str, str] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _decode_or_none(data, name)
    return None


def _as_utf8(data: bytes) -> tuple[str, str] | None:
    return _decode_or_none(data, "utf-8")


def _as_chinese(data: bytes) -> tuple[str, str] | None:
    found = _decode_or_none(data, "gb18030")
    return found if found and looks_chinese(found[0]) else None


def _by_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    guessed = str(best)
    if best.encoding != _WESTERN and len(guessed) == len(data):  # a single-byte page: a character a byte
        western = _as_western(data, guessed)
        if western is not None:
            return western
    return guessed, best.encoding


_WESTERN = "cp1252"  # Western European Windows and Excel


def _as_western(data: bytes, guessed: str) -> tuple[str, str] | None:
    """The bytes as Windows-1252 when they read as Western text and the guess was not in another
    script (Cyrillic, Greek, Chinese read as Windows-1252 also come out as Latin letters)."""
    found = _decode_or_none(data, _WESTERN)
    if found and looks_western(found[0]) and _share(guessed, _other_script_weight) < 1 - _PLAUSIBLE_SHARE:
        return found
    return None


def looks_western(text: str) -> bool:
    """Whether the non-ASCII characters of the text are mostly Latin letters (ü, é, ß, ø) and the
    marks Western European text has (€, –, “ ”, «»): Central European or DOS bytes read as
    Windows-1252 come out as superscripts, fractions and other signs (¹, ³, ¿, ¾)."""
    return _share(text, _western_weight) >= _PLAUSIBLE_SHARE


def _decode_or_none(data: bytes, encoding: str) -> tuple[str, str] | None:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def looks_chinese(text: str) -> bool:
    """Whether the non-ASCII characters of the text are mostly everyday Chinese.

    Everyday means in GB2312 (the 6,763 common hanzi and the usual punctuation), kana, Greek,
    Cyrillic and box drawing excepted: Big5 or other bytes read as GB18030 come out as those and as
    rare or private-use characters. A rare hanzi counts half, so a name like 王喆 still passes."""
    return _share(text, _everyday_weight, empty=1.0) >= _PLAUSIBLE_SHARE


def _share(text: str, weight, empty: float = 0.0) -> float:
    """The weighed share of the non-ASCII characters of the text (`empty` when there are none)."""
    counts = Counter(_sample(text))  # each distinct character weighed once: a 100,000-row file stays fast
    foreign = {ch: n for ch, n in counts.items() if ord(ch) > 0x7F}
    if not foreign:
        return empty
    return sum(weight(ch) * n for ch, n in foreign.items()) / sum(foreign.values())


_SAMPLE_SLICES, _SLICE_CHARS = 16, 32_768


def _sample(text: str) -> str:
    """The text, or for a long one 16 slices of it spread from start to end (half a million
    characters): one encoding reads the whole file, so they tell as much as all of it, and counting
    every character of a 100,000-row file took a third of its reading."""
    if len(text) <= _SAMPLE_SLICES * _SLICE_CHARS * 2:
        return text
    stride = (len(text) - _SLICE_CHARS) // (_SAMPLE_SLICES - 1)
    return "".join(text[i * stride:i * stride + _SLICE_CHARS] for i in range(_SAMPLE_SLICES))


def _everyday_weight(ch: str) -> float:
    code = ord(ch)
    if any(low <= code <= high for low, high in _NOT_HANZI_RANGES):
        return 0.0
    if _in_gb2312(ch):
        return 1.0
    return 0.5 if any(low <= code <= high for low, high in _HANZI_RANGES) else 0.0


_WESTERN_MARKS = frozenset("\u00a0\u00ad€£¥¢§©®°±·×÷«»‹›‘’‚“”„•…–—™†‡‰")


def _western_weight(ch: str) -> float:
    return 1.0 if ch in _WESTERN_MARKS or unicodedata.name(ch, "").startswith("LATIN ") else 0.0


def _other_script_weight(ch: str) -> float:
    """1 for a letter of a script other than Latin (Cyrillic, Greek, hanzi, kana, hangul...)."""
    return float(unicodedata.category(ch).startswith("L") and not unicodedata.name(ch, "").startswith("LATIN "))


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
