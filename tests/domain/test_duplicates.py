"""Duplicate keys and scores: what counts as the same phone, e-mail, name and company."""

from dataclasses import fields

import pytest

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.duplicates import (
    LIKELY,
    MERGE_FIELDS,
    clusters,
    company_match_key,
    default_choices,
    differing_fields,
    draft_keys,
    group_likeness,
    likeness,
    merged_draft,
)
from crm_desktop.domain.enums import Tier


def _score(a: ContactDraft, b: ContactDraft):
    match = likeness(draft_keys(a), draft_keys(b))
    return match.score, match.reasons


def test_phone_typed_differently_is_the_same_key():
    assert draft_keys(ContactDraft("a", phone="138 0013 8000")).phones == {"+8613800138000"}
    assert _score(ContactDraft("a", phone="138 0013 8000"), ContactDraft("b", phone2="+86-13800138000")) == (
        60, ("phone",))


def test_email_case_and_width_are_folded():
    a, b = ContactDraft("a", email="ZS@Example.COM"), ContactDraft("b", email2="ｚｓ@example.com")
    assert _score(a, b) == (50, ("email",))


@pytest.mark.parametrize("other", ["张三", " 张 三 ", "张\u3000三"])
def test_name_spaces_are_folded(other):
    assert _score(ContactDraft("张三"), ContactDraft(other)) == (30, ("name",))


def test_latin_name_width_case_and_spaces_are_folded():
    assert _score(ContactDraft("John Smith"), ContactDraft("ＪＯＨＮ　ｓｍｉｔｈ")) == (30, ("name",))
    assert _score(ContactDraft("John Smith"), ContactDraft("JohnSmith")) == (30, ("name",))


def test_same_pinyin_written_differently_scores_less_than_the_same_name():
    assert _score(ContactDraft("张三"), ContactDraft("章三")) == (20, ("pinyin",))
    assert _score(ContactDraft("张三"), ContactDraft("Zhang San")) == (20, ("pinyin",))
    assert _score(ContactDraft("张三"), ContactDraft("李四")) == (0, ())


@pytest.mark.parametrize(("a", "b"), [
    ("北京星辰科技有限公司", "北京星辰科技"),
    ("北京星辰科技股份有限公司", "北京星辰科技"),
    ("星辰科技（中国）有限公司", "星辰科技"),
    ("Acme Co., Ltd.", "ACME"),
    ("Acme Co.,Ltd", "acme"),
    ("ＡＣＭＥ Limited", "Acme Inc."),
])
def test_company_suffixes_are_ignored(a, b):
    assert company_match_key(a) == company_match_key(b) != ""
    assert _score(ContactDraft("x", company=a), ContactDraft("y", company=b)) == (10, ("company",))


def test_different_companies_and_empty_ones_do_not_match():
    assert company_match_key("北京星辰科技") != company_match_key("北京星河科技")
    assert _score(ContactDraft("x"), ContactDraft("y")) == (0, ())


def test_score_adds_up_and_is_capped():
    a = ContactDraft("张三", phone="13800138000", email="zs@shop.cn", company="星辰科技有限公司")
    b = ContactDraft("张三", phone="+86 138 0013 8000", email="ZS@shop.cn", company="星辰科技")
    assert _score(a, b) == (100, ("phone", "email", "name", "company"))
    assert _score(ContactDraft("张三", company="星辰"), ContactDraft("张三", company="星辰有限公司")) == (
        40, ("name", "company"))


def test_likely_threshold_is_a_shared_name_phone_or_email():
    assert likeness(draft_keys(ContactDraft("张三")), draft_keys(ContactDraft("张三"))).score >= LIKELY
    assert likeness(draft_keys(ContactDraft("张三")), draft_keys(ContactDraft("章三"))).score < LIKELY


def test_clusters_join_links_that_share_a_contact():
    assert clusters([[1, 2], [2, 3], [4, 5], [6]]) == [[1, 2, 3], [4, 5]]
    assert clusters([[3, 1], [1, 3]]) == [[1, 3]]


def test_group_score_is_the_loosest_members_best_link():
    keys = {1: draft_keys(ContactDraft("张三", phone="13800138000")),
            2: draft_keys(ContactDraft("张三", phone="13800138000")),
            3: draft_keys(ContactDraft("张三"))}
    match = group_likeness(keys)
    assert match.score == 30 and match.reasons == ("phone", "name")


def test_merge_fields_cover_every_draft_field():
    assert {a for attrs in MERGE_FIELDS.values() for a in attrs} == {f.name for f in fields(ContactDraft)}


def test_default_choices_prefer_the_survivors_non_empty_values():
    drafts = {1: ContactDraft("张三", phone="13800138000"),
              2: ContactDraft("张三丰", email="z@x.cn", phone="13900139000", birth_month=5, birth_day=4)}
    choices = default_choices(drafts, 1)
    assert (choices["name"], choices["phone"], choices["email"], choices["birthday"]) == (1, 1, 2, 2)
    assert differing_fields(drafts.values()) == ["name", "phone", "email", "birthday"]


def test_merged_draft_takes_chosen_values_field_by_field():
    drafts = {1: ContactDraft("张三", phone="13800138000", tier=Tier.KEY),
              2: ContactDraft("张三丰", phone="13900139000", birth_month=5, birth_day=4, birth_year=1990)}
    merged = merged_draft(drafts, 1, {"phone": 2})
    assert (merged.name, merged.phone, merged.tier) == ("张三", "13900139000", Tier.KEY)
    assert (merged.birth_year, merged.birth_month, merged.birth_day) == (1990, 5, 4)
    with pytest.raises(ValueError):
        merged_draft(drafts, 1, {"phone": 3})
    with pytest.raises(ValueError):
        merged_draft(drafts, 1, {"colour": 2})
