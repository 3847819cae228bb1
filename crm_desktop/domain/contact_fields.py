"""The contact fields that files carry, as plain text both ways.

One list (`FIELDS`) names every field an import can fill and an export writes: its key, the header
our own exports use, and the headers other programs and people use for it (Chinese Excel sheets,
Google, Outlook and Thunderbird exports). `fields_of(draft)` and `draft_from_fields(values)` turn a
`ContactDraft` into text values and back, so exporting and importing again loses nothing.

Some fields are read but never written: the given and family name (folded into the name), the
birthday's year, month and day in columns of their own, as Thunderbird exports them (folded into
the birthday by `with_birthday_joined`), and the phones and e-mails of columns beyond the second
(Outlook's Home, Business and Mobile Phone), which several columns may fill (`REPEATABLE`).
"""

from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.text import clean_line, fold


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    header: str  # the header our own CSV/XLSX exports write
    aliases: tuple[str, ...] = ()  # other headers meaning this field, compared folded


FIELDS: tuple[Field, ...] = (
    Field("name", "Name", ("姓名", "名字", "客户名称", "客户姓名", "联系人", "全名", "full name",
                           "display name", "fn", "显示名称", "客户")),
    Field("given_name", "Given name", ("名", "名字", "first name", "given name")),
    Field("family_name", "Family name", ("姓", "姓氏", "last name", "family name", "surname")),
    Field("phone", "Phone", ("手机", "手机号", "手机号码", "移动电话", "行动电话", "电话", "联系电话", "联络电话",
                             "电话号码",
                             "mobile", "mobile phone", "mobile number", "移动电话号码", "cell", "cellphone",
                             "phone 1 - value",
                             "primary phone", "telephone", "tel")),
    Field("phone2", "Phone 2", ("电话2", "座机", "办公电话", "固定电话", "工作电话", "公司电话", "住家电话",
                                "住宅电话", "商务电话", "家庭电话", "business phone",
                                "work phone", "home phone", "phone 2 - value", "other phone")),
    Field("email", "Email", ("邮箱", "电子邮箱", "电子邮件", "电子邮件地址", "邮件", "电邮", "e-mail", "email address",
                             "e-mail address", "primary email", "e-mail 1 - value", "email 1", "首选邮件",
                             "主要电子邮件")),
    # a third phone (e-mail) column and any after it: each row's first free phone, the rest in its notes
    Field("more_phones", "More phones"),
    Field("more_emails", "More emails"),
    Field("email2", "Email 2", ("邮箱2", "备用邮箱", "e-mail 2 address", "e-mail 2 - value",
                                "secondary email", "email 2", "电子邮件 2 地址", "次要邮件", "备用电子邮件")),
    Field("company", "Company", ("公司", "公司名称", "单位", "工作单位", "企业", "企业名称", "organization",
                                 "organisation", "organization 1 - name", "organization name", "org")),
    Field("title", "Title", ("职位", "职务", "职称", "头衔", "job title", "organization 1 - title", "organization title",
                                 "position")),
    Field("address", "Address", ("地址", "联系地址", "通讯地址", "住址", "详细地址", "home address",
                                 "business address", "address 1 - formatted", "home street",
                                 "business street", "work address", "street", "商务地址 街道",
                                 "住宅地址 街道", "工作地址", "家庭地址")),
    Field("city", "City", ("城市", "所在城市", "市", "home city", "business city", "work city",
                           "address 1 - city", "商务地址 市/县", "住宅地址 市/县", "工作所在城市",
                           "家庭所在城市")),
    Field("birthday", "Birthday", ("生日", "出生日期", "公历生日", "客户生日", "会员生日", "birth date", "date of birth",
                                   "dob")),
    # Thunderbird's CSV export (English, zh-CN, zh-TW: "Birth Year", 出生年份, 出生年) and others
    Field("birth_year", "Birth year", ("出生年份", "出生年", "生日年份", "year of birth", "birthyear")),
    Field("birth_month", "Birth month", ("出生月份", "出生月", "生日月份", "month of birth", "birthmonth")),
    Field("birth_day", "Birth day", ("出生日", "day of birth")),
    Field("lunar_birthday", "Lunar birthday", ("农历生日", "阴历生日", "lunar birthday")),
    Field("gender", "Gender", ("性别", "sex")),
    Field("stage", "Stage", ("阶段", "客户阶段", "生命周期", "lifecycle stage", "status")),
    Field("tier", "Tier", ("客户等级", "分级", "等级", "客户分级", "level", "category")),
    Field("lead_source", "Lead source", ("来源", "客户来源", "线索来源", "source")),
    Field("channel", "Channel", ("渠道", "获客渠道")),
    Field("tags", "Tags", ("标签", "分组", "类别", "groups", "group membership", "categories", "labels")),
    Field("needs", "Needs", ("需求", "客户需求")),
    Field("notes", "Notes", ("备注", "说明", "附注", "注释", "note", "remarks", "comment", "comments")),
    Field("marketing_consent", "Marketing consent", ("营销同意", "同意营销", "接收营销", "consent")),
    Field("do_not_contact", "Do not contact", ("勿扰", "请勿联系", "不要联系", "dnc")),
    Field("is_organisation", "Organisation", ("单位客户", "企业客户", "organization contact")),
    Field("uuid", "UUID", ("uid", "id", "编号")),
)

FIELD_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)
BIRTHDAY_PARTS: tuple[str, ...] = ("birth_year", "birth_month", "birth_day")
# Fields any number of columns may fill, their values joined: the phones (e-mails) past the second.
REPEATABLE: frozenset[str] = frozenset({"more_phones", "more_emails"})
# What our own exports write: the name's and the birthday's parts are folded into them on the way
# in, and more phones and e-mails into the fields or the notes.
EXPORT_KEYS: tuple[str, ...] = tuple(k for k in FIELD_KEYS
                                     if k not in ("given_name", "family_name", *BIRTHDAY_PARTS, *REPEATABLE))

# The traditional forms of the characters in the headers and labels above, as Hong Kong and Taiwan
# files (Big5, or UTF-8 from a traditional-Chinese Excel) write them: 手機, 電子郵件, 職稱, 備註, 重點客戶.
_TRADITIONAL = str.maketrans(dict(zip(
    "機號碼動電話聯絡繫郵單業職務頭銜詳細訊農曆陰別階級來線標籤組備註說營銷擾類稱戶點潛轉紹網廣會進對無區顯諮詢獲週辦編請薦眾",
    "机号码动电话联络系邮单业职务头衔详细讯农历阴别阶级来线标签组备注说营销扰类称户点潜转绍网广会进对无区显咨询获周办编请荐众",
    strict=True)))


def vocabulary_key(text: str) -> str:
    """A header or a label as the vocabulary above compares it: folded, in simplified characters."""
    return fold(text).translate(_TRADITIONAL)


# A second column of phones or e-mails holds the second phone or e-mail (手机 then 电话, 邮箱 then 邮件),
# a third and any after it more of them.
_NEXT_MEANINGS = {"phone": ("phone2", "more_phones"), "phone2": ("more_phones",),
                  "email": ("email2", "more_emails"), "email2": ("more_emails",)}
# folded header -> the fields it can mean, likeliest first ("Organisation": company, else our flag)
_MEANINGS: dict[str, dict[str, None]] = {}  # ordered sets
for _f in FIELDS:
    for _h in (_f.key, _f.header, *_f.aliases):
        _meanings = _MEANINGS.setdefault(vocabulary_key(_h), {})
        _meanings.update(dict.fromkeys((_f.key, *_NEXT_MEANINGS.get(_f.key, ()))))
_BY_HEADER: dict[str, tuple[str, ...]] = {h: tuple(m) for h, m in _MEANINGS.items()}


# Headers that take their field only when no other column of the file names it: Outlook's "Title"
# is the name's prefix (Mr., Dr.), its job title is "Job Title"; 名字 is the whole name in a sheet,
# but the given name beside Thunderbird's 显示名称 (its display name) and 姓氏.
_WEAK_HEADERS = frozenset({"title", "名字"})


def _folded_header(header: str) -> str:
    return vocabulary_key(clean_line(header)).strip(":：*")


def _meanings_of(header: str) -> tuple[str, ...]:
    return _BY_HEADER.get(_folded_header(header), ())


def guess_field(header: str) -> str | None:
    """The field a column header means (in simplified or traditional characters), or None when it
    is not recognised."""
    meanings = _meanings_of(header)
    return meanings[0] if meanings else None


def guess_mapping(headers: list[str], filled: Collection[int] | None = None) -> dict[int, str]:
    """Column index -> field key for every recognised header. A field is taken by its first column;
    a later column naming it takes the next meaning of its header still free (a second phone or
    e-mail column the second phone or e-mail, a third one more of them, our "Organisation" after a
    company column the organisation flag), else none. A weak header ("Title") comes after the others.

    When `filled` names the columns holding a value in some row, the empty ones take no field:
    Outlook, Google and Thunderbird write every column they know, so an empty "Primary Phone" and
    "Home Phone" would otherwise keep the filled "Mobile Phone" out, and "Home Street" the
    "Business Street"."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    columns = [i for i in range(len(headers)) if filled is None or i in filled]
    weak = [i for i in columns if _folded_header(headers[i]) in _WEAK_HEADERS]
    for i in [i for i in columns if i not in weak] + weak:
        key = next((k for k in _meanings_of(headers[i]) if k not in taken), None)
        if key:
            mapping[i] = key
            if key not in REPEATABLE:
                taken.add(key)
    return _with_birth_day(_with_given_name(dict(sorted(mapping.items())), headers), headers)


def _with_given_name(mapping: dict[int, str], headers: list[str]) -> dict[int, str]:
    """The mapping with a name column that can mean the given name (名字) read as that when a
    family-name column (姓氏) is there too: the name is then made of the two."""
    if "family_name" not in mapping.values() or "given_name" in mapping.values():
        return mapping
    return {i: "given_name" if key == "name" and "given_name" in _meanings_of(headers[i]) else key
            for i, key in mapping.items()}


def _with_birth_day(mapping: dict[int, str], headers: list[str]) -> dict[int, str]:
    """The mapping with a "Birth Day" column beside a birth month column read as the day: folded,
    Thunderbird's "Birth Day" is "Birthday", the whole birthday elsewhere."""
    if "birth_month" not in mapping.values() or "birth_day" in mapping.values():
        return mapping
    return {i: "birth_day" if key == "birthday" and "birth_day" in _meanings_of(headers[i]) else key
            for i, key in mapping.items()}


# --- values: text <-> draft -------------------------------------------------------------------

_TRUE = {vocabulary_key(w) for w in ("1", "y", "yes", "true", "t", "x", "✓", "是", "对", "有", "同意", "√")}
_FALSE = {vocabulary_key(w) for w in ("", "0", "n", "no", "false", "f", "否", "不", "无", "不同意", "×")}

_LABELS: dict[type, dict[str, tuple[str, ...]]] = {
    LifecycleStage: {"lead": ("线索", "潜在线索"), "prospect": ("意向客户", "商机", "意向"),
                     "customer": ("客户", "成交客户", "已成交"), "churned": ("流失", "流失客户", "已流失")},
    Tier: {"key": ("重点", "重点客户", "vip", "a"), "potential": ("潜力", "潜力客户", "b"),
           "ordinary": ("普通", "普通客户", "c"), "cold": ("冷淡", "冷淡客户", "沉睡", "d")},
    Gender: {"female": ("女", "f", "woman", "女士"), "male": ("男", "m", "man", "先生"),
             "unknown": ("未知", "保密", "不详", "未指定", "unspecified")},
    LeadSource: {"walk_in": ("到店", "进店", "walk-in", "walk in"), "referral": ("转介绍", "介绍", "推荐"),
                 "phone": ("电话", "来电", "电话咨询", "phone enquiry"), "website": ("网站", "官网", "网络"),
                 "wechat": ("微信", "公众号", "小程序"), "exhibition": ("展会", "会展", "trade fair"),
                 "advertising": ("广告", "推广"), "other": ("其他", "其它")},
}


class FieldValueError(ValueError):
    """A value that cannot be read: `field` names the field, `template` says why in English with
    `{value}` (and `{field}`) to fill in."""

    def __init__(self, field: str, template: str, value: str):
        self.field, self.template, self.value = field, template, value
        super().__init__(template.format(field=field, value=value))


def parse_bool(text: str, field: str = "") -> bool:
    value = vocabulary_key(text)
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise FieldValueError(field, "'{value}' is not yes or no; it was left out.", text)


def parse_choice(enum: type, text: str, field: str = ""):
    """An enum member from its value, its English name or a common Chinese label."""
    value = vocabulary_key(text).replace("-", "_")
    if not value:
        return None
    member = _choices(enum).get(value)
    if member is None:
        raise FieldValueError(field, "'{value}' is not one of the choices for {field}; it was left out.", text)
    return member


@cache
def _choices(enum: type) -> dict:
    """Folded value, name and labels -> member, for one vocabulary."""
    table = {}
    for member in enum:
        for word in (member.value, member.name.lower(), *_LABELS[enum][member.value]):
            table.setdefault(vocabulary_key(word).replace("-", "_"), member)
    return table


@lru_cache(maxsize=65536)  # an import's birthdays repeat: some 16,000 dates in a lifetime's span
def parse_birthday(text: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) from '1990-05-17', '1990/5/17', '19900517', '1990年5月17日', '--0517',
    '--05-17', '5月17日', '05-17', '5/17/1990' or '17.05.1990'. A year-less birthday has year None;
    Outlook's '0/0/00' is no birthday."""
    t = fold(text).replace("年", "-").replace("月", "-").replace("日", "").replace("号", "")
    t = t.replace("/", "-").replace(".", "-").rstrip("-")
    if not t:
        return None, None, None
    if t.startswith("--"):
        rest = t[2:].replace("-", "")
        if len(rest) == 4 and rest.isdigit():
            return None, int(rest[:2]), int(rest[2:])
    elif t.isdigit() and len(t) == 8:
        return int(t[:4]), int(t[4:6]), int(t[6:])
    else:
        parts = t.split("-")
        if all(p.isdigit() for p in parts):
            if not any(map(int, parts)):  # Outlook's "0/0/00": no birthday
                return None, None, None
            if len(parts) == 3 and len(parts[0]) == 4:
                return int(parts[0]), int(parts[1]), int(parts[2])
            if len(parts) == 3 and len(parts[2]) == 4 and max(map(len, parts[:2])) <= 2:
                return _day_and_month(text, int(parts[2]), int(parts[0]), int(parts[1]))
            if len(parts) == 2:
                return None, int(parts[0]), int(parts[1])
    raise FieldValueError("birthday", "'{value}' is not a date (write it as 1990-05-17 or --05-17); it was left out.",
                          text)


def _day_and_month(text: str, year: int, first: int, second: int) -> tuple[int, int, int]:
    """A date written with the year last, as Outlook and Excel write it in the user's locale:
    5/17/1990 (month first) or 17.05.1990 (day first), told apart by the number over 12; when
    both readings are dates and differ (3/4/1990), it is refused rather than guessed."""
    readings = {(year, m, d) for m, d in ((first, second), (second, first)) if 1 <= m <= 12 and 1 <= d <= 31}
    if len(readings) == 1:
        return readings.pop()
    if readings:
        raise FieldValueError("birthday", "'{value}' could be day/month or month/day (write it as 1990-05-17); "
                              "it was left out.", text)
    raise FieldValueError("birthday", "'{value}' is not a date (write it as 1990-05-17 or --05-17); it was left out.",
                          text)


def with_birthday_joined(values: dict[str, str]) -> dict[str, str]:
    """The values with the birthday's year, month and day columns (Thunderbird's "Birth Year",
    "Birth Month", "Birth Day") put together into the birthday; a birthday column holding a value
    wins. No year is a year-less birthday; a missing month or day shows as "?" in a text that
    `parse_birthday` refuses, so the row is told "not a date" as for any birthday that is none."""
    year, month, day = (values.get(key, "").strip() for key in BIRTHDAY_PARTS)
    joined = {key: text for key, text in values.items() if key not in _BIRTHDAY_PART_SET}
    if joined.get("birthday") or not (year + month + day).strip("0"):  # all 0: no birthday
        return joined
    month, day = (part.zfill(2) if part.isdigit() else part or "?" for part in (month, day))
    joined["birthday"] = f"{year}-{month}-{day}" if year else f"--{month}-{day}"
    return joined


_BIRTHDAY_PART_SET = frozenset(BIRTHDAY_PARTS)


def format_birthday(year: int | None, month: int | None, day: int | None) -> str:
    if month is None or day is None:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def birthday_date(year: int | None, month: int | None, day: int | None) -> date | None:
    return date(year, month, day) if year and month and day else None


def parse_lunar_birthday(text: str) -> tuple[int | None, int | None, bool]:
    """(month, day, leap) from '08-15', '闰04-10', 'L4-10' (leap) or '八月十五' is not read: digits only."""
    t = fold(text).replace("农历", "").replace("月", "-").replace("日", "").replace("/", "-")
    if not t:
        return None, None, False
    leap = t.startswith(("闰", "l"))
    parts = t.lstrip("闰l").strip("-").split("-")
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return int(parts[0]), int(parts[1]), leap
    raise FieldValueError("lunar_birthday", "'{value}' is not a lunar month and day (write it as 08-15 or "
                          "闰04-10); it was left out.", text)


def format_lunar_birthday(month: int | None, day: int | None, leap: bool) -> str:
    if month is None or day is None:
        return ""
    return f"{'闰' if leap else ''}{month:02d}-{day:02d}"


def fields_of(draft: ContactDraft, uuid: str = "") -> dict[str, str]:
    """Every export field of a contact as text."""
    d = draft
    return {
        "name": d.name, "phone": d.phone, "phone2": d.phone2, "email": d.email, "email2": d.email2,
        "company": d.company, "title": d.title, "address": d.address, "city": d.city,
        "birthday": format_birthday(d.birth_year, d.birth_month, d.birth_day),
        "lunar_birthday": format_lunar_birthday(d.lunar_birth_month, d.lunar_birth_day, d.lunar_birth_leap),
        "gender": Gender(d.gender).value, "stage": LifecycleStage(d.stage).value, "tier": Tier(d.tier).value,
        "lead_source": LeadSource(d.lead_source).value, "channel": d.channel, "tags": d.tags,
        "needs": d.needs, "notes": d.notes, "marketing_consent": _yes_no(d.marketing_consent),
        "do_not_contact": _yes_no(d.do_not_contact), "is_organisation": _yes_no(d.is_organisation),
        "uuid": uuid,
    }


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def draft_from_fields(values: dict[str, str]) -> tuple[ContactDraft, dict[str, FieldValueError]]:
    """A draft from text values keyed by field, and the problems found: field -> the error.

    A value that cannot be read is left out of the draft and reported, never guessed. The name is
    built from given and family name when there is no name column. The draft is still to be
    validated (`validate_contact`): that is where a missing name is refused.
    """
    v = {k: text.strip() for k, text in values.items() if text and k in _KEYS}
    problems: dict[str, FieldValueError] = {}
    kwargs: dict = {k: v[k] for k in _PLAIN_TEXT.intersection(v)}
    kwargs["name"] = v.get("name") or _joined_name(v.get("family_name", ""), v.get("given_name", ""))
    for key in _PARSED.keys() & v.keys():
        attrs, parse = _PARSED[key]
        _read(problems, kwargs, attrs, parse, v[key])
    return ContactDraft(**{k: val for k, val in kwargs.items() if val is not None}), problems


_KEYS = frozenset(FIELD_KEYS)
_PLAIN_TEXT = frozenset(("phone", "phone2", "email", "email2", "company", "title", "address", "city", "channel",
                         "tags", "needs", "notes"))
# field -> (the draft attributes it fills, its parser returning one value per attribute)
_PARSED = {
    "birthday": (("birth_year", "birth_month", "birth_day"), parse_birthday),
    "lunar_birthday": (("lunar_birth_month", "lunar_birth_day", "lunar_birth_leap"), parse_lunar_birthday),
    **{key: ((key,), lambda t, e=enum, k=key: (parse_choice(e, t, k),)) for key, enum in (
        ("gender", Gender), ("stage", LifecycleStage), ("tier", Tier), ("lead_source", LeadSource))},
    **{key: ((key,), lambda t, k=key: (parse_bool(t, k),))
       for key in ("marketing_consent", "do_not_contact", "is_organisation")},
}


def _read(problems: dict, kwargs: dict, keys: tuple[str, ...], parse, text: str) -> None:
    if not text:  # the draft's default stands
        return
    try:
        kwargs.update(zip(keys, parse(text), strict=True))
    except FieldValueError as exc:
        problems[exc.field] = exc
    except (TypeError, ValueError):  # int() of an odd value
        problems[keys[0]] = FieldValueError(keys[0], "'{value}' cannot be read; it was left out.", text)


def _joined_name(family: str, given: str) -> str:
    if not family or not given:
        return family or given
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in family + given)
    return f"{family}{given}" if cjk else f"{given} {family}"


_DRAFT_ATTRS = {
    "birthday": ("birth_year", "birth_month", "birth_day"),
    "lunar_birthday": ("lunar_birth_month", "lunar_birth_day", "lunar_birth_leap"),
    "given_name": ("name",), "family_name": ("name",), "uuid": (),
}


def overlay(existing: ContactDraft, imported: ContactDraft, present: set[str]) -> ContactDraft:
    """`existing` with the fields a file gave a value for (`present` field keys) taken from `imported`:
    what an "update existing contacts" import writes. Empty cells never erase what is there."""
    attrs = {a for key in present for a in _DRAFT_ATTRS.get(key, (key,))}
    return replace(existing, **{a: getattr(imported, a) for a in attrs})
