"""Simplified Chinese ships complete, and switching language re-labels the running window."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "crm_desktop_zh_CN.ts"
QM = ROOT / "crm_desktop" / "resources" / "translations" / "crm_desktop_zh_CN.qm"


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else shutil.which("pyside6-lupdate")


def test_every_visible_string_has_a_chinese_translation(tmp_path):
    """Extract the sources' strings again into a copy of the .ts: nothing may be left unfinished."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "crm_desktop").rglob("*.py") if "migrations" not in p.parts)
    subprocess.run([_lupdate(), "-locations", "none", "-no-obsolete", *sources, "-ts", str(copy)],
                   check=True, capture_output=True)
    unfinished = [
        f"{ctx.findtext('name')}: {msg.findtext('source')}"
        for ctx in ET.parse(copy).getroot()
        for msg in ctx.findall("message")
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not "".join(msg.find("translation").itertext()).strip()
    ]
    assert unfinished == []


def test_compiled_translation_is_installed_by_bootstrap():
    assert QM.exists(), "run scripts/bootstrap.sh to compile the translations"


@pytest.mark.skipif(not QM.exists(), reason="translations not compiled")
def test_switching_language_relabels_the_window(qtbot, db_path, open_window):
    window = open_window(db_path)
    assert window.tabs.tabText(1) == "Contacts"
    window.controller.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "客户")
    assert window.contacts.page.search.placeholderText().startswith("搜索")
    assert window.actions.new_record.text() == "新建(&N)"
    window.controller.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Contacts")
