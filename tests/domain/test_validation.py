"""Domain rules: names, phones, emails, money, birthdays, tags, pinyin."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain.contact_fields import FieldValueError, parse_birthday
from crm_desktop.domain.contacts import age_on, clean_tags, search_text, validate_contact
from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.emails import check_email
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.money import format_money, parse_money
from crm_desktop.domain.phones import display_phone, normalize_phone
from crm_desktop.domain.pinyin import pinyin_keys
from crm_desktop.domain.text import clean_line, fold


def test_name_is_required_after_trimming_and_control_stripping():
    with pytest.raises(ValidationError) as err:
        validate_contact(ContactDraft(name=" \u200b\t\x07 "))
    assert err.value.errors == {"name": "A name is required."}


def test_name_is_trimmed_and_controls_removed():
    clean = validate_contact(ContactDraft(name="  王\x00芳\u202e  "))
    assert clean.draft.name == "王芳"
    assert (clean.name_pinyin, clean.name_initials) == ("wangfang", "wf")


@pytest.mark.parametrize("raw", ["138 0013 8000", "+86-138-0013-8000", "(+86) 13800138000", "8613800138000"])
def test_cn_mobiles_in_any_typed_form_normalise_to_e164(raw):
    phone = normalize_phone(raw)
    assert phone.e164 == "+8613800138000"
    assert phone.raw == raw.strip()


def test_invalid_phone_is_kept_raw_and_flagged():
    clean = validate_contact(ContactDraft(name="李四", phone="12345"))
    assert clean.phone.raw == "12345" and clean.phone.e164 is None and not clean.phone.valid


def test_foreign_numbers_and_display():
    phone = normalize_phone("+1 650-253-0000")
    assert phone.e164 == "+16502530000"
    assert display_phone(phone.e164, phone.raw) == "+1 650-253-0000"
    assert display_phone("+8613800138000", "x") == "138 0013 8000"


def test_email_checked_without_network_and_invalid_kept():
    assert check_email(" Zhang.San@Example.COM ").normalized == "zhang.san@example.com"
    bad = check_email("zhang@@example")
    assert bad.normalized is None and bad.raw == "zhang@@example"
    clean = validate_contact(ContactDraft(name="x", email="not-an-email"))
    assert clean.email_invalid and clean.email_normalized == "not-an-email"


@pytest.mark.parametrize(("text", "cents"), [("12.34", 1234), ("¥1,234.5", 123450), ("0", 0), ("７", 700)])
def test_money_parses_to_minor_units(text, cents):
    assert parse_money(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "-1", "1.234", "1e30", "nan"])
def test_bad_money_is_refused(text):
    with pytest.raises(ValidationError):
        parse_money(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_money_round_trips(cents):
    assert parse_money(format_money(cents)) == cents


def test_birthdays_solar_yearless_and_lunar():
    ok = validate_contact(ContactDraft(name="a", birth_month=2, birth_day=29))  # year-less 29 Feb
    assert ok.draft.birth_year is None
    with pytest.raises(ValidationError) as err:
        validate_contact(ContactDraft(name="a", birth_year=2023, birth_month=2, birth_day=29))
    assert "birthday" in err.value.errors
    with pytest.raises(ValidationError) as err:
        validate_contact(ContactDraft(name="a", lunar_birth_month=13, lunar_birth_day=1))
    assert "lunar_birthday" in err.value.errors
    assert age_on(2000, 6, 1, date(2026, 5, 31)) == 25
    assert age_on(None, 6, 1, date(2026, 5, 31)) is None


def test_tags_split_on_chinese_and_latin_commas_deduplicated():
    assert clean_tags("vip， 老客户 ,vip、 ") == "vip, 老客户"
    assert clean_tags("VIP;Wholesale； 团购") == "VIP, Wholesale, 团购"  # Outlook's categories


def test_text_helpers():
    assert clean_line(" a \n b\t c ") == "a b c"
    assert fold("Ｚｈａｎｇ Ｓａｎ") == "zhangsan"
    assert pinyin_keys("重庆火锅") == ("chongqinghuoguo", "cqhg")


@pytest.mark.parametrize("prefix", ["130", "138", "150", "166", "177", "186", "199"])
def test_fast_cn_mobile_display_matches_phonenumbers(prefix):
    import phonenumbers

    e164 = f"+86{prefix}00138000"
    expected = phonenumbers.format_number(phonenumbers.parse(e164, None), phonenumbers.PhoneNumberFormat.NATIONAL)
    assert display_phone(e164, "raw") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("5/17/1990", (1990, 5, 17)), ("17/5/1990", (1990, 5, 17)), ("17.05.1990", (1990, 5, 17)),
    ("5/5/1990", (1990, 5, 5)), ("0/0/00", (None, None, None)), ("0/0/0000", (None, None, None)),
])
def test_birthdays_as_outlook_writes_them_day_and_month_told_apart_or_none(text, expected):
    assert parse_birthday(text) == expected


def test_a_birthday_that_reads_as_two_dates_is_refused_not_guessed():
    with pytest.raises(FieldValueError, match="day/month or month/day"):
        parse_birthday("3/4/1990")


def test_search_text_holds_each_phone_digits_once_and_none_inside_another():
    text = search_text("张三", "zhangsan", "zs", [("138 0013 8000", "+8613800138000"),
                                                 ("0571-8888 1234", "+8657188881234"), ("8613800138000", None)],
                       "", "", "")
    # the national digits of a mobile are the end of its international ones; a landline typed with
    # its trunk 0 is not inside its international form, so both stay
    assert text.split() == ["张三", "zhangsan", "zs", "8613800138000", "057188881234", "8657188881234"]
