"""vCard files (2.1, 3.0 and 4.0, from phones, mail programs and our own export) read as a table.

Each card is parsed on its own, so a card that cannot be read becomes a RowProblem with its line
number while the cards around it import. The table's columns are the canonical contact fields.
"""

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


def read_vcards(path: Path) -> SourceTable:
    """Every card in the file as one row (cells in FIELD_KEYS order, line = its BEGIN:VCARD line);
    cards that cannot be read as problems. SourceError when the file holds no card at all."""
    text, encoding = decode_file(_read_bytes(path))
    cards = split_cards(text)
    if not cards:
        raise SourceError("{file} holds no vCard (there is no BEGIN:VCARD line).", file=path.name)
    rows: list[SourceRow] = []
    problems: list[RowProblem] = []
    for card in cards:
        parsed = _parse(card)
        if isinstance(parsed, RowProblem):
            problems.append(parsed)
        else:
            fields = card_fields(parsed)
            rows.append(SourceRow(card.line, tuple(fields.get(key, "") for key in FIELD_KEYS)))
    return SourceTable("vcf", FIELD_KEYS, tuple(rows), tuple(problems), encoding=encoding)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError("Cannot open {file}: {reason}.", file=path.name, reason=exc.strerror) from None


def _parse(card: CardText):
    """The vobject component of one card, or the RowProblem saying why it cannot be read."""
    try:
        return vobject.readOne(clean_card(card), allowQP=True)
    except (CardError, VObjectError, ValueError) as exc:  # binascii.Error: a broken base64 PHOTO
        reason = " ".join(str(exc).split())[:_MAX_REASON] or type(exc).__name__
        return RowProblem.of(card.line, "The card starting on line {line} cannot be read: {reason}.",
                             line=card.line, reason=reason)
