"""CSV and spreadsheet files read and written for real in tmp_path, as other programs make them."""

import csv
import re
import zipfile
from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from xlsxwriter import Workbook

from crm_desktop.domain.contact_fields import EXPORT_KEYS, FIELDS, guess_mapping
from crm_desktop.interchange.csv_in import read_csv
from crm_desktop.interchange.csv_out import write_csv
from crm_desktop.interchange.decoding import decode, looks_chinese
from crm_desktop.interchange.excel_dates import serial_date
from crm_desktop.interchange.sheet_in import cell_text, read_sheet
from crm_desktop.interchange.sheet_out import SpreadsheetLimitError, write_xlsx
from crm_desktop.interchange.source import SourceError

CN_EXCEL = "姓名,手机,邮箱,公司\r\n张三,13800138000,zhang@example.com,北京掌柜科技有限公司\r\n王喆,13900139000,,上海贸易公司\r\n"
BIG5 = ("姓名,手機,電子郵件,公司,地址\r\n陳大文,0912345678,chan@example.com,台灣積體電路製造,臺北市信義區市府路1號\r\n"
        "林美麗,0988777666,lin@example.tw,鴻海精密工業,新北市土城區自由街2號\r\n")


def _file(tmp_path, data: bytes, name="in.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _lines(table):
    """(line, cells) of every row: where the user is told each row came from, and what it holds."""
    return [(row.line, row.cells) for row in table.rows]


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_csv_from_chinese_excel_in_gb18030_or_utf8_with_or_without_bom(tmp_path, encoding):
    table = read_csv(_file(tmp_path, CN_EXCEL.encode(encoding)))
    assert (table.encoding, table.headers) == (encoding, ("姓名", "手机", "邮箱", "公司"))
    assert _lines(table) == [(2, ("张三", "13800138000", "zhang@example.com", "北京掌柜科技有限公司")),
                                       (3, ("王喆", "13900139000", "", "上海贸易公司"))]
    assert guess_mapping(list(table.headers)) == {0: "name", 1: "phone", 2: "email", 3: "company"}


def test_excel_unicode_text_is_tab_separated_utf16(tmp_path):
    text = '姓名\t地址\t备注\r\n张三\t北京市, 朝阳区\t"两行\r\n备注"\r\n李四\t上海\t\r\n'
    table = read_csv(_file(tmp_path, text.encode("utf-16"), "unicode.txt"))
    assert table.encoding == "utf-16" and table.headers == ("姓名", "地址", "备注")
    assert _lines(table) == [(2, ("张三", "北京市, 朝阳区", "两行\r\n备注")), (4, ("李四", "上海", ""))]


def test_big5_is_read_as_big5_not_as_gb18030_mojibake(tmp_path):
    data = BIG5.encode("big5")
    assert not looks_chinese(data.decode("gb18030"))  # it decodes as GB18030, into nonsense
    table, chosen = read_csv(_file(tmp_path, data)), read_csv(tmp_path / "in.csv", "big5")
    assert "big5" in table.encoding.replace("_", "").lower() and chosen.encoding == "big5"
    assert table.headers == ("姓名", "手機", "電子郵件", "公司", "地址") and table.rows[1].cells[0] == "林美麗"
    assert (chosen.headers, chosen.rows) == (table.headers, table.rows)


def test_a_long_file_is_judged_on_slices_from_start_to_end(tmp_path):
    """Over a million characters the check reads slices spread over the file: Big5 rows after a long
    ASCII start are still told from GB18030, and a long GB18030 file is still GB18030."""
    ascii_start = "name,phone\r\n" + "Anna Smith,0912345678\r\n" * 40_000  # about 900,000 characters
    big5_rows = BIG5.split("\r\n", 1)[1] * 3_000
    long_big5 = (ascii_start + big5_rows).encode("big5")
    assert len(long_big5) > 1_100_000 and not looks_chinese(long_big5.decode("gb18030"))
    assert "big5" in decode(long_big5)[1].replace("_", "").lower()
    long_gb = (CN_EXCEL + CN_EXCEL.split("\r\n", 1)[1] * 20_000).encode("gb18030")
    assert decode(long_gb)[1] == "gb18030"


@pytest.mark.parametrize(("encoding", "text"), [
    ("cp1252", "Name;City\r\nMüller;München\r\nLefèvre;Orléans\r\nÅsa Öberg;Göteborg\r\n"),
    ("cp1250", "Imię;Miasto\r\nŁukasz Żółć;Łódź\r\nAgnieszka Wąsik;Kraków\r\n"),
    ("cp1251", "Имя;Телефон\r\nИван Петров;+7 495 1234567\r\nМария Иванова;+7 812 7654321\r\n"),
    ("cp1253", "Όνομα;Πόλη\r\nΓιώργος Παπαδόπουλος;Αθήνα\r\n")])
def test_western_european_bytes_are_windows_1252_and_other_code_pages_stay_theirs(encoding, text):
    """Windows-1252 wins among the single-byte pages that fit, but not over Polish, Russian or Greek
    text, which read as Windows-1252 would be signs or Latin letters in no language."""
    assert decode(text.encode(encoding)) == (text, encoding)


def test_a_long_windows_1252_file_is_not_read_in_a_dos_code_page():
    """On a long file charset-normalizer settles on a DOS page before trying Windows-1252."""
    text = "Name;City;Notes\r\n" + "Jürgen Müller;München;Preis – 5 €\r\n" * 20_000
    assert decode(text.encode("cp1252")) == (text, "cp1252")


@pytest.mark.parametrize(("encoding", "named"), [("gb18030", "gb18030"), ("utf-32", "utf-32"), ("utf-16-be", "utf-16")])
def test_short_files_are_detected_by_their_bom_or_as_plausible_chinese(encoding, named):
    data = ("\ufeff" if encoding == "utf-16-be" else "") + "王喆,13900139000\r\n"  # 喆 is not in GB2312
    assert decode(data.encode(encoding)) == ("王喆,13900139000\r\n", named)


@pytest.mark.parametrize("text", ["姓名;地址;手机\n张三;北京市,朝阳区,建国路88号;138\n李四;上海,浦东;139\n",
                                  "姓名|地址|手机\n张三|北京市,朝阳区,建国路88号|138\n李四|上海;浦东|139\n"])
def test_the_delimiter_is_the_one_giving_a_consistent_table(tmp_path, text):
    assert read_csv(_file(tmp_path, text.encode())).rows[0].cells == ("张三", "北京市,朝阳区,建国路88号", "138")


def test_excel_sep_line_sets_the_delimiter_and_counts_as_a_line(tmp_path):
    table = read_csv(_file(tmp_path, b"sep=;\r\nName,Notes;City\r\nAnn,x;Y\r\n"))  # sniffing would pick ","
    assert table.headers == ("Name,Notes", "City") and _lines(table) == [(3, ("Ann,x", "Y"))]


def test_rows_after_a_multiline_cell_and_blank_lines_keep_their_physical_line(tmp_path):
    text = '\nName,Notes\nAnn,"line one\nline two\nline three"\n\nBob,x\n,\n"Cy",y\n'
    table = read_csv(_file(tmp_path, text.encode()))
    assert _lines(table) == [(3, ("Ann", "line one\nline two\nline three")), (7, ("Bob", "x")), (9, ("Cy", "y"))]


def test_short_rows_are_padded_and_text_beyond_the_header_is_noted(tmp_path):
    table = read_csv(_file(tmp_path, b"Name,Phone,City\nAnn\nBob,1,X,,\nCy,2,Y,extra\n"))
    assert [r.cells for r in table.rows] == [("Ann", "", ""), ("Bob", "1", "X"), ("Cy", "2", "Y")]
    assert len(table.notes) == 1 and "line(s): 4." in table.notes[0].message


@pytest.mark.parametrize(("encoding", "message"), [("utf-8", "not valid utf-8 text"), ("ascii", "not valid ascii"),
                                                 ("klingon", "'klingon' is not a text encoding")])
def test_an_explicit_wrong_or_unknown_encoding_is_refused_naming_it(tmp_path, encoding, message):
    with pytest.raises(SourceError, match=message):
        read_csv(_file(tmp_path, CN_EXCEL.encode("gb18030")), encoding=encoding)


@pytest.mark.parametrize(("read", "name", "data", "message"), [
    (read_csv, "in.csv", b"", "in.csv holds no header row"), (read_csv, "in.csv", b"\r\n , \r\n", "no header row"),
    (read_csv, "in.csv", b"PK\x03\x04\x00\x00binary", "in.csv holds binary data"),
    (read_csv, "in.csv", bytes(range(0x80, 0x100)) * 3, "Cannot tell the text encoding of the file; choose one"),
    (read_sheet, "in.xlsx", b"Name,Phone\r\nAnn,1\r\n", "in.xlsx is not a spreadsheet"),
    (read_sheet, "in.xlsx", b"PK\x05\x06" + bytes(18), "in.xlsx is not a spreadsheet")])
def test_empty_binary_or_wrongly_named_files_are_refused_plainly(tmp_path, read, name, data, message):
    with pytest.raises(SourceError, match=message):
        read(_file(tmp_path, data, name))


ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
ODS_NS = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{p}:1.0"' for p in ("office", "table", "text"))
ODS_MANIFEST = ('<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')


def _workbook(path, sheets):
    """An .xlsx made by xlsxwriter: {sheet name: {(row, col): value}}; datetimes get a date format."""
    book = Workbook(path)
    dated = book.add_format({"num_format": "yyyy-mm-dd"})
    for name, cells in sheets.items():
        sheet = book.add_worksheet(name)
        for (row, col), value in cells.items():
            sheet.write(row, col, value, dated if isinstance(value, datetime) else None)
    book.close()
    return path


def test_xlsx_typed_cells_become_the_text_a_person_types(tmp_path):
    cells = {(1, 1): "姓名", (1, 2): "手机", (1, 3): "生日", (1, 4): "会员", (1, 5): "余额",
             (2, 1): "张三", (2, 2): 13800138000, (2, 3): datetime(1990, 5, 17), (2, 4): True, (2, 5): 0.1 + 0.2,
             (4, 1): "'=SUM(A1)", (4, 2): "0755-1234", (4, 4): False, (4, 5): -12.5}
    table = read_sheet(_workbook(tmp_path / "in.xlsx", {"Empty": {}, "客户": cells}))
    assert (table.format, table.sheet, table.headers) == ("xlsx", "客户", ("姓名", "手机", "生日", "会员", "余额"))
    assert _lines(table) == [(3, ("张三", "13800138000", "1990-05-17", "yes", "0.3")),
                                       (5, ("=SUM(A1)", "0755-1234", "", "no", "-12.5"))]


def test_a_named_sheet_is_read_and_a_missing_one_refused(tmp_path):
    path = _workbook(tmp_path / "in.xlsx", {"A": {(0, 0): "Name", (1, 0): "Ann"}, "B": {(0, 0): "Name", (1, 0): "Bob"}})
    assert read_sheet(path, "B").rows[0].cells == ("Bob",) and read_sheet(path).sheet == "A"
    with pytest.raises(SourceError, match="no sheet named C"):
        read_sheet(path, "C")


def test_an_ods_sheet_is_read(tmp_path):
    """A minimal OpenDocument package (mimetype, manifest, content) as the ODF 1.2 spec lays it out."""
    def cell(kind, text, value=""):
        return f'<table:table-cell office:value-type="{kind}" {value}><text:p>{text}</text:p></table:table-cell>'
    head = cell("string", "姓名") + cell("string", "手机") + cell("string", "生日")
    data = (cell("string", "张三") + cell("float", "13800138000", 'office:value="13800138000"')
            + cell("date", "1990-05-17", 'office:date-value="1990-05-17"'))
    blank = '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
    with zipfile.ZipFile(tmp_path / "in.ods", "w", zipfile.ZIP_DEFLATED) as ods:
        ods.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME)
        ods.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        ods.writestr("content.xml", f'<office:document-content {ODS_NS} office:version="1.2"><office:body><office:spreadsheet>'
                     f'<table:table table:name="客户"><table:table-row>{head}</table:table-row>{blank}'
                     f'<table:table-row>{data}</table:table-row></table:table></office:spreadsheet></office:body>'
                     '</office:document-content>')
    table = read_sheet(tmp_path / "in.ods")
    assert (table.format, table.headers) == ("ods", ("姓名", "手机", "生日"))
    assert _lines(table) == [(4, ("张三", "13800138000", "1990-05-17"))]


ROWS = [{"name": "张三", "phone": "+8613800138000", "notes": "=HYPERLINK(\"http://x\",\"点我\")", "tier": "-5"},
        {"name": "Ann, \"the\" client", "phone": "13800138000", "company": "多行\r\n公司", "notes": "@me"}]
KEYS = ("name", "phone", "company", "tier", "notes")
STORED = [["张三", "'+8613800138000", "", "'-5", "'=HYPERLINK(\"http://x\",\"点我\")"],
          ["Ann, \"the\" client", "13800138000", "多行\r\n公司", "", "'@me"]]


def _failing_rows():
    """Rows from a database that fails half way through the export."""
    yield ROWS[0]
    raise OSError("disk full")


def _texts(rows, keys):
    return [tuple(row.get(key, "") for key in keys) for row in rows]


def test_csv_export_opens_in_excel_as_guarded_utf8_text(tmp_path):
    path = tmp_path / "out.csv"
    assert write_csv(path, iter(ROWS), KEYS) == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfName,Phone,Company,Tier,Notes\r\n") and data.endswith(b"\r\n")
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1:] == STORED
    assert [r.cells for r in read_csv(path).rows] == _texts(ROWS, KEYS)


def test_xlsx_export_holds_only_guarded_text_cells(tmp_path):
    path = tmp_path / "out.xlsx"
    assert write_xlsx(path, iter(ROWS), KEYS) == 2
    grid = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    assert grid[0] == ["Name", "Phone", "Company", "Tier", "Notes"] and grid[1:] == STORED
    assert all(type(cell) is str for row in grid for cell in row)
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    cells = re.findall(r"<c [^>]*>", sheet_xml)
    assert not re.search("<f[ >]", sheet_xml)  # no formula anywhere
    assert len(cells) == 3 * 5 and all('t="inlineStr"' in c for c in cells)  # empty ones too: text
    assert all(' s="1" ' in c for c in cells[:5]) and not any(" s=" in c for c in cells[5:])  # bold header
    assert 'state="frozen"' in sheet_xml and 'width="40.7' in sheet_xml  # notes column: 40 wide
    assert [r.cells for r in read_sheet(path).rows] == _texts(ROWS, KEYS)


@pytest.mark.parametrize("write", [write_csv, write_xlsx])
def test_a_failed_export_leaves_the_old_file_and_no_temporary(tmp_path, write):
    path = _file(tmp_path, b"old export", f"out.{write.__name__[6:]}")
    with pytest.raises(OSError, match="disk full"):
        write(path, _failing_rows(), KEYS)
    assert path.read_bytes() == b"old export" and list(tmp_path.iterdir()) == [path]


def test_a_cell_too_long_for_excel_is_refused_not_cut(tmp_path):
    with pytest.raises(SpreadsheetLimitError, match="Contact 1 has a cell longer"):
        write_xlsx(tmp_path / "out.xlsx", [{"notes": "备" * 40_000}])
    assert list(tmp_path.iterdir()) == []


# Guaranteed to survive: any text but NUL, lone surrogates and U+FFFE/U+FFFF (XML cannot hold them), \r, \n,
# tabs, quotes, delimiters and formula starts included. Rows of blank cells (str.isspace) are skipped on reading.
HEADERS = {f.key: f.header for f in FIELDS}
CELL = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00\ufffe\uffff"), max_size=12)
TABLES = st.tuples(st.lists(st.sampled_from(EXPORT_KEYS), min_size=1, max_size=5, unique=True),
                   st.lists(st.lists(CELL, min_size=5, max_size=5), max_size=5))


@settings(max_examples=60, deadline=None)
@given(TABLES)
def test_any_text_survives_an_export_and_an_import(tmp_path_factory, table):
    keys, values = table
    rows = [dict(zip(keys, cells, strict=False)) for cells in values]
    expected = [cells for cells in _texts(rows, keys) if any(c.strip() for c in cells)]
    folder = tmp_path_factory.mktemp("roundtrip")
    for write, read, name in ((write_csv, read_csv, "out.csv"), (write_xlsx, read_sheet, "out.xlsx")):
        assert write(folder / name, rows, keys) == len(rows)
        back = read(folder / name)
        assert back.headers == tuple(HEADERS[key] for key in keys) and back.notes == ()
        assert [r.cells for r in back.rows] == expected, name


@pytest.mark.parametrize(("value", "text"), [
    (datetime(2001, 2, 3, 4, 5, 6), "2001-02-03 04:05:06"), (datetime(2001, 2, 3), "2001-02-03"), (time(8, 30), "08:30:00"),
    (timedelta(hours=26, seconds=5), "26:00:05"), (1e20, "100000000000000000000"), (0.1 + 0.2, "0.3"), (None, "")])
def test_calamine_values_as_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(("serial", "day"), [
    (1, "1900-01-01"), (59, "1900-02-28"), (60, None), (61, "1900-03-01"), (29000, "1979-05-25"),
    (73050, "2099-12-31"), (0, None)])
def test_excel_serials_count_the_lotus_leap_day_that_never_was(serial, day):
    found = serial_date(serial)
    assert (found.isoformat() if found else None) == day


def test_our_own_export_headers_map_back_to_every_field():
    """Our "Organisation" header also reads as company; after our Company column it is the flag."""
    assert guess_mapping([HEADERS[key] for key in EXPORT_KEYS]) == dict(enumerate(EXPORT_KEYS))


def test_a_second_phone_or_email_column_fills_the_second_field_and_any_more_the_more_field():
    headers = ["姓名", "手机", "电话", "邮箱", "电子邮件", "座机", "Home Phone", "备用邮箱", "e-mail 3 address"]
    assert guess_mapping(headers) == {0: "name", 1: "phone", 2: "phone2", 3: "email", 4: "email2",
                                      5: "more_phones", 6: "more_phones", 7: "more_emails"}


def test_outlooks_job_title_is_the_title_not_its_honorific_title_column():
    headers = ["Title", "First Name", "Last Name", "Company", "Job Title", "Business Phone", "Mobile Phone",
               "E-mail Address", "E-mail 2 Address", "Birthday"]
    assert guess_mapping(headers) == {1: "given_name", 2: "family_name", 3: "company", 4: "title", 5: "phone2",
                                      6: "phone", 7: "email", 8: "email2", 9: "birthday"}


def test_a_title_row_above_the_header_is_passed_over_and_noted(tmp_path):
    text = "2024年客户名单,,,\r\n\r\n姓名,手机,邮箱,公司\r\n张三,13800138000,zs@example.com,星辰\r\n"
    table = read_csv(_file(tmp_path, text.encode("gb18030")))
    assert table.headers == ("姓名", "手机", "邮箱", "公司")
    assert _lines(table) == [(4, ("张三", "13800138000", "zs@example.com", "星辰"))]
    assert [note.message for note in table.notes] == ["Line 1 above the header row was left out."]


def test_a_sheet_with_a_merged_title_above_the_header(tmp_path):
    path = tmp_path / "in.xlsx"
    book = Workbook(path)
    sheet = book.add_worksheet("客户")
    sheet.merge_range(0, 0, 0, 2, "客户信息表")
    for row, cells in enumerate([("姓名", "手机", "公司"), ("张三", "13800138000", "星辰")], start=1):
        sheet.write_row(row, 0, cells)
    book.close()
    table = read_sheet(path)
    assert table.headers == ("姓名", "手机", "公司") and _lines(table) == [(3, ("张三", "13800138000", "星辰"))]
    assert [note.message for note in table.notes] == ["Line 1 above the header row was left out."]


def test_a_first_row_naming_a_field_stays_the_header(tmp_path):
    table = read_csv(_file(tmp_path, "姓名,会员卡\r\n客户,电话\r\n".encode()))  # the row's words name fields too
    assert table.headers == ("姓名", "会员卡") and len(table.rows) == 1 and table.notes == ()


def test_the_filled_columns_are_those_with_text_in_some_row_short_rows_padded():
    from crm_desktop.interchange.source import SourceRow, SourceTable

    rows = (SourceRow(2, ("王伟", " ", "")), SourceRow(3, ("李芳",)), SourceRow(4, ("", "\t", "", "x")))
    table = SourceTable("csv", ("姓名", "电话", "邮箱", "备注"), rows)
    assert table.filled_columns() == {0, 3}
    assert SourceTable("csv", ("姓名",), ()).filled_columns() == frozenset()
