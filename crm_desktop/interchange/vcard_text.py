"""vCard files as real programs write them, turned into clean card texts that vobject can parse.

Phones and mail programs write vCards that vobject alone reads badly or not at all: vCard 2.1
quoted-printable values with soft line breaks and their own CHARSET, `\\r\\r\\n` line ends,
`PROFILE:` lines, photos broken across blank lines, unescaped commas. This module decodes the
bytes, splits the text into cards (so one broken card does not cost the others) and rewrites each
card's lines into plain vCard 3.0 text lines; it knows nothing of contact fields.
"""

import binascii
import codecs
import re
from dataclasses import dataclass

_BEGIN = re.compile(r"BEGIN:VCARD\s*", re.IGNORECASE)
_END = re.compile(r"END:VCARD\s*", re.IGNORECASE)
_CHARSET = re.compile(r";\s*CHARSET=\"?([\w.-]+)", re.IGNORECASE)
_QP = re.compile(r"[;=,]\s*QUOTED-PRINTABLE\b", re.IGNORECASE)
_QP_PARAMS = re.compile(r";\s*(?:ENCODING=)?QUOTED-PRINTABLE|;\s*CHARSET=\"?[\w.-]+\"?", re.IGNORECASE)
# Values vobject reads as lists or structures: their commas and semicolons are separators.
_STRUCTURED = frozenset({"N", "ADR", "ORG", "CATEGORIES", "GEO", "NICKNAME"})
# A vCard 2.1 remnant that vobject takes for a component profile.
_DROPPED = frozenset({"PROFILE"})
# Chinese exports say gb2312 or gbk but use characters only their superset GB18030 has.
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030"}


class CardError(ValueError):
    """A card whose lines cannot be made into vCard properties."""


@dataclass(frozen=True, slots=True)
class CardText:
    line: int  # 1-based line of the card's BEGIN:VCARD in the file
    lines: tuple[str, ...]  # its physical lines, BEGIN and END included


def decode_file(data: bytes) -> tuple[str, str]:
    """The file's text and the encoding that read it: UTF-8 (with or without BOM) or UTF-16 when
    the bytes allow it, else line by line with each line's CHARSET, GB18030 or Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8):] if bom else data
    try:
        return body.decode("utf-8"), "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError:
        lines = [_decode_line(raw) for raw in body.split(b"\n")]
        return "\n".join(text for text, _ in lines), next(e for _, e in lines if e != "utf-8")


def _decode_line(raw: bytes) -> tuple[str, str]:
    """One line of a file that is not all UTF-8, and the encoding that read it."""
    head = raw.split(b":", 1)[0].decode("ascii", "replace")
    declared = _CHARSET.search(head)
    candidates = ["utf-8", *([_codec(declared.group(1))] if declared else []), "gb18030"]
    for encoding in candidates:
        try:
            return raw.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("cp1252", "replace"), "cp1252"


def _codec(charset: str) -> str:
    return _CHARSET_ALIASES.get(charset.lower(), charset)


def split_cards(text: str) -> list[CardText]:
    """Every BEGIN:VCARD ... END:VCARD block with its line number. A card whose END is missing
    ends where the next card begins (and fails on its own); text outside cards is ignored."""
    cards: list[CardText] = []
    start, body = 0, []
    for number, line in enumerate(re.split(r"\r*\n|\r", text), start=1):
        if _BEGIN.fullmatch(line):
            if body:
                cards.append(CardText(start, tuple(body)))
            start, body = number, [line]
        elif body:
            body.append(line)
            if _END.fullmatch(line):
                cards.append(CardText(start, tuple(body)))
                body = []
    if body:
        cards.append(CardText(start, tuple(body)))
    return cards


@dataclass(frozen=True, slots=True)
class CleanCard:
    text: str  # the card as logical lines, one per text line
    lines: tuple[int, ...]  # the file's line on which each of those logical lines begins

    def file_line(self, line: int) -> int | None:
        """The file's line of the text's 1-based `line` (as a parser counts it), None past the end."""
        return self.lines[line - 1] if 1 <= line <= len(self.lines) else None


def clean_card(card: CardText) -> CleanCard:
    """The card as clean logical lines for vobject, PROFILE lines left out; CardError when a
    folded line follows a blank line (base64 data broken apart: nothing to join it to)."""
    kept = [(number, _rewrite(line)) for number, line in _logical_lines(card) if _name(line) not in _DROPPED]
    return CleanCard("\n".join(line for _, line in kept), tuple(number for number, _ in kept))


def _logical_lines(card: CardText) -> list[tuple[int, str]]:
    """Physical lines joined into logical ones, each with the file's line it begins on: folded
    lines (leading space or tab) and quoted-printable soft line breaks (`=` at the end); blank
    lines dropped."""
    result: list[tuple[int, str]] = []
    soft_break = False
    for number, line in enumerate(card.lines, start=card.line):
        if not line.strip():
            soft_break = False
            result.append((number, ""))
        elif soft_break:
            result[-1] = (result[-1][0], result[-1][1][:-1] + line)
        elif line[0] in " \t":
            if not (result and result[-1][1]):
                raise CardError(f"line {number} continues a property after a blank line")
            result[-1] = (result[-1][0], result[-1][1] + line[1:])
        else:
            result.append((number, line))
        soft_break = result[-1][1].endswith("=") and bool(_QP.search(_head(result[-1][1])))
    return [(number, line) for number, line in result if line]


def _head(line: str) -> str:
    """The part before the value: group, name and parameters (a colon inside quotes is kept)."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            return line[:i]
    return line


def _name(line: str) -> str:
    return _head(line).split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()


def _rewrite(line: str) -> str:
    """A logical line as vobject should see it: quoted-printable decoded with its charset, and
    text values with their bare commas escaped (vobject keeps only the text before the first)."""
    head = _head(line)
    value = line[len(head) + 1:]
    structured = _name(line) in _STRUCTURED
    if _QP.search(head):
        charset = _CHARSET.search(head)
        decoded = _decode_quoted_printable(value, charset.group(1) if charset else "")
        head = _QP_PARAMS.sub("", head)
        value = decoded.replace("\r\n", "\n").replace("\r", "\n")
        value = value.replace("\n", "\\n") if structured else _escape_text(value)
    elif not structured:
        value = _escape_bare_commas(value)
    return f"{head}:{value}"


def _decode_quoted_printable(value: str, charset: str) -> str:
    """A quoted-printable value as text, read with the property's CHARSET (UTF-8 or else GB18030
    when none is given or it is unknown); bytes the charset cannot read become U+FFFD."""
    declared = _codec(charset) if charset and _is_codec(_codec(charset)) else ""
    data = binascii.a2b_qp(value.encode(declared or "utf-8", "replace"))
    if declared:
        return data.decode(declared, "replace")
    for candidate in ("utf-8", "gb18030"):
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _escape_text(text: str) -> str:
    """Plain text as a vCard text value."""
    return text.replace("\\", "\\\\").replace(",", "\\,").replace("\n", "\\n")


def _escape_bare_commas(value: str) -> str:
    """`\\,` for every comma that is not escaped yet; other escapes are left as they are."""
    return re.sub(r"(\\.)|,", lambda m: m.group(1) or "\\,", value)
