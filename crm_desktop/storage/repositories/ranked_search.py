"""Best matches first for a search of three characters or more, without sorting every match.

Rank 0 is the exact name, rank 1 a name, pinyin or initials starting with the text, rank 2 any
other match; ranks 0 and 1 in pinyin order, rank 2 in id order. Sorting every match by rank cost
up to a quarter of a second at a million contacts (a tag on a tenth of them). Here ranks 0 and 1
are read as index ranges (storage/search.py), at most offset + limit rows from each, in pinyin
order, and rank 2 in the FTS table's own order, only when the ranks before it run out: a page
costs about what it shows, however many contacts match.

A row of rank 0 or 1 must also contain the term in its search text (`contains_condition`, which
implies the index's match), so the three ranks split the matches exactly: count() and the pages
agree, and page N + 1 starts where page N stopped.
"""

from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import (
    Integer,
    LargeBinary,
    String,
    and_,
    bindparam,
    case,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from crm_desktop.storage.records import ContactRecord
from crm_desktop.storage.search import contains_condition, in_index_order, term_values

C = ContactRecord
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ABOVE_ALL_TEXT = b"\xff"  # SQLite orders every text value before any blob
_WANTED, _LAST = bindparam("rank_wanted", type_=Integer()), bindparam("rank_last", type_=Integer())
_SKIP, _REST = bindparam("rank_skip", type_=Integer()), bindparam("rank_rest", type_=Integer())


@dataclass(frozen=True)
class Relevance:
    exact: object  # rank 0, the containment test included
    starts: tuple  # the parts of rank 1, one per index range on SQLite, each with "rank is 1" (`part`)
    rank: object
    not_exact: object  # with the containment test, what makes a row of `starts` one of rank 1

    def part(self, start):
        """The rows of `start` that are of rank 1: the same as `rank == 1` there, in fewer tests."""
        return and_(start, self.not_exact)


@lru_cache(maxsize=4)
def relevance(dialect: str) -> Relevance:
    """The ranks of the matches of a text (its values: `relevance_values`): the exact name; a name
    starting with it (ASCII case ignored, as LIKE does), or pinyin or initials starting with it
    lower-cased without spaces. Built once: its parameters change, not its SQL."""
    value = lambda name: bindparam(name, type_=String())  # noqa: E731
    text, name_like, latin_like = value("rank_text"), value("rank_name_like"), value("rank_latin_like")
    exact = C.name == text
    by_name = C.name.like(name_like, escape="\\")
    by_pinyin = C.name_pinyin.like(latin_like, escape="\\")
    by_initials = C.name_initials.like(latin_like, escape="\\")
    contains = contains_condition(dialect)
    if dialect != "sqlite":
        starts = (or_(by_name, by_pinyin, by_initials),)
    else:
        # The same tests inside index ranges. A range holds every row of its LIKE; being part of
        # the rank itself, it decides nothing: each range below reads exactly its part of rank 1.
        nocase = C.name.collate("NOCASE")
        lowered, lowered_up = value("rank_lowered"), value("rank_lowered_up")
        folded, folded_up = value("rank_folded"), value("rank_folded_up")
        exact = and_(nocase == text, exact)
        # the last test, as written, lets SQLite use ix_contacts_pinyin_prefix; after the range, so
        # that SQLite bounds the range by the pinyin, not by ''
        pinyin = and_(C.name_pinyin >= lowered, C.name_pinyin < lowered_up, by_pinyin,
                      C.name_pinyin > literal_column("''"))
        # the other ranges skip what the pinyin one reads, in their index (Michael*: a name and a pinyin)
        starts = (pinyin,
                  and_(C.name_initials == lowered, by_initials, ~pinyin),
                  and_(C.name_initials > lowered, C.name_initials < lowered_up, by_initials, ~pinyin),
                  and_(nocase >= folded, nocase < folded_up, by_name, ~pinyin))
    rank = case((and_(exact, contains), 0), (and_(or_(*starts), contains), 1), else_=2)
    return Relevance(and_(exact, contains), starts, rank, and_(contains, ~exact))


def relevance_values(text: str, dialect: str) -> dict:
    text = text.strip()
    lowered = text.lower().replace(" ", "")
    folded = text.translate(_ASCII_LOWER)
    return {"rank_text": text, "rank_name_like": _escape(text) + "%", "rank_latin_like": _escape(lowered) + "%",
            "rank_lowered": lowered, "rank_lowered_up": _successor(lowered), "rank_folded": folded,
            "rank_folded_up": _successor(folded), "rank_above_all": _ABOVE_ALL_TEXT, **term_values(text, dialect)}


def ranked_page_ids(session: Session, text: str, where, offset: int, limit: int, key=None) -> list[int]:
    """Ids of one page of the matches of `text` in rank order; `where` adds the trash test and the
    list filters to a select over contacts. A hashable `key` standing for what `where` adds (the
    same key, the same filters) lets the statements be built once (about 1.5 ms a search)."""
    dialect = session.get_bind().dialect.name
    first_of, rest = _statements(dialect, where, key)
    wanted = offset + limit
    values = {**relevance_values(text, dialect), "rank_wanted": wanted, "rank_last": wanted - 1}
    if dialect == "sqlite":
        first = _merged(session.execute(first_of[0], values), wanted)
    else:  # one sorted query a rank: the server's collation orders the pinyin
        first = [r.id for r in session.execute(first_of[0], values)]
        if len(first) < wanted:
            first += [r.id for r in session.execute(first_of[1], {**values, "rank_wanted": wanted - len(first)})]
    if len(first) >= wanted:
        return first[offset:wanted]
    skip = max(0, offset - len(first))
    values.update(rank_skip=skip, rank_rest=wanted - len(first) - skip)
    return first[offset:] + list(session.scalars(rest, values))


_BUILT: OrderedDict = OrderedDict()  # (dialect, key) -> statements, the most recent last


def _statements(dialect: str, where, key) -> tuple[list, object]:
    try:
        found = _BUILT.get((dialect, key)) if key is not None else None
    except TypeError:  # an unhashable key: build every time
        key = None
        found = None
    if found is None:
        found = _build(dialect, where)
        if key is not None:
            _BUILT[(dialect, key)] = found
            if len(_BUILT) > 64:
                _BUILT.popitem(last=False)
    else:
        _BUILT.move_to_end((dialect, key))
    return found


def _build(dialect: str, where) -> tuple[list, object]:
    """(the statements of ranks 0 and 1, the statement of rank 2), their values as parameters."""
    ranks = relevance(dialect)
    rest = in_index_order(where(select(C.id).where(ranks.rank == 2)), dialect).offset(_SKIP).limit(_REST)
    if dialect != "sqlite":
        return [_first(where(select(C.name_pinyin, C.id).where(ranks.exact))),
                _first(where(select(C.name_pinyin, C.id).where(ranks.part(ranks.starts[0]))))], rest
    return [_ranges(ranks, where)], rest


def _ranges(ranks: Relevance, where):
    """Ranks 0 and 1 on SQLite in one statement: (tier, pinyin, id) of the first `wanted` by
    (pinyin, id) of each index range. The ranges SQLite must sort (not in pinyin order in their
    index) read only the pinyin up to the `wanted`-th of the pinyin range, when it has that many:
    none after it can be needed (Michael*: 4,700 names at a million, nearly all of them read by
    the pinyin range already)."""
    pinyin_range = ranks.part(ranks.starts[0])
    last = (where(select(C.name_pinyin).where(pinyin_range)).order_by(C.name_pinyin, C.id)
            .offset(_LAST).limit(1).scalar_subquery())
    bound = C.name_pinyin <= func.coalesce(last, bindparam("rank_above_all", type_=LargeBinary()))
    parts = [(0, ranks.exact), (1, pinyin_range), (1, ranks.part(ranks.starts[1]))]
    parts += [(1, and_(ranks.part(start), bound)) for start in ranks.starts[2:]]
    arms = [_first(where(select(literal_column(str(tier)).label("tier"), C.name_pinyin, C.id).where(condition)))
            .subquery() for tier, condition in parts]
    return union_all(*(select(arm) for arm in arms))


def _merged(rows, wanted: int) -> list[int]:
    """The ids of ranks 0 and 1 from the rows of `_ranges`, at most `wanted`: each range's rows
    merged by (pinyin, id) (BINARY order is code point order, as in Python)."""
    exact, starts = [], set()
    for tier, pinyin, contact_id in rows:
        if tier == 0:
            exact.append((pinyin, contact_id))
        else:
            starts.add((pinyin, contact_id))
    return [contact_id for _, contact_id in (sorted(exact) + sorted(starts))[:wanted]]


def _first(stmt):
    return stmt.order_by(C.name_pinyin, C.id).limit(_WANTED)


def _successor(prefix: str) -> str | bytes:
    """The least string above every string starting with `prefix` (code point order), or a blob."""
    while prefix:
        last = ord(prefix[-1]) + 1
        if last == 0xD800:
            last = 0xE000  # surrogates are not characters
        if last <= 0x10FFFF:
            return prefix[:-1] + chr(last)
        prefix = prefix[:-1]
    return _ABOVE_ALL_TEXT


def _escape(text: str) -> str:
    """Typed % and _ are searched for literally, not as LIKE wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
