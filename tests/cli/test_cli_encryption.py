"""`crm-desktop encrypt` and the passphrase every command takes, tried from outside."""

import re
import sqlite3
import subprocess
import sys

import pytest

from crm_desktop.cli import main


@pytest.fixture
def encrypted(tmp_path, capsys):
    path = tmp_path / "shop.sqlite3"
    assert main(["--db", str(path), "demo", "--contacts", "60", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "search", "a", "--limit", "1"]) == 0
    name = capsys.readouterr().out.split("\t")[0]
    secret = tmp_path / "pass.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    assert main(["--db", str(path), "encrypt", "--passphrase-file", str(secret)]) == 0
    recovery = re.search(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", capsys.readouterr().out).group(0)
    return path, name, secret, recovery


def _run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "crm_desktop", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_encrypted_database_from_outside(encrypted, tmp_path):
    path, name, secret, _ = encrypted
    assert name and name.encode() not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as conn:
        conn.execute("select * from contacts").fetchall()
    found = _run("--db", str(path), "--passphrase-file", str(secret), "search", name)
    assert found.returncode == 0 and found.stdout.startswith(name)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase", encoding="utf-8")
    refused = _run("--db", str(path), "search", name, "--passphrase-file", str(wrong))
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr.strip().splitlines() == [f"crm-desktop: error: The passphrase is wrong for {path}."]


def test_no_passphrase_then_env_then_recovery_key(encrypted, tmp_path, capsys, monkeypatch):
    path, name, _, recovery = encrypted
    _forget(path)  # the key encrypt made is remembered by this process
    assert main(["--db", str(path), "check"]) == 1
    assert "is encrypted: give its passphrase" in capsys.readouterr().err
    monkeypatch.setenv("CRM_PASSPHRASE", "correct horse battery")
    assert main(["--db", str(path), "check"]) == 0
    monkeypatch.delenv("CRM_PASSPHRASE")
    capsys.readouterr()
    key_file = tmp_path / "recovery.txt"
    key_file.write_text(recovery.lower(), encoding="utf-8")
    _forget(path)
    assert main(["--db", str(path), "--recovery-key-file", str(key_file), "search", name]) == 0
    assert capsys.readouterr().out.startswith(name)


def test_change_passphrase_rekeys(encrypted, tmp_path, capsys):
    path, name, secret, recovery = encrypted
    new = tmp_path / "new.txt"
    new.write_text("a brand new passphrase", encoding="utf-8")
    assert main(["--db", str(path), "change-passphrase", "--passphrase-file", str(secret),
                 "--new-passphrase-file", str(new)]) == 0
    assert re.search(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", capsys.readouterr().out).group(0) != recovery
    _forget(path)
    assert main(["--db", str(path), "--passphrase-file", str(secret), "stats"]) == 1
    assert "passphrase is wrong" in capsys.readouterr().err
    assert main(["--db", str(path), "--passphrase-file", str(new), "search", name]) == 0


def test_encrypt_needs_a_passphrase(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "x.sqlite3"), "encrypt"]) == 2
    assert "give the new passphrase" in capsys.readouterr().err


def _forget(path):
    from crm_desktop.storage import cipher

    cipher.forget(path)


def test_export_from_the_command_line_is_the_owners(tmp_path, capsys, monkeypatch):
    path = tmp_path / "shop.sqlite3"
    assert main(["--db", str(path), "demo", "--contacts", "30", "--seed", "4"]) == 0
    monkeypatch.setenv("CRM_USER", "li")  # a salesperson of the demo data
    monkeypatch.setenv("CRM_PASSWORD", "demo")
    capsys.readouterr()
    assert main(["--db", str(path), "export", str(tmp_path / "all.csv")]) == 1
    assert "does not allow" in capsys.readouterr().err and not (tmp_path / "all.csv").exists()
    monkeypatch.setenv("CRM_USER", "owner")
    assert main(["--db", str(path), "export", str(tmp_path / "all.csv")]) == 0


def test_an_import_into_an_encrypted_database(encrypted, tmp_path):
    """SQLCipher's driver tells no parameter limit: the bulk insert keeps to SQLite's smallest (999)."""
    path, _, secret, _ = encrypted
    rows = "".join(f"加密客户{i},1391234{i:04d},c{i}@example.com,杭州\r\n" for i in range(1, 251))
    csv_file = tmp_path / "in.csv"
    csv_file.write_bytes(("姓名,手机,邮箱,城市\r\n" + rows).encode("gb18030"))
    done = _run("--db", str(path), "--passphrase-file", str(secret), "import", str(csv_file))
    assert done.returncode == 0, done.stderr
    found = _run("--db", str(path), "--passphrase-file", str(secret), "search", "加密客户250")
    assert found.returncode == 0 and found.stdout.startswith("加密客户250")
    phone = _run("--db", str(path), "--passphrase-file", str(secret), "search", "13912340007")
    assert phone.stdout.startswith("加密客户7\t")
