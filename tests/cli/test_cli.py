"""The command line, in-process and once as a real process."""

import hashlib
import json
import sqlite3
import subprocess
import sys

import pytest

from crm_desktop.cli import main
from crm_desktop.storage.backup import integrity_problems


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(path, table):
    with sqlite3.connect(path) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.fixture
def demo_db(tmp_path):
    path = tmp_path / "shop.sqlite3"
    assert main(["--db", str(path), "demo", "--contacts", "300", "--seed", "2"]) == 0
    return path


def test_demo_then_check_then_stats(demo_db, capsys):
    capsys.readouterr()
    assert main(["--db", str(demo_db), "check"]) == 0
    assert capsys.readouterr().out.strip() == "ok"
    assert main(["--db", str(demo_db), "stats", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["tables"]["contacts"] == 300
    assert sum(report["contacts_by_stage"].values()) == 300
    assert set(report["contacts_by_tier"]) <= {"key", "potential", "ordinary", "cold"}
    assert all(n > 0 for n in report["tables"].values())


def test_backup_writes_a_verified_copy(demo_db, tmp_path, capsys):
    dest = tmp_path / "bk" / "copy.sqlite3"
    assert main(["--db", str(demo_db), "backup", str(dest)]) == 0
    assert integrity_problems(dest) == []
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.sqlite3"]  # one file, nothing beside it
    for table in ("contacts", "points_ledger", "interactions"):
        assert _count(dest, table) == _count(demo_db, table)


def test_restore_keeps_the_replaced_database_aside(demo_db, tmp_path, capsys):
    backup = tmp_path / "copy.sqlite3"
    assert main(["--db", str(demo_db), "backup", str(backup)]) == 0
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "demo", "--contacts", "20"]) == 0
    capsys.readouterr()
    assert main(["--db", str(other), "restore", str(backup)]) == 0
    out = capsys.readouterr().out
    kept = next(p for p in tmp_path.iterdir() if p.name.startswith("other.sqlite3.replaced-"))
    assert str(kept) in out
    assert _count(other, "contacts") == 300 and _count(kept, "contacts") == 20


def test_restore_refuses_a_broken_backup_and_changes_nothing(demo_db, tmp_path, capsys):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    before = _count(demo_db, "contacts")
    assert main(["--db", str(demo_db), "restore", str(bad)]) == 1
    assert "cannot be restored" in capsys.readouterr().err
    assert _count(demo_db, "contacts") == before


@pytest.mark.parametrize("content", ["name,phone\n张三,138\n".encode("gb18030"), b"\x00\x01garbage" * 100])
def test_check_on_a_file_that_is_not_a_database(tmp_path, capsys, content):
    path = tmp_path / "customers.csv"
    path.write_bytes(content)
    before = (_sha(path), path.stat().st_mtime_ns)
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a Zhanggui CRM database" in err[0]
    assert (_sha(path), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["customers.csv"]


def test_check_on_another_programs_sqlite_file(tmp_path, capsys):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("create table songs (title text)")
    before = _sha(path)
    assert main(["--db", str(path), "check"]) == 1
    assert "another program" in capsys.readouterr().err
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_check_finds_a_broken_reference(demo_db, capsys):
    with sqlite3.connect(demo_db) as conn:
        conn.execute("pragma foreign_keys = off")
        conn.execute("update interactions set contact_id = 999999 where id = 1")
    assert main(["--db", str(demo_db), "check"]) == 1
    assert "foreign key" in capsys.readouterr().err


def test_demo_on_a_non_database_is_refused_untouched(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    assert main(["--db", str(path), "demo", "--contacts", "5"]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == "hello"


@pytest.mark.parametrize("argv", [["demo", "--contacts", "0"], ["demo", "--contacts", "many"], ["frobnicate"]])
def test_bad_arguments_exit_non_zero(tmp_path, argv):
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "x.sqlite3"), *argv])
    assert exit_info.value.code != 0


def test_later_commands_are_listed_and_say_so(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    for command in ("demo", "check", "backup", "restore", "stats", "import", "export", "search"):
        assert command in help_text
    assert main(["--db", str(tmp_path / "x.sqlite3"), "import"]) == 2


def test_runs_as_a_module_process(tmp_path):
    path = tmp_path / "p.sqlite3"
    run = lambda *a: subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(path), *a],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    assert run("demo", "--contacts", "50").returncode == 0
    checked = run("check")
    assert checked.returncode == 0 and checked.stdout.strip() == "ok"


def test_search_prints_best_matches_first(tmp_path, capsys):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.dto import ContactDraft
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    path = tmp_path / "s.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    services = Services.build(ServiceContext(db))
    for name, phone in (("王小张", "13900000001"), ("张三丰", "13900000002"), ("张三", "138 0013 8000"),
                        ("100%纯", "")):
        services.contacts.create(ContactDraft(name=name, phone=phone))
    db.dispose()
    capsys.readouterr()
    assert main(["--db", str(path), "search", "张三"]) == 0
    names = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert names == ["张三", "张三丰"]
    assert main(["--db", str(path), "search", "zs", "--limit", "5"]) == 0
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == ["张三", "张三丰"]
    assert main(["--db", str(path), "search", "张"]) == 0  # prefix matches before a match inside
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == ["张三", "张三丰", "王小张"]
    assert main(["--db", str(path), "search", "0013 8000"]) == 0
    assert capsys.readouterr().out.startswith("张三\t138 0013 8000")
    assert main(["--db", str(path), "search", "%"]) == 0
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == ["100%纯"]


def test_search_on_a_missing_database_says_so(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "nothing.sqlite3"), "search", "张"]) == 1
    assert capsys.readouterr().err.strip() == f"crm-desktop: error: There is no database at {tmp_path / 'nothing.sqlite3'}."
    assert list(tmp_path.iterdir()) == []
