"""Make the text of a Qt-written PDF read back as the characters that were printed.

CJK fonts draw some ideographs and their Kangxi-radical twins with one glyph (小 U+5C0F and ⼩
U+2F29, 金 and ⼞ ...). Qt's PDF writer names each glyph after the lowest code point that maps to
it, so copy-paste, search and pdftotext would give the radical. Every radical is the same
character as its ideograph under NFKC, so the glyph-to-text table (ToUnicode) is corrected in
place: each 4-digit destination is replaced by another 4-digit one, the file keeps its length and
its cross-reference table stays valid.
"""

import re
import unicodedata
from pathlib import Path

_CMAP = re.compile(rb"beginbf(?:char|range)\n(.*?)endbf(?:char|range)", re.S)
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _ideograph(match: re.Match) -> bytes:
    cp = int(match.group(1), 16)
    if 0x2E80 <= cp <= 0x2FDF:  # CJK radicals supplement, Kangxi radicals
        same = unicodedata.normalize("NFKC", chr(cp))
        if len(same) == 1 and ord(same) <= 0xFFFF:
            return b"<%04X>" % ord(same)
    return match.group(0)


def _fix_line(line: bytes, sources: int) -> bytes:
    """Keep the first `sources` codes (glyph ids) of a line, correct the text codes after them."""
    codes = list(_CODE.finditer(line))
    if len(codes) <= sources:
        return line
    cut = codes[sources - 1].end()
    return line[:cut] + _CODE.sub(_ideograph, line[cut:])


def _fix_block(match: re.Match) -> bytes:
    sources = 2 if match.group(0).startswith(b"beginbfrange") else 1
    body = b"\n".join(_fix_line(line, sources) for line in match.group(1).split(b"\n"))
    return match.group(0).replace(match.group(1), body, 1)


def fix_text_mapping(pdf: bytes) -> bytes:
    fixed = _CMAP.sub(_fix_block, pdf)
    assert len(fixed) == len(pdf)  # same-length edits only: the xref offsets stay right
    return fixed


def fix_text_mapping_file(path: Path) -> None:
    path = Path(path)
    path.write_bytes(fix_text_mapping(path.read_bytes()))
