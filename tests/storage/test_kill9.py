"""KILL -9 TEST (slow, ~30-45 s on a busy 2-core machine): 20 rounds of a real `crm-desktop` process killed with SIGKILL at a
random moment, 10 during an import and 10 during a series of edits. After each: `check` passes,
the import is there whole or not at all, and every edit the process reported as saved is there.

The moments are drawn uniformly over the time an unkilled run takes, so rounds land before, during
and after the write transaction; the seed is printed so a failing round can be replayed.
"""

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import pytest

from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage.maintenance import check_database

ROWS = 2000
EDITS = """
import sys
from crm_desktop.cli import _services
from crm_desktop.services.dto import ContactDraft
services = _services(sys.argv[1])
print("ready", flush=True)
for i in range(100_000):
    contact = services.contacts.create(ContactDraft(name=f"编辑{i}", phone=f"1390000{i:04d}"))
    services.contacts.update(contact.id, ContactDraft(name=f"编辑{i}", title="改过"))
    print(contact.id, flush=True)  # only after both commits returned
"""


def _count(path, where="1=1") -> int:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(f"select count(*) from contacts where {where}").fetchone()[0]  # noqa: S608


def _env(tmp_path):
    return dict(os.environ, CRM_DATA_DIR=str(tmp_path / "data"), PYTHONHASHSEED="0")


def _killed_after(cmd, delay, env, ready: bool = False) -> str:
    """Start `cmd`, wait `delay` seconds (counted from its "ready" line when `ready`), SIGKILL it."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    if ready:
        assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_no_commit_and_leaves_no_half_import(tmp_path, services, db):
    services.contacts.create(ContactDraft(name="老客户"))
    db.dispose()
    base = db.path
    csv = tmp_path / "big.csv"
    csv.write_text("姓名,手机,公司\n" + "".join(f"导入{i},1380013{i:04d},甲公司\n" for i in range(ROWS)), encoding="utf-8")
    env = _env(tmp_path)
    seed = random.randrange(10**6)
    rng = random.Random(seed)
    print(f"kill -9 seed {seed}")

    work = tmp_path / "run.sqlite3"
    shutil.copy(base, work)
    import_cmd = [sys.executable, "-m", "crm_desktop", "--db", str(work), "import", str(csv)]
    started = time.perf_counter()
    subprocess.run(import_cmd, check=True, capture_output=True, env=env, timeout=60)
    full = time.perf_counter() - started  # how long an unkilled import takes, start-up included
    assert _count(work, "name like '导入%'") == ROWS

    outcomes = {"none": 0, "all": 0, "edits saved": 0}
    for round_no in range(20):
        for suffix in ("", "-wal", "-shm"):
            (tmp_path / f"run.sqlite3{suffix}").unlink(missing_ok=True)
        shutil.copy(base, work)
        if round_no % 2 == 0:
            _killed_after(import_cmd, rng.uniform(full * 0.4, full * 1.05), env)  # start-up writes nothing
            imported = _count(work, "name like '导入%'")
            assert imported in (0, ROWS), f"round {round_no} (seed {seed}): half an import, {imported} rows"
            outcomes["all" if imported else "none"] += 1
        else:
            out = _killed_after([sys.executable, "-c", EDITS, str(work)], rng.uniform(0.1, 1.2), env, ready=True)
            saved = [int(line) for line in out.split() if line.isdigit()]
            with closing(sqlite3.connect(work)) as conn:
                present = {r[0] for r in conn.execute("select id from contacts where title = '改过'")}
            assert set(saved) <= present, f"round {round_no} (seed {seed}): saved edits lost"
            outcomes["edits saved"] += len(saved)
        assert check_database(work) == [], f"round {round_no} (seed {seed})"
        assert _count(work, "name = '老客户'") == 1
    print(f"outcomes: {outcomes}")
    assert outcomes["edits saved"] > 0  # the edit rounds were killed while saving, not before
