"""The shortcuts an import of many rows takes give exactly what the general way gives."""

import re
import unicodedata
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.contact_fields import parse_birthday
from crm_desktop.domain.contacts import clean_tags, validate_contact
from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.text import clean_line, clean_multiline, fold

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_SPACES = re.compile(r"\s+")


def general_clean_line(text):
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip() if text else ""


def general_fold(text):
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).casefold()


def general_clean_tags(text):
    for separator in "，、;；":
        text = text.replace(separator, ",")
    parts = [general_clean_line(p) for p in text.split(",")]
    return ", ".join(dict.fromkeys(p for p in parts if p))


# Text as files bring it: Chinese, Latin, full-width forms, every kind of white space and the
# invisible characters clean_line removes, often next to each other.
awkward = st.sampled_from([" ", "  ", "\t", "\n", "\r\n", "\u3000", "\xa0", "\u200b", "\ufeff", "\x00", "\x85",
                           "\u2028", "\u202e", "\x1f", "，", ",", "、", ";", "；", "|", "Ａ", "ﬁ", "İ", "ß", "王", "芳", "a", "Z", "1"])
texts = st.lists(st.one_of(awkward, st.text(max_size=4)), max_size=12).map("".join)


@settings(max_examples=2000)
@given(texts)
def test_clean_line_fold_and_tags_agree_with_the_general_way(text):
    assert clean_line(text) == general_clean_line(text)
    assert fold(text) == general_fold(text)
    assert clean_tags(text) == general_clean_tags(text)


def test_the_shortcut_is_sound_for_every_character():
    """A printable character is neither white space (but the ASCII space) nor one clean_line removes."""
    for code in range(0x110000):
        ch = chr(code)
        if ch.isprintable() and ch != " ":
            assert not _SPACES.match(ch) and not _CONTROL.match(ch), hex(code)


def general_validated(draft):
    """validate_contact's cleaning as it was written before its shortcut: every field, every time."""
    return replace(
        draft, name=general_clean_line(draft.name), gender=Gender(draft.gender), stage=LifecycleStage(draft.stage),
        tier=Tier(draft.tier), lead_source=LeadSource(draft.lead_source), tags=general_clean_tags(draft.tags),
        notes=clean_multiline(draft.notes), needs=clean_multiline(draft.needs),
        **{f: general_clean_line(getattr(draft, f)) for f in (
            "phone", "phone2", "email", "email2", "company", "title", "address", "city", "channel")})


LINE_FIELDS = ("phone", "phone2", "email", "email2", "company", "title", "address", "city", "channel", "tags",
               "notes", "needs")
drafts = st.builds(
    ContactDraft, name=texts.filter(lambda t: general_clean_line(t) and len(general_clean_line(t)) <= 200),
    gender=st.sampled_from([*Gender, "male", "female"]), stage=st.sampled_from([*LifecycleStage, "customer"]),
    tier=st.sampled_from([*Tier, "key"]), lead_source=st.sampled_from([*LeadSource, "wechat"]),
    **{f: st.one_of(st.sampled_from(["", "vip", "星辰科技", "13800138000", "a@b.cn"]), texts) for f in LINE_FIELDS})


@settings(max_examples=1000)
@given(drafts)
def test_a_validated_draft_is_cleaned_as_the_general_way_cleans_it(draft):
    cleaned = validate_contact(draft).draft
    expected = general_validated(draft)
    assert cleaned == expected
    assert all(type(getattr(cleaned, f)) is type(getattr(expected, f))
               for f in ("gender", "stage", "tier", "lead_source"))


def test_a_clean_draft_is_kept_as_it_is():
    draft = ContactDraft(name="王芳", phone="13800138000", email="wf@example.com", company="星辰科技", tags="vip")
    assert validate_contact(draft).draft is draft


@given(st.sampled_from(["1990-05-17", "1990/5/17", "19900517", "1990年5月17日", "--0517", "5月17日", "１９９０-０５-１７"]))
def test_a_remembered_birthday_is_the_birthday_read_again(text):
    first = parse_birthday(text)
    assert parse_birthday.__wrapped__(text) == first == parse_birthday(text)
