"""`crm-desktop import` and `export` on files like the ones users send, read back by other parsers."""

import csv
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
import vobject
from python_calamine import CalamineWorkbook
from xlsxwriter import Workbook

from crm_desktop.cli import main

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "vcard"

OUTLOOK_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    "N;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:=D5=C5;=C8=FD\r\n"
    "FN;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:=D5=C5=C8=FD\r\n"
    "TEL;CELL;VOICE:138-0013-8000\r\n"
    "NOTE;CHARSET=gb2312;ENCODING=QUOTED-PRINTABLE:=C0=CF=BF=CD=BB=A7=\r\n=A3=AC=CF=B2=BB=B6=C2=CC=B2=E8\r\n"
    "END:VCARD\r\n"
)
BROKEN = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:坏卡\r\nPHOTO;ENCODING=b;TYPE=JPEG:@@not base64@@x\r\nEND:VCARD\r\n"
IPHONE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.0//EN\r\nN:李;四;;;\r\nFN:李四\r\n"
    "item1.TEL;type=pref:+86 139 0013 9000\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
    "EMAIL;type=INTERNET;type=HOME;type=pref:lisi@example.com\r\n"
    "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17\r\nEND:VCARD\r\n"
)


def db_rows(path, sql):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "shop.sqlite3"


def test_a_chinese_excel_csv_imports_and_reports_bad_rows_by_line(db, tmp_path, capsys):
    csv_file = tmp_path / "客户名单.csv"
    csv_file.write_bytes("姓名,手机,邮箱,公司\r\n张三,13800138000,zs@example.com,星辰科技\r\n,13700137000,,\r\n"
                         "王芳,139 0013 9000,,\r\n".encode("gb18030"))
    assert main(["--db", str(db), "import", str(csv_file)]) == 0
    out, err = capsys.readouterr()
    assert "2 added" in out and "rejected: line 3: The row has no name" in err
    assert main(["--db", str(db), "search", "王"]) == 0
    assert capsys.readouterr().out.startswith("王芳\t139 0013 9000")


def test_vcards_from_outlook_and_iphone_with_a_broken_card_between_them(db, tmp_path, capsys):
    cards = tmp_path / "contacts.vcf"
    cards.write_bytes(OUTLOOK_21.encode("ascii") + BROKEN.encode() + IPHONE.encode())
    assert main(["--db", str(db), "import", str(cards)]) == 0
    out, err = capsys.readouterr()
    assert "2 added" in out
    rows = db_rows(db, "select name, phone_e164, notes, birth_year, birth_month, birth_day, email from contacts "
                       "order by id")
    assert rows == [("张三", "+8613800138000", "老客户，喜欢绿茶", None, None, None, ""),
                    ("李四", "+8613900139000", "", None, 5, 17, "lisi@example.com")]
    broken_line = OUTLOOK_21.count("\r\n") + 1
    assert f"line {broken_line}:" in err


def test_export_is_read_by_independent_parsers(db, tmp_path, capsys):
    assert main(["--db", str(db), "demo", "--contacts", "120"]) == 0
    for name in ("out.vcf", "out.xlsx"):
        assert main(["--db", str(db), "export", str(tmp_path / name)]) == 0
    live = db_rows(db, "select count(*) from contacts where deleted_at is null")[0][0]
    assert f"exported {live} contacts" in capsys.readouterr().out
    raw = (tmp_path / "out.vcf").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    cards = list(vobject.readComponents(raw.decode("utf-8")))
    assert len(cards) == live and all(c.fn.value and c.uid.value for c in cards)
    sheet = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_index(0).to_python()
    header, body = sheet[0], sheet[1:]
    assert len(body) == live and header[:2] == ["Name", "Phone"]
    assert all(isinstance(cell, str) for row in body for cell in row)  # phones and ids stay text
    uuids = {r[0] for r in db_rows(db, "select uuid from contacts where deleted_at is null")}
    assert {row[header.index("UUID")] for row in body} == uuids


def test_export_of_a_search_only(db, tmp_path, capsys):
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("Name,Mobile\n张三,13800138000\n李四,13900139000\n张伟,13700137000\n", encoding="utf-8")
    main(["--db", str(db), "import", str(csv_file)])
    assert main(["--db", str(db), "export", str(tmp_path / "z.csv"), "--query", "张"]) == 0
    text = (tmp_path / "z.csv").read_text(encoding="utf-8-sig")
    assert [line.split(",")[0] for line in text.splitlines()] == ["Name", "张三", "张伟"]


def test_map_overrides_dry_run_list_and_undo(db, tmp_path, capsys):
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("客户,联系方式,说明\n张三,13800138000,老客户\n", encoding="utf-8")
    args = ["--db", str(db), "import", str(csv_file), "--map", "联系方式=phone", "--map", "说明=-"]
    assert main([*args, "--dry-run"]) == 0
    assert db_rows(db, "select count(*) from contacts") == [(0,)]
    assert main(args) == 0
    assert db_rows(db, "select name, phone_e164, notes from contacts") == [("张三", "+8613800138000", "")]
    capsys.readouterr()
    assert main(["--db", str(db), "import", "--list"]) == 0
    set_id = capsys.readouterr().out.split("\t")[0]
    assert main(["--db", str(db), "import", "--undo", set_id]) == 0
    assert db_rows(db, "select count(*) from contacts") == [(0,)]
    assert main(["--db", str(db), "import", "--undo", set_id]) == 1
    assert "undone already" in capsys.readouterr().err


def test_columns_no_field_reads_are_named(db, tmp_path, capsys):
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("姓名,微信号,手機,会员卡,空列\n张三,zs_wx,13800138000,A001,\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(csv_file), "--map", "会员卡=-"]) == 0
    err = capsys.readouterr().err
    assert "not imported, no field reads these columns: 微信号 (" in err  # 会员卡 set aside, 空列 empty
    assert db_rows(db, "select name, phone_e164 from contacts") == [("张三", "+8613800138000")]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["import", "missing.csv"], 1, "There is no file"),
    (["import", "{tmp}/a.csv", "--map", "nope=phone"], 2, "has no column 'nope'"),
    (["import", "{tmp}/a.csv", "--map", "Name=shoe size"], 2, "unknown field"),
    (["import", "{tmp}/a.txt.ics"], 1, "cannot be read as a calendar: the file ends before END:VCALENDAR"),
    (["export", "{tmp}/out.pdf"], 1, "Cannot tell the format"),
])
def test_bad_requests_get_one_line_reasons(db, tmp_path, capsys, args, code, message):
    (tmp_path / "a.csv").write_text("Name\nx\n", encoding="utf-8")
    (tmp_path / "a.txt.ics").write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    assert main(["--db", str(db), *[a.format(tmp=tmp_path) for a in args]]) == code
    assert message in capsys.readouterr().err


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared vCard samples are not here (a fresh clone has none)")
def test_every_real_client_export_imports_but_nameless_and_broken_cards(db, capsys):
    total, refused = 0, {}
    for path in sorted(SAMPLES.glob("*.vcf")):
        assert main(["--db", str(db), "import", str(path), "--on-duplicate", "create"]) == 0, path.name
        out, err = capsys.readouterr()
        total += int(out.split(": ")[1].split()[0])
        refused.update({(path.name, line.split(":")[1].strip()): line for line in err.splitlines()
                        if line.startswith("rejected")})
    cards = sum(p.read_bytes().upper().count(b"BEGIN:VCARD") for p in SAMPLES.glob("*.vcf"))
    # Android's export has two cards with only an e-mail (no name) and one whose PHOTO is broken
    assert sorted(refused) == [("John_Doe_ANDROID.vcf", f"line {n}") for n in (1, 36, 6)]
    assert "cannot be read" in refused[("John_Doe_ANDROID.vcf", "line 36")]
    assert total == cards - 3
    assert db_rows(db, "select count(*) from contacts where name = ''") == [(0,)]


EVERY_FIELD = {
    "Name": "星辰科技有限公司", "Phone": "010-65521234", "Phone 2": "+86 138 0013 8000", "Email": "info@xc.example.cn",
    "Email 2": "sales@xc.example.cn", "Company": "星辰科技有限公司", "Title": "=采购部", "Address": "北京市朝阳区建国路88号",
    "City": "北京", "Birthday": "--03-15", "Lunar birthday": "闰04-10", "Gender": "female", "Stage": "customer",
    "Tier": "key", "Lead source": "exhibition", "Channel": "展会", "Tags": "企业, VIP", "Needs": "ERP",
    "Notes": "两行\n备注", "Marketing consent": "yes", "Do not contact": "yes", "Organisation": "yes",
    "UUID": "0b6c7a2e-9b1f-4d7e-8c39-5a1f2e3d4c5b",
}


def read_export_csv(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("name", ["again.csv", "again.xlsx", "again.vcf", "again.zip"])
def test_an_export_imported_into_an_empty_database_gives_back_every_field(db, tmp_path, capsys, name):
    first = tmp_path / "first.csv"
    with first.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(EVERY_FIELD))
        writer.writeheader()
        writer.writerow(EVERY_FIELD)
    assert main(["--db", str(db), "import", str(first)]) == 0
    assert main(["--db", str(db), "export", str(tmp_path / name)]) == 0
    assert main(["--db", str(db), "export", str(tmp_path / "exported.csv")]) == 0
    empty = tmp_path / "empty.sqlite3"
    assert main(["--db", str(empty), "import", str(tmp_path / name)]) == 0
    assert "note:" not in capsys.readouterr().err  # every column read
    assert main(["--db", str(empty), "export", str(tmp_path / "back.csv")]) == 0
    exported = read_export_csv(tmp_path / "exported.csv")
    assert exported == read_export_csv(tmp_path / "back.csv")
    assert exported[0]["Organisation"] == "yes" and exported[0]["Title"] == "'=采购部"


def test_an_outlook_csv_keeps_job_titles_and_birthdays(db, tmp_path, capsys):
    outlook = tmp_path / "outlook.csv"
    outlook.write_text(
        '"Title","First Name","Last Name","Company","Job Title","Mobile Phone","E-mail Address","Birthday"\r\n'
        '"Mr.","John","Doe","Acme","Sales Manager","+1 408 555 0199","john@acme.example","5/17/1990"\r\n'
        '"","Jane","Roe","","","","jane@example.com","0/0/00"\r\n', encoding="utf-8-sig")
    assert main(["--db", str(db), "import", str(outlook)]) == 0
    err = capsys.readouterr().err
    assert "warning" not in err and "Job Title" not in err
    assert db_rows(db, "select name, title, birth_year, birth_month, birth_day from contacts order by id") == [
        ("John Doe", "Sales Manager", 1990, 5, 17), ("Jane Roe", "", None, None, None)]


def test_birthdays_kept_as_excel_serial_numbers_are_read_as_their_dates(db, tmp_path, capsys):
    """29000 is 1979-05-25 in a cell formatted as a number, as text, or saved to CSV by Excel; a
    number that reads as a year or a month and day (1990, 1225) is not taken for a serial."""
    book = Workbook(tmp_path / "会员.xlsx")
    sheet, dated = book.add_worksheet(), book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["姓名", "生日"])
    sheet.write_row(1, 0, ["张三", 29000])  # General format: calamine gives the number
    sheet.write_row(2, 0, ["李四", 44197.0])  # 2021-01-01
    sheet.write_string(3, 0, "王五")
    sheet.write_string(3, 1, "32874.0")  # a number cell once turned into text
    sheet.write_row(4, 0, ["赵六"])
    sheet.write_datetime(4, 1, datetime(1985, 2, 1), dated)
    sheet.write_row(5, 0, ["钱七", 1990])
    book.close()
    (tmp_path / "members.csv").write_text("Name,Birthday\r\nAnn Lee,33000\r\nBo Chen,1225\r\n", encoding="utf-8")
    for name in ("会员.xlsx", "members.csv"):
        assert main(["--db", str(db), "import", str(tmp_path / name)]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "warning: line 6: '1990' is not a date (write it as 1990-05-17 or --05-17); it was left out.",
        "warning: line 3: '1225' is not a date (write it as 1990-05-17 or --05-17); it was left out."]
    assert db_rows(db, "select name, birth_year, birth_month, birth_day from contacts order by id") == [
        ("张三", 1979, 5, 25), ("李四", 2021, 1, 1), ("王五", 1990, 1, 1), ("赵六", 1985, 2, 1),
        ("钱七", None, None, None), ("Ann Lee", 1990, 5, 7), ("Bo Chen", None, None, None)]


def test_a_western_european_excel_csv_in_windows_1252_keeps_its_accents(db, tmp_path, capsys):
    """Semicolon-separated, no BOM, as a German or French Excel saves "CSV (Trennzeichen-getrennt)"."""
    exported = tmp_path / "Kunden.csv"
    exported.write_bytes("First Name;Last Name;Company;City;Notes\r\n"
                         "Jürgen;Müller;Bäckerei Weiß GmbH;München;Preis 5 € – „gut“\r\n"
                         "François;Lefèvre;Café Crème;Orléans;\r\n".encode("cp1252"))
    assert main(["--db", str(db), "import", str(exported)]) == 0
    assert "2 added" in capsys.readouterr().out
    assert db_rows(db, "select name, city, notes from contacts order by id") == [
        ("Jürgen Müller", "München", "Preis 5 € – „gut“"), ("François Lefèvre", "Orléans", "")]
    assert db_rows(db, "select name from companies order by id") == [("Bäckerei Weiß GmbH",), ("Café Crème",)]


def test_what_the_reader_noted_about_the_file_is_told(db, tmp_path, capsys):
    csv_file = tmp_path / "客户名单.csv"
    csv_file.write_bytes("客户名单,,\r\n姓名,手机,地址\r\n张三,13800138000,北京市,朝阳区\r\n".encode("gb18030"))
    assert main(["--db", str(db), "import", str(csv_file)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "note: Line 1 above the header row was left out." in err
    assert "note: Cells beyond the header's columns were left out on 1 line(s): 3." in err
    assert db_rows(db, "select name, address from contacts") == [("张三", "北京市")]


def test_a_file_with_a_header_and_no_rows_says_so_and_records_no_import(tmp_path, capsys):
    from crm_desktop.cli import main

    db, empty = tmp_path / "shop.sqlite3", tmp_path / "empty.csv"
    empty.write_bytes("\ufeff姓名,手机\r\n\r\n".encode())
    assert main(["--db", str(db), "import", str(empty)]) == 0
    assert "has no rows of contacts under its header: nothing was imported" in capsys.readouterr().out
    assert main(["--db", str(db), "import", "--list"]) == 0
    assert "empty.csv" not in capsys.readouterr().out
