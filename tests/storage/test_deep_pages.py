"""Pages near the end of a long list are read backwards from the end and hold the same rows."""

from datetime import UTC, datetime

import pytest

from crm_desktop.domain.enums import InteractionKind
from crm_desktop.services.dto import ContactDraft, InteractionDraft, ListQuery
from crm_desktop.storage.repositories import people


@pytest.fixture
def contacts(services):
    names = ["张三", "李四", "王五", "Amy", "Bob", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯二"] * 3
    ids = [services.contacts.create(ContactDraft(name=n)).id for n in names]
    for i in ids[::4]:  # some have a last contact, the rest none (NULL sorts first ascending)
        services.contacts.log_interaction(InteractionDraft(i, InteractionKind.CALL, datetime(2026, 1, 1 + i % 9,
                                                                                          tzinfo=UTC), "电话"))
    return ids


@pytest.mark.parametrize("sort", ["name", "last_interaction", "created", "company"])
@pytest.mark.parametrize("descending", [False, True])
def test_backwards_pages_equal_forward_pages(services, contacts, monkeypatch, sort, descending):
    def pages(offsets):
        return [[r.id for r in services.contacts.page(ListQuery(sort=sort, descending=descending), o, 7)]
                for o in offsets]

    offsets = [20, 28, 30, 35, 36, 40]
    monkeypatch.setattr(people, "DEEP_OFFSET", 10 ** 9)
    forward = pages(offsets)
    monkeypatch.setattr(people, "DEEP_OFFSET", 5)
    assert pages(offsets) == forward
    assert forward[-1] == [] and len(forward[-2]) == 0 and len(forward[2]) == 6
