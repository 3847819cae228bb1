"""Contacts written as vCard 3.0 that phones, iCloud, Google and Outlook accept, and that our own
import reads back to exactly the fields written.

The bytes are UTF-8 without BOM (iCloud refuses a BOM), lines end in CRLF and are folded at 75
octets, never inside a character (vobject counts characters, so a Chinese line would stay whole).
Outlook reads only the first card of a file, hence also a zip with one file per contact. Cards go
to the file one at a time, into a temporary file that replaces the target only when complete.
"""

import os
import re
import secrets
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import vobject
from vobject.vcard import Address, Name

from crm_desktop.domain.contact_fields import (
    EXPORT_KEYS,
    FieldValueError,
    parse_birthday,
    parse_bool,
)
from crm_desktop.interchange.vcard_map import (
    EMAIL_TYPES,
    EXTENSIONS,
    PHONE2_TYPES,
    PHONE_TYPES,
    PRODID,
    join_name,
)

_LINE_OCTETS = 75
_NO_FOLDING = 10**9  # vobject's line length when we fold ourselves
_COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "令狐", "端木", "西门", "独孤", "南宫", "呼延", "轩辕",
    "澹台", "公冶", "淳于", "单于", "钟离", "闻人", "赫连", "万俟", "申屠", "太史",
})
_UNSAFE_IN_FILE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED_FILE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})
_MAX_STEM = 80  # characters of a contact's name kept in its file name


def write_vcards(path: Path, contacts: Iterable[dict[str, str]]) -> int:
    """All contacts (field key -> text, as `fields_of` gives) as one vCard file; the number written."""
    count = 0
    with _replacing(path) as out:
        for contact in contacts:
            out.write(card_bytes(contact))
            count += 1
    return count


def write_vcard_zip(path: Path, contacts: Iterable[dict[str, str]]) -> int:
    """A zip with one .vcf per contact, named after the contact (safe on Windows, unique, UTF-8
    names); the number written."""
    count = 0
    taken: set[str] = set()
    with _replacing(path) as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for contact in contacts:
            archive.writestr(unique_file_name(display_name(contact), taken), card_bytes(contact))
            count += 1
    return count


@contextmanager
def _replacing(path: Path) -> Iterator[BinaryIO]:
    """A new file beside `path` that replaces it once the block has written everything; after a
    failure it is removed and `path` is as it was."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    try:
        with temporary.open("xb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def card_bytes(contact: dict[str, str]) -> bytes:
    """One contact as a vCard 3.0 card in UTF-8, every line folded and ended with CRLF."""
    text = _card(contact).serialize(lineLength=_NO_FOLDING)
    return "".join(fold(line) for line in text.split("\r\n") if line).encode("utf-8")


def fold(line: str) -> str:
    """A content line as physical lines of at most 75 octets each (a continuation begins with a
    space), split between characters only, each ended with CRLF."""
    parts: list[str] = []
    current, size = "", 0
    for ch in line:
        octets = len(ch.encode("utf-8"))
        if size + octets > _LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += ch
        size += octets
    parts.append(current)
    return "\r\n".join(parts) + "\r\n"


def _card(c: dict[str, str]):
    """The vobject vCard of one contact: standard properties, then our X-ZHANGGUI-* ones."""
    v = {key: c.get(key) or "" for key in EXPORT_KEYS}
    card = vobject.vCard()
    _add(card, "PRODID", PRODID)
    _add(card, "UID", v["uuid"])
    card.add("fn").value = display_name(c)
    card.add("n").value = _structured_name(c)
    _add(card, "TEL", v["phone"], PHONE_TYPES)
    _add(card, "TEL", v["phone2"], PHONE2_TYPES)
    _add(card, "EMAIL", v["email"], EMAIL_TYPES)
    _add(card, "EMAIL", v["email2"], EMAIL_TYPES[:1])
    _add(card, "ORG", [v["company"]] if v["company"] else [])
    _add(card, "TITLE", v["title"])
    if v["address"] or v["city"]:
        card.add("adr").value = Address(street=v["address"], city=v["city"])
    _add(card, "BDAY", vcard_birthday(v["birthday"]))
    _add(card, "NOTE", v["notes"])
    _add(card, "CATEGORIES", [t.strip() for t in re.split(r"[,，、]", v["tags"]) if t.strip()])
    for key, prop in EXTENSIONS.items():
        _add(card, prop, v[key])
    return card


def _add(card, name: str, value, types: tuple[str, ...] = ()) -> None:
    """A property with its TYPE parameters, unless the value is empty."""
    if value:
        prop = card.add(name.lower())
        prop.value = value
        if types:
            prop.type_paramlist = list(types)


def display_name(c: dict[str, str]) -> str:
    """FN: the name, else one made of the name parts, else the company (vobject needs an FN)."""
    parts = join_name(c.get("family_name") or "", c.get("given_name") or "")
    return c.get("name") or parts or c.get("company") or ""


def _structured_name(c: dict[str, str]) -> Name:
    """N: the given name parts, else the name split (none for an organisation)."""
    family, given = c.get("family_name") or "", c.get("given_name") or ""
    if family or given:
        return Name(family=family, given=given)
    if _is_yes(c.get("is_organisation") or ""):
        return Name()
    family, given = split_name(c.get("name") or "")
    return Name(family=family, given=given)


def split_name(name: str) -> tuple[str, str]:
    """(family, given): '张三' -> ('张', '三'), '欧阳修' -> ('欧阳', '修'), 'John Doe' -> ('Doe', 'John');
    a single word is a given name."""
    words = name.split()
    if words and "\u3400" <= words[0][0] <= "\u9fff":
        compact = "".join(words)
        cut = 2 if len(compact) > 2 and compact[:2] in _COMPOUND_SURNAMES else 1
        return (compact[:cut], compact[cut:]) if len(compact) > 1 else ("", compact)
    return (words[-1], " ".join(words[:-1])) if len(words) > 1 else ("", name.strip())


def vcard_birthday(text: str) -> str:
    """'1990-05-17' as written, a year-less '--05-17' as '--0517' (the vCard 3.0 and 4.0 form
    Apple and Google read); a birthday that is no date is left out."""
    try:
        year, month, day = parse_birthday(text)
    except FieldValueError:
        return ""
    if month is None or day is None:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}{day:02d}"


def _is_yes(text: str) -> bool:
    try:
        return parse_bool(text)
    except FieldValueError:
        return False


def unique_file_name(name: str, taken: set[str]) -> str:
    """'<name>.vcf' safe on Windows (no <>:"/\\|?*, no trailing dot or space, no CON, NUL...),
    numbered ' (2)', ' (3)'... when `taken` (case-folded names, updated) already has it."""
    stem = _UNSAFE_IN_FILE_NAME.sub("_", name).strip()[:_MAX_STEM].rstrip(". ") or "contact"
    if stem.split(".", 1)[0].strip().upper() in _RESERVED_FILE_NAMES:
        stem = f"_{stem}"
    candidate, number = stem, 1
    while f"{candidate}.vcf".casefold() in taken:
        number += 1
        candidate = f"{stem} ({number})"
    taken.add(f"{candidate}.vcf".casefold())
    return f"{candidate}.vcf"
