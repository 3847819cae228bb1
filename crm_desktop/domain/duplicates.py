"""How alike two contacts are, and which values a merge keeps.

Every contact has comparison keys: its phones in E.164, its e-mails folded to lower case, its name
folded (full/half width, case and spaces), the pinyin of that name, and its company without legal
suffixes (有限公司, Co., Ltd. ...). Two contacts score the sum of the weights of the keys they
share, capped at 100, so a score is always explained by its `reasons`:

    phone 60   a phone number in common (either field)
    email 50   an e-mail address in common (either field)
    name 30    the same folded name
    pinyin 20  the same pinyin but written differently (张三 / 章三 / Zhang San); not added to `name`
    company 10 the same company key (only when both have one)

`LIKELY` (a shared name, phone or e-mail) is what the add-contact dialog warns about.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.emails import check_email
from crm_desktop.domain.enums import Gender, LeadSource
from crm_desktop.domain.phones import normalize_phone
from crm_desktop.domain.pinyin import pinyin_keys
from crm_desktop.domain.text import clean_line, company_key, fold

WEIGHTS: dict[str, int] = {"phone": 60, "email": 50, "name": 30, "pinyin": 20, "company": 10}
LIKELY = 30
MAX_SCORE = 100


@dataclass(frozen=True, slots=True)
class DuplicateKeys:
    phones: frozenset[str]
    emails: frozenset[str]
    name: str
    pinyin: str
    company: str


@dataclass(frozen=True, slots=True)
class Likeness:
    score: int
    reasons: tuple[str, ...]  # keys of WEIGHTS, in that order


def email_key(text: str | None) -> str:
    return fold(clean_line(text)).lower()


def name_pinyin(name: str) -> str:
    """Pinyin of the folded name, so 'ＺＨＡＮＧ San', 'zhang san' and 张三 share one key."""
    return pinyin_keys(fold(clean_line(name)))[0]


def keys_of(name: str, phones: Iterable[str | None], emails: Iterable[str | None], company: str) -> DuplicateKeys:
    """Keys of a stored contact: phones already in E.164 (None for a missing or invalid one)."""
    return DuplicateKeys(
        phones=frozenset(p for p in phones if p),
        emails=frozenset(k for k in map(email_key, emails) if k),
        name=fold(clean_line(name)),
        pinyin=name_pinyin(name),
        company=company_match_key(company),
    )


_MORE_SUFFIXES = ("co.,ltd", "co.ltd", "co.", "ltd", "limited", "corp.", "corp", "inc", "gmbh", "公司")


def company_match_key(name: str) -> str:
    """`company_key`, also without the suffixes it keeps (Co.,Ltd without the dot, Limited, 公司)
    and trailing commas or dots, applied until nothing changes: 'Acme Co., Ltd' -> 'acme'."""
    key, previous = company_key(clean_line(name)), None
    while key != previous:
        previous = key
        for suffix in _MORE_SUFFIXES:
            key = key.removesuffix(suffix)
        key = company_key(key.rstrip(",.，。"))
    return key


def draft_keys(draft: ContactDraft) -> DuplicateKeys:
    """Keys of what the user typed: phones parsed to E.164, e-mails as they would be stored."""
    phones = [normalize_phone(p) for p in (draft.phone, draft.phone2)]
    return keys_of(draft.name, [p.e164 for p in phones if p], [_stored_email(draft.email), draft.email2],
                   draft.company)


def _stored_email(text: str) -> str:
    email = check_email(text)
    return (email.normalized or email.raw) if email else ""


def likeness(a: DuplicateKeys, b: DuplicateKeys) -> Likeness:
    shared = {
        "phone": bool(a.phones & b.phones),
        "email": bool(a.emails & b.emails),
        "name": bool(a.name) and a.name == b.name,
        "pinyin": bool(a.pinyin) and a.pinyin == b.pinyin and a.name != b.name,
        "company": bool(a.company) and a.company == b.company,
    }
    reasons = tuple(key for key in WEIGHTS if shared[key])
    return Likeness(min(MAX_SCORE, sum(WEIGHTS[k] for k in reasons)), reasons)


def is_likely(match: Likeness) -> bool:
    return match.score >= LIKELY


# --- merging: which contact's value each field keeps -------------------------------------------

MERGE_FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name",), "phone": ("phone",), "phone2": ("phone2",), "email": ("email",),
    "email2": ("email2",), "company": ("company",), "title": ("title",), "address": ("address",),
    "city": ("city",), "birthday": ("birth_year", "birth_month", "birth_day"),
    "lunar_birthday": ("lunar_birth_month", "lunar_birth_day", "lunar_birth_leap"),
    "gender": ("gender",), "stage": ("stage",), "tier": ("tier",), "lead_source": ("lead_source",),
    "channel": ("channel",), "owner_id": ("owner_id",), "tags": ("tags",), "needs": ("needs",),
    "notes": ("notes",), "marketing_consent": ("marketing_consent",),
    "do_not_contact": ("do_not_contact",), "is_organisation": ("is_organisation",),
}

_EMPTY = ("", None, False, Gender.UNKNOWN, LeadSource.OTHER)


def field_value(draft: ContactDraft, key: str) -> tuple:
    return tuple(getattr(draft, attr) for attr in MERGE_FIELDS[key])


def _is_empty(value: tuple) -> bool:
    return all(v in _EMPTY for v in value)


def differing_fields(drafts: Iterable[ContactDraft]) -> list[str]:
    """The merge fields on which the contacts do not all agree, in form order."""
    drafts = list(drafts)
    return [k for k in MERGE_FIELDS if len({field_value(d, k) for d in drafts}) > 1]


def default_choices(drafts: Mapping[int, ContactDraft], survivor_id: int) -> dict[str, int]:
    """Field -> contact id: the survivor's value unless it is empty, then the first non-empty one."""
    order = [survivor_id, *(i for i in drafts if i != survivor_id)]
    choices = {}
    for key in MERGE_FIELDS:
        filled = [i for i in order if not _is_empty(field_value(drafts[i], key))]
        choices[key] = filled[0] if filled else survivor_id
    return choices


def merged_draft(drafts: Mapping[int, ContactDraft], survivor_id: int, chosen: Mapping[str, int]) -> ContactDraft:
    """The survivor's draft with each field taken from the contact `chosen` names (or the default).
    Unknown field names or ids outside `drafts` are refused with ValueError: a caller's bug."""
    picks = {**default_choices(drafts, survivor_id), **chosen}
    if set(picks) - set(MERGE_FIELDS) or set(picks.values()) - set(drafts):
        raise ValueError(f"bad merge choices: {dict(chosen)!r}")
    values = {attr: getattr(drafts[picks[k]], attr) for k, attrs in MERGE_FIELDS.items() for attr in attrs}
    return replace(drafts[survivor_id], **values)


# --- groups: contacts linked by shared keys --------------------------------------------------------


def clusters(links: Iterable[Iterable[int]]) -> list[list[int]]:
    """Join every two links that share a contact: [[1, 2], [2, 3], [4, 5]] -> [[1, 2, 3], [4, 5]]."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for link in links:
        first, *rest = list(link)
        for other in rest:
            parent[root(other)] = root(first)
    members: dict[int, list[int]] = {}
    for i in sorted(parent):
        members.setdefault(root(i), []).append(i)
    return [m for m in members.values() if len(m) > 1]


def group_likeness(keys: Mapping[int, DuplicateKeys]) -> Likeness:
    """A group is as alike as its loosest member is to its closest partner in the group; the
    reasons are those of each member's closest partner."""
    best = [max((likeness(k, keys[j]) for j in keys if j != i), key=lambda m: m.score) for i, k in keys.items()]
    reasons = {r for m in best for r in m.reasons}
    return Likeness(min(m.score for m in best), tuple(k for k in WEIGHTS if k in reasons))
