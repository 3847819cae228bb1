"""The count of every live contact (the list as the window opens) comes from the table's row count
less the trashed contacts of each stage: it equals what the pages list, in every stage."""

from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.services.dto import ContactDraft, ListQuery


def _listed(contacts, query: ListQuery) -> int:
    count, offset = 0, 0
    while page := contacts.page(query, offset, 9):
        count += len(page)
        offset += 9
    return count


def test_the_live_count_leaves_out_the_trashed_contacts_of_every_stage(services):
    contacts = services.contacts
    stages = list(LifecycleStage)
    made = [contacts.create(ContactDraft(name=f"客户{i}", stage=stages[i % len(stages)])).id for i in range(30)]
    assert contacts.count(ListQuery()) == 30
    contacts.trash(made[:len(stages)] + [made[-1]])  # one of each stage, and one more
    assert contacts.count(ListQuery()) == 30 - len(stages) - 1 == _listed(contacts, ListQuery())
    assert contacts.count(ListQuery(trashed=True)) == len(stages) + 1 == _listed(contacts, ListQuery(trashed=True))
    contacts.restore([made[0]])
    assert contacts.count(ListQuery()) == 30 - len(stages) == _listed(contacts, ListQuery())


def test_an_empty_database_counts_none(services):
    assert services.contacts.count(ListQuery()) == 0
