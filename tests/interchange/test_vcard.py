"""vCard import and export: real clients' files, their quirks rebuilt as fixtures, and round trips."""

import binascii
import zipfile
from pathlib import Path

import pytest
import vobject

from crm_desktop.domain.contact_fields import EXPORT_KEYS, draft_from_fields, fields_of
from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.interchange.source import SourceError
from crm_desktop.interchange.vcard_in import read_vcard_zip, read_vcards
from crm_desktop.interchange.vcard_out import split_name, write_vcard_zip, write_vcards

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "vcard"


def rows(table) -> list[dict[str, str]]:
    return [dict(zip(table.headers, row.cells, strict=True)) for row in table.rows]


def read_bytes(tmp_path: Path, data: bytes, name: str = "cards.vcf") -> list[dict[str, str]]:
    path = tmp_path / name
    path.write_bytes(data)
    return rows(read_vcards(path))


def crlf(*lines: str) -> bytes:
    return "".join(f"{line}\r\n" for line in lines).encode("utf-8")


def qp(text: str, charset: str) -> str:
    return "".join(f"={b:02X}" for b in text.encode(charset))


@pytest.fixture
def samples() -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("the shared vCard samples are not here (a fresh clone has no ../shared)")
    return SAMPLES


# --- (a) real clients' files ----------------------------------------------------------------------

def test_every_sample_card_is_read_but_the_android_card_with_a_broken_photo(samples):
    problems = []
    for path in sorted(samples.glob("*.vcf")):
        table = read_vcards(path)
        begins = path.read_bytes().upper().count(b"BEGIN:VCARD")
        assert len(table.rows) + len(table.problems) == begins, path.name
        problems += [(path.name, p.line) for p in table.problems]
    assert problems == [("John_Doe_ANDROID.vcf", 36)]


def test_the_android_file_keeps_the_cards_around_the_broken_one(samples):
    table = read_vcards(samples / "John_Doe_ANDROID.vcf")
    assert [row.line for row in table.rows] == [1, 6, 11, 18, 71]
    assert "base64" in table.problems[0].message and "line 36" in table.problems[0].message
    henry = rows(table)[-1]
    assert (henry["name"], henry["phone"], henry["email"]) == ("ÑÑÑÑ", "55556666", "henry@company.com")
    assert rows(table)[2]["name"] == "Ñ Ñ Ñ Ñ Ñ"  # UTF-8 quoted-printable, soft line breaks joined


@pytest.mark.parametrize(("file", "name", "phone", "email"), [
    ("John_Doe_BLACK_BERRY.vcf", "John Doe", "+96123456789", ""),
    ("John_Doe_GMAIL.vcf", "Mr. John Richter, James Doe Sr.", "905-555-1234", "john.doe@ibm.com"),
    ("John_Doe_IPHONE.vcf", "Mr. John Richter James Doe Sr.", "905-555-1234", "john.doe@ibm.com"),
    ("John_Doe_EVOLUTION.vcf", "Mr. John Richter, James Doe Sr.", "905-666-1234", "john.doe@ibm.com"),
    ("John_Doe_MS_OUTLOOK.vcf", "Mr. John Richter James Doe Sr.", "(905) 555-1234", "john.doe@ibm.cm"),
    ("John_Doe_LOTUS_NOTES.vcf", "Mr. Doe John I Johny", "+1 (212) 204-34456", "john.doe@ibm.com"),
])
def test_john_doe_as_each_client_exports_him(samples, file, name, phone, email):
    [john] = rows(read_vcards(samples / file))
    assert (john["name"], john["phone"], john["email"]) == (name, phone, email)


def test_outlook_files_read_their_quoted_printable_notes_and_unescaped_commas(samples):
    [outlook_2003] = rows(read_vcards(samples / "outlook-2003.vcf"))
    assert outlook_2003["notes"] == "This is the note field!!\nSecond line\n\nThird line is empty\n"
    assert (outlook_2003["company"], outlook_2003["city"]) == ("Company, The", "Austin")
    assert outlook_2003["birthday"] == "1980-03-21"  # written as 19800321
    [outlook_2007] = rows(read_vcards(samples / "outlook-2007.vcf"))
    assert outlook_2007["notes"].startswith("This is the NOTE field\t\nI assume it encodes")
    assert outlook_2007["notes"].endswith("going on here.\nIt does not preserve the formatting")
    [john] = rows(read_vcards(samples / "John_Doe_MS_OUTLOOK.vcf"))
    assert "IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE" in john["notes"]


def test_vcard_4_and_thunderbird_fields(samples):
    [simon] = rows(read_vcards(samples / "rfc6350-example.vcf"))
    assert (simon["birthday"], simon["gender"], simon["company"]) == ("--02-03", "male", "Viagenie")
    assert simon["phone"] == "+1-418-262-6501"  # the cell, its tel: URI prefix dropped
    [john] = rows(read_vcards(samples / "thunderbird-MoreFunctionsForAddressBook-extension.vcf"))
    assert john["tags"] == "category1, category2, category3"
    assert (john["phone"], john["phone2"]) == ("555-555-5555", "555-555-1111")


# --- (b) the quirks, as fixtures ------------------------------------------------------------------

def test_outlook_21_gb2312_quoted_printable_name_and_soft_broken_note(tmp_path):
    note = qp("第一行，", "gbk") + "=0D=0A=\r\n" + qp("第二行, 朱镕基", "gbk")  # 镕 is GBK, not GB2312
    [card] = read_bytes(tmp_path, crlf(
        "BEGIN:VCARD", "VERSION:2.1",
        f"N;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:{qp('张', 'gb2312')};{qp('三', 'gb2312')};;;",
        f"FN;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:{qp('张三', 'gb2312')}",
        f"NOTE;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:{note}",
        f"TITLE;CHARSET=Windows-1252;ENCODING=QUOTED-PRINTABLE:{qp('Café, Señor', 'cp1252')}",
        "TEL;CELL;VOICE:13800138000", "END:VCARD"))
    assert (card["name"], card["family_name"], card["given_name"]) == ("张三", "张", "三")
    assert card["notes"] == "第一行，\n第二行, 朱镕基"
    assert (card["title"], card["phone"]) == ("Café, Señor", "13800138000")


def test_a_name_only_in_n_is_joined_the_chinese_or_the_latin_way(tmp_path):
    cards = read_bytes(tmp_path, crlf(
        "BEGIN:VCARD", "VERSION:3.0", "N:张;三;;;", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "N:Doe;John;;;", "END:VCARD"))
    assert [c["name"] for c in cards] == ["张三", "John Doe"]


def test_iphone_grouped_mobile_label_and_year_less_birthdays(tmp_path):
    cards = read_bytes(tmp_path, crlf(
        "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
        "N:李;四;;;", "FN:李四", "TEL;type=HOME;type=VOICE:010-87654321",
        "item1.TEL;type=pref:139 0000 1111", "item1.X-ABLabel:_$!<Mobile>!$_",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:王五", "BDAY:--0517", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:赵六", "BDAY:1990-05-17T00:00:00Z", "END:VCARD"))
    assert (cards[0]["phone"], cards[0]["phone2"]) == ("139 0000 1111", "010-87654321")
    assert [c["birthday"] for c in cards] == ["--05-17", "--05-17", "1990-05-17"]


def test_a_broken_card_in_the_middle_costs_only_itself(tmp_path):
    path = tmp_path / "three.vcf"
    path.write_bytes(crlf(
        "BEGIN:VCARD", "VERSION:3.0", "FN:First", "END:VCARD",  # lines 1-4
        "BEGIN:VCARD", "VERSION:3.0", "FN:Broken", "this line is no property", "END:VCARD",  # 5-9
        "BEGIN:VCARD", "VERSION:3.0", "FN:No end",  # 10-12: the next BEGIN comes first
        "BEGIN:VCARD", "VERSION:3.0", "FN:Last", "END:VCARD"))  # 13-16
    table = read_vcards(path)
    assert [(row.line, row.cells[0]) for row in table.rows] == [(1, "First"), (13, "Last")]
    assert [p.line for p in table.problems] == [5, 10]
    assert "line 5" in table.problems[0].message
    assert "line 8: Failed to parse line: this line is no property" in table.problems[0].message
    assert "line 12: Component VCARD was never closed" in table.problems[1].message


def test_a_broken_line_is_named_by_its_line_in_the_file_past_folded_and_soft_broken_lines(tmp_path):
    path = tmp_path / "outlook.vcf"
    path.write_bytes(crlf(
        "BEGIN:VCARD", "VERSION:2.1", "PROFILE:VCARD",  # lines 1-3, PROFILE left out before parsing
        "NOTE;ENCODING=QUOTED-PRINTABLE:one=", "two=", "three",  # 4-6: one logical line
        "FN:Folded", " Name",  # 7-8
        "garbage without a colon", "END:VCARD"))  # 9-10
    problem, = read_vcards(path).problems
    assert "line 9: Failed to parse line: garbage without a colon" in problem.message


def test_cr_cr_lf_line_ends_and_folded_lines(tmp_path):
    data = crlf("BEGIN:VCARD", "VERSION:3.0", "FN:Folded", " Name", "NOTE:one\\ntwo", "END:VCARD",
                "BEGIN:VCARD", "VERSION:3.0", "FN:Second", "END:VCARD").replace(b"\r\n", b"\r\r\n")
    path = tmp_path / "iphone.vcf"
    path.write_bytes(data)
    table = read_vcards(path)
    assert [(row.line, row.cells[0]) for row in table.rows] == [(1, "FoldedName"), (7, "Second")]
    assert rows(table)[0]["notes"] == "one\ntwo"


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.vcf"
    path.write_bytes(b"\xef\xbb\xbf" + crlf("BEGIN:VCARD", "VERSION:3.0", "FN:有BOM", "END:VCARD"))
    table = read_vcards(path)
    assert (rows(table)[0]["name"], table.encoding) == ("有BOM", "utf-8-sig")


def test_a_file_not_in_utf8_is_read_with_the_cards_charset(tmp_path):
    data = crlf("BEGIN:VCARD", "VERSION:2.1") + "FN;CHARSET=GBK:陈七\r\nEND:VCARD\r\n".encode("gbk")
    path = tmp_path / "nokia.vcf"
    path.write_bytes(data)
    table = read_vcards(path)
    assert (rows(table)[0]["name"], table.encoding) == ("陈七", "gb18030")


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"FN:Not a card\r\n", b"\x00\x01binary"])
def test_a_file_without_any_card_is_refused(tmp_path, data):
    path = tmp_path / "empty.vcf"
    path.write_bytes(data)
    with pytest.raises(SourceError, match="no vCard"):
        read_vcards(path)


def test_a_valid_photo_is_skipped_without_failing(tmp_path):
    photo = binascii.b2a_base64(bytes(range(256)) * 3, newline=False).decode()
    lines = [photo[i:i + 70] for i in range(0, len(photo), 70)]
    [card] = read_bytes(tmp_path, crlf("BEGIN:VCARD", "VERSION:3.0", "FN:Photo",
                                       f"PHOTO;ENCODING=b;TYPE=JPEG:{lines[0]}",
                                       *(f" {line}" for line in lines[1:]), "END:VCARD"))
    assert card["name"] == "Photo"


# --- (c) round trip -------------------------------------------------------------------------------

def contact(name: str, uuid: str, **changes) -> dict[str, str]:
    draft = ContactDraft(
        name=name, phone="138 0013 8000", phone2="010-6543 2100", email="a@example.cn",
        email2="b@example.com", company="掌柜贸易, 有限公司", title="采购经理", address="朝阳路 1 号\n2 楼",
        city="北京", birth_year=1990, birth_month=5, birth_day=17, lunar_birth_month=4,
        lunar_birth_day=10, lunar_birth_leap=True, gender=Gender.FEMALE, stage=LifecycleStage.CUSTOMER,
        tier=Tier.KEY, lead_source=LeadSource.WECHAT, channel="微信群", tags="vip, 老客户",
        needs="要样品; 报价, 尽快", notes="第一行\n第二行, 有逗号; 分号\\反斜杠", marketing_consent=True,
        do_not_contact=False, is_organisation=False)
    return fields_of(draft, uuid) | changes


CONTACTS = [
    # 300 characters of note; a title under 75 characters but over 75 octets (vobject leaves it whole)
    contact("欧阳修", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", birthday="--05-17", notes="长" * 300,
            title="客户经理" * 8),
    contact("John Doe", "6fa459ea-ee8a-3ca4-894e-db77e160355e", lunar_birthday="08-15",
            marketing_consent="no", do_not_contact="yes", gender="male", tags="golf, 高尔夫"),
    contact("上海掌柜有限公司", "16fd2706-8baf-433b-82eb-8c7fada847da", phone="", email="",
            is_organisation="yes", stage="lead", tier="cold", lead_source="other", gender="unknown"),
]


def test_export_then_import_gives_back_every_field(tmp_path):
    path = tmp_path / "out.vcf"
    assert write_vcards(path, iter(CONTACTS)) == len(CONTACTS)
    table = read_vcards(path)
    assert table.problems == ()
    for written, read in zip(CONTACTS, rows(table), strict=True):
        assert {k: read[k] for k in EXPORT_KEYS} == written
        assert draft_from_fields(read)[1] == {}


def test_the_export_is_vcard_30_that_other_programs_accept(tmp_path):
    path = tmp_path / "out.vcf"
    write_vcards(path, CONTACTS)
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the 300-character note is folded...
    for line in lines:
        line.decode("utf-8")  # ...and never inside a character
    cards = list(vobject.readComponents(data.decode("utf-8")))
    assert [c.uid.value for c in cards] == [c["uuid"] for c in CONTACTS]
    assert [c.fn.value for c in cards] == [c["name"] for c in CONTACTS]
    assert all(c.version.value == "3.0" for c in cards)
    assert [(c.n.value.family, c.n.value.given) for c in cards] == [("欧阳", "修"), ("Doe", "John"), ("", "")]
    assert cards[0].bday.value == "--0517"


@pytest.mark.parametrize(("name", "parts"), [
    ("张三", ("张", "三")), ("欧阳修", ("欧阳", "修")), ("司马相如", ("司马", "相如")),
    ("欧阳", ("欧", "阳")), ("John Doe", ("Doe", "John")), ("Madonna", ("", "Madonna")),
])
def test_names_are_split_into_family_and_given(name, parts):
    assert split_name(name) == parts


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(tmp_path):
    path = tmp_path / "out.vcf"
    path.write_bytes(b"old")

    def contacts():
        yield CONTACTS[0]
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        write_vcards(path, contacts())
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.vcf"]


# --- (d) one file per contact ---------------------------------------------------------------------

def test_the_zip_holds_one_readable_card_per_contact_with_safe_unique_names(tmp_path):
    names = ["张三", "张三", "con", 'a<b>:c"d/e\\f|g?h*', "trailing. ", "NUL.txt", ""]
    contacts = [CONTACTS[1] | {"name": name, "uuid": f"uuid-{i}"} for i, name in enumerate(names)]
    path = tmp_path / "cards.zip"
    assert write_vcard_zip(path, iter(contacts)) == len(names)
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        entries = [(info.filename, archive.read(info)) for info in infos]
    assert [name for name, _ in entries] == [
        "张三.vcf", "张三 (2).vcf", "_con.vcf", "a_b__c_d_e_f_g_h_.vcf", "trailing.vcf", "_NUL.txt.vcf",
        "掌柜贸易, 有限公司.vcf"]  # no name: the card's FN is the company
    assert infos[0].flag_bits & 0x800  # the name is stored as UTF-8
    read = []
    for i, (_, data) in enumerate(entries):
        card = tmp_path / f"{i}.vcf"
        card.write_bytes(data)
        read += rows(read_vcards(card))  # exactly one card each
    assert [row["uuid"] for row in read] == [c["uuid"] for c in contacts]
    assert [row["name"] for row in read[:2]] == ["张三", "张三"]


def test_the_zip_reads_back_as_the_single_file_does(tmp_path):
    write_vcards(tmp_path / "all.vcf", CONTACTS)
    write_vcard_zip(tmp_path / "all.zip", CONTACTS)
    single, zipped = read_vcards(tmp_path / "all.vcf"), read_vcard_zip(tmp_path / "all.zip")
    assert (zipped.format, zipped.headers, zipped.rows) == ("vcf", single.headers, single.rows)


def test_a_zip_reports_a_broken_card_by_its_member_and_refuses_one_without_cards(tmp_path):
    path = tmp_path / "cards.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("好.vcf", crlf("BEGIN:VCARD", "VERSION:3.0", "FN:好卡", "END:VCARD"))
        archive.writestr("坏.vcf", crlf("BEGIN:VCARD", "VERSION:3.0", "FN:坏卡", "this is no property", "END:VCARD"))
        archive.writestr("readme.txt", b"not a card")
    table = read_vcard_zip(path)
    assert [row.cells[0] for row in table.rows] == ["好卡"]
    assert [(p.line, "坏.vcf" in p.message) for p in table.problems] == [(5, True)]
    assert "line 8: Failed to parse line: this is no property" in table.problems[0].message  # lines of the whole
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", b"not a card")
    with pytest.raises(SourceError, match="holds no vCard"):
        read_vcard_zip(path)
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(SourceError, match="not a zip"):
        read_vcard_zip(path)


def test_the_department_of_an_org_goes_before_the_job_title(tmp_path):
    path = tmp_path / "outlook.vcf"
    path.write_bytes(crlf(
        "BEGIN:VCARD", "VERSION:2.1", "FN:Jane Roe", "ORG:Acme Corp;Sales;West", "TITLE:Manager", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:张伟", "ORG:星辰科技;销售部", "END:VCARD",
        "BEGIN:VCARD", "VERSION:3.0", "FN:李四", "ORG:恒通贸易", "TITLE:店长", "END:VCARD"))
    table = read_vcards(path)
    company, title = table.headers.index("company"), table.headers.index("title")
    assert [(row.cells[company], row.cells[title]) for row in table.rows] == [
        ("Acme Corp", "Sales West Manager"), ("星辰科技", "销售部"), ("恒通贸易", "店长")]
