"""The birthday look-up reads day ranges on the birthday indexes and finds exactly the listed days."""

from crm_desktop.services.dto import ContactDraft


def test_birthdays_across_a_month_end_with_a_gap_and_leap_lunar_months(services, db):
    people = {
        "一月三十": dict(birth_month=1, birth_day=30), "一月卅一": dict(birth_month=1, birth_day=31),
        "二月一": dict(birth_month=2, birth_day=1), "二月二": dict(birth_month=2, birth_day=2),
        "二月三": dict(birth_month=2, birth_day=3),
        "闰四月十": dict(lunar_birth_month=4, lunar_birth_day=10, lunar_birth_leap=True),
        "四月十": dict(lunar_birth_month=4, lunar_birth_day=10),
    }
    for name, birthday in people.items():
        services.contacts.create(ContactDraft(name=name, **birthday))
    with db.reading() as uow:
        rows = uow.care.birthdays([(1, 30), (1, 31), (2, 1), (2, 3)], [(4, 10, True)])
    assert sorted(r.name for r in rows) == sorted(["一月三十", "一月卅一", "二月一", "二月三", "闰四月十"])
    with db.reading() as uow:
        assert uow.care.birthdays([], []) == []
        assert [r.name for r in uow.care.birthdays([], [(4, 10, False)])] == ["四月十"]
