"""Contact use cases over a real SQLite file."""

import pytest

from crm_desktop.domain.enums import LifecycleStage, Tier
from crm_desktop.domain.errors import NotFoundError, ValidationError
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.events import ContactsChanged


def _names(services, **query):
    q = ListQuery(**query)
    return [r.name for r in services.contacts.page(q, 0, 100)]


def test_create_normalises_and_reads_back(services):
    dto = services.contacts.create(ContactDraft(
        name=" 张三 ", phone="138 0013 8000", email="ZS@Example.com", company="掌柜科技有限公司",
        tags="vip，老客户", stage=LifecycleStage.CUSTOMER, birth_month=5, birth_day=4))
    again = services.contacts.get(dto.id)
    assert again.draft.name == "张三"
    assert again.phone_e164 == "+8613800138000" and again.draft.phone == "138 0013 8000"
    assert again.draft.email == "zs@example.com"
    assert again.draft.company == "掌柜科技有限公司"
    assert again.draft.tags == "vip, 老客户"
    assert (again.draft.birth_year, again.draft.birth_month, again.draft.birth_day) == (None, 5, 4)
    assert again.uuid and again.created_at.tzinfo is not None


def test_invalid_input_writes_nothing(services):
    with pytest.raises(ValidationError):
        services.contacts.create(ContactDraft(name=""))
    assert services.contacts.count(ListQuery()) == 0


def test_companies_are_shared_by_normalised_name(services, db):
    a = services.contacts.create(ContactDraft(name="甲", company="掌柜科技有限公司"))
    b = services.contacts.create(ContactDraft(name="乙", company="掌柜科技"))
    with db.reading() as uow:
        assert uow.contacts.get(a.id).company_id == uow.contacts.get(b.id).company_id


def test_update_trash_restore_and_events(services):
    seen = []
    services.bus.subscribe(seen.append)
    dto = services.contacts.create(ContactDraft(name="王芳"))
    services.contacts.update(dto.id, ContactDraft(name="王芳芳", tier=Tier.KEY))
    assert services.contacts.get(dto.id).draft.tier == Tier.KEY
    assert services.contacts.trash([dto.id]) == [dto.id]
    assert services.contacts.trash([dto.id]) == []  # already in the trash
    assert _names(services) == [] and _names(services, trashed=True) == ["王芳芳"]
    assert services.contacts.restore([dto.id]) == [dto.id]
    assert _names(services) == ["王芳芳"]
    assert seen.count(ContactsChanged(frozenset({dto.id}))) == 4


def test_search_by_name_pinyin_initials_phone_email_company(services):
    services.contacts.create(ContactDraft(name="张三", phone="+86 138-0013-8000", email="san@shop.cn"))
    services.contacts.create(ContactDraft(name="李四", company="四海贸易有限公司"))
    services.contacts.create(ContactDraft(name="Amy Lee", email="amy@example.com"))
    assert _names(services, text="张") == ["张三"]
    assert _names(services, text="zs") == ["张三"]
    assert _names(services, text="zhangsan") == ["张三"]
    assert _names(services, text="0013 8000") == ["张三"]
    assert _names(services, text="shop") == ["张三"]
    assert _names(services, text="四海") == ["李四"]
    assert _names(services, text="amy") == ["Amy Lee"]


def test_sorting_and_paging_happen_in_sql(services):
    for name in ("王五", "艾米", "张三", "Bob"):
        services.contacts.create(ContactDraft(name=name))
    assert _names(services, sort="name") == ["艾米", "Bob", "王五", "张三"]
    assert _names(services, sort="name", descending=True) == ["张三", "王五", "Bob", "艾米"]
    page = services.contacts.page(ListQuery(sort="name"), 1, 2)
    assert [r.name for r in page] == ["Bob", "王五"]


def test_filters_by_stage_and_tier(services):
    services.contacts.create(ContactDraft(name="a", stage=LifecycleStage.LEAD, tier=Tier.COLD))
    services.contacts.create(ContactDraft(name="b", stage=LifecycleStage.CUSTOMER, tier=Tier.KEY))
    assert _names(services, filters=(("stage", "customer"),)) == ["b"]
    assert _names(services, filters=(("tier", "cold"),)) == ["a"]


def test_missing_contact_is_a_clear_error(services):
    with pytest.raises(NotFoundError, match="no longer exists"):
        services.contacts.get(999)


def test_customer_and_churn_dates_are_stamped(services):
    dto = services.contacts.create(ContactDraft(name="c", stage=LifecycleStage.CUSTOMER))
    services.contacts.update(dto.id, ContactDraft(name="c", stage=LifecycleStage.CHURNED))
    with services.ctx.db.reading() as uow:
        record = uow.contacts.get(dto.id)
        assert record.became_customer_at is not None and record.churned_at is not None
