"""Which vCard property carries which contact field, and how a parsed card becomes field texts.

Standard properties carry what other programs understand (FN, N, TEL, EMAIL, ORG, ADR, BDAY...);
our own X-ZHANGGUI-* properties carry the rest, so that a card we wrote reads back to exactly the
fields it was written from. Cards we wrote (our PRODID) are read by their TEL and EMAIL types
alone; other programs' cards are read forgivingly (the first mobile number is the phone, and so on).
"""

import re

PRODID = "-//Zhanggui CRM//Zhanggui CRM vCard export//EN"

# field key -> our extension property, for the fields no standard property carries.
EXTENSIONS: dict[str, str] = {
    "gender": "X-ZHANGGUI-GENDER",
    "stage": "X-ZHANGGUI-STAGE",
    "tier": "X-ZHANGGUI-TIER",
    "lead_source": "X-ZHANGGUI-LEAD-SOURCE",
    "channel": "X-ZHANGGUI-CHANNEL",
    "needs": "X-ZHANGGUI-NEEDS",
    "lunar_birthday": "X-ZHANGGUI-LUNAR-BIRTHDAY",
    "marketing_consent": "X-ZHANGGUI-MARKETING-CONSENT",
    "do_not_contact": "X-ZHANGGUI-DO-NOT-CONTACT",
    "is_organisation": "X-ZHANGGUI-ORGANISATION",
}

PHONE_TYPES = ("CELL",)  # how we write `phone`
PHONE2_TYPES = ("WORK", "VOICE")  # how we write `phone2`
EMAIL_TYPES = ("INTERNET", "PREF")  # how we write `email`; `email2` is INTERNET alone

_MOBILE = frozenset({"CELL", "MOBILE", "IPHONE"})
_LANDLINE = frozenset({"WORK", "HOME", "MAIN"})
_NOT_A_PHONE = frozenset({"FAX", "PAGER"})
_VCARD4_SEX = {"M": "male", "F": "female", "O": "unknown", "N": "unknown", "U": "unknown"}
_DATE = re.compile(r"(\d{4}|--)-?(\d{2})-?(\d{2})")
_APPLE_NO_YEAR = "1604"  # Apple's year for "birthday without a year"


def card_fields(card) -> dict[str, str]:
    """Field key -> text for one parsed vobject vCard (fields the card does not carry are '')."""
    ours = _text(_first(card, "PRODID")) == PRODID
    fields = {key: _text(_first(card, prop)) for key, prop in EXTENSIONS.items()}
    fields |= _name_fields(card) | _address_fields(card) | _phones(card, ours) | _emails(card, ours)
    fields["gender"] = fields["gender"] or _gender(card)
    fields["company"] = _org(card)
    fields["title"] = " ".join(p for p in (*_org_units(card), _text(_first(card, "TITLE")).strip()) if p)
    fields["birthday"] = _birthday(_first(card, "BDAY"))
    fields["notes"] = "\n".join(_text(p) for p in _all(card, "NOTE") if _text(p))
    fields["tags"] = _tags(card)
    fields["uuid"] = _text(_first(card, "UID")).removeprefix("urn:uuid:")
    return fields


def _all(card, name: str) -> list:
    return card.contents.get(name.lower(), [])


def _first(card, name: str):
    found = _all(card, name)
    return found[0] if found else None


def _text(value) -> str:
    """A property's value (or a vobject value: a list from bare commas, bytes...) as text."""
    if value is None:
        return ""
    if hasattr(value, "value"):
        value = value.value
    if isinstance(value, list | tuple):
        return ",".join(_text(v) for v in value)
    return value if isinstance(value, str) else ""


def _name_fields(card) -> dict[str, str]:
    """name from FN (else N as family+given, else the organisation), and the N parts."""
    n = _first(card, "N")
    family = _text(getattr(n.value, "family", "")) if n else ""
    given = _text(getattr(n.value, "given", "")) if n else ""
    name = _text(_first(card, "FN")).strip() or join_name(family, given) or _org(card)
    return {"name": name, "given_name": given, "family_name": family}


def join_name(family: str, given: str) -> str:
    """'张' + '三' -> '张三'; 'Doe' + 'John' -> 'John Doe'."""
    if not family or not given:
        return family or given
    cjk = any("\u3400" <= ch <= "\u9fff" for ch in family + given)
    return f"{family}{given}" if cjk else f"{given} {family}"


def _org(card) -> str:
    org = _first(card, "ORG")
    value = org.value if org else []
    return _text(value[0]) if isinstance(value, list) and value else _text(value)


def _org_units(card) -> list[str]:
    """The department and units after the organisation's name (ORG:Acme;Sales): they go before the
    job title ("Sales Manager", "销售部 经理"), as there is no field of their own."""
    org = _first(card, "ORG")
    value = org.value if org else []
    return [_text(v).strip() for v in value[1:]] if isinstance(value, list) else []


def _address_fields(card) -> dict[str, str]:
    """address: street lines, then region and postcode, then country; city: the locality."""
    adrs = _all(card, "ADR")
    adr = next((a for a in adrs if "PREF" in _types(card, a)), adrs[0] if adrs else None)
    if adr is None:
        return {"address": "", "city": ""}
    box, extended, street, city, region, code, country = (
        _text(getattr(adr.value, attr, "")).strip()
        for attr in ("box", "extended", "street", "city", "region", "code", "country"))
    lines = ", ".join(p for p in (box, extended, street) if p)
    address = ", ".join(p for p in (lines, " ".join(p for p in (region, code) if p), country) if p)
    return {"address": address, "city": city}


def _types(card, prop) -> set[str]:
    """A property's types, upper-case: TYPE=a,b, 2.1 bare params, PREF=1 and an Apple X-ABLabel
    ('_$!<Mobile>!$_' -> MOBILE)."""
    found = {t.upper() for t in prop.singletonparams}
    found.update(t.upper() for value in prop.params.get("TYPE", []) for t in value.split(","))
    if "PREF" in prop.params:
        found.add("PREF")
    if prop.group:
        labels = (_text(p) for p in _all(card, "X-ABLABEL") if p.group == prop.group)
        found.update(re.sub(r"[^A-Z]", "", label.upper()) for label in labels)
    return found


def _pick(items: list[tuple[str, set[str]]], wanted: frozenset[str] | None = None) -> str:
    """The first value having one of the wanted types (any value when wanted is None)."""
    return next((v for v, types in items if wanted is None or types & wanted), "")


def _phones(card, ours: bool) -> dict[str, str]:
    """phone: the first mobile number (else the first number); phone2: the next, a work or home
    number first; more_phones: the others. Our own cards: CELL is the phone and WORK the phone2,
    nothing else."""
    tels = [(_text(t).strip().removeprefix("tel:"), _types(card, t)) for t in _all(card, "TEL")]
    tels = [(v, t) for v, t in tels if v and not t & _NOT_A_PHONE]
    if ours:
        return {"phone": _pick(tels, _MOBILE), "phone2": _pick(tels, _LANDLINE)}
    phone = _pick(tels, _MOBILE) or _pick(tels)
    rest = [(v, t) for v, t in tels if v != phone]
    phone2 = _pick(rest, _LANDLINE) or _pick(rest)
    return {"phone": phone, "phone2": phone2, "more_phones": _more(rest, phone2)}


def _more(items: list[tuple[str, set[str]]], taken: str) -> str:
    """The values past the two fields, each once, joined as Google joins them (the import puts them
    in a free field, else the notes)."""
    return " ::: ".join(dict.fromkeys(v for v, _ in items if v != taken))


def _emails(card, ours: bool) -> dict[str, str]:
    """email: the preferred address (else the first); email2: the next; more_emails: the others.
    Our own cards: the PREF address is the email and the other one the email2."""
    found = [(_text(e).strip(), _types(card, e)) for e in _all(card, "EMAIL")]
    found = [(v, t) for v, t in found if v]
    pref = frozenset({"PREF"})
    if ours:
        return {"email": _pick(found, pref), "email2": _pick([x for x in found if "PREF" not in x[1]])}
    email = _pick(found, pref) or _pick(found)
    rest = [x for x in found if x[0] != email]
    email2 = _pick(rest)
    return {"email": email, "email2": email2, "more_emails": _more(rest, email2)}


def _gender(card) -> str:
    """vCard 4 GENDER (M/F/O/N/U) or the X-GENDER some programs write."""
    sex = _text(_first(card, "GENDER")).split(";", 1)[0].strip()
    return _VCARD4_SEX.get(sex.upper(), sex) if sex else _text(_first(card, "X-GENDER")).strip()


def _birthday(bday) -> str:
    """'1990-05-17' or year-less '--05-17' from the forms in use: 1990-05-17, 19900517, --0517,
    --05-17, date-times, and Apple's year 1604 (X-APPLE-OMIT-YEAR); any other text is kept as it is
    (the import then reports it)."""
    text = _text(bday).strip()
    match = _DATE.fullmatch(text.split("T", 1)[0])
    if not match:
        return text
    year, month, day = match.groups()
    omitted = {"--", _APPLE_NO_YEAR, *bday.params.get("X-APPLE-OMIT-YEAR", [])}
    return f"--{month}-{day}" if year in omitted else f"{year}-{month}-{day}"


def _tags(card) -> str:
    """CATEGORIES (one or more properties) as our comma-joined tags text."""
    values = []
    for prop in _all(card, "CATEGORIES"):
        values.extend(prop.value if isinstance(prop.value, list) else [_text(prop)])
    return ", ".join(dict.fromkeys(t.strip() for t in values if t.strip()))
