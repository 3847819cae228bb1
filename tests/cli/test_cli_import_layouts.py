"""`crm-desktop import` of the CSV layouts that address books export: every column they know is
written, most of them empty, under their own headers (Outlook in English and Chinese, Google,
Thunderbird)."""

import csv
import sqlite3

import pytest

from crm_desktop.cli import main

OUTLOOK_EN = ("First Name,Last Name,Title,Gender,Birthday,Notes,E-mail Address,Primary Phone,Home Phone,"
              "Mobile Phone,Home Street,Home City,Business Phone,Company,Job Title,Business Street,Business City")
OUTLOOK_ZH = ("称谓,名,姓,单位,职务,商务地址 街道,商务地址 市/县,住宅地址 街道,住宅地址 市/县,商务电话,住宅电话,"
              "移动电话,生日,电子邮件地址,性别,备注")


def db_rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def write_csv(path, header: str, rows: list[dict[str, str]], encoding: str = "utf-8") -> None:
    names = header.split(",")
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
        writer.writerow(names)
        writer.writerows([row.get(name, "") for name in names] for row in rows)


@pytest.fixture
def db(tmp_path):
    return tmp_path / "shop.sqlite3"


def test_outlook_empty_columns_leave_the_mobile_phone_and_business_address_in(db, tmp_path, capsys):
    exported = tmp_path / "outlook.csv"
    write_csv(exported, OUTLOOK_EN, [
        {"First Name": "John", "Last Name": "Doe", "Title": "Mr.", "Mobile Phone": "+1 415 555 0100",
         "Business Street": "1 Market St", "Business City": "San Francisco", "Gender": "Unspecified",
         "Job Title": "Buyer"}], encoding="cp1252")
    assert main(["--db", str(db), "import", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and "warning" not in err
    assert db_rows(db, "select name, phone_raw, address, city, title, gender from contacts") == [
        ("John Doe", "+1 415 555 0100", "1 Market St", "San Francisco", "Buyer", "unknown")]


def test_chinese_outlook_business_phone_and_address(db, tmp_path, capsys):
    exported = tmp_path / "联系人.csv"
    write_csv(exported, OUTLOOK_ZH, [
        {"名": "三", "姓": "张", "单位": "星辰科技", "职务": "总经理", "商务地址 街道": "中关村大街1号",
         "商务地址 市/县": "北京", "商务电话": "010-62345678", "移动电话": "13800138000", "性别": "未指定"}],
        encoding="gbk")
    assert main(["--db", str(db), "import", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert "1 added" in out and "note" not in err and "warning" not in err
    assert db_rows(db, "select name, phone_raw, phone2_raw, address, city, title from contacts") == [
        ("张三", "13800138000", "010-62345678", "中关村大街1号", "北京", "总经理")]


def test_google_and_thunderbird_headers(db, tmp_path, capsys):
    google = tmp_path / "contacts.csv"
    write_csv(google, "First Name,Last Name,Organization Name,Organization Title,Phone 1 - Value",
              [{"First Name": "伟", "Last Name": "张", "Organization Name": "某科技", "Organization Title": "CTO",
                "Phone 1 - Value": "13800138001"}])
    thunderbird = tmp_path / "thunderbird.csv"
    write_csv(thunderbird, "First Name,Last Name,Display Name,Primary Email,Work Phone,Home Phone,Mobile Number",
              [{"Display Name": "李雷", "Primary Email": "lilei@example.cn", "Mobile Number": "13912345678"}])
    for path in (google, thunderbird):
        assert main(["--db", str(db), "import", str(path)]) == 0
    _, err = capsys.readouterr()
    assert "note" not in err
    assert db_rows(db, "select name, phone_raw, company_id is not null, title from contacts order by id") == [
        ("张伟", "13800138001", 1, "CTO"), ("李雷", "13912345678", 0, "")]


def test_a_sheets_own_customer_numbers_are_kept_but_match_nothing(db, tmp_path, capsys):
    first, second = tmp_path / "一店.csv", tmp_path / "二店.csv"
    first.write_text("编号,姓名,手机\n1,张三,13800138000\n2,李四,13900139000\n", encoding="utf-8")
    second.write_text("编号,姓名,手机,备注\n1,王五,13700137000,老客户\n2,赵六,13600136000,\n", encoding="utf-8")
    for path in (first, second):
        assert main(["--db", str(db), "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "imported 二店.csv: 2 added" in out
    assert "warning: line 2: The ID '1' is not a contact ID of this program; it was kept in the notes." in err
    rows = db_rows(db, "select name, notes, length(uuid) from contacts order by id")
    assert rows == [("张三", "ID: 1", 36), ("李四", "ID: 2", 36), ("王五", "老客户\nID: 1", 36), ("赵六", "ID: 2", 36)]


def test_google_cells_holding_several_phones_emails_and_labels(db, tmp_path, capsys):
    google = tmp_path / "contacts.csv"
    write_csv(google, "Name,Labels,E-mail 1 - Value,Phone 1 - Value,Phone 2 - Value", [
        {"Name": "张伟", "Labels": "* myContacts ::: VIP ::: 批发", "E-mail 1 - Value": "zw@example.com ::: zw2@example.com",
         "Phone 1 - Value": "+86 138 0013 8001 ::: +86 138 0013 8002", "Phone 2 - Value": "010-88886666"},
        {"Name": "Mary Smith", "Labels": "* myContacts", "Phone 1 - Value": "+1 415 555 0101"}])
    assert main(["--db", str(db), "import", str(google)]) == 0
    out, err = capsys.readouterr()
    assert "2 added" in out and "warning" not in err
    assert db_rows(db, "select phone_e164, phone2_e164, email, email2, tags, notes from contacts order by id") == [
        ("+8613800138001", "+8613800138002", "zw@example.com", "zw2@example.com", "VIP, 批发",
         "Other phones: 010-88886666"),
        ("+14155550101", None, "", "", "", "")]


THUNDERBIRD_EN = "First Name,Last Name,Display Name,Primary Email,Mobile Number,Birth Year,Birth Month,Birth Day"
THUNDERBIRD_ZH = "名字,姓氏,显示名称,主要电子邮件,移动电话号码,出生年份,出生月份,出生日"  # its zh-CN export


@pytest.mark.parametrize("header", [THUNDERBIRD_EN, THUNDERBIRD_ZH])
def test_thunderbirds_birth_year_month_and_day_columns_make_the_birthday(db, tmp_path, capsys, header):
    """A year-less birthday when the year is empty; a missing or wrong part is told as a birthday that
    is no date, the rest of the row imported."""
    year, month, day = header.split(",")[-3:]
    exported = tmp_path / "thunderbird.csv"
    write_csv(exported, header, [
        {header.split(",")[2]: "李雷", year: "1990", month: "5", day: "17"},
        {header.split(",")[2]: "韩梅梅", month: "12", day: "03"},
        {header.split(",")[2]: "Jim Green", year: "1985", day: "9"},
        {header.split(",")[2]: "Lily King", year: "1988", month: "2", day: "30"}])
    assert main(["--db", str(db), "import", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert "4 added" in out and "note" not in err
    assert err.splitlines() == [
        "warning: line 4: '1985-?-09' is not a date (write it as 1990-05-17 or --05-17); it was left out.",
        "warning: line 5: The birthday was left out: it is not a real date or it lies in the future."]
    assert db_rows(db, "select name, birth_year, birth_month, birth_day from contacts order by id") == [
        ("李雷", 1990, 5, 17), ("韩梅梅", None, 12, 3), ("Jim Green", None, None, None),
        ("Lily King", None, None, None)]


def test_thunderbirds_chinese_email_and_notes_columns(db, tmp_path, capsys):
    exported = tmp_path / "thunderbird-zh.csv"
    header = "名字,姓氏,显示名称,主要电子邮件,备用电子邮件,移动电话号码,注释"
    write_csv(exported, header, [{"显示名称": "李雷", "主要电子邮件": "lilei@example.com",
                                  "备用电子邮件": "lei@example.cn", "移动电话号码": "13800138000", "注释": "老同学"}])
    assert main(["--db", str(db), "import", str(exported)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert db_rows(db, "select name, email, email2, phone_e164, notes from contacts") == [
        ("李雷", "lilei@example.com", "lei@example.cn", "+8613800138000", "老同学")]


@pytest.mark.parametrize(("filled", "name"), [
    ({"名字": "雷", "姓氏": "李", "显示名称": "李老师"}, "李老师"),  # the display name is the name
    ({"名字": "雷", "姓氏": "李"}, "李雷"),  # none: the given and the family name make it
    ({"名字": "李雷"}, "李雷")])  # 名字 alone, as a sheet has it: the whole name
def test_mingzi_is_the_given_name_beside_a_family_name_and_the_name_alone(db, tmp_path, capsys, filled, name):
    exported = tmp_path / "contacts.csv"
    write_csv(exported, ",".join(filled), [filled])
    assert main(["--db", str(db), "import", str(exported)]) == 0
    assert db_rows(db, "select name from contacts") == [(name,)]


def test_outlook_phones_of_every_column_are_kept_whichever_columns_a_row_fills(db, tmp_path, capsys):
    """Primary, Home, Mobile and Business Phone: each row's first two numbers are its phones, any
    more go to its notes; a row whose only number is in a third column has it as its phone."""
    exported = tmp_path / "outlook.csv"
    write_csv(exported, OUTLOOK_EN, [
        {"First Name": "Ann", "Mobile Phone": "+1 415 555 0101"},
        {"First Name": "Bob", "Home Phone": "+1 415 555 0102", "Business Phone": "+1 415 555 0103"},
        {"First Name": "Cat", "Primary Phone": "+1 415 555 0104", "Home Phone": "+1 415 555 0105",
         "Mobile Phone": "+1 415 555 0106", "Business Phone": "+1 415 555 0107", "Notes": "met at the fair"}])
    assert main(["--db", str(db), "import", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert "3 added" in out and "warning" not in err and "not imported" not in out
    assert db_rows(db, "select name, phone_e164, phone2_e164, notes from contacts order by id") == [
        ("Ann", "+14155550101", None, ""),
        ("Bob", "+14155550102", "+14155550103", ""),
        ("Cat", "+14155550104", "+14155550105", "met at the fair\nOther phones: +1 415 555 0106, +1 415 555 0107")]


def test_a_cards_third_phone_and_email_go_to_its_notes(db, tmp_path, capsys):
    card = tmp_path / "iphone.vcf"
    card.write_bytes("\r\n".join([
        "BEGIN:VCARD", "VERSION:3.0", "N:张;伟;;;", "FN:张伟",
        "TEL;type=CELL;type=VOICE;type=pref:138 0013 8000", "TEL;type=WORK;type=VOICE:010-6234 5678",
        "TEL;type=HOME;type=VOICE:010-8888 6666", "EMAIL;type=INTERNET;type=pref:zw@example.com",
        "EMAIL;type=INTERNET;type=WORK:zw@work.example.com", "EMAIL;type=INTERNET;type=HOME:zw@home.example.com",
        "END:VCARD", ""]).encode())
    assert main(["--db", str(db), "import", str(card)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert db_rows(db, "select phone_e164, phone2_e164, email, email2, notes from contacts") == [
        ("+8613800138000", "+861062345678", "zw@example.com", "zw@work.example.com",
         "Other phones: 010-8888 6666\nOther emails: zw@home.example.com")]
