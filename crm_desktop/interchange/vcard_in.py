"""vCard files (2.1, 3.0 and 4.0, from phones, mail programs and our own export) read as a table.

Each card is parsed on its own, so a card that cannot be read becomes a RowProblem with its line
number while the cards around it import. The table's columns are the canonical contact fields.
A zip of .vcf files (our one-card-per-contact export) reads as those files put end to end.
"""

import re
import zipfile
from pathlib import Path

import vobject
from vobject.base import VObjectError

from crm_desktop.domain.contact_fields import FIELD_KEYS
from crm_desktop.interchange.source import RowProblem, SourceError, SourceRow, SourceTable
from crm_desktop.interchange.vcard_map import card_fields
from crm_desktop.interchange.vcard_text import (
    CardError,
    CardText,
    clean_card,
    decode_file,
    split_cards,
)

_MAX_REASON = 120  # characters of a parser's message worth showing the user
_CARD_FILES = (".vcf", ".vcard")
_MAX_ZIP_TEXT = 500_000_000  # bytes of cards a zip may unpack to (a zip bomb is refused)
_LINE_END = re.compile(r"\r*\n|\r")  # as split_cards counts lines


def read_vcards(path: Path) -> SourceTable:
    """Every card in the file as one row (cells in FIELD_KEYS order, line = its BEGIN:VCARD line);
    cards that cannot be read as problems. SourceError when the file holds no card at all."""
    text, encoding = decode_file(_read_bytes(path))
    cards = split_cards(text)
    if not cards:
        raise SourceError("{file} holds no vCard (there is no BEGIN:VCARD line).", file=path.name)
    rows, problems = _read_cards(cards)
    return SourceTable("vcf", FIELD_KEYS, tuple(rows), tuple(problems), encoding=encoding)


def read_vcard_zip(path: Path) -> SourceTable:
    """A zip of .vcf files (our one-card-per-contact export, for Outlook) read as one vCard file:
    the members' cards in order, lines counted as if the members were one file (as the single-file
    export is), a problem naming its member. Other files in the zip are passed over."""
    rows: list[SourceRow] = []
    problems: list[RowProblem] = []
    encoding, offset = None, 0
    for member, data in _vcard_members(path):
        text, used = decode_file(data)
        encoding = encoding or used
        read, failed = _read_cards(split_cards(text), offset, member)
        rows += read
        problems += failed
        offset += _line_count(text)
    if not rows and not problems:
        raise SourceError("{file} holds no vCard (no .vcf file with a BEGIN:VCARD line).", file=path.name)
    return SourceTable("vcf", FIELD_KEYS, tuple(rows), tuple(problems), encoding=encoding)


def _line_count(text: str) -> int:
    """The lines of a text as split_cards numbers them (a final line end opens no line)."""
    lines = _LINE_END.split(text)
    return len(lines) - (lines[-1] == "")


def _vcard_members(path: Path) -> list[tuple[str, bytes]]:
    """(name, bytes) of every .vcf file in the zip, in the zip's order."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir() and i.filename.lower().endswith(_CARD_FILES)]
            if sum(i.file_size for i in infos) > _MAX_ZIP_TEXT:
                raise SourceError("{file} unpacks to more than {size} MB of cards; unpack it and import the "
                                  "files.", file=path.name, size=_MAX_ZIP_TEXT // 1_000_000)
            return [(i.filename, archive.read(i)) for i in infos]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError):  # RuntimeError: encrypted
        raise SourceError("{file} is not a zip file this program can read.", file=path.name) from None
    except OSError as exc:
        raise SourceError("Cannot open {file}: {reason}.", file=path.name, reason=exc.strerror) from None


def _read_cards(cards: list[CardText], offset: int = 0, member: str = "") -> tuple[list[SourceRow], list[RowProblem]]:
    """The rows of the cards that can be read and the problems of the others; for a zip's member,
    lines shifted by `offset` and a problem naming `member`."""
    rows: list[SourceRow] = []
    problems: list[RowProblem] = []
    for card in cards:
        card = CardText(card.line + offset, card.lines) if offset else card
        parsed = _parse(card)
        if isinstance(parsed, RowProblem):
            problems.append(_in_member(parsed, member))
        else:
            fields = card_fields(parsed)
            rows.append(SourceRow(card.line, tuple(fields.get(key, "") for key in FIELD_KEYS)))
    return rows, problems


def _in_member(problem: RowProblem, member: str) -> RowProblem:
    """A card's problem naming the zip's member it is in."""
    if not member:
        return problem
    return RowProblem.of(problem.line, "The card starting on line {line} ({member}) cannot be read: {reason}.",
                         line=problem.line, member=member, reason=dict(problem.params).get("reason", ""))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError("Cannot open {file}: {reason}.", file=path.name, reason=exc.strerror) from None


def _parse(card: CardText):
    """The vobject component of one card, or the RowProblem saying why it cannot be read (a line
    the parser names given as the file's line)."""
    try:
        clean = clean_card(card)
        return vobject.readOne(clean.text, allowQP=True)
    except VObjectError as exc:
        at = clean.file_line(getattr(exc, "lineNumber", 0))
        reason = exc.msg if at is None else f"line {at}: {exc.msg}"
        return _unreadable(card, str(reason))
    except (CardError, ValueError) as exc:  # binascii.Error: a broken base64 PHOTO
        return _unreadable(card, str(exc) or type(exc).__name__)


def _unreadable(card: CardText, reason: str) -> RowProblem:
    reason = " ".join(reason.split())[:_MAX_REASON]
    return RowProblem.of(card.line, "The card starting on line {line} cannot be read: {reason}.",
                         line=card.line, reason=reason)
