"""The shortcuts for everyday phones and e-mails give exactly the libraries' verdicts."""

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.emails import check_email, validated_email
from crm_desktop.domain.phones import normalize_phone, parse_phone
from crm_desktop.domain.text import clean_line

separators = st.sampled_from(["", " ", "-", ".", "  "])


@st.composite
def typed_mobiles(draw):
    """11 digits starting with 1, typed with a prefix and separators as people do."""
    digits = "1" + "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=9, max_size=11)))
    cut = draw(st.integers(0, len(digits)))
    sep = draw(separators)
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "0086", "0086-", "86", "+1 ", "(86)"]))
    return prefix + digits[:cut] + sep + digits[cut:]


@settings(max_examples=1000)
@given(typed_mobiles())
def test_the_chinese_mobile_shortcut_agrees_with_phonenumbers(text):
    assert normalize_phone(text) == parse_phone(clean_line(text), "CN")


addresses = st.one_of(
    st.emails(),
    st.from_regex(r"[A-Za-z0-9._%+'-]{1,70}@[A-Za-z0-9.-]{1,30}\.[A-Za-z0-9]{1,8}", fullmatch=True),
    st.from_regex(r"[a-z]{1,8}(\.[a-z0-9]{0,3}){0,3}@([a-z0-9-]{0,5}\.){1,3}(com|cn|test|local|c|x1)", fullmatch=True),
)


@settings(max_examples=1000)
@given(addresses)
def test_the_everyday_email_shortcut_agrees_with_email_validator(text):
    fast, full = check_email(text), validated_email(text)
    assert (fast.normalized, fast.valid) == ((full.normalized, full.valid))
