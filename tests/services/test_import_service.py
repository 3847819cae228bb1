"""Importing contacts: rows refused with their line, duplicates by policy, one transaction, undo."""

import pytest

from crm_desktop.domain.contact_fields import EXPORT_KEYS, fields_of
from crm_desktop.domain.enums import Gender, InteractionKind, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.errors import RuleError
from crm_desktop.services.dto import ContactDraft, InteractionDraft, ListQuery
from crm_desktop.services.importing import DuplicatePolicy

HEADER = "姓名,手机,邮箱,公司,生日,备注,来源"


def write_csv(path, lines, encoding="gb18030"):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def run_import(services, path, policy=DuplicatePolicy.SKIP, **kwargs):
    imports = services.imports
    table = imports.read(path, **kwargs)
    plan = imports.plan(table, imports.guess_mapping(table), policy, label=path.name)
    return imports.run(plan)


def all_contacts(services):
    return services.contacts.page(ListQuery(sort="created"), 0, 1000)


def test_a_chinese_excel_csv_imports_and_bad_rows_are_reported_with_their_line(services, tmp_path):
    path = write_csv(tmp_path / "客户.csv", [
        HEADER,
        "张三,138 0013 8000,zs@example.com,星辰科技有限公司,1990-05-17,老客户,转介绍",
        ",13700137000,,,,,",  # no name: refused
        "李四,12345,not-an-email,,2099-01-01,,外星",  # kept: bad phone/email flagged, bad values left out
        '王芳,13900139000,,,,"两行的',
        '备注",网站',
    ])
    result = run_import(services, path)
    assert (result.created, result.updated, [(p.line, "name" in p.message) for p in result.rejected]) == (
        3, 0, [(3, True)])
    warned = {p.line for p in result.warnings}
    assert warned == {4}
    rows = {r.name: r for r in all_contacts(services)}
    zhang = services.contacts.get(rows["张三"].id)
    assert zhang.phone_e164 == "+8613800138000"
    assert (zhang.draft.company, zhang.draft.birth_year, zhang.draft.lead_source) == (
        "星辰科技有限公司", 1990, LeadSource.REFERRAL)
    li = services.contacts.get(rows["李四"].id)
    assert li.phone_invalid and li.email_invalid and li.draft.phone == "12345"
    assert li.draft.birth_month is None and li.draft.lead_source == LeadSource.OTHER
    assert services.contacts.get(rows["王芳"].id).draft.notes == "两行的\n备注"


def test_a_traditional_chinese_big5_file_maps_its_headers_and_labels(services, tmp_path):
    """Hong Kong and Taiwan files name the same columns in traditional characters."""
    path = write_csv(tmp_path / "客戶.csv", [
        "姓名,手機,辦公電話,電子郵件,公司名稱,職稱,通訊地址,備註,來源,客戶等級,標籤,請勿聯繫",
        "陳大文,+852 9123 4567,02-2345-6789,chan@example.com,台灣積體電路製造,經理,臺北市信義區市府路1號,老客戶,轉介紹,重點客戶,VIP,否",
    ], encoding="big5")
    assert run_import(services, path).created == 1
    chan = services.contacts.get(all_contacts(services)[0].id)
    d = chan.draft
    assert (d.phone, d.phone2, d.email, d.company, d.title) == (
        "+852 9123 4567", "02-2345-6789", "chan@example.com", "台灣積體電路製造", "經理")
    assert (d.address, d.notes, d.lead_source, d.tier, d.tags, d.do_not_contact) == (
        "臺北市信義區市府路1號", "老客戶", LeadSource.REFERRAL, Tier.KEY, "VIP", False)


def test_imported_contacts_are_found_by_the_search_index(services, tmp_path):
    path = write_csv(tmp_path / "a.csv", [HEADER, "欧阳秀英,13800138000,,,,,", "Grace Hopper,,gh@navy.mil,,,,"])
    run_import(services, path)
    names = lambda q: [r.name for r in services.contacts.search(q)]  # noqa: E731
    assert names("秀") == ["欧阳秀英"]
    assert names("oyxy") == ["欧阳秀英"]
    assert names("0013") == ["欧阳秀英"]
    assert names("hopp") == ["Grace Hopper"]


@pytest.mark.parametrize(("policy", "expected"), [
    (DuplicatePolicy.SKIP, (0, 0, 2, "旧备注", 2)),
    (DuplicatePolicy.UPDATE, (0, 2, 0, "新备注", 2)),
    (DuplicatePolicy.CREATE, (2, 0, 0, "旧备注", 4)),
])
def test_rows_matching_a_contact_follow_the_duplicate_policy(services, tmp_path, policy, expected):
    services.contacts.create(ContactDraft(name="张三", phone="13800138000", notes="旧备注", title="经理"))
    services.contacts.create(ContactDraft(name="李四", email="li@example.com"))
    path = write_csv(tmp_path / "a.csv", [HEADER, "张三丰,+86 138-0013-8000,,,,新备注,", "李四,,LI@example.com,,,,"])
    result = run_import(services, path, policy)
    zhang = next(r for r in all_contacts(services) if r.phone == "138 0013 8000")
    detail = services.contacts.get(zhang.id)
    assert (result.created, result.updated, result.skipped, detail.draft.notes, len(all_contacts(services))) == expected
    assert detail.draft.title == "经理"  # an empty or missing cell never erases what is there


def test_a_failure_midway_leaves_nothing_half_imported(services, tmp_path):
    lines = [HEADER] + [f"客户{i},1380013{i:04d},,公司{i},,," for i in range(5000)]
    imports = services.imports
    table = imports.read(write_csv(tmp_path / "big.csv", lines))
    plan = imports.plan(table, imports.guess_mapping(table), DuplicatePolicy.SKIP)

    def cancel_after_first_batch(done, total):
        if done >= 2000:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        imports.run(plan, cancel_after_first_batch)
    assert services.contacts.count(ListQuery()) == 0
    assert services.contacts.search("客户1") == []
    assert imports.history() == []
    assert imports.run(plan).created == 5000


def test_undo_removes_what_was_added_and_restores_what_was_updated(services, tmp_path):
    kept = services.contacts.create(ContactDraft(name="张三", phone="13800138000", notes="旧备注"))
    path = write_csv(tmp_path / "a.csv", [HEADER, "张三,13800138000,,新公司,,新备注,", "李四,13900139000,,新公司,,,",
                                          "王五,13700137000,,,,,"])
    result = run_import(services, path, DuplicatePolicy.UPDATE)
    wang = next(r for r in all_contacts(services) if r.name == "王五")
    services.contacts.log_interaction(InteractionDraft(wang.id, InteractionKind.CALL, services.ctx.now(), "来电"))

    undone = services.imports.undo(result.change_set_id)

    assert (undone.removed, undone.trashed, undone.restored) == (1, 1, 1)
    assert [r.name for r in all_contacts(services)] == ["张三"]
    restored = services.contacts.get(kept.id).draft
    assert (restored.notes, restored.company) == ("旧备注", "")
    assert services.contacts.search("新公司") == []
    assert [r.name for r in services.contacts.page(ListQuery(trashed=True), 0, 10)] == ["王五"]
    with pytest.raises(RuleError):
        services.imports.undo(result.change_set_id)
    assert services.imports.history()[0].undone


def full_contact(name: str, **changes) -> ContactDraft:
    values = dict(
        name=name, phone="13800138000", phone2="010-6552 9988", email="zs@example.com", email2="z@b.cn",
        company="星辰科技有限公司", title="总经理", address="朝阳区建国路88号", city="北京", birth_year=1988,
        birth_month=2, birth_day=29, lunar_birth_month=4, lunar_birth_day=10, lunar_birth_leap=True,
        gender=Gender.FEMALE, stage=LifecycleStage.CUSTOMER, tier=Tier.KEY, lead_source=LeadSource.WECHAT,
        channel="朋友圈", tags="vip, 老客户", needs="年底换新", notes="=1+1 是公式吗\n第二行", marketing_consent=True,
        do_not_contact=False, is_organisation=False)
    return ContactDraft(**{**values, **changes})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".vcf"])
def test_export_then_import_into_an_empty_database_reproduces_every_field(services, tmp_path, suffix, make_services):
    services.contacts.create(full_contact("张三"))
    services.contacts.create(full_contact("Grace Hopper", phone="+1 202-555-0143", email="grace@navy.mil", phone2="", birth_year=None,
                                          lunar_birth_month=None, lunar_birth_day=None, lunar_birth_leap=False,
                                          gender=Gender.UNKNOWN, tags="", notes="-minus first", company=""))
    exported = services.exports.export(tmp_path / f"out{suffix}")
    assert exported.count == 2

    fresh = make_services(tmp_path / "fresh.sqlite3")
    result = run_import(fresh, exported.path)
    assert (result.created, result.rejected, result.warnings) == (2, (), ())

    def by_uuid(s):
        return {c.uuid: fields_of(c.draft, c.uuid) for c in (s.contacts.get(r.id) for r in all_contacts(s))}

    before, after = by_uuid(services), by_uuid(fresh)
    assert set(after) == set(before)
    for uuid, fields in before.items():
        assert {k: after[uuid][k] for k in EXPORT_KEYS} == fields


def test_importing_an_export_again_with_update_matches_by_uuid(services, tmp_path):
    contact = services.contacts.create(full_contact("张三"))
    path = services.exports.export(tmp_path / "out.csv").path
    services.contacts.update(contact.id, full_contact("张三", phone="", email="", notes="改过"))
    result = run_import(services, path, DuplicatePolicy.UPDATE)
    assert (result.created, result.updated) == (0, 1)
    assert services.contacts.get(contact.id).draft.notes == "=1+1 是公式吗\n第二行"
